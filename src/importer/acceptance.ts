/**
 * Is the extracted text the article? Readability picks the block of a page
 * that scores best, and on some layouts that is the legal footer or a rail of
 * links, or a block that misses the article. The text it picked is measured
 * against the page before it is accepted:
 * - its length: a page whose article is a handful of words is a teaser, a
 *   video or a page whose text a script loads;
 * - how much of it is links, and how much is boilerplate (copyright, cookies,
 *   terms, market-data notices);
 * - its place: not in a footer, not above the headline;
 * - how much of the page's main text (the paragraphs of its article, main or
 *   body, leaving out furniture) it keeps, and how much of it comes from there.
 * The thresholds are set from the saved-page corpus (decision 035).
 */
import { FURNITURE_SELECTOR, inFurniture, isChromeBlock, paragraphChars } from './furniture.ts';
import { collapseWhitespace } from './typography.ts';

export const LIMITS = {
  /** Fewer words than this is not an article. */
  minWords: 60,
  /** The most of the text that may be link text. */
  maxLinkShare: 0.35,
  /** The most of the text that may be boilerplate paragraphs (when two or more are). */
  maxBoilerplateShare: 0.25,
  /** The least of the page's main text the extraction must keep. */
  minCoverage: 0.6,
  /** The least of the extraction that must come from the page's main text. */
  minFromMain: 0.6,
  /** Of the first paragraphs after the headline, how many the extraction must keep. */
  leadParagraphs: 3,
  minLeadKept: 2,
};

/** What the extraction gives, as plain text. */
export interface Extracted {
  /** The blocks' text, in order. */
  blocks: string[];
  /** Characters inside links. */
  linkChars: number;
}

export interface Measures {
  words: number;
  mainWords: number;
  coverage: number;
  fromMain: number;
  linkShare: number;
  boilerplateShare: number;
}

export interface Verdict {
  measures: Measures;
  /** Why the text is not the article; undefined when it is accepted. */
  problem?: string;
}

/** Phrases of page furniture, in the languages of the corpus. */
const BOILERPLATE =
  /©|\bcopyright\b|all rights reserved|terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice)|(?:we use|accept|about|uses) cookies|cookie (?:policy|settings)|(?:data|quotes?|information) (?:is |are )?provided by|delayed (?:by )?(?:at least )?\d+ minutes|market data (?:provided|delayed|terms)|subscribe (?:now|today|to)|sign up (?:for|to)|newsletter|droits réservés|mentions légales|derechos reservados|aviso legal|alle rechte|impressum|všechna práva/iu;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function bag(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** How many of `list`'s words `other` holds, counting repeats. */
function overlap(list: string[], other: Map<string, number>): number {
  const left = new Map(other);
  let shared = 0;
  for (const word of list) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      left.set(word, count - 1);
    }
  }
  return shared;
}

/** Where the page keeps its article: articleBody, the largest <article>, <main>, else <body>. */
export function mainRoot(document: Document): Element {
  const marked = document.querySelector('[itemprop~="articleBody"], [property~="articleBody"]');
  if (marked) return marked;
  const total = paragraphChars(document.body);
  const articles = [...document.querySelectorAll('article')].filter((a) => !isChromeBlock(a, total));
  const largest = articles.sort((a, b) => paragraphLength(b) - paragraphLength(a))[0];
  if (largest && paragraphLength(largest) > 0) return largest;
  return document.querySelector('main, [role="main"]') ?? document.body;
}

function paragraphLength(element: Element): number {
  return mainParagraphs(element).reduce((sum, p) => sum + p.length, 0);
}

/** The root's paragraphs of five words or more, leaving out furniture. */
function mainParagraphs(root: Element): string[] {
  const total = paragraphChars(root.ownerDocument.body);
  return [...root.querySelectorAll('p')]
    .filter((p) => !inFurniture(p, root, total) && !p.closest('header'))
    .map((p) => collapseWhitespace(p.textContent))
    .filter((text) => words(text).length >= 5);
}

/** The page's element that holds this text as a paragraph, if any. */
function findBlock(document: Document, text: string): Element | undefined {
  const start = text.slice(0, 80);
  return [...document.querySelectorAll('p, li, div, td')].find((element) => {
    const own = collapseWhitespace(element.textContent);
    return own.length < text.length + 40 && own.startsWith(start);
  });
}

const FOOTER_WORDS = /(?:^|[\s_-])(?:footer|copyright|legal|colophon|disclaimer)(?:$|[\s_-])/iu;

/** Is the element in the page's footer or a side column? */
function inFooter(element: Element): boolean {
  if (element.closest('footer, aside, nav, [role="contentinfo"], [role="complementary"]')) return true;
  for (let current: Element | null = element; current !== null; current = current.parentElement)
    if (FOOTER_WORDS.test(`${current.getAttribute('class') ?? ''} ${current.getAttribute('id') ?? ''}`))
      return true;
  return false;
}

/**
 * The first paragraphs of prose after the headline, outside furniture: twelve
 * words or more ending a sentence, so that "Published 3 hours ago" or "This
 * article is more than 5 years old" does not count as the article's start.
 */
function leadAfter(document: Document, headline: Element): string[] {
  const total = paragraphChars(document.body);
  const lead: string[] = [];
  let after = false;
  for (const element of document.querySelectorAll('h1, p')) {
    if (element === headline) after = true;
    else if (
      after &&
      element.tagName === 'P' &&
      !element.closest(FURNITURE_SELECTOR) &&
      !inFurniture(element, document.body, total)
    ) {
      const text = collapseWhitespace(element.textContent);
      if (words(text).length >= 12 && /[.!?…"”»“]$/u.test(text)) lead.push(text);
      if (lead.length === LIMITS.leadParagraphs) break;
    }
  }
  return lead;
}

/**
 * Does `a` come before `b` in the document? linkedom's compareDocumentPosition
 * compares depths, not positions, so the order is read from a walk.
 */
function precedes(document: Document, a: Element, b: Element): boolean {
  for (const element of document.querySelectorAll('*')) {
    if (element === b) return false;
    if (element === a) return !a.contains(b);
  }
  return false;
}

/** Measures the extracted text against the page (which must be unchanged) and says whether it is the article. */
export function judge(page: Document, headline: Element | undefined, extracted: Extracted): Verdict {
  const text = extracted.blocks.join('\n');
  const extractedWords = words(text);
  const root = mainRoot(page);
  const main = mainParagraphs(root).flatMap(words);
  const boilerplateList = extracted.blocks.filter((block) => BOILERPLATE.test(block));
  const boilerplateBlocks = boilerplateList.length;
  const boilerplate = boilerplateList.reduce((sum, block) => sum + words(block).length, 0);
  const measures: Measures = {
    words: extractedWords.length,
    mainWords: main.length,
    coverage: main.length === 0 ? 1 : overlap(main, bag(extractedWords)) / main.length,
    fromMain:
      extractedWords.length === 0
        ? 0
        : overlap(extractedWords, bag(words(root.textContent))) / extractedWords.length,
    linkShare: text.length === 0 ? 0 : extracted.linkChars / text.length,
    boilerplateShare: extractedWords.length === 0 ? 0 : boilerplate / extractedWords.length,
  };
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const verdict = (problem: string): Verdict => ({ measures, problem });

  if (measures.words < LIMITS.minWords)
    return verdict(
      `the only text found is ${measures.words} words long, too short for an article: the page may be a video, gallery or teaser page, or load its text by script`,
    );
  // One paragraph that mentions a newsletter is an article's; a footer has several such lines.
  if (measures.boilerplateShare > LIMITS.maxBoilerplateShare && boilerplateBlocks >= 2)
    return verdict(
      `${percent(measures.boilerplateShare)} of the text found is site boilerplate (copyright, cookies, terms, data notices), not the article`,
    );
  if (measures.linkShare > LIMITS.maxLinkShare)
    return verdict(
      `${percent(measures.linkShare)} of the text found is links: it is a list of links, not the article`,
    );
  const first = extracted.blocks.find((block) => words(block).length >= 5);
  const block = first === undefined ? undefined : findBlock(page, first);
  if (block && inFooter(block))
    return verdict('the text found sits in the page’s footer or side column, not in its article');
  if (block && headline && precedes(page, block, headline))
    return verdict('the text found stands above the headline, where articles do not start');
  const lead = headline === undefined ? [] : leadAfter(page, headline);
  const extractedBag = bag(extractedWords);
  const kept = lead.filter((paragraph) => {
    const own = words(paragraph);
    return overlap(own, extractedBag) >= 0.8 * own.length;
  });
  if (kept.length < Math.min(LIMITS.minLeadKept, lead.length))
    return verdict(
      `the text found leaves out the paragraphs that follow the headline (“${(lead[0] ?? '').slice(0, 60)}…”)`,
    );
  if (measures.coverage < LIMITS.minCoverage)
    return verdict(
      `the text found keeps only ${percent(measures.coverage)} of the ${measures.mainWords} words of the page’s main text`,
    );
  if (measures.fromMain < LIMITS.minFromMain)
    return verdict(`only ${percent(measures.fromMain)} of the text found comes from the page’s main text`);
  return { measures };
}

/**
 * A saved article page: Mozilla Readability finds the article (the extraction
 * Firefox Reader View uses), rehype-remark turns it into Markdown syntax, and
 * the result is checked against the page before it is accepted
 * (acceptance.ts): a page whose extraction does not look like its article is
 * refused, never imported with the wrong text. Metadata comes from the page's
 * JSON-LD, Open Graph and article tags, in that order of trust, then from the
 * marks pages put on their masthead and byline.
 */
import { Readability } from '@mozilla/readability';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { judge, mainRoot, type Extracted, type Measures } from './acceptance.ts';
import { jsonLdAuthors, pageAuthors } from './byline.ts';
import { ImportError } from './errors.ts';
import { FURNITURE_SELECTOR, isChromeBlock, paragraphChars } from './furniture.ts';
import { parsePage } from './page.ts';
import type { ParsedArticle } from './parsed.ts';
import { collapseWhitespace } from './typography.ts';

type JsonObject = Record<string, unknown>;

/** What the editor gives on the command line for a fact the page may lack. */
export interface GivenFacts {
  publisher?: string;
  authors?: string[];
}

const ARTICLE_TYPES =
  /^(?:News|Opinion|Report|Analysis|Review|Blog|Scholarly|Tech|Live)?(?:Article|BlogPosting)$|^(?:ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle)$/u;

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? collapseWhitespace(value) : undefined;

interface JsonLd {
  article?: JsonObject;
  /** Every node with an @id, to resolve references such as {"@id": "#publisher"}. */
  graph: Map<string, JsonObject>;
}

/** The page's article object in JSON-LD, looking inside @graph arrays, and its nodes by @id. */
function readJsonLd(document: Document): JsonLd {
  const graph = new Map<string, JsonObject>();
  let article: JsonObject | undefined;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue; // A broken JSON-LD block is the page's problem; the meta tags still count.
    }
    const nodes = asArray(data).flatMap((item) =>
      isObject(item) && item['@graph'] ? asArray(item['@graph']) : [item],
    );
    for (const node of nodes.filter(isObject)) {
      if (typeof node['@id'] === 'string') graph.set(node['@id'], node);
      const isArticle = asArray(node['@type']).some(
        (type) => typeof type === 'string' && ARTICLE_TYPES.test(type),
      );
      if (isArticle && article === undefined) article = node;
    }
  }
  return article === undefined ? { graph } : { article, graph };
}

function nameOf(value: unknown, graph: Map<string, JsonObject>): string | undefined {
  if (!isObject(value)) return stringOf(value);
  const node = typeof value['@id'] === 'string' && !value.name ? graph.get(value['@id']) : value;
  return stringOf(node?.name);
}

function meta(document: Document, key: string): string | undefined {
  const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return stringOf(element?.getAttribute('content'));
}

function absolute(href: string, base: string | undefined): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** The publisher named by the masthead's logo: its alt text or label, without "logo" or "home". */
function logoName(document: Document): string | undefined {
  const logo = document.querySelector(
    '[class*="logo" i] img[alt], img[class*="logo" i][alt], [id*="logo" i] img[alt], a[rel~="home"] img[alt], [class*="masthead" i] img[alt], a[class*="logo" i][aria-label]',
  );
  const label = logo?.getAttribute('alt') ?? logo?.getAttribute('aria-label');
  const name = stringOf(label)
    ?.replace(/^(?:logo(?:\s+of)?|home)\s*[:–—-]?\s*/iu, '')
    .replace(/\s*[:–—-]?\s*(?:logo|home(?:\s?page)?)$/iu, '');
  return name === '' ? undefined : name;
}

/** The page's language: the html element's lang, JSON-LD inLanguage, og:locale, Content-Language. */
function pageLanguage(document: Document, article: JsonObject | undefined): string | undefined {
  const httpEquiv = document
    .querySelector('meta[http-equiv="content-language" i]')
    ?.getAttribute('content')
    ?.split(',')[0];
  return (
    stringOf(document.documentElement.getAttribute('lang')) ??
    stringOf(document.documentElement.getAttribute('xml:lang')) ??
    stringOf(article?.inLanguage) ??
    meta(document, 'og:locale')?.replace('_', '-') ??
    stringOf(httpEquiv)
  );
}

/** Class words of a standfirst: "standfirst", French "chapo", Czech "perex", German "Vorspann". */
const STANDFIRST = new Set('standfirst dek chapo chapeau perex vorspann entradilla subheadline'.split(' '));

/** The page's standfirst, marked by its class: a paragraph between the headline and the body. */
function standfirst(document: Document): string | undefined {
  const element = [...document.querySelectorAll('p[class], div[class]')].find((candidate) =>
    (candidate.getAttribute('class') ?? '')
      .split(/[\s_-]+/u)
      .some((part) => STANDFIRST.has(part.toLowerCase())),
  );
  const text = element === undefined ? undefined : stringOf(element.textContent);
  return text !== undefined && text.length < 400 ? text : undefined;
}

/** The headline as it stands in the page: the h1 that carries the title, else the first h1. */
function findHeadline(document: Document, title: string): Element | undefined {
  const headings = [...document.querySelectorAll('h1')];
  const key = title.toLowerCase();
  return (
    headings.find((h) => {
      const text = collapseWhitespace(h.textContent).toLowerCase();
      return text !== '' && (text === key || key.includes(text) || text.includes(key));
    }) ?? headings[0]
  );
}

/** Removes what is not the article's text: figures, images, forms, embeds, leftovers of widgets. */
function cleanArticle(tree: HastRoot, base: string | undefined, dropped: string[]): void {
  const unwanted = new Set([
    'figure',
    'img',
    'picture',
    'video',
    'audio',
    'iframe',
    'form',
    'button',
    'input',
    'select',
    'textarea',
    'svg',
    'math',
    'script',
    'style',
    'noscript',
    'aside',
    'nav',
    'footer',
  ]);
  visit(tree, 'element', (node: HastElement, index, parent) => {
    if (unwanted.has(node.tagName) && parent && index !== undefined) {
      dropped.push(`<${node.tagName}>`);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      node.properties.href = absolute(node.properties.href, base);
    }
    return undefined;
  });
}

/** Elements that hold the article itself and are never furniture, whatever their class names say. */
const FRAME = 'html, head, body, main, article, h1, [itemprop~="articleBody"]';

/**
 * Removes page furniture before Readability looks: its scoring keeps an
 * article's header (kicker, byline, share buttons) and ad labels inside the body.
 * A class word never removes the page's frame or the article: an
 * `<html class="ads-on">` removed took the whole document with it, and an
 * article body in `<div class="paywall">` is still the article.
 */
function removeChrome(document: Document): void {
  const total = paragraphChars(document.body);
  for (const element of document.querySelectorAll(
    'article header, [hidden], [aria-hidden="true"], [class], [id]',
  )) {
    if (!element.isConnected || element.matches(FRAME) || element.querySelector(FRAME)) continue;
    if (element.matches('article header, [hidden], [aria-hidden="true"]') || isChromeBlock(element, total))
      element.remove();
  }
}

/** The article as Readability finds it, in a copy of the page without its furniture. */
function readabilityContent(html: string, file: string): string | undefined {
  const document = parsePage(html, file);
  removeChrome(document);
  try {
    return new Readability(document, { keepClasses: false }).parse()?.content ?? undefined;
  } catch {
    return undefined; // Readability gives up on some shapes; the page's own article element is tried next.
  }
}

/** The page's own article element (articleBody, <article>, <main>), without its furniture. */
function rootContent(html: string, file: string): string | undefined {
  const document = parsePage(html, file);
  removeChrome(document);
  const root = mainRoot(document);
  for (const element of root.querySelectorAll(`${FURNITURE_SELECTOR}, header, h1`)) element.remove();
  return root.innerHTML;
}

interface Extraction {
  body: Root;
  dropped: string[];
  extracted: Extracted;
}

function convert(
  content: string,
  base: string | undefined,
  title: string,
  dek: string | undefined,
): Extraction {
  const dropped: string[] = [];
  const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark);
  const hast = processor.parse(content);
  cleanArticle(hast, base, dropped);
  const body = processor.runSync(hast);
  // The headline and standfirst are metadata, not body text.
  body.children = body.children.filter((node, i) => {
    const text = collapseWhitespace(toPlain(node));
    if (node.type === 'paragraph' && isInlineFurniture(node, text)) {
      dropped.push(text);
      return false;
    }
    return i > 1 || (text !== title && text !== dek);
  });
  const blocks: string[] = [];
  let linkChars = 0;
  visit(body, (node) => {
    if (node.type === 'link') linkChars += collapseWhitespace(toPlain(node)).length;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(collapseWhitespace(toPlain(node)));
      return node.type === 'paragraph' || node.type === 'heading' ? SKIP : undefined;
    }
    return undefined;
  });
  // Links inside skipped paragraphs are counted here.
  visit(body, 'paragraph', (paragraph) => {
    visit(paragraph, 'link', (link) => {
      linkChars += collapseWhitespace(toPlain(link)).length;
    });
  });
  return { body, dropped, extracted: { blocks: blocks.filter(Boolean), linkChars } };
}

/** An advertisement's label, alone in its paragraph. */
const AD_LABEL = /^(?:advertisement|advertising|sponsored|anzeige|werbung|publicité|publicidad|reklama)$/iu;
/** A pointer to another article: "Read more: <link>". */
const POINTER =
  /^(?:read (?:more|also)|see also|related|more on this|lire aussi|à lire aussi|lea también|lee también|mehr zum thema|auch interessant|čtěte také|přečtěte si také)\s*:/iu;
/** A line asking the reader to sign up. */
const SIGN_UP =
  /^(?:sign up|subscribe|abonnez-vous|suscríbete|jetzt abonnieren|přihlaste se)\b.*\b(?:newsletter|lettre|boletín|odběr)/iu;

/**
 * Furniture that pages put inside the article's own paragraphs, with no class
 * to tell it: an ad label, a "Read more:" link, a newsletter line.
 */
function isInlineFurniture(paragraph: Root['children'][number], text: string): boolean {
  if (AD_LABEL.test(text)) return true;
  if (SIGN_UP.test(text) && text.split(' ').length <= 25) return true;
  if (!POINTER.test(text)) return false;
  let linked = 0;
  visit(paragraph, 'link', (link) => {
    linked += collapseWhitespace(toPlain(link)).length;
  });
  return linked >= (text.length - (POINTER.exec(text)?.[0].length ?? 0)) * 0.6;
}

const TRY =
  'Try: save the page again once it has fully loaded (“Web page, complete”), or paste the article’s text into a .txt file in the print-copy layout and import that (docs/importer.md, “Saved pages”)';

/**
 * The article's body: Readability's pick when it passes the acceptance check,
 * else the page's own article element when that passes, else a refusal.
 */
function extractBody(
  html: string,
  file: string,
  page: Document,
  headline: Element | undefined,
  context: { base: string | undefined; title: string; dek: string | undefined },
): Extraction & { measures: Measures } {
  let refusal: string | undefined;
  for (const content of [readabilityContent, rootContent]) {
    const found = content(html, file);
    if (found === undefined) continue;
    const extraction = convert(found, context.base, context.title, context.dek);
    if (extraction.body.children.length === 0) continue;
    const verdict = judge(page, headline, extraction.extracted);
    if (verdict.problem === undefined) return { ...extraction, measures: verdict.measures };
    refusal ??= verdict.problem;
  }
  throw new ImportError(
    file,
    'body',
    `${refusal ? `not imported: ${refusal}` : 'no article text found in the page'}. ${TRY}`,
  );
}

/** Parses a saved article page; throws an ImportError when there is no article in it. */
export function parseHtml(html: string, file: string, given: GivenFacts = {}): ParsedArticle {
  const page = parsePage(html, file);
  const { article: ld, graph } = readJsonLd(page);
  const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const originalUrl = canonical ?? stringOf(ld?.url) ?? meta(page, 'og:url');

  const title =
    stringOf(ld?.headline) ??
    meta(page, 'og:title') ??
    stringOf(page.querySelector('h1')?.textContent) ??
    stringOf(page.title);
  if (title === undefined)
    throw new ImportError(
      file,
      'title',
      'the page has no headline (JSON-LD headline, og:title, h1 or title)',
    );
  const headline = findHeadline(page, title);
  const publisher =
    given.publisher ?? nameOf(ld?.publisher, graph) ?? meta(page, 'og:site_name') ?? logoName(page);
  if (publisher === undefined)
    throw new ImportError(
      file,
      'publisher',
      'the page does not name its publisher (JSON-LD publisher, og:site_name or the logo’s alt text); pass --source-name "<publisher>", with --source-url <home page> for a new source',
    );
  let authors = given.authors ?? jsonLdAuthors(ld, graph);
  if (authors.length === 0) authors = pageAuthors(page, headline);
  const date = stringOf(ld?.datePublished) ?? meta(page, 'article:published_time');
  const updated = stringOf(ld?.dateModified) ?? meta(page, 'article:modified_time');
  const language = pageLanguage(page, ld);
  const dek =
    stringOf(ld?.description) ??
    stringOf(page.querySelector('[itemprop="description"]')?.textContent) ??
    standfirst(page);

  const { body, dropped } = extractBody(html, file, page, headline, { base: originalUrl, title, dek });

  return {
    title,
    publisher,
    authors,
    ...(date && { date }),
    ...(updated && { updated }),
    ...(originalUrl && { originalUrl: absolute(originalUrl, undefined) }),
    ...(language && { language }),
    ...(dek && { dek }),
    body,
    dropped,
  };
}

function toPlain(node: Root | Root['children'][number]): string {
  let text = '';
  visit(node, 'text', (leaf: { value: string }) => {
    text += leaf.value;
  });
  return text;
}

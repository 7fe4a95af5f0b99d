/**
 * The article's body out of a saved page: furniture removed, Mozilla
 * Readability's pick (the extraction Firefox Reader View uses) converted to
 * Markdown syntax by rehype-remark, and accepted only when it passes the check
 * against the page (acceptance.ts); else the page's own article element, under
 * the same check; else a refusal that says why and what to try.
 */
import { Readability } from '@mozilla/readability';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { judge, mainRoot, type Extracted, type Measures } from './acceptance.ts';
import { ImportError } from './errors.ts';
import { ARTICLE_SHARE, FURNITURE_SELECTOR, isChromeBlock, paragraphChars } from './furniture.ts';
import { parsePage } from './page.ts';
import { collapseWhitespace } from './typography.ts';

export function absolute(href: string, base: string | undefined): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
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
    if (element.matches('article header')) element.remove();
    // A page saved under a paywall or a modal may hide its article: hidden counts only for small blocks.
    else if (
      element.matches('[hidden], [aria-hidden="true"]') &&
      paragraphChars(element) < total * ARTICLE_SHARE
    )
      element.remove();
    else if (isChromeBlock(element, total)) element.remove();
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
export function extractBody(
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

function toPlain(node: Root | Root['children'][number]): string {
  let text = '';
  visit(node, 'text', (leaf: { value: string }) => {
    text += leaf.value;
  });
  return text;
}

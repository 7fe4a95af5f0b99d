/**
 * A saved article page: Mozilla Readability finds the article (the extraction
 * Firefox Reader View uses), rehype-remark turns it into Markdown syntax.
 * Metadata comes from the page's JSON-LD, Open Graph and article tags, in that
 * order of trust; nothing is taken from the visible chrome.
 */
import { Readability } from '@mozilla/readability';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { parseHTML } from 'linkedom';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { ImportError } from './errors.ts';
import type { ParsedArticle } from './parsed.ts';
import { collapseWhitespace } from './typography.ts';

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:News|Opinion|Report|Analysis|Review|Blog|Scholarly|Tech)?Article$|^(?:BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle)$/u;

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? collapseWhitespace(value) : undefined;
const nameOf = (value: unknown): string | undefined =>
  stringOf(value) ?? (isObject(value) ? stringOf(value.name) : undefined);

/** The page's article object in JSON-LD, looking inside @graph arrays. */
function findJsonLdArticle(document: Document): JsonObject | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue; // A broken JSON-LD block is the page's problem; the meta tags still count.
    }
    const candidates = asArray(data).flatMap((item) =>
      isObject(item) && item['@graph'] ? asArray(item['@graph']) : [item],
    );
    const article = candidates.find(
      (item) =>
        isObject(item) &&
        asArray(item['@type']).some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)),
    );
    if (isObject(article)) return article;
  }
  return undefined;
}

function meta(document: Document, key: string): string | undefined {
  const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return stringOf(element?.getAttribute('content'));
}

const isUrl = (text: string) => /^https?:\/\//iu.test(text);

function absolute(href: string, base: string | undefined): string {
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

/** Parts of class names and ids that mark page furniture: "ad-unit", "social-share", "story__byline". */
const CHROME = new Set(
  'ad ads adslot advert advertisement banner breadcrumb breadcrumbs byline consent cookie dateline kicker meta newsletter promo related share sharing social sponsored subscribe tags topics'.split(
    ' ',
  ),
);

function isChrome(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.split(/[\s_-]+/u).some((part) => CHROME.has(part.toLowerCase()));
}

/**
 * Removes page furniture before Readability looks: its scoring keeps an
 * article's header (kicker, byline, share buttons) and ad labels inside the body.
 */
function removeChrome(document: Document): void {
  for (const element of document.querySelectorAll(
    'article header, [hidden], [aria-hidden="true"], [class], [id]',
  )) {
    if (
      element.isConnected &&
      (element.matches('article header, [hidden], [aria-hidden="true"]') || isChrome(element))
    )
      element.remove();
  }
}

/** Parses a saved article page; throws an ImportError when there is no article in it. */
export function parseHtml(html: string, file: string): ParsedArticle {
  const { document } = parseHTML(html);
  const ld = findJsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const originalUrl = canonical ?? stringOf(ld?.url) ?? meta(document, 'og:url');

  const title =
    stringOf(ld?.headline) ??
    meta(document, 'og:title') ??
    stringOf(document.querySelector('h1')?.textContent) ??
    stringOf(document.title);
  if (title === undefined)
    throw new ImportError(
      file,
      'title',
      'the page has no headline (JSON-LD headline, og:title, h1 or title)',
    );
  const publisher = nameOf(ld?.publisher) ?? meta(document, 'og:site_name');
  if (publisher === undefined)
    throw new ImportError(
      file,
      'publisher',
      'the page does not name its publisher (JSON-LD publisher or og:site_name)',
    );
  const authors = asArray(ld?.author)
    .map(nameOf)
    .filter((name) => name !== undefined);
  const metaAuthor = meta(document, 'author') ?? meta(document, 'article:author');
  if (authors.length === 0 && metaAuthor !== undefined && !isUrl(metaAuthor)) authors.push(metaAuthor);
  const date = stringOf(ld?.datePublished) ?? meta(document, 'article:published_time');
  const updated = stringOf(ld?.dateModified) ?? meta(document, 'article:modified_time');
  const language = stringOf(document.documentElement.getAttribute('lang')) ?? stringOf(ld?.inLanguage);
  const dek =
    stringOf(ld?.description) ?? stringOf(document.querySelector('[itemprop="description"]')?.textContent);

  removeChrome(document);
  const article = new Readability(document, { keepClasses: false }).parse();
  if (!article?.content) throw new ImportError(file, 'body', 'no article text found in the page');

  const dropped: string[] = [];
  const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark);
  const hast = processor.parse(article.content);
  cleanArticle(hast, originalUrl, dropped);
  const body = processor.runSync(hast);
  // The headline and standfirst are metadata, not body text.
  body.children = body.children.filter((node, i) => {
    if (i > 1) return true;
    const text = collapseWhitespace(toPlain(node));
    return text !== title && text !== dek;
  });
  if (body.children.length === 0) throw new ImportError(file, 'body', 'no article text found in the page');

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

function toPlain(node: Root['children'][number]): string {
  let text = '';
  visit(node, 'text', (leaf: { value: string }) => {
    text += leaf.value;
  });
  return text;
}

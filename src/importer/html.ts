/**
 * A saved article page: its metadata from the page's JSON-LD, Open Graph and
 * article tags, in that order of trust, then from the marks pages put on their
 * masthead and byline; its body from extract.ts, which refuses a page whose
 * extraction does not look like its article, never importing the wrong text.
 */
import { jsonLdAuthors, pageAuthors } from './byline.ts';
import { ImportError } from './errors.ts';
import { absolute, extractBody } from './extract.ts';
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

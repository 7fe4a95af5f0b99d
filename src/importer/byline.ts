/**
 * Who wrote a saved page, looked for where news sites put it, most trusted
 * first: the article's JSON-LD author (names, objects, arrays, or @id
 * references into the @graph), the author meta tags, rel=author links and
 * itemprop=author, byline classes, and last a "By …" line near the headline.
 * A place that gives only an address (a profile URL) names nobody.
 */
import { collapseWhitespace } from './typography.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** "By", "Par", "Por", "Von", "Door", "Di", "Text:", "Autor:" … before the names. */
const LEAD =
  /^(?:(?:written\s+)?by|par|por|von|door|text|texte|autor|autora|autorka|author|authors|auteur|redakce|reporting\s+by)\s*:?\s+/iu;
/** What follows the names on a byline: roles, places, dates, "Updated …", "| 5 min read". */
const TAIL =
  /\s*(?:[|•·–—]|,\s|\s(?:in|en|aus|z|ve)\s+[A-ZÀ-Ž][\p{L}]+$|\s(?:updated|published|mis à jour|publié|actualizado|aktualisiert|aktualizováno)\b|\s\d).*$/isu;
/** A month before a day or a year: "March 3, 2015" ("May" only so, as it is also a name). */
const MONTH =
  /\s(?:January|February|March|April|June|July|August|September|October|November|December|May(?=\s\d))\b.*$/u;

/** Two names: "Ann Smith and Bo Li", "Ann Smith & Bo Li", "Ann Smith et Bo Li". */
const AND = /\s+(?:and|&|et|y|und|a|e)\s+/u;

const looksLikeUrl = (text: string) => /^(?:https?:)?\/\/|^www\./iu.test(text);

/** A person's or desk's name: one to five words, each starting with a capital letter or a particle. */
function isName(text: string): boolean {
  if (text.length < 3 || text.length > 60 || looksLikeUrl(text) || /[@:;!?]/u.test(text)) return false;
  const words = text.split(' ');
  return (
    words.length <= 6 &&
    words.some((word) => /^\p{Lu}/u.test(word)) &&
    words.every((word) => /^(?:\p{Lu}|de|da|van|von|der|den|la|le|du|del|al|bin|ibn|y)/u.test(word))
  );
}

/** The names in a byline's text: "By Ann Smith and Bo Li, Political Correspondent" → both names. */
export function namesInByline(text: string): string[] {
  const line = collapseWhitespace(text)
    .replace(/(?:^|\s)@\w+/gu, '') // a social-media handle after the name
    .replace(LEAD, '')
    .replace(TAIL, '')
    .replace(MONTH, '')
    .trim();
  const names = line
    .split(AND)
    .map((name) => name.replace(/[.,]$/u, '').trim())
    .filter(Boolean);
  return names.length > 0 && names.every(isName) ? names : [];
}

function nameOfNode(value: unknown, graph: Map<string, JsonObject>): string[] {
  if (typeof value === 'string') return looksLikeUrl(value.trim()) ? [] : namesInByline(`By ${value}`);
  if (!isObject(value)) return [];
  const node = typeof value['@id'] === 'string' && !value.name ? graph.get(value['@id']) : value;
  if (node === undefined) return [];
  return asArray(node.name).flatMap((name) =>
    typeof name === 'string' && name.trim() !== '' && !looksLikeUrl(name) ? [collapseWhitespace(name)] : [],
  );
}

/** Authors named by the article's JSON-LD; `graph` resolves {"@id": …} references. */
export function jsonLdAuthors(article: JsonObject | undefined, graph: Map<string, JsonObject>): string[] {
  return unique(asArray(article?.author).flatMap((author) => nameOfNode(author, graph)));
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  'a[rel~="author"]',
  '[class*="byline" i] [class*="author" i]',
  '[class*="byline" i]',
  '[class*="author-name" i], [class*="authorname" i], [class*="author__name" i]',
  '[data-testid*="byline" i], [data-component*="byline" i]',
  '.author, .article-author, .story-author',
];

function textOf(element: Element): string {
  const content = element.getAttribute('content');
  return content ?? element.textContent;
}

/** A meta tag's names: "Ann Smith, Bo Li" is two authors when each part is a name. */
function metaNames(content: string): string[] {
  const parts = content.split(/[,;]/u).map((part) => collapseWhitespace(part));
  if (parts.length > 1 && parts.every(isName)) return parts;
  return namesInByline(/^by\s/iu.test(content.trim()) ? content : `By ${content}`);
}

/** Authors named in the page itself: meta tags, rel and itemprop marks, byline classes, "By" lines. */
export function pageAuthors(document: Document, headline: Element | undefined): string[] {
  for (const key of ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator']) {
    const names = [...document.querySelectorAll(`meta[name="${key}" i], meta[property="${key}" i]`)]
      .map((meta) => meta.getAttribute('content') ?? '')
      .filter((content) => !looksLikeUrl(content.trim()))
      .flatMap(metaNames);
    if (names.length > 0) return unique(names);
  }
  for (const selector of BYLINE_SELECTORS) {
    const names = [...document.querySelectorAll(selector)]
      .filter((element) => !element.closest('footer, aside, nav, [class*="related" i], [class*="comment" i]'))
      .flatMap((element) => namesInByline(textOf(element)));
    if (names.length > 0) return unique(names);
  }
  return headline === undefined ? [] : byLineNear(headline);
}

/** A short "By …" line among the few elements after the headline. */
function byLineNear(headline: Element): string[] {
  let element = nextElement(headline);
  for (let steps = 0; element !== null && steps < 12; steps += 1, element = nextElement(element)) {
    const text = collapseWhitespace(element.textContent);
    if (text.length > 0 && text.length < 120 && LEAD.test(text)) {
      const names = namesInByline(text);
      if (names.length > 0) return names;
    }
  }
  return [];
}

/** The next element in document order, entering children first. */
function nextElement(element: Element): Element | null {
  if (element.firstElementChild) return element.firstElementChild;
  let current: Element | null = element;
  while (current !== null) {
    if (current.nextElementSibling) return current.nextElementSibling;
    current = current.parentElement;
  }
  return null;
}

/**
 * Finds the broken links of a built site: internal URLs that resolve to no
 * built file, and `#fragment`s that name no element on their page. Pure: it is
 * given the files and reads nothing, so it works on dist/ and on test input alike.
 *
 * A URL is internal when it is relative or absolute on the site's origin; any
 * other origin, and `mailto:`, `tel:` and `data:` URLs, are left alone. URLs are
 * resolved as a static host serves them: percent-decoded, `/a/` → `a/index.html`.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { readsText, REDIRECTS_FILE } from '../../src/lib/text-files.ts';

export { readsText };

export interface BrokenLink {
  /** The file the link is in, relative to the site root: `2022/01/06/a/index.html`. */
  file: string;
  /** The URL as written. */
  url: string;
  /** What is wrong with it, for a person. */
  problem: string;
}

export interface LinkReport {
  /** How many internal links were checked (each distinct URL once per file). */
  checked: number;
  /** The broken ones, by file, then URL. */
  broken: BrokenLink[];
}

/** The site path a built file is served at: `a/index.html` → `/a/`, `404.html` → `/404.html`. */
export function sitePathOf(file: string): string {
  if (file === 'index.html') return '/';
  return `/${file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/** The built file a decoded site path names: `/a/` → `a/index.html`, `/a.png` → `a.png`. */
export const fileOf = (path: string): string => (path.endsWith('/') ? `${path}index.html` : path).slice(1);

/** `<meta>` tags whose `content` is a URL (Open Graph, X cards, `article:author`). */
const URL_META = new Set([
  'og:url',
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'twitter:image',
  'article:author',
]);

const parser = unified().use(rehypeParse);
const EXTERNAL = Symbol('external');

interface Page {
  /** The URL values of the page's `href`, `src`, `srcset` and URL-valued `content` attributes. */
  urls: string[];
  /** The ids a fragment can name: every `id`, and `name` on `<a>`. */
  ids: Set<string>;
  /** The page's `<base href>`, if any. */
  base: string | undefined;
  /** The text of its JSON-LD blocks, which hold absolute URLs. */
  jsonLd: string[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The URL in a `<meta>`: Open Graph and the like, or a refresh's target (`content="0; url=/new/"`). */
function metaUrls({ properties: props }: Element): string[] {
  const content = text(props.content);
  if (!content) return [];
  const name = text(props.property) ?? text(props.name);
  if (name && URL_META.has(name)) return [content];
  const httpEquiv = Array.isArray(props.httpEquiv) ? props.httpEquiv.join(' ') : text(props.httpEquiv);
  if (httpEquiv?.toLowerCase() !== 'refresh') return [];
  const target = /^\s*[\d.]*\s*[;,]\s*url\s*=\s*['"]?([^'"]+)/iu.exec(content)?.[1]?.trim();
  return target ? [target] : [];
}

/**
 * The URLs of a `srcset`: each candidate is a URL, then optional descriptors (`2x`, `640w`) up to a
 * comma; a URL may itself contain commas, except at its end.
 * https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/u, '');
    const url = /^\S+/u.exec(rest)?.[0];
    if (url === undefined) return urls;
    rest = rest.slice(url.length);
    const bare = url.replace(/,+$/u, '');
    urls.push(bare);
    // A URL that ended in a comma had no descriptors; otherwise skip them.
    if (bare === url) rest = rest.replace(/^[^,]*/u, '');
  }
}

function readPage(html: string): Page {
  const page: Page = { urls: [], ids: new Set(), base: undefined, jsonLd: [] };
  const tree: Root = parser.parse(html);
  visit(tree, 'element', (node: Element) => {
    const { properties: props, tagName } = node;
    const id = text(props.id);
    if (id) page.ids.add(id);
    const name = tagName === 'a' ? text(props.name) : undefined;
    if (name) page.ids.add(name);
    if (tagName === 'base') {
      page.base ??= text(props.href);
      return;
    }
    for (const key of ['href', 'src', 'poster', 'cite']) {
      const value = text(props[key]);
      if (value !== undefined) page.urls.push(value);
    }
    page.urls.push(...srcsetUrls(text(props.srcSet) ?? ''));
    if (tagName === 'meta') page.urls.push(...metaUrls(node));
    if (tagName === 'script' && text(props.type) === 'application/ld+json') {
      page.jsonLd.push(node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
    }
  });
  return page;
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Absolute URLs on `origin` in plain text, without sentence punctuation after them. */
function urlsIn(value: string, origin: string): string[] {
  const pattern = new RegExp(`${escapeRegExp(origin)}(?:/[^\\s"'<>()\\[\\]\\\\]*)?`, 'gu');
  return [...value.matchAll(pattern)].map((match) => match[0].replace(/[.,;:!?]+$/u, ''));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities decoded, so that escaped HTML in a feed shows its URLs. */
const decodeXml = (value: string): string =>
  value.replace(/&(?:#x([\da-f]+)|#(\d+)|(\w+));/giu, (entity, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return XML_ENTITIES[name ?? ''] ?? entity;
  });

/** The URLs of a file that is not HTML. */
function textUrls(file: string, value: string, origin: string): string[] {
  if (file === REDIRECTS_FILE) {
    // Each rule is "from to [status]"; the target must exist.
    return (
      value
        .split('\n')
        .map((line) => line.trim().split(/\s+/u))
        .filter(([from]) => from && !from.startsWith('#'))
        .map(([, to]) => to ?? '')
        // Splats and placeholders (`/new/:splat`) are patterns, not files.
        .filter((to) => to && !/[*:]/u.test(to.replace(/^https?:\/\//u, '')))
    );
  }
  return urlsIn(file.endsWith('.xml') ? decodeXml(value) : value, origin);
}

/**
 * The element part of a fragment, percent-decoded: `#p-1` → `p-1`. A text
 * fragment (`#:~:text=…`) names no element, and gives "".
 * https://wicg.github.io/scroll-to-text-fragment/#the-fragment-directive
 */
export function fragmentId(hash: string): string {
  const fragment = hash.replace(/^#/u, '').split(':~:')[0] ?? '';
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Every internal link in `files` (site-relative path → text) that resolves to
 * no file of `files`, or whose fragment names no id on its HTML target.
 * Links are read from HTML pages (`href`, `src`, `srcset`, `poster`, `cite`,
 * URL-valued `<meta>`, JSON-LD), from feeds, sitemaps and other text files
 * (absolute URLs on `site`) and from `_redirects` (targets). The text of other
 * files is not read (see {@link readsText}): for those only the path matters.
 */
export function findBrokenLinks(files: ReadonlyMap<string, string>, site: URL | string): LinkReport {
  const origin = new URL(site).origin;
  const pages = new Map<string, Page>();
  const pageOf = (file: string): Page => {
    let page = pages.get(file);
    if (!page) {
      page = readPage(files.get(file) ?? '');
      pages.set(file, page);
    }
    return page;
  };

  /** What is wrong with `raw`, found in a document at `base`: undefined when nothing, {@link EXTERNAL} when not ours to check. */
  function problemOf(raw: string, base: URL): string | typeof EXTERNAL | undefined {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return 'is not a valid URL';
    }
    if (url.origin !== origin) return EXTERNAL;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return `has malformed percent-encoding in its path (${url.pathname})`;
    }
    const target = fileOf(path);
    if (!files.has(target)) {
      if (!path.endsWith('/') && files.has(`${target}/index.html`)) {
        return `names a folder without its trailing slash: link to ${path}/`;
      }
      return `resolves to ${path}, but no ${target} was built`;
    }
    const id = fragmentId(url.hash);
    // An empty fragment, and "#top" where no element has that id, go to the top of the page.
    if (!id || !target.endsWith('.html') || pageOf(target).ids.has(id) || id.toLowerCase() === 'top') {
      return undefined;
    }
    return `names #${id}, but ${path} has no element with that id`;
  }

  let checked = 0;
  const broken: BrokenLink[] = [];
  for (const [file, value] of files) {
    if (!readsText(file)) continue;
    const location = new URL(sitePathOf(file), origin);
    let urls: string[];
    let base = location;
    if (file.endsWith('.html')) {
      const page = pageOf(file);
      if (page.base && URL.canParse(page.base, location)) base = new URL(page.base, location);
      urls = [...page.urls, ...page.jsonLd.flatMap((json) => urlsIn(json, origin))];
    } else {
      urls = textUrls(file, value, origin);
    }
    for (const url of new Set(urls)) {
      const problem = problemOf(url, base);
      if (problem === EXTERNAL) continue;
      checked += 1;
      if (problem) broken.push({ file, url, problem });
    }
  }
  broken.sort((a, b) => (a.file === b.file ? compare(a.url, b.url) : compare(a.file, b.file)));
  return { checked, broken };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The hostile corpus (tests/fixtures/hostile/payloads.json) as a fixture site:
 * every payload in an article body or in a front-matter field that reaches a
 * page, with the places where a reader must see it as text. Built once and
 * shared by tests/build/hostile.test.ts and tests/browser/hostile.test.ts, and
 * built again whenever the code or the content changes.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { data, markdown } from './content.ts';
import { readPage, ROOT } from './project.ts';
import { sharedSite } from './shared-site.ts';

/** Where a payload may be put: an article body, a plain-text field, or the query or fragment of a URL field. */
export type PayloadContext = 'body' | 'text' | 'url';

export interface Payload {
  id: string;
  /** The family of OWASP's XSS filter evasion cheat sheet it comes from. */
  family: string;
  payload: string;
  contexts: PayloadContext[];
  /** In a body: the text a reader must still see once the payload is made safe. */
  text?: string;
  /** It leaves an element open that may swallow what follows, so it goes last in its article. */
  unclosed?: boolean;
  note?: string;
}

const CONTEXTS: readonly PayloadContext[] = ['body', 'text', 'url'];

function readPayloads(): Payload[] {
  const file = join(ROOT, 'tests/fixtures/hostile/payloads.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as Payload[];
  const ids = new Set<string>();
  for (const item of list) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(item.id) || ids.has(item.id)) {
      throw new Error(`${file}: "${item.id}" is not a unique lowercase id`);
    }
    ids.add(item.id);
    if (!item.family || !item.payload || item.contexts.length === 0) {
      throw new Error(`${file}: ${item.id} needs a family, a payload and at least one context`);
    }
    const unknown = item.contexts.find((context) => !CONTEXTS.includes(context));
    if (unknown) throw new Error(`${file}: ${item.id} has the unknown context "${unknown}"`);
  }
  return list;
}

export const PAYLOADS: readonly Payload[] = readPayloads();
export const payloadsIn = (context: PayloadContext): Payload[] =>
  PAYLOADS.filter((item) => item.contexts.includes(context));

/**
 * Text as a reader sees it, for comparison: runs of white space (U+2028
 * included) collapsed, ends trimmed, and typographic quotes and dashes, which
 * the Markdown pipeline makes of straight ones in a body, straight again.
 */
export const visible = (text: string): string =>
  text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[‘’]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replaceAll('—', '--')
    .replaceAll('–', '-')
    .replaceAll('…', '...');

/** Something a reader must see on a page: an element matching `selector` whose text contains `text`. */
export interface Shown {
  path: string;
  selector: string;
  text: string;
  /** The payload, or the marker paragraph, that it comes from. */
  from: string;
}

export interface HostileArticle {
  slug: string;
  /** The page, `/2024/05/<dd>/<slug>/`. */
  path: string;
  /** As in its front matter. */
  published: string;
  title: string;
  body: Payload[];
}

export interface HostileFixture {
  /** Content files, relative to content/. */
  files: Record<string, string>;
  articles: HostileArticle[];
  authorPaths: string[];
  sourcePaths: string[];
  /** The old address that an alias keeps working, as a redirect page. */
  redirectPath: string;
  shown: Shown[];
}

/** "Now" for the build: after every fixture article. */
export const HOSTILE_NOW = '2024-06-01T00:00:00Z';
const PER_ARTICLE = 12;
/** The first article's earlier slug, which becomes a redirect page. */
const REDIRECT_SLUG = 'hostile-renamed';
const AUTHORS = 4;
const SOURCES = 2;

/** The preview images draw titles, names and source names: give them only text the fonts cover. */
const drawable = (item: Payload): boolean => /^[\x20-\x7e]*$/u.test(item.payload);

/** Hands out payloads in turn, so that each is used before any is used again. */
function rotation(items: readonly Payload[]) {
  let next = 0;
  return (accept: (item: Payload) => boolean = () => true): Payload => {
    const item = [...items.slice(next), ...items.slice(0, next)].find(accept);
    if (!item) throw new Error('No payload fits');
    next = (items.indexOf(item) + 1) % items.length;
    return item;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The fixture's content: pure, so both test files agree on what is where. */
export function hostileFixture(): HostileFixture {
  const text = rotation(payloadsIn('text'));
  const url = rotation(payloadsIn('url'));
  const files: Record<string, string> = {};
  const shown: Shown[] = [];
  const show = (path: string, selector: string, item: Payload): void => {
    shown.push({ path, selector, text: visible(item.payload), from: item.id });
  };
  // Alternately in the query and in the fragment: the parts of a URL that survive validation.
  let urls = 0;
  const hostileUrl = (base: string): string => {
    urls += 1;
    return `${base}${urls % 2 ? '?q=' : '#'}${url().payload}`;
  };

  const authors = Array.from({ length: AUTHORS }, (_, i) => {
    const slug = `hostile-author-${String(i + 1)}`;
    const path = `/authors/${slug}/`;
    const name = text(drawable);
    const bio = text();
    const labels = [text(), text()];
    files[`authors/${slug}.yaml`] = data({
      name: name.payload,
      slug,
      bio: bio.payload,
      links: labels.map((label, n) => ({
        label: label.payload,
        url: hostileUrl(`https://profiles.example/${slug}/${String(n)}/`),
      })),
    });
    show(path, 'h1', name);
    show(path, '.dek', bio);
    for (const label of labels) show(path, '.meta a', label);
    return { slug, path, name };
  });

  const sources = Array.from({ length: SOURCES }, (_, i) => {
    const slug = `hostile-source-${String(i + 1)}`;
    const path = `/sources/${slug}/`;
    const name = text(drawable);
    const description = text();
    files[`sources/${slug}.yaml`] = data({
      name: name.payload,
      slug,
      url: hostileUrl(`https://source-${String(i + 1)}.example/`),
      description: description.payload,
      // The odd articles, all from the second source, have a cross-domain canonical: its terms require one.
      ...(i === 1 && {
        terms: {
          licence: { name: 'A licence', url: 'https://licence.example/' },
          edits: 'layout-repair-only',
          canonical: 'original',
        },
      }),
    });
    show(path, 'h1', name);
    show(path, '.dek', description);
    return { slug, path, name };
  });

  const articles: HostileArticle[] = [];
  /**
   * One series of articles holding `items`: as written, where Markdown decides
   * what is HTML, or each inside a `<div>`, which makes its line a raw HTML
   * block that only the HTML parser and the sanitizer stand between.
   */
  const series = (prefix: string, items: readonly Payload[], wrap: boolean): void => {
    // Payloads that leave an element open go last, one per article, so they swallow nothing else.
    const closed = items.filter((item) => !item.unclosed);
    const open = items.filter((item) => item.unclosed);
    const count = Math.max(open.length, Math.ceil(items.length / PER_ARTICLE));
    for (let n = 0; n < count; n += 1) {
      const i = articles.length;
      const day = pad(i + 1);
      const slug = `${prefix}-${pad(n + 1)}`;
      const path = `/2024/05/${day}/${slug}/`;
      const cut = (k: number): number => Math.floor((k * closed.length) / count);
      const body = closed.slice(cut(n), cut(n + 1));
      const last = open[n];
      if (last) body.push(last);
      const author = authors[i % AUTHORS];
      const coauthor = authors[(i + 1) % AUTHORS];
      const source = sources[i % SOURCES];
      if (!author || !coauthor || !source) throw new Error('unreachable');
      const title = text(drawable);
      const dek = text();
      const topics = [text(), text()];
      const correction = text();
      const published = `2024-05-${day}T09:00:00+02:00`;
      const fields: Record<string, unknown> = {
        title: title.payload,
        dek: dek.payload,
        slug,
        published,
        ...(i % 3 === 1 && { updated: `2024-05-${day}T18:00:00+02:00` }),
        authors: i % 2 ? [author.slug, coauthor.slug] : [author.slug],
        source: source.slug,
        originalUrl: hostileUrl(`https://${source.slug}.example/${slug}/`),
        ...(i % 2 === 1 && { canonicalUrl: hostileUrl(`https://${source.slug}.example/canonical/${slug}/`) }),
        format: (['news', 'opinion', 'analysis'] as const)[i % 3],
        topics: topics.map((topic) => topic.payload),
        corrections: [{ date: `2024-05-${day}T12:00:00+02:00`, text: correction.payload }],
        ...(i === 0 && { aliases: [REDIRECT_SLUG] }),
      };
      const paragraphs = body.flatMap((item) => [
        `Before the payload ${item.id}.`,
        wrap ? `<div>${item.payload}</div>` : item.payload,
      ]);
      if (!last) paragraphs.push(`After the payloads of ${slug}.`);
      files[`articles/2024-05-${day}-${slug}.md`] = markdown(fields, paragraphs.join('\n\n'));

      show(path, 'h1', title);
      show(path, '.dek', dek);
      for (const topic of topics) show(path, '.topics a', topic);
      show(path, '.corrections li', correction);
      show(path, '.byline a', author.name);
      show(path, '.source a', source.name);
      for (const item of body) {
        shown.push({ path, selector: '.body', text: `Before the payload ${item.id}.`, from: item.id });
        if (item.text !== undefined) {
          shown.push({ path, selector: '.body', text: visible(item.text), from: item.id });
        }
      }
      if (!last) shown.push({ path, selector: '.body', text: `After the payloads of ${slug}.`, from: slug });
      articles.push({ slug, path, published, title: title.payload, body });
    }
  };
  const inBodies = payloadsIn('body');
  series('hostile', inBodies, false);
  // Only HTML goes in a block of its own: Markdown syntax would be text there.
  series(
    'hostile-html',
    inBodies.filter((item) => item.payload.startsWith('<') && !/\n\s*\n/u.test(item.payload)),
    true,
  );
  return {
    files,
    articles,
    authorPaths: authors.map((author) => author.path),
    sourcePaths: sources.map((source) => source.path),
    redirectPath: `/2024/05/01/${REDIRECT_SLUG}/`,
    shown,
  };
}

export interface HostileSite {
  root: string;
  dist: string;
  fixture: HostileFixture;
}

/**
 * Makes and builds the hostile site under tests/.sites/hostile, or reuses the
 * one that an earlier test file built from the same code and content.
 */
export async function hostileSite(): Promise<HostileSite> {
  const fixture = hostileFixture();
  const { root, dist } = await sharedSite('hostile', fixture.files, { BROADSHEET_NOW: HOSTILE_NOW });
  return { root, dist, fixture };
}

/** What the markup checks need to know of one element, read from jsdom or from Chromium. */
export interface ElementFacts {
  tag: string;
  /** `html`, `svg`, `math`, or the namespace URI of anything else. */
  namespace: string;
  attributes: [name: string, value: string][];
  /** The text of a script or style element; empty for the others. */
  text: string;
  /** Where it is, as a chain of tags and classes from <html>, for messages. */
  where: string;
  inHead: boolean;
  inArticle: boolean;
}

/**
 * Every element of a document, as facts. Self-contained, so that Playwright can
 * run it in a page (`page.evaluate(describeElements)`) as well as jsdom here.
 */
export function describeElements(root?: Document): ElementFacts[] {
  const doc = root ?? document;
  const names: Record<string, string> = {
    'http://www.w3.org/1999/xhtml': 'html',
    'http://www.w3.org/2000/svg': 'svg',
    'http://www.w3.org/1998/Math/MathML': 'math',
  };
  return Array.from(doc.querySelectorAll('*'), (element) => {
    const chain: string[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const classes = node.getAttribute('class')?.trim().split(/\s+/u).join('.');
      chain.unshift(classes ? `${node.localName}.${classes}` : node.localName);
    }
    const tag = element.localName.toLowerCase();
    return {
      tag,
      namespace: names[element.namespaceURI ?? ''] ?? String(element.namespaceURI),
      attributes: Array.from(element.attributes, (attribute): [string, string] => [
        attribute.name,
        attribute.value,
      ]),
      text: tag === 'script' || tag === 'style' ? element.textContent : '',
      where: chain.join(' > '),
      inHead: element.closest('head') !== null,
      inArticle: element.closest('article') !== null,
    };
  });
}

/** Attributes whose value a browser reads as a URL. */
const URL_ATTRIBUTES = new Set([
  'action',
  'background',
  'by',
  'cite',
  'codebase',
  'data',
  'dynsrc',
  'formaction',
  'from',
  'href',
  'icon',
  'imagesrcset',
  'longdesc',
  'lowsrc',
  'manifest',
  'ping',
  'poster',
  'src',
  'srcset',
  'to',
  'values',
  'xlink:href',
]);
/** Of those, the ones a browser fetches by itself, without a click. */
const LOADING_ATTRIBUTES = new Set([
  'background',
  'codebase',
  'data',
  'dynsrc',
  'imagesrcset',
  'lowsrc',
  'manifest',
  'poster',
  'src',
  'srcset',
]);
/** `<link rel>` values that make a browser fetch the link. */
const LOADING_RELS = new Set([
  'dns-prefetch',
  'icon',
  'import',
  'manifest',
  'modulepreload',
  'preconnect',
  'prefetch',
  'preload',
  'prerender',
  'stylesheet',
]);
/** Elements that embed another document or a plugin, or change how every URL resolves. */
const EMBEDDING = new Set([
  'applet',
  'base',
  'embed',
  'fencedframe',
  'frame',
  'frameset',
  'iframe',
  'object',
  'portal',
]);
/** Controls that have no place in an article. */
const CONTROLS = new Set(['button', 'form', 'input', 'select', 'textarea']);
const ALLOWED_HTTP_EQUIV = new Set(['content-security-policy', 'content-type', 'x-ua-compatible']);
/** CSS that runs script, loads from elsewhere or binds behaviour. */
const ACTIVE_CSS = /url\s*\(|expression\s*\(|javascript:|@import|(?<![-\w])behaviou?r\s*:|-moz-binding/iu;

/** How a script the site ships is recognised: its type and its source or its text. JSON-LD is checked apart. */
export function scriptSignature(script: ElementFacts): string {
  const attributes = new Map(script.attributes.map(([name, value]) => [name.toLowerCase(), value]));
  const type = (attributes.get('type') ?? '').trim().toLowerCase();
  const src = attributes.get('src');
  return src === undefined
    ? `${type || 'classic'} inline: ${script.text}`
    : `${type || 'classic'} from ${new URL(src, 'https://site.invalid/').pathname}`;
}

export interface MarkupRules {
  /** The address the markup was read from: relative URLs resolve against it. */
  url: string;
  /** Origins the page may load from: the site's and, in a browser, the server's. */
  origins: readonly string[];
  /** What the site ships (shippedAssets); any other script or style sheet is a problem. */
  shipped: ShippedAssets;
  /** Markup that is all article content (a feed entry, a rendered Markdown copy), not a whole page. */
  content?: boolean;
}

const short = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * What in the markup could run script, load from another origin, navigate or
 * phish: each problem as a line that says where. An empty list is the goal.
 */
export function findActiveMarkup(elements: readonly ElementFacts[], rules: MarkupRules): string[] {
  const problems: string[] = [];
  const say = (element: ElementFacts, what: string): void => {
    problems.push(`${element.where}: ${short(what)}`);
  };
  const resolve = (value: string): URL | undefined => {
    try {
      // Browsers drop leading and trailing spaces and controls, and every tab and newline, as URL does.
      return new URL(value, rules.url);
    } catch {
      return undefined;
    }
  };
  const foreign = (url: URL | undefined): boolean =>
    url !== undefined &&
    ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) &&
    !rules.origins.includes(url.origin);
  const scripted = (url: URL | undefined): boolean =>
    url !== undefined && !['http:', 'https:', 'mailto:'].includes(url.protocol);

  for (const element of elements) {
    const { tag } = element;
    const attributes = new Map(element.attributes.map(([name, value]) => [name.toLowerCase(), value]));
    const content = rules.content === true ? !['html', 'head', 'body'].includes(tag) : element.inArticle;

    for (const [name, value] of attributes) {
      if (name.startsWith('on')) say(element, `event handler ${name}="${value}"`);
      if (name === 'srcdoc') say(element, `srcdoc="${value}"`);
      if (name === 'style' && ACTIVE_CSS.test(value)) say(element, `style="${value}"`);
      if (!URL_ATTRIBUTES.has(name) && !(name.endsWith(':href') && element.namespace !== 'html')) continue;
      const candidates = name.endsWith('srcset')
        ? value.split(',').map((candidate) => candidate.trim().split(/\s+/u)[0] ?? '')
        : [value];
      for (const candidate of candidates) {
        const url = resolve(candidate);
        if (scripted(url)) say(element, `${name}="${value}" (${url?.protocol ?? ''} URL)`);
        if (LOADING_ATTRIBUTES.has(name) && foreign(url))
          say(element, `${name}="${value}" loads from another origin`);
      }
    }

    if (EMBEDDING.has(tag)) say(element, `<${tag}> element`);
    if (content && CONTROLS.has(tag)) say(element, `<${tag}> in article content`);
    if (content && element.namespace !== 'html')
      say(element, `<${tag}> in the ${element.namespace} namespace`);
    if (tag === 'form' && foreign(resolve(attributes.get('action') ?? '')))
      say(element, 'form posts to another origin');
    if (tag === 'meta' && attributes.has('http-equiv')) {
      const kind = (attributes.get('http-equiv') ?? '').trim().toLowerCase();
      const target = /url\s*=\s*['"]?([^'"]*)/iu.exec(attributes.get('content') ?? '')?.[1];
      if (kind === 'refresh') {
        const url = target === undefined ? undefined : resolve(target.trim());
        if (!url || scripted(url) || foreign(url)) say(element, `refresh to ${target ?? '(nothing)'}`);
      } else if (!ALLOWED_HTTP_EQUIV.has(kind)) say(element, `meta http-equiv="${kind}"`);
    }
    if (tag === 'link') {
      const rels = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/u);
      if (rels.some((rel) => LOADING_RELS.has(rel)) && foreign(resolve(attributes.get('href') ?? ''))) {
        say(element, `<link rel="${attributes.get('rel') ?? ''}"> loads from another origin`);
      }
    }
    if (tag === 'style') {
      if (!element.inHead || content) say(element, '<style> outside the head');
      if (!rules.shipped.styles.has(element.text))
        say(element, `a style sheet the site does not ship: ${element.text}`);
    }
    if (tag === 'script') {
      const type = (attributes.get('type') ?? '').trim().toLowerCase();
      if (type === 'application/ld+json' && !content) {
        if (element.text.includes('<')) say(element, 'JSON-LD with a raw "<"');
        try {
          JSON.parse(element.text);
        } catch {
          say(element, `JSON-LD that is not JSON: ${element.text}`);
        }
      } else if (!rules.shipped.scripts.has(scriptSignature(element)) || content) {
        say(element, `a script the site does not ship: ${scriptSignature(element)}`);
      } else if (attributes.has('src') && foreign(resolve(attributes.get('src') ?? ''))) {
        say(element, 'a script from another origin');
      }
    }
  }
  return problems;
}

/** Every HTML page of a built site, as a site path (`/`, `/404.html`, `/2024/05/01/hostile-01/`). */
export async function htmlPages(dist: string): Promise<string[]> {
  const files = await readdir(dist, { recursive: true });
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replaceAll('\\', '/').replace(/(^|\/)index\.html$/u, '$1')}`)
    .sort();
}

/** The scripts (as scriptSignature gives them) and style sheets (their text) that a site ships. */
export interface ShippedAssets {
  scripts: ReadonlySet<string>;
  styles: ReadonlySet<string>;
}

/** Nothing: markup that is article content alone may hold no script and no style sheet. */
export const NOTHING_SHIPPED: ShippedAssets = { scripts: new Set(), styles: new Set() };

/**
 * What a site ships: the scripts and style sheets of every page of its build,
 * JSON-LD aside. Read from the real site, built from the same code, so that no
 * payload in the hostile site can add to what counts as normal.
 */
export async function shippedAssets(dist: string): Promise<ShippedAssets> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const path of await htmlPages(dist)) {
    for (const element of describeElements(await readPage(dist, path))) {
      const type = element.attributes.find(([name]) => name === 'type')?.[1];
      if (element.tag === 'script' && type !== 'application/ld+json') scripts.add(scriptSignature(element));
      if (element.tag === 'style') styles.add(element.text);
    }
  }
  return { scripts, styles };
}

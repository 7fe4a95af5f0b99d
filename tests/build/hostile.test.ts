/**
 * The hostile corpus built as a site (tests/helpers/hostile.ts): no page holds
 * active markup even before a browser runs it, and neither does anything that
 * leaves the site in another form: feeds, JSON-LD, Markdown copies and
 * llms.txt. Preview images are drawn for the hostile headlines.
 */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { imageSize } from 'image-size';
import { JSDOM } from 'jsdom';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { JsonFeed } from '../../src/syndication/feeds.ts';
import { zoned } from '../../src/lib/dates.ts';
import {
  articleImagePath,
  articleMarkdownPath,
  FEED_FILES,
  feedPath,
  IMAGE_SHAPES,
} from '../../src/lib/urls.ts';
import type { FeedFormat, ImageShape } from '../../src/lib/urls.ts';
import { resolveSiteUrl } from '../../src/site.ts';
import {
  describeElements,
  findActiveMarkup,
  hostileFixture,
  hostileSite,
  htmlPages,
  PAYLOADS,
  payloadsIn,
  NOTHING_SHIPPED,
  shippedAssets,
  visible,
  type HostileSite,
  type ShippedAssets,
} from '../helpers/hostile.ts';
import { DIST, readPage } from '../helpers/project.ts';

const site = resolveSiteUrl();
const fixture = hostileFixture();
const ATOM = 'http://www.w3.org/2005/Atom';
const RSS_CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];
const SHAPES = Object.keys(IMAGE_SHAPES) as ImageShape[];
const FEEDS = ['/', ...fixture.authorPaths, ...fixture.sourcePaths].flatMap((scope) =>
  FORMATS.map((format) => [feedPath(format, scope), format] as const),
);
const TITLES = new Set(fixture.articles.map((article) => visible(article.title)));
/** The families of OWASP's XSS filter evasion cheat sheet that the corpus must cover. */
const FAMILIES = [
  'script',
  'event-handler',
  'url-scheme',
  'markdown',
  'svg-mathml',
  'style',
  'meta-base-link',
  'frame-embed',
  'form',
  'mutation',
  'comment-cdata',
  'context-breakout',
  'entity',
  'encoding',
];

let hostile: HostileSite;
let shipped: ShippedAssets;
let renderer: MarkdownRenderer;
let commonMark: MarkdownRenderer;
beforeAll(async () => {
  hostile = await hostileSite();
  shipped = await shippedAssets(DIST);
  // A Markdown renderer that lets raw HTML through, as many do: what the copies must survive.
  renderer = await unified({ smartypants: false }).createRenderer({ syntaxHighlight: false });
  // Without GFM's autolinks, which make a link of any "http://…" in a headline, text or not.
  commonMark = await unified({ smartypants: false, gfm: false }).createRenderer({ syntaxHighlight: false });
});

const read = (path: string): Promise<string> => readFile(join(hostile.dist, path), 'utf8');

/** Active markup in an HTML fragment that a feed or a Markdown renderer hands to a reader. */
function activeIn(html: string, url: string): string[] {
  const { document } = new JSDOM(`<!doctype html><body>${html}`).window;
  return findActiveMarkup(describeElements(document), {
    url,
    origins: [site.origin],
    shipped: NOTHING_SHIPPED,
    content: true,
  });
}

/** The text of an HTML fragment, as a reader sees it. */
const textOfHtml = (html: string): string =>
  visible(new JSDOM(`<!doctype html><body>${html}`).window.document.body.textContent);

describe('the corpus', () => {
  test('holds at least 50 payloads, from every family of the cheat sheet', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    for (const family of FAMILIES) {
      expect(PAYLOADS.filter((item) => item.family === family).length, family).toBeGreaterThanOrEqual(2);
    }
  });

  test('every payload is in the site, in each kind of place it may appear', () => {
    const inBodies = new Set(fixture.articles.flatMap((article) => article.body.map((item) => item.id)));
    const inText = new Set(fixture.shown.map((shown) => shown.from));
    const files = Object.values(fixture.files).join('\n');
    expect(payloadsIn('body').filter((item) => !inBodies.has(item.id))).toEqual([]);
    expect(payloadsIn('text').filter((item) => !inText.has(item.id))).toEqual([]);
    expect(
      payloadsIn('url').filter((item) => !files.includes(JSON.stringify(item.payload).slice(1, -1))),
    ).toEqual([]);
  });
});

test.each([
  ['<p onclick="alert(1)">text</p>', 'event handler onclick'],
  ['<a href=" java&#9;script:alert(1)">link</a>', 'javascript: URL'],
  ['<a href="data:text/html,x">link</a>', 'data: URL'],
  ['<img src="https://evil.example/x.png">', 'loads from another origin'],
  ['<iframe srcdoc="x"></iframe>', '<iframe> element'],
  ['<form action="https://evil.example/"><input></form>', 'form posts to another origin'],
  ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'in the svg namespace'],
  ['<math href="javascript:alert(1)">x</math>', 'javascript: URL'],
  ['<div style="background:url(https://evil.example/)">x</div>', 'style='],
  ['<style>p { color: red }</style>', 'style sheet the site does not ship'],
  ['<script>alert(1)</script>', 'script the site does not ship'],
  ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', 'refresh to'],
  ['<base href="https://evil.example/">', '<base> element'],
])('the checks find %s', (markup, problem) => {
  expect(activeIn(markup, site.href).join('\n')).toContain(problem);
});

describe('pages', () => {
  test('no page holds a script, handler, script URL, frame, form or foreign load', async () => {
    const pages = await htmlPages(hostile.dist);
    expect(pages).toEqual(expect.arrayContaining([...fixture.articles.map((article) => article.path)]));
    const problems: Record<string, string[]> = {};
    for (const path of pages) {
      const found = findActiveMarkup(describeElements(await readPage(hostile.dist, path)), {
        url: new URL(path, site).href,
        origins: [site.origin],
        shipped,
      });
      if (found.length > 0) problems[path] = found;
    }
    expect(problems).toEqual({});
  });

  test.each(fixture.articles.map((article) => [article.path, article] as const))(
    '%s: JSON-LD is JSON without a raw "<", and carries the headline as text',
    async (path, article) => {
      const page = await readPage(hostile.dist, path);
      const blocks = [...page.querySelectorAll('script[type="application/ld+json"]')];
      expect(blocks.length).toBeGreaterThanOrEqual(2);
      for (const block of blocks) expect(block.textContent).not.toContain('<');
      const data = blocks.map((block) => JSON.parse(block.textContent) as Record<string, unknown>);
      const news = data.find((item) => item['@type'] === 'NewsArticle');
      expect(news?.headline).toBe(article.title);
    },
  );
});

describe.each(FEEDS)('%s', (path, format) => {
  let text: string;
  beforeAll(async () => {
    text = await read(path);
  });

  test('parses, and the HTML it carries holds no active markup', () => {
    const html: { url: string; html: string }[] = [];
    const titles: string[] = [];
    if (format === 'json') {
      const feed = JSON.parse(text) as JsonFeed;
      for (const item of feed.items) {
        html.push({ url: item.url, html: item.content_html });
        titles.push(item.title);
      }
    } else {
      // jsdom's XML parser is strict: a feed that is not well-formed throws here.
      const { document } = new JSDOM(text, { contentType: 'application/xml' }).window;
      if (format === 'rss') {
        for (const item of document.getElementsByTagName('item')) {
          const url = item.getElementsByTagName('link')[0]?.textContent ?? site.href;
          // An item's description is entity-encoded HTML; content:encoded is HTML.
          for (const field of [
            ...item.getElementsByTagName('description'),
            ...item.getElementsByTagNameNS(RSS_CONTENT, 'encoded'),
          ]) {
            html.push({ url, html: field.textContent });
          }
          titles.push(item.getElementsByTagName('title')[0]?.textContent ?? '');
        }
      } else {
        // Atom's text constructs are HTML where they say type="html" (RFC 4287, section 3.1).
        for (const field of document.querySelectorAll('*')) {
          if (field.namespaceURI !== ATOM) continue;
          const type = field.getAttribute('type');
          const url = field.closest('entry')?.querySelector('link')?.getAttribute('href') ?? site.href;
          if (type === 'html') html.push({ url, html: field.textContent });
          if (type === 'xhtml') html.push({ url, html: field.innerHTML });
          if (field.localName === 'title' && field.parentElement?.localName === 'entry') {
            titles.push(type === 'html' ? textOfHtml(field.textContent) : field.textContent);
          }
        }
      }
    }
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(TITLES).toContain(visible(title));
    const problems = html.flatMap((item) => activeIn(item.html, item.url));
    expect(problems).toEqual([]);
  });
});

describe.each(fixture.articles.map((article) => [article.path, article] as const))('%s', (_, article) => {
  const parts = { slug: article.slug, published: zoned(article.published) };

  test('has its preview images, drawn as PNG at their sizes', async () => {
    const page = await readPage(hostile.dist, article.path);
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
      new URL(articleImagePath(parts), site).href,
    );
    for (const shape of SHAPES) {
      const png = await readFile(join(hostile.dist, articleImagePath(parts, shape)));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(imageSize(png)).toEqual({ ...IMAGE_SHAPES[shape], type: 'png' });
    }
  });

  test('its Markdown copy, rendered with raw HTML allowed, holds no active markup', async () => {
    const path = articleMarkdownPath(parts);
    const { code } = await renderer.render(await read(path));
    expect(activeIn(code, new URL(path, site).href)).toEqual([]);
  });

  test('its Markdown copy gives the headline as text', async () => {
    const { code } = await commonMark.render(await read(articleMarkdownPath(parts)));
    const { document } = new JSDOM(code).window;
    expect(visible(document.querySelector('h1')?.textContent ?? '')).toBe(visible(article.title));
  });
});

test('llms.txt, rendered as Markdown with raw HTML allowed, holds no active markup', async () => {
  const { code } = await renderer.render(await read('/llms.txt'));
  expect(activeIn(code, new URL('/llms.txt', site).href)).toEqual([]);
});

test('every XML file of the site is well-formed', async () => {
  const files = (await readdir(hostile.dist, { recursive: true })).filter((file) => file.endsWith('.xml'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = await read(file);
    expect(() => new JSDOM(text, { contentType: 'application/xml' }), file).not.toThrow();
  }
});

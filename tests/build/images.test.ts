/**
 * Body images on the publishing fixture site (tests/helpers/publishing.ts): a
 * lead photograph before the first paragraph and a chart further down, built
 * into <picture>s. Every file a page, feed or Markdown copy names is read from
 * dist/ and measured; what the page claims about it must be true of the file.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { imageSize } from 'image-size';
import { JSDOM } from 'jsdom';
import type { Image } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { JsonFeed } from '../../src/syndication/feeds.ts';
import { findBrokenLinks, readsText } from '../helpers/link-check.ts';
import { readPage, textOf } from '../helpers/project.ts';
import { checkHtml } from '../helpers/vnu.ts';
import {
  LEAD_CAPTION,
  PICTURE_ALTS,
  PICTURES_PATH,
  PUBLISHING_IMAGES,
  PUBLISHING_SITE,
  publishingSite,
} from '../helpers/publishing.ts';

let root: string;
let dist: string;
let page: Document;
beforeAll(async () => {
  ({ root, dist } = await publishingSite());
  page = await readPage(dist, PICTURES_PATH);
});

/** The file of dist/ that a URL of the site names, root-relative or absolute. */
const fileOf = (url: string): string =>
  join(dist, decodeURIComponent(new URL(url, new URL(PICTURES_PATH, PUBLISHING_SITE)).pathname));

/** The original, as the editor put it in content/articles/images/. */
async function original(name: keyof typeof PUBLISHING_IMAGES) {
  const bytes = await readFile(join(root, 'content/articles/images', name));
  const { width, height, type } = imageSize(bytes);
  return { bytes, width, height, type };
}

/** What a file's first bytes say it is. */
function sniff(bytes: Uint8Array): string {
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'image/avif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  return 'unknown';
}

/** The candidates of a srcset with width descriptors. */
const candidates = (srcset: string): { url: string; width: number }[] =>
  srcset.split(/,\s+/u).map((candidate) => {
    const [url = '', descriptor = ''] = candidate.trim().split(/\s+/u);
    expect(descriptor, candidate).toMatch(/^\d+w$/u);
    return { url, width: Number.parseInt(descriptor, 10) };
  });

const pictures = () => [...page.querySelectorAll('article .body picture')];
/** The lead photograph and the chart, in the order of the body. */
const LEAD = 'harbour-dawn.jpg';
const CHART = 'arrivals-chart.png';
const IMAGES = [LEAD, CHART] as const;
const ALTS = [PICTURE_ALTS.lead, PICTURE_ALTS.chart];

describe('each body image on the page', () => {
  test('is a <picture> of an AVIF source, then a WebP source, then the <img>', () => {
    expect(pictures()).toHaveLength(IMAGES.length);
    for (const picture of pictures()) {
      const children = [...picture.children].map((child) =>
        child.tagName === 'SOURCE'
          ? `source ${child.getAttribute('type') ?? ''}`
          : child.tagName.toLowerCase(),
      );
      expect(children).toEqual(['source image/avif', 'source image/webp', 'img']);
    }
  });

  test('offers files that are what their type says, at the widths their srcset claims, in the original’s proportions', async () => {
    for (const [i, picture] of pictures().entries()) {
      const source = await original(IMAGES[i] ?? LEAD);
      const offered: number[][] = [];
      for (const element of picture.querySelectorAll('source')) {
        const type = element.getAttribute('type') ?? '';
        const list = candidates(element.getAttribute('srcset') ?? '');
        offered.push(list.map(({ width }) => width));
        for (const { url, width } of list) {
          expect(existsSync(fileOf(url)), url).toBe(true);
          const bytes = await readFile(fileOf(url));
          expect(sniff(bytes), url).toBe(type);
          const size = imageSize(bytes);
          expect(size.width, url).toBe(width);
          expect(Math.abs(size.height - (width * source.height) / source.width), url).toBeLessThan(1);
        }
      }
      // AVIF and WebP in the same widths, smallest first, never wider than the original: the widest is the
      // original's width when it is narrower than the sizes made.
      const [avif, webp] = offered;
      expect(webp).toEqual(avif);
      expect(avif).toEqual([...(avif ?? [])].sort((a, b) => a - b));
      expect(Math.max(...(avif ?? []))).toBeLessThanOrEqual(source.width);
    }
    // The photograph is wider than any size made, so several are; the chart is narrower than most.
    const [lead, chart] = pictures().map((picture) =>
      candidates(picture.querySelector('source')?.getAttribute('srcset') ?? ''),
    );
    expect(lead?.length).toBeGreaterThanOrEqual(3);
    expect(chart?.at(-1)?.width).toBe((await original(CHART)).width);
  });

  test('has an <img> with the original’s width and height, its alternative text, async decoding and a fallback in the original’s format', async () => {
    for (const [i, picture] of pictures().entries()) {
      const source = await original(IMAGES[i] ?? LEAD);
      const img = picture.querySelector('img');
      expect(img?.getAttribute('width')).toBe(String(source.width));
      expect(img?.getAttribute('height')).toBe(String(source.height));
      expect(img?.getAttribute('alt')).toBe(ALTS[i]);
      expect(img?.getAttribute('decoding')).toBe('async');
      const src = img?.getAttribute('src') ?? '';
      const fallback = await readFile(fileOf(src));
      expect(sniff(fallback)).toBe(sniff(source.bytes));
      // The alternative text stays an attribute: nothing else reached the element.
      expect(img?.getAttributeNames().sort()).toEqual(
        [
          'alt',
          'decoding',
          'height',
          'loading',
          'src',
          'width',
          ...(i === 0 ? ['fetchpriority'] : []),
        ].sort(),
      );
    }
  });

  test('gives every source the same sizes, which the browser tests hold to the width it is shown at', () => {
    for (const picture of pictures()) {
      const sizes = [...picture.querySelectorAll('source')].map((source) => source.getAttribute('sizes'));
      expect(sizes[0]).toBeTruthy();
      expect(new Set(sizes).size).toBe(1);
    }
  });
  test('is valid HTML, by the Nu Html Checker', () => {
    const file = `${PICTURES_PATH.slice(1)}index.html`;
    const { errors, unchecked } = checkHtml(dist, [file]);
    expect(unchecked).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('which image loads first', () => {
  test('the lead image, first in the body, loads at once and first; the image further down waits for the reader', () => {
    const body = page.querySelector('article .body');
    const [lead, chart] = pictures().map((picture) => picture.querySelector('img'));
    expect(body?.firstElementChild?.contains(lead ?? null)).toBe(true);
    expect(lead?.getAttribute('loading')).toBe('eager');
    expect(lead?.getAttribute('fetchpriority')).toBe('high');
    expect(body?.firstElementChild?.contains(chart ?? null)).toBe(false);
    expect(chart?.getAttribute('loading')).toBe('lazy');
    expect(chart?.hasAttribute('fetchpriority')).toBe(false);
  });
});

describe('an image alone in its paragraph', () => {
  test('is a figure, captioned by its Markdown title, and takes no paragraph’s number', () => {
    const figures = [...page.querySelectorAll('article .body > figure')];
    expect(figures).toHaveLength(2);
    expect(figures.map((figure) => textOf(figure.querySelector('figcaption')))).toEqual([LEAD_CAPTION, '']);
    expect(figures[0]?.querySelector('img')?.hasAttribute('title')).toBe(false);
    const paragraphs = [...page.querySelectorAll('article .body > p')];
    expect(paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(textOf(paragraphs[0])).toMatch(/^The boats came in before six/u);
  });
});

/** Every file of the fixture's dist/, by its path in it. */
async function builtFiles(): Promise<string[]> {
  return (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('what is published', () => {
  test('the image files are exactly those the page names: no original, and nothing of a draft, a scheduled article or an unused image', async () => {
    const named = new Set(
      pictures().flatMap((picture) => [
        ...[...picture.querySelectorAll('source')].flatMap((source) =>
          candidates(source.getAttribute('srcset') ?? '').map(({ url }) => url),
        ),
        picture.querySelector('img')?.getAttribute('src') ?? '',
      ]),
    );
    const files = await builtFiles();
    const images = files.filter(
      (file) => /\.(?:avif|webp|jpe?g|png|gif)$/u.test(file) && !file.startsWith('og/'),
    );
    expect(images.filter((file) => file !== 'logo.png').sort()).toEqual(
      [...named].map((url) => fileOf(url).slice(dist.length + 1)).sort(),
    );
  });

  test('no file carries a camera’s EXIF data', async () => {
    for (const file of await builtFiles()) {
      expect((await readFile(join(dist, file))).includes('EXIF-MARKER'), file).toBe(false);
    }
  });

  test('no internal link of the site, its feeds or its Markdown copies points to nothing', async () => {
    const files = new Map<string, string>();
    for (const file of await builtFiles()) {
      files.set(file, readsText(file) ? await readFile(join(dist, file), 'utf8') : '');
    }
    const { checked, broken } = findBrokenLinks(files, PUBLISHING_SITE);
    expect(checked).toBeGreaterThan(files.size);
    expect(broken).toEqual([]);
  });
});

describe('the feeds', () => {
  /** The pictures article's HTML in a feed. */
  async function itemHtml(file: string): Promise<string> {
    const text = await readFile(join(dist, file), 'utf8');
    if (file.endsWith('.json')) {
      const feed = JSON.parse(text) as JsonFeed;
      return feed.items.find((item) => item.url.endsWith(PICTURES_PATH))?.content_html ?? '';
    }
    const item = parseFeed(text).items.find((entry) => entry.url?.endsWith(PICTURES_PATH));
    return item?.content ?? '';
  }

  test.each(['feed.xml', 'atom.xml', 'feed.json'])(
    '%s carries each image as an <img> of a built file at its absolute URL, with its size and alternative text',
    async (file) => {
      const body = JSDOM.fragment(await itemHtml(file));
      expect(body.querySelectorAll('picture, source, [srcset], [loading]')).toHaveLength(0);
      const imgs = [...body.querySelectorAll('img')];
      expect(imgs).toHaveLength(IMAGES.length);
      for (const [i, img] of imgs.entries()) {
        const onPage = pictures()[i]?.querySelector('img');
        const src = img.getAttribute('src') ?? '';
        expect(src.startsWith(PUBLISHING_SITE), src).toBe(true);
        expect(fileOf(src)).toBe(fileOf(onPage?.getAttribute('src') ?? ''));
        expect(existsSync(fileOf(src)), src).toBe(true);
        expect(img.getAttribute('alt')).toBe(ALTS[i]);
        expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual([
          onPage?.getAttribute('width'),
          onPage?.getAttribute('height'),
        ]);
      }
      expect(textOf(body.querySelector('figcaption'))).toBe(LEAD_CAPTION);
    },
  );
});

describe('the Markdown copy', () => {
  test('shows each image with its alternative text, from a built file at its absolute URL', async () => {
    const text = await readFile(join(dist, PICTURES_PATH.replace(/\/$/u, '.md')), 'utf8');
    const images: Image[] = [];
    visit(fromMarkdown(text), 'image', (node) => {
      images.push(node);
    });
    expect(images.map((image) => image.alt)).toEqual(ALTS);
    for (const image of images) {
      expect(image.url.startsWith(PUBLISHING_SITE), image.url).toBe(true);
      expect(existsSync(fileOf(image.url)), image.url).toBe(true);
    }
    expect(text).toContain(LEAD_CAPTION);
  });
});

describe('search', () => {
  interface Found {
    url: string;
    content: string;
  }
  let pagefind: {
    options: (o: object) => Promise<void>;
    search: (q: string) => Promise<{ results: { data: () => Promise<Found> }[] }>;
  };

  beforeAll(async () => {
    // As in search.test.ts: Pagefind's own code, each request answered from dist/.
    vi.stubGlobal('fetch', async (input: string | URL) => {
      const path = decodeURIComponent(new URL(String(input), 'http://site.test/').pathname);
      const file = path.startsWith(dist) ? path : join(dist, path);
      return existsSync(file) ? new Response(await readFile(file)) : new Response('', { status: 404 });
    });
    pagefind = (await import(
      /* @vite-ignore */ pathToFileURL(join(dist, 'pagefind/pagefind.js')).href
    )) as typeof pagefind;
    await pagefind.options({ basePath: '/pagefind/' });
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  test('finds the article by a word of its body, and indexes its caption but no image address', async () => {
    const results = await Promise.all(
      (await pagefind.search('lorry')).results.map((result) => result.data()),
    );
    expect(results.map((found) => found.url)).toEqual([PICTURES_PATH]);
    expect(results[0]?.content).toContain(LEAD_CAPTION);
    expect(results[0]?.content).not.toMatch(/_astro|\.avif|\.webp/u);
  });
});

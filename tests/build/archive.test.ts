/**
 * A fixture site to browse: 45 articles over three months, two authors, two
 * sources and topics in three scripts. Listings are paginated by 20, topics
 * group names that differ only in case or normalisation, and every link on the
 * listing pages, and every URL in the sitemap, leads to a built page.
 */
import { XMLParser } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { data, markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, makeSite, readPage, textOf } from '../helpers/project.ts';

const SITE = 'https://news.example.org/';
const NOW = '2024-06-01T12:00:00Z';

const MONTHS = [
  { month: 3, count: 10 },
  { month: 4, count: 13 },
  { month: 5, count: 22 },
];

const KAZAKHSTAN = 'kazakhstan';
const KAZAKHSTAN_RU = 'казахстан';
const JAPAN = '日本の政治';
const MSF = 'ärzte-ohne-grenzen';

interface Fixture {
  n: number;
  path: string;
  month: number;
  authors: string[];
  source: string;
  topics: string[];
  /** The slugs its topics should have, written out by hand. */
  slugs: string[];
}

/** Article n (1 to 45) is published on day d of its month; a higher n is newer. */
const fixtures: Fixture[] = MONTHS.flatMap(({ month, count }, m) =>
  Array.from({ length: count }, (_, d) => {
    const n = MONTHS.slice(0, m).reduce((sum, x) => sum + x.count, 0) + d + 1;
    const topics: [string, string][] = [];
    if (n % 4 === 0) topics.push(['Kazakhstan', KAZAKHSTAN]);
    if (n % 4 === 2) topics.push(['kazakhstan', KAZAKHSTAN]);
    // One article names the same topic twice: it is listed once.
    if (n === 44) topics.push(['KAZAKHSTAN', KAZAKHSTAN]);
    if (n % 5 === 0) topics.push(['Казахстан', KAZAKHSTAN_RU]);
    if (n % 7 === 0) topics.push(['日本の政治', JAPAN]);
    // Composed (NFC) and decomposed (NFD) spellings of one name.
    if (n % 6 === 1) topics.push(['Ärzte ohne Grenzen', MSF]);
    if (n % 6 === 4) topics.push(['A\u0308rzte ohne Grenzen', MSF]);
    return {
      n,
      path: `/2024/0${String(month)}/${String(d + 1).padStart(2, '0')}/story-${String(n)}/`,
      month,
      authors: n % 10 === 5 ? ['ben-writer', 'ann-author'] : n % 2 === 0 ? ['ann-author'] : ['ben-writer'],
      source: n % 3 === 0 ? 'weekly-example' : 'daily-example',
      topics: topics.map(([name]) => name),
      slugs: [...new Set(topics.map(([, slug]) => slug))],
    };
  }),
);
/** Newest first, as every listing is ordered. */
const newest = [...fixtures].sort((a, b) => b.n - a.n);
const paths = (list: Fixture[]) => list.map((f) => f.path);

let dist: string;
beforeAll(async () => {
  const content: Record<string, string> = {
    ...people,
    'sources/weekly-example.yaml': data({
      name: 'Weekly Example',
      slug: 'weekly-example',
      url: 'https://weekly.example/',
    }),
  };
  for (const f of fixtures) {
    const [, , month, day] = f.path.split('/');
    content[`articles/story-${String(f.n)}.md`] = markdown(
      validArticle({
        title: `Story ${String(f.n)}`,
        slug: `story-${String(f.n)}`,
        published: `2024-${month ?? ''}-${day ?? ''}T09:00:00Z`,
        authors: f.authors,
        source: f.source,
        topics: f.topics,
      }),
    );
  }
  const root = await makeSite('archive', content);
  const result = buildSite(root, { SITE_URL: SITE, BROADSHEET_NOW: NOW });
  expect(result.status, result.output).toBe(0);
  dist = join(root, 'dist');
});

/** The article links of a listing page, in order. */
async function listed(path: string): Promise<string[]> {
  const page = await readPage(dist, path);
  return [...page.querySelectorAll('.article-list h2 a')].map((a) => a.getAttribute('href') ?? '');
}

/** Every article of a paginated listing, page after page, following rel=next. */
async function listedOnAllPages(path: string): Promise<string[]> {
  const all: string[] = [];
  for (let next: string | null | undefined = path, pages = 0; next; pages++) {
    expect(pages, `${path} has too many pages`).toBeLessThan(10);
    all.push(...(await listed(next)));
    const page = await readPage(dist, next);
    next = page.querySelector('nav[aria-label="Pagination"] a[rel="next"]')?.getAttribute('href');
  }
  return all;
}

async function pagination(path: string) {
  const nav = (await readPage(dist, path)).querySelector('nav[aria-label="Pagination"]');
  return {
    nav,
    text: textOf(nav),
    prev: nav?.querySelector('a[rel="prev"]')?.getAttribute('href'),
    next: nav?.querySelector('a[rel="next"]')?.getAttribute('href'),
  };
}

const canonicalOf = async (path: string) =>
  (await readPage(dist, path)).querySelector('link[rel="canonical"]')?.getAttribute('href');

/** The built file a site path is served from; hrefs may be percent-encoded. */
const fileOf = (href: string) => {
  const path = decodeURIComponent(new URL(href, SITE).pathname);
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
};

describe('the home page and its later pages', () => {
  test('the home page lists the 20 newest and links to /page/2/ as next', async () => {
    expect(await listed('/')).toEqual(paths(newest.slice(0, 20)));
    const nav = await pagination('/');
    expect(nav.text).toContain('Page 1 of 3');
    expect(nav.next).toBe('/page/2/');
    expect(nav.prev).toBeUndefined();
  });

  test('/page/2/ lists the next 20, between / and /page/3/, with its own canonical URL', async () => {
    expect(await listed('/page/2/')).toEqual(paths(newest.slice(20, 40)));
    const nav = await pagination('/page/2/');
    expect(nav.text).toContain('Page 2 of 3');
    expect([nav.prev, nav.next]).toEqual(['/', '/page/3/']);
    expect(await canonicalOf('/page/2/')).toBe(`${SITE}page/2/`);
    const title = (await readPage(dist, '/page/2/')).title;
    expect(title).toContain('page 2 of 3');
  });

  test('/page/3/ has the rest, and there is no /page/4/', async () => {
    expect(await listed('/page/3/')).toEqual(paths(newest.slice(40)));
    const nav = await pagination('/page/3/');
    expect(nav.text).toContain('Page 3 of 3');
    expect([nav.prev, nav.next]).toEqual(['/page/2/', undefined]);
    expect(existsSync(fileOf('/page/4/'))).toBe(false);
    expect(existsSync(fileOf('/page/1/'))).toBe(false);
  });
});

describe('topics', () => {
  test.each([
    [KAZAKHSTAN, 'Kazakhstan'],
    [KAZAKHSTAN_RU, 'Казахстан'],
    [JAPAN, '日本の政治'],
    [MSF, 'Ärzte ohne Grenzen'],
  ])('/topics/%s/ is titled %s and lists its articles, newest first', async (slug, name) => {
    const page = await readPage(dist, `/topics/${slug}/`);
    expect(textOf(page.querySelector('h1')).normalize('NFC')).toBe(name);
    const expected = paths(newest.filter((f) => f.slugs.includes(slug)));
    expect(expected.length).toBeGreaterThan(0);
    expect(await listedOnAllPages(`/topics/${slug}/`)).toEqual(expected);
  });

  test('"Kazakhstan", "kazakhstan" and "KAZAKHSTAN" are one topic, on two pages', async () => {
    const expected = paths(newest.filter((f) => f.slugs.includes(KAZAKHSTAN)));
    expect(expected).toHaveLength(22);
    expect(await listed('/topics/kazakhstan/')).toEqual(expected.slice(0, 20));
    expect(await listed('/topics/kazakhstan/page/2/')).toEqual(expected.slice(20));
    expect((await pagination('/topics/kazakhstan/page/2/')).prev).toBe('/topics/kazakhstan/');
    expect(await canonicalOf('/topics/kazakhstan/page/2/')).toBe(`${SITE}topics/kazakhstan/page/2/`);
  });

  test('the topics index links each topic once, with its count', async () => {
    const page = await readPage(dist, '/topics/');
    const items = [...page.querySelectorAll('main li')].map((li) => ({
      href: decodeURIComponent(li.querySelector('a')?.getAttribute('href') ?? ''),
      text: textOf(li).normalize('NFC'),
    }));
    const count = (slug: string) => fixtures.filter((f) => f.slugs.includes(slug)).length;
    expect(items).toHaveLength(4);
    expect(items).toEqual(
      expect.arrayContaining([
        { href: '/topics/kazakhstan/', text: `Kazakhstan ${String(count(KAZAKHSTAN))} articles` },
        { href: '/topics/казахстан/', text: `Казахстан ${String(count(KAZAKHSTAN_RU))} articles` },
        { href: '/topics/日本の政治/', text: `日本の政治 ${String(count(JAPAN))} articles` },
        { href: '/topics/ärzte-ohne-grenzen/', text: `Ärzte ohne Grenzen ${String(count(MSF))} articles` },
      ]),
    );
  });

  test.each([KAZAKHSTAN_RU, JAPAN, MSF])(
    'the link to /topics/%s/, its built file and its canonical URL agree',
    async (slug) => {
      const link = (await readPage(dist, '/topics/')).querySelector(
        `a[href="/topics/${slug}/"], a[href="${encodeURI(`/topics/${slug}/`)}"]`,
      );
      const href = link?.getAttribute('href') ?? '';
      expect(existsSync(fileOf(href)), href).toBe(true);
      // A browser asks for the UTF-8 percent-encoded path; the canonical URL is written that way.
      const encoded = new URL(href, SITE).href;
      expect(encoded).toBe(`${SITE}topics/${encodeURIComponent(slug)}/`);
      expect(await canonicalOf(`/topics/${slug}/`)).toBe(encoded);
    },
  );
});

describe('the archive', () => {
  test('/archive/ lists the year and its months, newest first, with counts', async () => {
    const page = await readPage(dist, '/archive/');
    expect(textOf(page.querySelector('main h2'))).toBe('2024 45 articles');
    const months = [...page.querySelectorAll('main li')].map((li) => [
      li.querySelector('a')?.getAttribute('href'),
      textOf(li),
    ]);
    expect(months).toEqual([
      ['/archive/2024/05/', 'May 22 articles'],
      ['/archive/2024/04/', 'April 13 articles'],
      ['/archive/2024/03/', 'March 10 articles'],
    ]);
  });

  test('/archive/2024/ lists its months', async () => {
    const page = await readPage(dist, '/archive/2024/');
    expect(textOf(page.querySelector('h1'))).toBe('2024');
    expect([...page.querySelectorAll('main li a')].map((a) => a.getAttribute('href'))).toEqual([
      '/archive/2024/05/',
      '/archive/2024/04/',
      '/archive/2024/03/',
    ]);
  });

  test('/archive/2024/05/ lists that month, on two pages', async () => {
    const may = paths(newest.filter((f) => f.month === 5));
    expect(textOf((await readPage(dist, '/archive/2024/05/')).querySelector('h1'))).toBe('May 2024');
    expect(await listed('/archive/2024/05/')).toEqual(may.slice(0, 20));
    expect((await pagination('/archive/2024/05/')).next).toBe('/archive/2024/05/page/2/');
    expect(await listed('/archive/2024/05/page/2/')).toEqual(may.slice(20));
  });

  test('/archive/2024/03/ fits on one page and has no pagination', async () => {
    expect(await listed('/archive/2024/03/')).toEqual(paths(newest.filter((f) => f.month === 3)));
    expect((await pagination('/archive/2024/03/')).nav).toBeNull();
  });
});

describe('author and source pages', () => {
  test.each([
    ['/authors/ann-author/', (f: Fixture) => f.authors.includes('ann-author')],
    ['/authors/ben-writer/', (f: Fixture) => f.authors.includes('ben-writer')],
    ['/sources/daily-example/', (f: Fixture) => f.source === 'daily-example'],
  ])('%s lists 20, then the rest on page 2', async (path, filter) => {
    const expected = paths(newest.filter(filter));
    expect(expected.length).toBeGreaterThan(20);
    expect(await listed(path)).toEqual(expected.slice(0, 20));
    expect((await pagination(path)).next).toBe(`${path}page/2/`);
    expect(await listed(`${path}page/2/`)).toEqual(expected.slice(20));
    expect(await canonicalOf(`${path}page/2/`)).toBe(`${SITE}${path.slice(1)}page/2/`);
  });

  test('a source with fewer than 20 articles has one page', async () => {
    expect(await listed('/sources/weekly-example/')).toHaveLength(15);
    expect((await pagination('/sources/weekly-example/')).nav).toBeNull();
    expect(existsSync(fileOf('/sources/weekly-example/page/2/'))).toBe(false);
  });
});

describe('links and the sitemap', () => {
  /** Every HTML page in dist/, as a site path. */
  async function htmlPages(): Promise<string[]> {
    const files = await readdir(dist, { recursive: true });
    return files
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`)
      .sort();
  }

  const listingPage = (path: string) =>
    path === '/' || /^\/(page|topics|archive|authors|sources)\//.test(path);

  test('every internal link on the listing pages leads to a built file', async () => {
    const pages = (await htmlPages()).filter(listingPage);
    // 3 home pages, topics index, 5 topic pages, 4 archive pages and 7 author and source pages.
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const path of pages) {
      const page = await readPage(dist, path);
      // The header and footer are the layout's, and tested with it.
      for (const a of page.querySelectorAll('main a[href]')) {
        const href = a.getAttribute('href') ?? '';
        if (/^[a-z]+:/i.test(href)) continue;
        expect(href.startsWith('/'), `${path}: ${href}`).toBe(true);
        expect(existsSync(fileOf(href)), `${path} links to ${href}`).toBe(true);
      }
    }
  });

  test('the sitemap lists every page, and every URL in it is built', async () => {
    const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
    const index = xml.parse(await readFile(join(dist, 'sitemap-index.xml'), 'utf8')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    const locs: string[] = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      const sitemap = xml.parse(await readFile(fileOf(loc), 'utf8')) as {
        urlset: { url: { loc: string }[] };
      };
      locs.push(...sitemap.urlset.url.map((u) => u.loc));
    }
    for (const loc of locs) expect(existsSync(fileOf(loc)), loc).toBe(true);
    const pages = (await htmlPages()).filter((path) => path !== '/404.html');
    const listedPaths = new Set(locs.map((loc) => decodeURIComponent(new URL(loc).pathname)));
    for (const path of pages) expect(listedPaths.has(path), `${path} is not in the sitemap`).toBe(true);
    // Each page's canonical URL is the one the sitemap gives.
    for (const path of pages.filter(listingPage)) {
      expect(locs, path).toContain(await canonicalOf(path));
    }
  });
});

describe('related reading under an article', () => {
  test('lists up to three more by the authors, from the source and on the topics, none twice', async () => {
    const self = fixtures.find((f) => f.n === 44);
    if (!self) throw new Error('no article 44');
    const shown = new Set([self.path]);
    const scan = (related: (f: Fixture) => boolean) => {
      const found = paths(newest.filter((f) => !shown.has(f.path) && related(f)).slice(0, 3));
      for (const path of found) shown.add(path);
      return found;
    };
    const expected = [
      ['More by Ann Author', scan((f) => f.authors.includes('ann-author'))],
      ['More from Daily Example', scan((f) => f.source === 'daily-example')],
      ['More on Kazakhstan', scan((f) => f.slugs.includes(KAZAKHSTAN))],
    ];
    const aside = (await readPage(dist, self.path)).querySelector('aside[aria-label="Related reading"]');
    const lists = [...(aside?.querySelectorAll('section') ?? [])].map((section) => [
      textOf(section.querySelector('h2')),
      [...section.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    ]);
    expect(lists).toEqual(expected);
  });
});

describe('topics on an article page', () => {
  test.each([
    [44, ['/topics/kazakhstan/']],
    [35, ['/topics/казахстан/', '/topics/日本の政治/']],
    [4, ['/topics/kazakhstan/', '/topics/ärzte-ohne-grenzen/']],
  ])('article %i links each of its topics once, to a built page', async (n, expected) => {
    const self = fixtures.find((f) => f.n === n);
    const page = await readPage(dist, self?.path ?? '');
    const hrefs = [...page.querySelectorAll('.topics a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.map((href) => decodeURIComponent(href))).toEqual(expected);
    for (const href of hrefs) expect(existsSync(fileOf(href)), href).toBe(true);
  });
});

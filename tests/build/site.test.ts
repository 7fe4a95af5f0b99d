/** The built site around the article: listing pages, 404, sitemap and robots.txt. */
import { XMLParser } from 'fast-xml-parser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import robotsParser from 'robots-parser';
import { describe, expect, test } from 'vitest';
import { resolveSiteUrl } from '../../src/site.ts';
import { DIST, readPage, textOf } from '../helpers/project.ts';

const site = resolveSiteUrl();
const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

/** Every HTML page in dist/, as a site path. */
async function htmlPages(): Promise<string[]> {
  const files = await readdir(DIST, { recursive: true });
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();
}

/** The URLs and lastmods of every sitemap listed in the index. */
async function sitemapEntries(): Promise<{ loc: string; lastmod?: string }[]> {
  const index = xml.parse(await readFile(join(DIST, 'sitemap-index.xml'), 'utf8')) as {
    sitemapindex: { sitemap: { loc: string }[] };
  };
  const entries = [];
  for (const { loc } of index.sitemapindex.sitemap) {
    expect(loc.startsWith(site.href)).toBe(true);
    const file = join(DIST, new URL(loc).pathname);
    const sitemap = xml.parse(await readFile(file, 'utf8')) as {
      urlset: { url: { loc: string; lastmod?: string }[] };
    };
    entries.push(...sitemap.urlset.url);
  }
  return entries;
}

describe('listing pages', () => {
  test('the home page lists the article with headline, dek, byline and date', async () => {
    const home = await readPage(DIST, '/');
    const item = home.querySelector('.article-list li');
    expect(item?.querySelector('h2 a')?.getAttribute('href')).toBe(PERMALINK);
    expect(textOf(item?.querySelector('h2'))).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan');
    expect(textOf(item)).toContain('Irina Alksnis');
    expect(item?.querySelector('time')?.getAttribute('datetime')).toMatch(/^2022-01-06T/);
  });

  test.each([
    ['/authors/irina-alksnis/', 'Irina Alksnis'],
    ['/sources/the-frontier-post/', 'The Frontier Post'],
  ])('%s is titled %s and lists the article', async (path, name) => {
    const page = await readPage(DIST, path);
    expect(textOf(page.querySelector('h1'))).toBe(name);
    const links = [...page.querySelectorAll('.article-list h2 a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([PERMALINK]);
  });

  test('the source page links to the publisher’s home page', async () => {
    const page = await readPage(DIST, '/sources/the-frontier-post/');
    expect([...page.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain(
      'https://thefrontierpost.com/',
    );
  });
});

describe('every page', () => {
  test('has a language, a title, a description, a favicon and, unless it is the 404, a canonical URL', async () => {
    const pages = await htmlPages();
    expect(pages).toEqual(
      expect.arrayContaining([
        '/',
        '/404.html',
        PERMALINK,
        '/authors/irina-alksnis/',
        '/sources/the-frontier-post/',
      ]),
    );
    for (const path of pages) {
      const page = await readPage(DIST, path);
      expect(page.documentElement.lang, path).toMatch(/^[a-z]{2,3}(-|$)/);
      expect(page.title, path).not.toBe('');
      expect(page.querySelector('meta[name="description"]')?.getAttribute('content'), path).toBeTruthy();
      expect(page.querySelector('link[rel="icon"]')?.getAttribute('href'), path).toBe('/favicon.svg');
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (path === '/404.html') expect(canonical, path).toBeUndefined();
      else expect(canonical, path).toBe(new URL(path, site).href);
    }
  });

  test('the favicon it points to exists', async () => {
    expect(await readFile(join(DIST, 'favicon.svg'), 'utf8')).toContain('<svg');
  });
});

describe('the 404 page', () => {
  test('says the page was not found and keeps itself out of search engines', async () => {
    const page = await readPage(DIST, '/404.html');
    expect(textOf(page.querySelector('h1'))).toBe('Page not found');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    expect(page.querySelector('main a')?.getAttribute('href')).toBe('/');
  });
});

describe('sitemap and robots.txt', () => {
  test('the sitemap lists every public page and not the 404', async () => {
    const locs = (await sitemapEntries()).map((entry) => entry.loc).sort();
    const pages = (await htmlPages())
      .filter((path) => path !== '/404.html')
      .map((path) => new URL(path, site).href);
    expect(locs).toEqual(pages.sort());
  });

  test('the article’s lastmod is its publication date, not the build time', async () => {
    const entry = (await sitemapEntries()).find((e) => e.loc === new URL(PERMALINK, site).href);
    expect(entry?.lastmod).toBeDefined();
    expect(Date.parse(entry?.lastmod ?? '')).toBe(Date.parse('2022-01-06T00:00:00Z'));
  });

  test('robots.txt allows the site and announces the sitemap index and the news sitemap', async () => {
    const url = new URL('/robots.txt', site).href;
    const robots = robotsParser(url, await readFile(join(DIST, 'robots.txt'), 'utf8'));
    expect(robots.isAllowed(new URL(PERMALINK, site).href, 'Googlebot')).toBe(true);
    expect(robots.getSitemaps()).toEqual([
      new URL('/sitemap-index.xml', site).href,
      new URL('/sitemap-news.xml', site).href,
    ]);
  });
});

/**
 * Permalinks that never break: aliases become redirect pages and `_redirects`
 * lines, new URLs go into the ledger, and renaming a published article without
 * an alias fails the build. Also the Google News sitemap of a site with fresh news.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, makeSite, readPage } from '../helpers/project.ts';

const SITE = 'https://news.example.org/';
// "Moved story" was published 49 hours before, "Fresh news" 36 hours before.
const NOW = '2024-05-03T08:00:00Z';
const env = { SITE_URL: SITE, BROADSHEET_NOW: NOW };
const moved = validArticle({
  title: 'Moved story',
  slug: 'moved-story',
  aliases: ['old-story', '/legacy/moved/'],
});
const fresh = validArticle({
  title: 'Fresh news & more',
  slug: 'fresh-news',
  published: '2024-05-01T20:00:00Z',
  // Offered to Google News, against its source's default (news-noindex).
  indexing: 'index',
});

let root: string;
beforeAll(async () => {
  root = await makeSite('permalinks', {
    ...people,
    'articles/moved.md': markdown(moved),
    'articles/fresh.md': markdown(fresh),
  });
  const result = buildSite(root, env);
  expect(result.output).toContain('Complete!');
  expect(result.status).toBe(0);
});

describe('aliases', () => {
  test('each old URL is a redirect page: noindex, canonical and a refresh to the new URL', async () => {
    for (const from of ['/2024/05/01/old-story/', '/legacy/moved/']) {
      const page = await readPage(join(root, 'dist'), from);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${SITE}2024/05/01/moved-story/`,
      );
      expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
        '0; url=/2024/05/01/moved-story/',
      );
      expect(page.querySelector('a')?.getAttribute('href')).toBe('/2024/05/01/moved-story/');
    }
  });

  test('_redirects gives hosts real 301s', async () => {
    const lines = (await readFile(join(root, 'dist/_redirects'), 'utf8')).trim().split('\n');
    expect(lines).toEqual([
      '/2024/05/01/old-story/ /2024/05/01/moved-story/ 301',
      '/legacy/moved/ /2024/05/01/moved-story/ 301',
    ]);
  });

  test('redirect pages stay out of the sitemap', async () => {
    const sitemap = await readFile(join(root, 'dist/sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/2024/05/01/moved-story/');
    expect(sitemap).not.toContain('old-story');
    expect(sitemap).not.toContain('legacy');
  });
});

describe('the ledger', () => {
  test('records every published URL, aliases included', async () => {
    const ledger = await readFile(join(root, 'content/permalinks.txt'), 'utf8');
    for (const path of [
      '/2024/05/01/moved-story/',
      '/2024/05/01/old-story/',
      '/legacy/moved/',
      '/2024/05/01/fresh-news/',
    ]) {
      expect(ledger.split('\n')).toContain(path);
    }
  });

  test('renaming a published article without an alias fails the build and names the URL', async () => {
    const ledger = await readFile(join(root, 'content/permalinks.txt'), 'utf8');
    const site = await makeSite('permalinks-renamed', {
      ...people,
      'permalinks.txt': ledger,
      'articles/moved.md': markdown(moved),
      'articles/fresh.md': markdown({ ...fresh, slug: 'fresh-news-renamed' }),
    });
    const result = buildSite(site, env);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'content/permalinks.txt: /2024/05/01/fresh-news/ was published and would stop resolving',
    );
    expect(result.output).toContain('aliases');

    // With the old slug as an alias, the same rename builds.
    await writeFile(
      join(site, 'content/articles/fresh.md'),
      markdown({ ...fresh, slug: 'fresh-news-renamed', aliases: ['fresh-news'] }),
    );
    expect(buildSite(site, env).status).toBe(0);
  });
});

describe('the Google News sitemap', () => {
  test('lists what was published in the 48 hours before the build, with its title escaped', async () => {
    const xml = await readFile(join(root, 'dist/sitemap-news.xml'), 'utf8');
    const parsed = new XMLParser().parse(xml) as {
      urlset: { url: { loc: string; 'news:news': Record<string, unknown> } | unknown[] };
    };
    const urls = Array.isArray(parsed.urlset.url) ? parsed.urlset.url : [parsed.urlset.url];
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatchObject({
      loc: `${SITE}2024/05/01/fresh-news/`,
      'news:news': {
        'news:title': 'Fresh news & more',
        'news:publication_date': '2024-05-01T20:00:00Z',
        'news:publication': { 'news:name': 'Broadsheet', 'news:language': 'en' },
      },
    });
  });
});

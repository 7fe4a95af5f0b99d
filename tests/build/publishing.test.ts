/**
 * The publishing fixture site (tests/helpers/publishing.ts) against the
 * publishing rules: drafts and scheduled articles left out everywhere, newest
 * first, URL dates in the article's own time zone, updated dates, corrections,
 * canonical overrides, several authors, and a site URL set by the deployer.
 * Its body images are tested in images.test.ts.
 */
import { XMLParser } from 'fast-xml-parser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import robotsParser from 'robots-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPage, textOf } from '../helpers/project.ts';
import { PICTURES_PATH, PUBLISHING_SITE, publishingSite } from '../helpers/publishing.ts';

const SITE = PUBLISHING_SITE;

let dist: string;
beforeAll(async () => {
  ({ dist } = await publishingSite());
});

/** Every file in dist/, with its text. */
async function allFiles(): Promise<[string, string][]> {
  const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  return Promise.all(
    files.map(async (f): Promise<[string, string]> => [
      join(f.parentPath, f.name),
      await readFile(join(f.parentPath, f.name), 'utf8'),
    ]),
  );
}

describe('drafts and scheduled articles', () => {
  test.each([
    ['draft', 'Secret draft', 'secret-draft'],
    ['scheduled', 'Tomorrow’s scoop', 'tomorrows-scoop'],
  ])('the %s article appears in no page, list or sitemap', async (_, title, slug) => {
    for (const [file, text] of await allFiles()) {
      expect(text, file).not.toContain(title);
      expect(text, file).not.toContain(slug);
    }
  });

  test('an author whose only article is a draft has no page', async () => {
    await expect(readPage(dist, '/authors/carl-draft/')).rejects.toThrow(/ENOENT/);
  });
});

describe('published articles', () => {
  test('take the date in their URL from their own time zone', async () => {
    const page = await readPage(dist, '/2024/05/20/newer-analysis/');
    expect(textOf(page.querySelector('h1'))).toBe('Newer analysis');
  });

  test('are listed newest first on the home page and on a shared author’s page', async () => {
    const order = ['/2024/05/20/newer-analysis/', PICTURES_PATH, '/2024/05/01/older-news/'];
    const listed = async (path: string) =>
      [...(await readPage(dist, path)).querySelectorAll('.article-list h2 a')].map((a) =>
        a.getAttribute('href'),
      );
    for (const path of ['/', '/authors/ann-author/']) expect(await listed(path), path).toEqual(order);
    // The older article comes from another source.
    expect(await listed('/sources/daily-example/')).toEqual(order.slice(0, 2));
    const ben = await readPage(dist, '/authors/ben-writer/');
    expect([...ben.querySelectorAll('.article-list h2 a')].map((a) => a.getAttribute('href'))).toEqual([
      order[0],
    ]);
  });

  test('name every author in the byline, each linked', async () => {
    const page = await readPage(dist, '/2024/05/20/newer-analysis/');
    const byline = page.querySelector('.byline');
    expect(textOf(byline)).toBe('By Ben Writer and Ann Author');
    expect([...(byline?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/authors/ben-writer/',
      '/authors/ann-author/',
    ]);
  });

  test('show the format label, the update date and the article’s language', async () => {
    const page = await readPage(dist, '/2024/05/20/newer-analysis/');
    expect(textOf(page.querySelector('.kicker'))).toBe('Analysis');
    expect(page.querySelector('time.published')?.getAttribute('datetime')).toBe('2024-05-20T23:30:00-04:00');
    expect(page.querySelector('time.updated')?.getAttribute('datetime')).toBe('2024-05-25T10:00:00Z');
    expect(textOf(page.querySelector('.dateline'))).toContain('Updated 25 May 2024');
    expect(page.documentElement.lang).toBe('de');
  });

  test('show their corrections', async () => {
    const page = await readPage(dist, '/2024/05/01/older-news/');
    const corrections = page.querySelector('.corrections');
    expect(textOf(corrections)).toContain('An earlier version misspelt a name.');
    expect(corrections?.querySelector('time')?.getAttribute('datetime')).toBe('2024-05-03T10:00:00+02:00');
  });

  test('use the canonical override where the source’s terms require one, and the site URL otherwise', async () => {
    const older = await readPage(dist, '/2024/05/01/older-news/');
    expect(older.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://daily.example/2024/older-news',
    );
    const newer = await readPage(dist, '/2024/05/20/newer-analysis/');
    expect(newer.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${SITE}2024/05/20/newer-analysis/`,
    );
  });
});

describe('sitemap and robots.txt on a deployer’s URL', () => {
  const xml = new XMLParser({ isArray: (name) => name === 'url' });

  test('each article’s lastmod is its updated date, or else its published date', async () => {
    const sitemap = xml.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8')) as {
      urlset: { url: { loc: string; lastmod?: string }[] };
    };
    const lastmod = new Map(sitemap.urlset.url.map((u) => [u.loc, u.lastmod]));
    expect(Date.parse(lastmod.get(`${SITE}2024/05/20/newer-analysis/`) ?? '')).toBe(
      Date.parse('2024-05-25T10:00:00Z'),
    );
    expect(Date.parse(lastmod.get(`${SITE}2024/05/01/older-news/`) ?? '')).toBe(
      Date.parse('2024-05-01T09:00:00+02:00'),
    );
    for (const loc of lastmod.keys()) expect(loc.startsWith(SITE)).toBe(true);
  });

  test('robots.txt points at the sitemap on the deployer’s URL', async () => {
    const robots = robotsParser(`${SITE}robots.txt`, await readFile(join(dist, 'robots.txt'), 'utf8'));
    expect(robots.getSitemaps()).toEqual([`${SITE}sitemap-index.xml`, `${SITE}sitemap-news.xml`]);
  });
});

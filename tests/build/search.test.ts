/**
 * Site search, as built: the Pagefind index in dist/pagefind/ holds the headline and body of each
 * article and nothing else, and Pagefind's own search code, run here in Node on those files, finds an
 * article by a word of its text. The search page itself runs in Chromium in tests/browser/search.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { parseLedger } from '../../src/catalog/permalinks.ts';
import { archiveIndexPath, feedPath, searchPath } from '../../src/lib/urls.ts';
import { site } from '../../src/site.ts';
import { markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, DIST, makeSite, readPage, textOf } from '../helpers/project.ts';

const ARTICLE = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const HEADLINE = 'CSTO undergoes ‘baptism of fire’ in Kazakhstan';
const PAGEFIND = join(DIST, 'pagefind');

/** Every built HTML page, as a site path (`/about/`, `/404.html`). */
async function htmlPages(): Promise<string[]> {
  return (await readdir(DIST, { recursive: true }))
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/\\/gu, '/').replace(/(^|\/)index\.html$/u, '$1')}`)
    .sort();
}

/** The article pages: every URL the build published, from its permalinks.txt. */
const articlePaths = async (): Promise<string[]> =>
  parseLedger(await readFile(join(DIST, 'permalinks.txt'), 'utf8'));

describe('what is marked for indexing', () => {
  test('each article page has exactly one data-pagefind-body, holding its headline and body', async () => {
    const articles = await articlePaths();
    expect(articles).toContain(ARTICLE);
    for (const path of articles) {
      const page = await readPage(DIST, path);
      const marked = page.querySelectorAll('[data-pagefind-body]');
      expect(marked, path).toHaveLength(1);
      expect(marked[0]?.querySelector('h1'), path).not.toBeNull();
      expect(marked[0]?.querySelector('.body p'), path).not.toBeNull();
      // Navigation, share links and related reading lie outside it.
      expect(marked[0]?.querySelector('nav, footer, aside:not(.corrections)'), path).toBeNull();
    }
  });

  test('no other page has one: listings, navigation and the search page are left out', async () => {
    const articles = new Set(await articlePaths());
    const others = (await htmlPages()).filter((path) => !articles.has(path));
    expect(others).toEqual(expect.arrayContaining(['/', '/archive/', '/about/', searchPath()]));
    for (const path of others) {
      const page = await readPage(DIST, path);
      expect(page.querySelectorAll('[data-pagefind-body]'), path).toHaveLength(0);
    }
  });
});

describe('the index', () => {
  test('dist/pagefind/ has Pagefind’s script and an index of exactly the article pages, in one language', async () => {
    expect(existsSync(join(PAGEFIND, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(await readFile(join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // One index for the whole site, so the one search page finds articles in any language.
    expect(Object.keys(entry.languages)).toEqual([site.language]);
    expect(entry.languages[site.language]?.page_count).toBe((await articlePaths()).length);
    expect((await readdir(join(PAGEFIND, 'fragment'))).length).toBeGreaterThan(0);
  });

  test('Pagefind’s ready-made search interfaces are not shipped: the page has its own script', async () => {
    const files = await readdir(PAGEFIND);
    expect(files.filter((file) => /ui|highlight/u.test(file))).toEqual([]);
  });
});

/** What Pagefind's browser API returns for one result. */
interface Found {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string) => Promise<{ results: { data: () => Promise<Found> }[] }>;
}

describe('searching the index with Pagefind’s own code', () => {
  let pagefind: Pagefind;
  const search = async (query: string): Promise<Found[]> =>
    Promise.all((await pagefind.search(query)).results.map((result) => result.data()));

  beforeAll(async () => {
    // The browser fetches the index from the site; here each request reads the file from dist/.
    vi.stubGlobal('fetch', async (input: string | URL) => {
      const path = decodeURIComponent(new URL(String(input), 'http://site.test/').pathname);
      const file = path.startsWith(DIST) ? path : join(DIST, path);
      return existsSync(file) ? new Response(await readFile(file)) : new Response('', { status: 404 });
    });
    pagefind = (await import(
      /* @vite-ignore */ pathToFileURL(join(PAGEFIND, 'pagefind.js')).href
    )) as Pagefind;
    await pagefind.options({ basePath: '/pagefind/' });
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  test('a word of the body finds the article first, with its headline, author and date', async () => {
    const [first] = await search('paratroopers');
    expect(first?.url).toBe(ARTICLE);
    expect(first?.meta).toEqual({ title: HEADLINE, author: 'Irina Alksnis', date: '6 January 2022' });
    expect(first?.excerpt).toContain('<mark>paratroopers</mark>');
  });

  test('the indexed text is the headline and then the body, without the "¶" links or the metadata', async () => {
    const [first] = await search('paratroopers');
    const page = await readPage(DIST, ARTICLE);
    const body = [...page.querySelectorAll('article .body p')].map((paragraph) => {
      const copy = paragraph.cloneNode(true) as Element;
      for (const link of copy.querySelectorAll('.pilcrow')) link.remove();
      return textOf(copy);
    });
    expect(first?.content).toBe(`${HEADLINE}. ${body.join(' ')}`);
  });

  test('words found only outside the headline and body find nothing', async () => {
    // The format label above the headline, the permalink line, the share links, the home page's heading.
    // Not "Archive" or "Frontier": with no exact match, Pagefind 1.6 finds words that begin them ("a", "front").
    for (const word of ['Opinion', 'Permalink', 'Share', 'Latest']) {
      expect(
        (await search(word)).map((found) => found.url),
        word,
      ).toEqual([]);
    }
  });
});

describe('the search page', () => {
  test('has a search form with a labelled query field, a live result count and a list for results', async () => {
    const page = await readPage(DIST, searchPath());
    const form = page.querySelector('form[role="search"]');
    expect(form?.getAttribute('action')).toBe(searchPath());
    const input = form?.querySelector('input[name="q"]');
    expect(input?.getAttribute('type')).toBe('search');
    expect(textOf(page.querySelector(`label[for="${input?.id ?? '-'}"]`))).not.toBe('');
    expect(page.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull();
    expect(page.querySelector('ol.search-results')).not.toBeNull();
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/\/search\/$/u);
  });

  test('says, without JavaScript, that search needs it, and points to the archive and the feeds', async () => {
    const html = await readFile(join(DIST, 'search/index.html'), 'utf8');
    const noscript = /<noscript>(.*?)<\/noscript>/su.exec(html)?.[1] ?? '';
    expect(noscript).toMatch(/Search needs JavaScript/u);
    for (const href of [archiveIndexPath(), feedPath('rss'), feedPath('atom'), feedPath('json')]) {
      expect(noscript).toContain(`href="${href}"`);
    }
  });

  test('is the only page whose policy lets WebAssembly compile', async () => {
    for (const path of await htmlPages()) {
      const page = await readPage(DIST, path);
      const policy = page
        .querySelector('meta[http-equiv="content-security-policy"]')
        ?.getAttribute('content');
      const scripts = /script-src ([^;]*)/u.exec(policy ?? '')?.[1]?.split(' ') ?? [];
      expect(scripts, path).toContain("'self'");
      expect(scripts.includes("'wasm-unsafe-eval'"), path).toBe(path === searchPath());
    }
  });
});

test('a build whose index cannot be written fails and leaves the last good dist/ as it was', async () => {
  const root = await makeSite('search-in-the-way', {
    ...people,
    'articles/a.md': markdown(validArticle()),
  });
  expect(buildSite(root).status).toBe(0);
  const entry = join(root, 'dist/pagefind/pagefind-entry.json');
  const before = await readFile(entry, 'utf8');
  // A file of the site's own where the index goes.
  await mkdir(join(root, 'public/pagefind'), { recursive: true });
  await writeFile(join(root, 'public/pagefind/pagefind-entry.json'), '{}');
  const { status, output } = buildSite(root);
  expect(status, output).not.toBe(0);
  expect(output).toContain('Search indexing failed; dist/ was left as it was.');
  expect(await readFile(entry, 'utf8')).toBe(before);
  expect(existsSync(join(root, '.dist-staging'))).toBe(false);
});

describe('an archive indexed in parts', () => {
  // Five articles, two to a part: three parts, the last of one. Each article has a word of its own.
  const WORDS = ['aardvark', 'bison', 'caribou', 'dromedary', 'elk'];
  let root: string;
  let built: { status: number | null; output: string };
  beforeAll(async () => {
    root = await makeSite('search-parts', {
      ...people,
      ...Object.fromEntries(
        WORDS.map((word, i) => [
          `articles/${word}.md`,
          markdown(
            validArticle({
              slug: word,
              title: `On the ${word}`,
              published: `2024-05-0${String(i + 1)}T09:00:00Z`,
            }),
            `A paragraph about the ${word}.`,
          ),
        ]),
      ),
    });
    built = buildSite(root, { BROADSHEET_SEARCH_PART_SIZE: '2' });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  test('each part is an index of its own, parts.json lists those after the first, and every article is in one', async () => {
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(/Indexed 5 pages for search in 3 parts/u);
    const dist = join(root, 'dist');
    const parts = JSON.parse(await readFile(join(dist, 'pagefind/parts.json'), 'utf8')) as string[];
    expect(parts).toEqual(['/pagefind/part-2/', '/pagefind/part-3/']);
    const counts = await Promise.all(
      ['/pagefind/', ...parts].map(async (part) => {
        const entry = JSON.parse(await readFile(join(dist, part, 'pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        };
        return entry.languages[site.language]?.page_count ?? 0;
      }),
    );
    expect(counts).toEqual([2, 2, 1]);
  });

  test('the parts merged, as the search page merges them, find an article of every part', async () => {
    const dist = join(root, 'dist');
    vi.stubGlobal('fetch', async (input: string | URL) => {
      const file = join(dist, decodeURIComponent(new URL(String(input), 'http://site.test/').pathname));
      return existsSync(file) ? new Response(await readFile(file)) : new Response('', { status: 404 });
    });
    const pagefind = (await import(
      /* @vite-ignore */ `${pathToFileURL(join(dist, 'pagefind/pagefind.js')).href}?parts`
    )) as Pagefind & { mergeIndex: (path: string) => Promise<void> };
    await pagefind.options({ basePath: '/pagefind/' });
    const parts = JSON.parse(await readFile(join(dist, 'pagefind/parts.json'), 'utf8')) as string[];
    for (const part of parts) await pagefind.mergeIndex(part);
    for (const [i, word] of WORDS.entries()) {
      const found = await Promise.all((await pagefind.search(word)).results.map((result) => result.data()));
      // First: Pagefind also finds words near this one in the other articles, ranked below it.
      expect(found[0]?.url, `${word}: ${found.map((result) => result.url).join(' ')}`).toBe(
        `/2024/05/0${String(i + 1)}/${word}/`,
      );
    }
  });
});

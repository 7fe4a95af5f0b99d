/**
 * Each source's terms on a built site: the indexing policy in the head and the
 * news sitemap, the credit on the page, provenance in the feeds and the
 * structured data, and identity across networks. Then sites whose pages would
 * leave out a required credit, one for each kind of licence, which must not build.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { data, markdown, validArticle } from '../helpers/content.ts';
import { buildSite, makeSite, readPage, textOf } from '../helpers/project.ts';
import { sharedSite } from '../helpers/shared-site.ts';

const SITE = 'https://news.example.org/';
// Every article below is from the 24 hours before, so each could be in the news sitemap.
const NOW = '2024-05-02T12:00:00Z';
const env = { SITE_URL: SITE, BROADSHEET_NOW: NOW };

const CC_BY = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
const WORDING = 'This article first appeared in the Open Daily and is republished under its licence.';

const sources = {
  // Terms known in full, and indexing: index, the opposite of the default.
  'sources/open-daily.yaml': data({
    name: 'Open Daily',
    slug: 'open-daily',
    url: 'https://open.example/',
    feed: 'https://open.example/rss.xml',
    sameAs: ['https://social.example/@opendaily', 'https://www.wikidata.org/wiki/Q0'],
    indexing: 'index',
    terms: {
      licence: CC_BY,
      credit: { wording: WORDING, linkBack: 'original' },
      edits: 'layout-repair-only',
      copyrightHolder: 'Open Daily Ltd',
    },
  }),
  // Nothing known: the defaults.
  'sources/quiet-daily.yaml': `name: Quiet Daily\nslug: quiet-daily\nurl: https://quiet.example/\n# Nothing is known of its terms.\nterms: unknown\n`,
  'sources/shy-daily.yaml': data({
    name: 'Shy Daily',
    slug: 'shy-daily',
    url: 'https://shy.example/',
    indexing: 'noindex-google',
    terms: { licence: { byPermission: '2024-04-01' }, credit: { linkBack: 'home' }, edits: 'allowed' },
  }),
};

const authors = {
  'authors/ann-author.yaml': data({
    name: 'Ann Author',
    slug: 'ann-author',
    fediverse: '@ann@social.example',
    links: [
      { label: 'Website', url: 'https://ann.example/' },
      { label: 'Mastodon', url: 'https://social.example/@ann' },
      { label: 'Bluesky', url: 'https://bsky.app/profile/ann.example' },
    ],
  }),
  'authors/ben-writer.yaml': data({ name: 'Ben Writer', slug: 'ben-writer' }),
};

const article = (slug: string, source: string, extra: Record<string, unknown> = {}) =>
  markdown(
    validArticle({
      title: `Headline of ${slug}`,
      slug,
      published: '2024-05-02T08:00:00Z',
      source,
      ...extra,
    }),
  );

const files = {
  ...sources,
  ...authors,
  'articles/open.md': article('open-story', 'open-daily', { originalUrl: 'https://open.example/story/' }),
  'articles/quiet.md': article('quiet-story', 'quiet-daily', { authors: ['ben-writer'] }),
  // The article overrides its source's default.
  'articles/quiet-indexed.md': article('quiet-indexed', 'quiet-daily', {
    authors: ['ben-writer'],
    indexing: 'index',
  }),
  'articles/shy.md': article('shy-story', 'shy-daily'),
};

const OPEN = '/2024/05/02/open-story/';
const QUIET = '/2024/05/02/quiet-story/';
const QUIET_INDEXED = '/2024/05/02/quiet-indexed/';
const SHY = '/2024/05/02/shy-story/';

type Json = Record<string, unknown>;
const jsonLd = (page: Document): Json[] =>
  [...page.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent) as Json,
  );
const metaContent = (page: Document, name: string): (string | null)[] =>
  [...page.querySelectorAll(`meta[name="${name}"]`)].map((meta) => meta.getAttribute('content'));
const xml = (text: string): Document => new JSDOM(text, { contentType: 'application/xml' }).window.document;

let dist: string;
beforeAll(async () => {
  ({ dist } = await sharedSite('terms', files, env));
});
const read = (path: string) => readFile(join(dist, path), 'utf8');

describe('indexing', () => {
  test('by default a copy carries googlebot-news noindex, and no general robots noindex', async () => {
    const page = await readPage(dist, QUIET);
    expect(metaContent(page, 'googlebot-news')).toEqual(['noindex']);
    expect(metaContent(page, 'googlebot')).toEqual([]);
    expect(metaContent(page, 'robots')).toEqual(['max-image-preview:large']);
  });

  test('indexing: index (a source’s or an article’s own) carries no indexing tag', async () => {
    for (const path of [OPEN, QUIET_INDEXED]) {
      const page = await readPage(dist, path);
      expect(metaContent(page, 'googlebot-news'), path).toEqual([]);
      expect(metaContent(page, 'googlebot'), path).toEqual([]);
      expect(metaContent(page, 'robots'), path).toEqual(['max-image-preview:large']);
    }
  });

  test('noindex-google adds googlebot noindex, still no general robots noindex', async () => {
    const page = await readPage(dist, SHY);
    expect(metaContent(page, 'googlebot-news')).toEqual(['noindex']);
    expect(metaContent(page, 'googlebot')).toEqual(['noindex']);
    expect(metaContent(page, 'robots')).toEqual(['max-image-preview:large']);
  });

  test('the news sitemap holds only the copies marked index; the sitemap holds all', async () => {
    const news = [...xml(await read('sitemap-news.xml')).getElementsByTagName('loc')].map(
      (loc) => loc.textContent,
    );
    expect(news.sort()).toEqual([`${SITE}${OPEN.slice(1)}`, `${SITE}${QUIET_INDEXED.slice(1)}`].sort());
    const all = [...xml(await read('sitemap-0.xml')).getElementsByTagName('loc')].map(
      (loc) => loc.textContent,
    );
    expect(all).toEqual(
      expect.arrayContaining([OPEN, QUIET, QUIET_INDEXED, SHY].map((path) => `${SITE}${path.slice(1)}`)),
    );
  });

  test('every canonical is the copy’s own: no cross-domain canonical without terms that require one', async () => {
    for (const path of [OPEN, QUIET, SHY]) {
      const page = await readPage(dist, path);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${SITE}${path.slice(1)}`,
      );
    }
  });
});

describe('the credit on the page', () => {
  test('the required wording, the licence and the link to the original, beside "Originally published by"', async () => {
    const page = await readPage(dist, OPEN);
    expect(textOf(page.querySelector('.source'))).toContain('Originally published by Open Daily');
    expect(textOf(page.querySelector('article'))).toContain(WORDING);
    expect(page.querySelector(`article a[rel~="license"][href="${CC_BY.url}"]`)?.textContent).toBe(
      CC_BY.name,
    );
    expect(page.querySelector('article a[href="https://open.example/story/"]')).not.toBeNull();
  });

  test('a permission is said, and a link-back to the publisher’s home page given', async () => {
    const page = await readPage(dist, SHY);
    expect(textOf(page.querySelector('article'))).toContain('Republished by permission of Shy Daily.');
    expect(page.querySelector('article a[href="https://shy.example/"]')).not.toBeNull();
  });

  test('unknown terms add nothing to the credit line', async () => {
    const page = await readPage(dist, QUIET);
    expect(page.querySelector('.terms')).toBeNull();
    expect(textOf(page.querySelector('.source'))).toBe('Originally published by Quiet Daily');
  });
});

describe('provenance in the feeds', () => {
  test('RSS: every item has <source url>, the publisher’s feed where known', async () => {
    const items = [...xml(await read('feed.xml')).getElementsByTagName('item')];
    const named = items.map((item) => {
      const source = item.getElementsByTagName('source')[0];
      return [
        item.getElementsByTagName('link')[0]?.textContent,
        source?.getAttribute('url'),
        source?.textContent,
      ];
    });
    expect(named.sort()).toEqual(
      [
        [`${SITE}${OPEN.slice(1)}`, 'https://open.example/rss.xml', 'Open Daily'],
        [`${SITE}${QUIET.slice(1)}`, 'https://quiet.example/', 'Quiet Daily'],
        [`${SITE}${QUIET_INDEXED.slice(1)}`, 'https://quiet.example/', 'Quiet Daily'],
        [`${SITE}${SHY.slice(1)}`, 'https://shy.example/', 'Shy Daily'],
      ].sort(),
    );
  });

  test('Atom: every entry has a <source> with the publisher’s title', async () => {
    const doc = xml(await read('sources/open-daily/atom.xml'));
    const ATOM = 'http://www.w3.org/2005/Atom';
    const [entry] = [...doc.getElementsByTagNameNS(ATOM, 'entry')];
    const source = entry?.getElementsByTagNameNS(ATOM, 'source')[0];
    expect(source?.getElementsByTagNameNS(ATOM, 'title')[0]?.textContent).toBe('Open Daily');
    expect(source?.getElementsByTagNameNS(ATOM, 'id')[0]?.textContent).toBe('https://open.example/');
  });

  test('JSON Feed: `_broadsheet` names the original and the terms, and its `about` page exists', async () => {
    const feed = JSON.parse(await read('feed.json')) as { items: { url: string; _broadsheet: Json }[] };
    const open = feed.items.find((item) => item.url.endsWith(OPEN));
    expect(open?._broadsheet).toEqual({
      about: `${SITE}about/publishing-principles/`,
      source: { name: 'Open Daily', url: 'https://open.example/', feed_url: 'https://open.example/rss.xml' },
      original_url: 'https://open.example/story/',
      terms: 'known',
      licence: CC_BY,
      copyright_holder: 'Open Daily Ltd',
    });
    expect(feed.items.find((item) => item.url.endsWith(QUIET))?._broadsheet).toMatchObject({
      terms: 'unknown',
    });
    expect(existsSync(join(dist, 'about/publishing-principles/index.html'))).toBe(true);
  });
});

describe('structured data', () => {
  test('the article: licence, copyright holder and year where the terms say, the source with sameAs', async () => {
    const [news] = jsonLd(await readPage(dist, OPEN));
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      license: CC_BY.url,
      copyrightHolder: { '@type': 'Organization', name: 'Open Daily Ltd' },
      copyrightYear: 2024,
      sourceOrganization: {
        '@type': 'Organization',
        name: 'Open Daily',
        sameAs: ['https://social.example/@opendaily', 'https://www.wikidata.org/wiki/Q0'],
      },
    });
    const [quiet] = jsonLd(await readPage(dist, QUIET));
    for (const key of ['license', 'copyrightHolder', 'copyrightYear']) expect(quiet).not.toHaveProperty(key);
  });

  test('the publisher is a NewsMediaOrganization whose three policy pages are built', async () => {
    const [news] = jsonLd(await readPage(dist, QUIET));
    const publisher = news?.publisher as Json;
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    for (const key of ['publishingPrinciples', 'correctionsPolicy', 'actionableFeedbackPolicy']) {
      const url = publisher[key] as string;
      expect(url.startsWith(SITE), key).toBe(true);
      const page = await readPage(dist, new URL(url).pathname);
      expect(textOf(page.querySelector('h1')).length, key).toBeGreaterThan(0);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    }
    const [home] = jsonLd(await readPage(dist, '/'));
    expect(home).toMatchObject({
      '@type': 'NewsMediaOrganization',
      publishingPrinciples: publisher.publishingPrinciples,
    });
  });

  test('the source page is an Organization with sameAs, and lists the profiles', async () => {
    const page = await readPage(dist, '/sources/open-daily/');
    expect(jsonLd(page)).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Open Daily',
        url: 'https://open.example/',
        sameAs: ['https://social.example/@opendaily', 'https://www.wikidata.org/wiki/Q0'],
      },
    ]);
    const hrefs = [...page.querySelectorAll('main a[rel~="external"]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining(['https://social.example/@opendaily', 'https://www.wikidata.org/wiki/Q0']),
    );
  });
});

describe('author identity', () => {
  test('the author page links each profile with rel="me", and its ProfilePage lists them as sameAs', async () => {
    const page = await readPage(dist, '/authors/ann-author/');
    const me = [...page.querySelectorAll('a[rel~="me"]')].map((a) => a.getAttribute('href'));
    const profiles = [
      'https://ann.example/',
      'https://social.example/@ann',
      'https://bsky.app/profile/ann.example',
    ];
    expect(me).toEqual(profiles);
    const [profile] = jsonLd(page);
    expect(profile).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { name: 'Ann Author', sameAs: profiles },
    });
  });

  test('each of the author’s articles names the fediverse handle; others none', async () => {
    for (const path of [OPEN, SHY]) {
      expect(metaContent(await readPage(dist, path), 'fediverse:creator'), path).toEqual([
        '@ann@social.example',
      ]);
    }
    expect(metaContent(await readPage(dist, QUIET), 'fediverse:creator')).toEqual([]);
  });
});

/** A site whose build must fail; its output. */
async function failingBuild(
  name: string,
  content: Record<string, string>,
  layout?: (credit: string) => string,
) {
  const root = await makeSite(name, { ...authors, ...content });
  if (layout) {
    const file = join(root, 'src/components/SourceCredit.astro');
    await writeFile(file, layout(await readFile(file, 'utf8')));
  }
  const result = buildSite(root, env);
  expect(result.status, result.output).not.toBe(0);
  expect(existsSync(join(root, 'dist')), 'no dist/ is written').toBe(false);
  return result.output;
}

/** A layout that forgets the terms' credit line: the source credit's component without it. */
const withoutTermsLine = (component: string): string => {
  const start = component.indexOf('{terms && (');
  if (start < 0) throw new Error('SourceCredit.astro has no terms line to remove: update this test.');
  return `${component.slice(0, start)}\n`;
};

describe('a required credit missing from the page stops the build, naming the file and the field', () => {
  test('a named licence requiring a link to the original, on an article without its address', async () => {
    const output = await failingBuild('terms-licence-no-original', {
      'sources/open-daily.yaml': sources['sources/open-daily.yaml'],
      'articles/open.md': article('open-story', 'open-daily'),
    });
    expect(output).toContain(
      'content/articles/open.md: originalUrl is required: content/sources/open-daily.yaml terms.credit.linkBack requires a link to the original article.',
    );
  });

  test('a named licence, on a layout that drops its link', async () => {
    const output = await failingBuild(
      'terms-licence-dropped',
      {
        'sources/open-daily.yaml': data({
          name: 'Open Daily',
          slug: 'open-daily',
          url: 'https://open.example/',
          terms: { licence: CC_BY, edits: 'allowed' },
        }),
        'articles/open.md': article('open-story', 'open-daily'),
      },
      withoutTermsLine,
    );
    expect(output).toContain(
      `content/articles/open.md: the page has no link to ${CC_BY.url}, which content/sources/open-daily.yaml terms.licence requires.`,
    );
  });

  test('a permission requiring its wording, on a layout that drops it', async () => {
    const output = await failingBuild(
      'terms-permission-dropped',
      {
        'sources/shy-daily.yaml': data({
          name: 'Shy Daily',
          slug: 'shy-daily',
          url: 'https://shy.example/',
          terms: {
            licence: { byPermission: '2024-04-01' },
            credit: { wording: 'Courtesy of Shy Daily.' },
            edits: 'allowed',
          },
        }),
        'articles/shy.md': article('shy-story', 'shy-daily'),
      },
      withoutTermsLine,
    );
    expect(output).toContain(
      'content/articles/shy.md: the page does not show the credit "Courtesy of Shy Daily." that content/sources/shy-daily.yaml terms.credit.wording requires.',
    );
  });

  test('a malformed terms field names its file and field', async () => {
    const output = await failingBuild('terms-malformed', {
      'sources/bad.yaml': data({
        name: 'Bad',
        slug: 'bad',
        url: 'https://bad.example/',
        terms: { licence: { name: 'CC BY', url: 'creativecommons' }, edits: 'sometimes' },
      }),
      'articles/ok.md': article('ok', 'bad'),
    });
    expect(output).toMatch(
      /sources → bad[\s\S]*terms\.licence\.url\W+"creativecommons" is not an absolute http\(s\) URL/u,
    );
    expect(output).toMatch(/terms\.edits\W+"sometimes" is not allowed: use layout-repair-only or allowed/u);
    expect(output).toContain('content/sources/bad.yaml');
  });

  test('a fediverse handle that is not one', async () => {
    const output = await failingBuild('terms-fediverse', {
      'sources/quiet-daily.yaml': sources['sources/quiet-daily.yaml'],
      'authors/zed.yaml': data({ name: 'Zed', slug: 'zed', fediverse: 'https://social.example/@zed' }),
      'articles/quiet.md': article('quiet-story', 'quiet-daily', { authors: ['zed'] }),
    });
    expect(output).toContain('content/authors/zed.yaml');
    expect(output).toContain('"https://social.example/@zed" is not a fediverse handle: write "@user@server"');
  });

  test('a cross-domain canonical without terms that require it', async () => {
    const output = await failingBuild('terms-canonical', {
      'sources/quiet-daily.yaml': sources['sources/quiet-daily.yaml'],
      'articles/quiet.md': article('quiet-story', 'quiet-daily', {
        canonicalUrl: 'https://quiet.example/story/',
      }),
    });
    expect(output).toContain(
      'content/articles/quiet.md: canonicalUrl is not allowed: content/sources/quiet-daily.yaml terms do not require a canonical link to the original',
    );
  });
});

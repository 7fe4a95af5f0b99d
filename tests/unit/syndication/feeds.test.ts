import { parseFeed } from '@rowanmanning/feed-parser';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { feedHtml } from '../../../src/syndication/feed-html.ts';
import {
  atomFeed,
  FEED_LENGTH,
  jsonFeed,
  renderFeed,
  rssFeed,
  type FeedArticle,
  type FeedMeta,
  type JsonFeed,
} from '../../../src/syndication/feeds.ts';
import { articlePath, FEED_FILES, type FeedFormat } from '../../../src/lib/urls.ts';
import type { KnownTerms } from '../../../src/catalog/terms.ts';

const SITE = new URL('https://news.example.org/');
const META: FeedMeta = {
  title: 'Broadsheet',
  description: 'News, kept as published.',
  homePageUrl: SITE.href,
  feedUrls: {
    rss: 'https://news.example.org/feed.xml',
    atom: 'https://news.example.org/atom.xml',
    json: 'https://news.example.org/feed.json',
  },
  site: SITE,
  language: 'en',
};
const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];
const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

function article(slug: string, published: string, extra: Partial<FeedArticle> = {}): FeedArticle {
  return {
    title: `Title of ${slug}`,
    dek: `The dek of ${slug}.`,
    path: articlePath({ slug, published: zoned(published) }),
    published: zoned(published),
    authors: [{ name: 'Irina Alksnis', path: '/authors/irina-alksnis/' }],
    topics: ['Kazakhstan', 'CSTO'],
    language: 'en',
    source: { name: 'The Frontier Post', url: 'https://thefrontierpost.com/', terms: 'unknown' },
    html:
      `<p id="p-1">The body of ${slug}, with <a href="/authors/irina-alksnis/">a link</a> and <a href="#p-2">a jump</a>. ` +
      '<a class="pilcrow" href="#p-1" aria-label="Link to paragraph 1">¶</a></p>',
    ...extra,
  };
}

/** Parsed as a strict XML parser does: throws on anything not well-formed, namespaces included. */
const xmlDocument = (xml: string): Document =>
  new JSDOM(xml, { contentType: 'application/xml' }).window.document;

const json = (text: string): JsonFeed => JSON.parse(text) as JsonFeed;

const first = <T>(items: readonly T[]): T => {
  const [item] = items;
  if (item === undefined) throw new Error('no items');
  return item;
};

const ONE = article('first', '2022-01-06T09:30+05:00', {
  updated: zoned('2022-01-08T12:00:00Z'),
  originalUrl: 'https://publisher.example/first/',
});
const CANONICAL = 'https://news.example.org/2022/01/06/first/';

describe('rssFeed', () => {
  const xml = rssFeed([ONE], META);
  const feed = parseFeed(xml);
  const item = first(feed.items);

  it('is RSS 2.0 with the title, home page, language, self link and last change', () => {
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect(feed.title).toBe('Broadsheet');
    expect(feed.url).toBe(SITE.href);
    expect(feed.language).toBe('en');
    expect(feed.self).toBe(META.feedUrls.rss);
    expect(feed.updated?.toISOString()).toBe('2022-01-08T12:00:00.000Z');
  });

  it('gives each article by its permalink, as a guid that is a permalink', () => {
    expect(item.id).toBe(CANONICAL);
    expect(item.url).toBe(CANONICAL);
    const guid = xmlDocument(xml).querySelector('item > guid');
    expect(guid?.getAttribute('isPermaLink')).toBe('true');
  });

  it('dates the item by its first publication, whatever its update', () => {
    expect(item.published?.toISOString()).toBe('2022-01-06T04:30:00.000Z');
  });

  it('carries the dek, the full body, the authors and the topics', () => {
    expect(item.title).toBe('Title of first');
    expect(item.description).toBe('The dek of first.');
    const content = xmlDocument(xml).getElementsByTagNameNS(CONTENT, 'encoded')[0]?.textContent;
    expect(content).toBe(feedHtml(ONE.html, CANONICAL));
    expect(item.authors.map((author) => author.name)).toEqual(['Irina Alksnis']);
    expect(item.categories.map((category) => category.term)).toEqual(['Kazakhstan', 'CSTO']);
  });

  it('names authors in dc:creator, one each, since RSS’s <author> must be an e-mail address', () => {
    const two = article('two', '2022-01-06T00:00:00Z', {
      authors: [
        { name: 'A. One', path: '/authors/a/' },
        { name: 'B. Two', path: '/authors/b/' },
      ],
    });
    const doc = xmlDocument(rssFeed([two], META));
    expect([...doc.getElementsByTagNameNS(DC, 'creator')].map((el) => el.textContent)).toEqual([
      'A. One',
      'B. Two',
    ]);
    expect(doc.querySelector('item > author')).toBeNull();
  });
});

describe('atomFeed', () => {
  const xml = atomFeed([ONE], META);
  const feed = parseFeed(xml);
  const item = first(feed.items);

  it('is Atom with the title, home page, language, self link and last change', () => {
    expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(feed.title).toBe('Broadsheet');
    expect(feed.url).toBe(SITE.href);
    expect(feed.language).toBe('en');
    expect(feed.self).toBe(META.feedUrls.atom);
    expect(feed.updated?.toISOString()).toBe('2022-01-08T12:00:00.000Z');
    expect(xmlDocument(xml).documentElement.namespaceURI).toBe(ATOM);
  });

  it('keeps published and updated apart, with the permalink as id', () => {
    expect(item.id).toBe(CANONICAL);
    expect(item.url).toBe(CANONICAL);
    expect(item.published?.toISOString()).toBe('2022-01-06T04:30:00.000Z');
    expect(item.updated?.toISOString()).toBe('2022-01-08T12:00:00.000Z');
  });

  it('carries the dek, the full body, the authors with their pages and the topics', () => {
    expect(item.title).toBe('Title of first');
    expect(item.description).toBe('The dek of first.');
    const content = xmlDocument(xml).getElementsByTagNameNS(ATOM, 'content')[0];
    expect(content?.getAttribute('type')).toBe('html');
    expect(content?.textContent).toBe(feedHtml(ONE.html, CANONICAL));
    expect(item.authors).toEqual([
      { name: 'Irina Alksnis', url: 'https://news.example.org/authors/irina-alksnis/', email: null },
    ]);
    expect(item.categories.map((category) => category.term)).toEqual(['Kazakhstan', 'CSTO']);
  });

  it('an article never updated is updated when it was published', () => {
    const never = first(parseFeed(atomFeed([article('a', '2022-01-06T00:00:00Z')], META)).items);
    expect(never.updated?.toISOString()).toBe('2022-01-06T00:00:00.000Z');
  });
});

describe('jsonFeed', () => {
  const feed = json(jsonFeed([ONE, article('never-updated', '2022-01-05T00:00:00Z', { topics: [] })], META));
  const [updated, plain] = feed.items;

  it('follows JSON Feed 1.1: version, title, home page, feed URL, language', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Broadsheet',
      home_page_url: SITE.href,
      feed_url: META.feedUrls.json,
      description: 'News, kept as published.',
      language: 'en',
    });
  });

  it('uses only the fields of 1.1 (and extensions, named with "_"): `authors` and `language`, never 1.0’s `author`', () => {
    const itemFields = new Set([
      'id',
      'url',
      'external_url',
      'title',
      'content_html',
      'content_text',
      'summary',
      'image',
      'banner_image',
      'date_published',
      'date_modified',
      'authors',
      'tags',
      'language',
      'attachments',
    ]);
    for (const item of feed.items) {
      expect(Object.keys(item).filter((key) => !itemFields.has(key) && !key.startsWith('_'))).toEqual([]);
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC3339);
      expect(item.authors.length).toBeGreaterThan(0);
    }
    expect(feed).not.toHaveProperty('author');
  });

  it('gives the permalink as id and url, the original as external_url, and the full body', () => {
    expect(updated).toMatchObject({
      id: CANONICAL,
      url: CANONICAL,
      external_url: 'https://publisher.example/first/',
      title: 'Title of first',
      summary: 'The dek of first.',
      content_html: feedHtml(ONE.html, CANONICAL),
      authors: [{ name: 'Irina Alksnis', url: 'https://news.example.org/authors/irina-alksnis/' }],
      tags: ['Kazakhstan', 'CSTO'],
      language: 'en',
    });
  });

  it('keeps the dates in RFC 3339 with their own offset, and date_modified only after an update', () => {
    expect(updated?.date_published).toBe('2022-01-06T09:30:00+05:00');
    expect(updated?.date_modified).toBe('2022-01-08T12:00:00Z');
    expect(plain).not.toHaveProperty('date_modified');
    expect(plain).not.toHaveProperty('tags');
    expect(plain).not.toHaveProperty('external_url');
  });
});

describe('every format', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The ids of a feed's items, in order. */
  const ids = (format: FeedFormat, text: string): string[] =>
    format === 'json'
      ? json(text).items.map((item) => item.id)
      : parseFeed(text).items.map((item) => item.id ?? '');

  const many = Array.from({ length: 25 }, (_, i) =>
    article(`day-${String(i + 1)}`, `2022-02-${String(i + 1).padStart(2, '0')}T12:00:00Z`),
  );
  const shuffled = [...many.slice(10), ...many.slice(0, 10).reverse()];
  const newest20 = many
    .slice(-FEED_LENGTH)
    .reverse()
    .map((a) => new URL(a.path, SITE).href);

  it.each(FORMATS)('%s holds the latest 20 articles, newest first', (format) => {
    expect(ids(format, renderFeed(format, shuffled, META))).toEqual(newest20);
  });

  it.each(FORMATS)('%s is the same whenever it is built: no build time in it', (format) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const once = renderFeed(format, many, META);
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    expect(renderFeed(format, many, META)).toBe(once);
    expect(once).not.toContain('2030');
  });

  it('dates the feed by the newest date among its items, an update included', () => {
    const old = article('old', '2022-01-01T00:00:00Z', { updated: zoned('2022-03-01T00:00:00Z') });
    const recent = article('recent', '2022-02-01T00:00:00Z');
    expect(parseFeed(rssFeed([old, recent], META)).updated?.toISOString()).toBe('2022-03-01T00:00:00.000Z');
    expect(parseFeed(atomFeed([old, recent], META)).updated?.toISOString()).toBe('2022-03-01T00:00:00.000Z');
    // An update to an article that is no longer among the latest 20 does not count.
    const dropped = article('dropped', '2022-01-01T00:00:00Z', { updated: zoned('2022-12-01T00:00:00Z') });
    expect(parseFeed(atomFeed([dropped, ...many], META)).updated?.toISOString()).toBe(
      '2022-02-25T12:00:00.000Z',
    );
  });

  it('uses an editor’s canonical override as the id, but resolves the body against our page', () => {
    const syndicated = article('syndicated', '2022-01-06T00:00:00Z', {
      canonicalUrl: 'https://publisher.example/syndicated/',
    });
    const item = first(json(jsonFeed([syndicated], META)).items);
    expect(item.id).toBe('https://publisher.example/syndicated/');
    expect(item.content_html).toContain('href="https://news.example.org/2022/01/06/syndicated/#p-2"');
    expect(first(parseFeed(rssFeed([syndicated], META)).items).id).toBe(
      'https://publisher.example/syndicated/',
    );
    expect(first(parseFeed(atomFeed([syndicated], META)).items).id).toBe(
      'https://publisher.example/syndicated/',
    );
  });

  it.each(FORMATS)('%s has no relative URL and no "¶" link in its content', (format) => {
    const text = renderFeed(format, [ONE], META);
    expect(text).not.toContain('pilcrow');
    expect(text).not.toContain('id="p-1"');
    expect(text).not.toMatch(/(?:href|src)=\\?"(?!https?:)/u);
  });

  it('an empty feed is valid and dated at the epoch, not at the build', () => {
    expect(parseFeed(rssFeed([], META)).items).toEqual([]);
    expect(parseFeed(atomFeed([], META)).updated?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(json(jsonFeed([], META)).items).toEqual([]);
  });

  it('an article with an empty body keeps the RSS namespaces well-formed', () => {
    const doc = xmlDocument(rssFeed([article('empty', '2022-01-06T00:00:00Z', { html: '' })], META));
    expect(doc.getElementsByTagNameNS(DC, 'creator')[0]?.textContent).toBe('Irina Alksnis');
  });
});

describe('hostile text stays text, and the XML well-formed', () => {
  const title = '<script>alert("t")</script> Q&A ]]> and ]]> again';
  const dek = 'A <b>bold</b> claim & a ]]> in the dek';
  const hostile = article('hostile', '2022-01-06T00:00:00Z', {
    title,
    dek,
    html: '<p>1 &lt; 2 &amp;&amp; &lt;script&gt;alert(1)&lt;/script&gt; ]]> and ]]> end\u0001.</p>',
    authors: [{ name: 'Smith & <Jones>', path: '/authors/smith/' }],
    topics: ['<script>', 'R&D'],
  });
  /** The body as a feed reader renders it. */
  const render = (html: string | null | undefined) => JSDOM.fragment(html ?? '');

  it.each(['rss', 'atom'] as const)('%s', (format) => {
    const xml = renderFeed(format, [hostile], META);
    const doc = xmlDocument(xml);
    const item = first(parseFeed(xml).items);
    expect(item.title).toBe(title);
    expect(item.description).toBe(dek);
    expect(item.authors.map((author) => author.name)).toEqual(['Smith & <Jones>']);
    const content =
      format === 'rss'
        ? doc.getElementsByTagNameNS(CONTENT, 'encoded')[0]?.textContent
        : doc.getElementsByTagNameNS(ATOM, 'content')[0]?.textContent;
    const body = render(content);
    expect(body.querySelector('script')).toBeNull();
    expect(body.textContent).toBe('1 < 2 && <script>alert(1)</script> ]]> and ]]> end.');
    // Atom puts a topic in an attribute, where "<" must be escaped.
    expect(item.categories.map((category) => category.term)).toEqual(['<script>', 'R&D']);
  });

  it('json', () => {
    const item = first(json(jsonFeed([hostile], META)).items);
    expect(item.title).toBe(title);
    expect(item.summary).toBe(dek);
    expect(item.authors[0]?.name).toBe('Smith & <Jones>');
    expect(render(item.content_html).querySelector('script')).toBeNull();
    expect(item.tags).toEqual(['<script>', 'R&D']);
  });
});

describe('provenance: every format names the original publisher', () => {
  const terms: KnownTerms = {
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    credit: {},
    edits: 'layout-repair-only',
    copyrightHolder: 'Daily Example Ltd',
  };
  const known: FeedArticle['source'] = {
    name: 'Daily & Example',
    url: 'https://daily.example/',
    feed: 'https://daily.example/rss.xml',
    terms,
  };
  const items = [
    article('with-terms', '2024-05-02T09:00:00Z', { source: known, originalUrl: 'https://daily.example/a/' }),
    article('without-terms', '2024-05-01T09:00:00Z'),
  ];

  it('RSS: <source url> with the publisher’s feed, else its home page', () => {
    const doc = xmlDocument(rssFeed(items, META));
    const sources = [...doc.querySelectorAll('item > source')].map((node) => ({
      url: node.getAttribute('url'),
      name: node.textContent,
    }));
    expect(sources).toEqual([
      { url: 'https://daily.example/rss.xml', name: 'Daily & Example' },
      { url: 'https://thefrontierpost.com/', name: 'The Frontier Post' },
    ]);
  });

  it('Atom: a <source> in each entry with the publisher’s id, title and home page', () => {
    const doc = xmlDocument(atomFeed(items, META));
    const entries = [...doc.getElementsByTagNameNS(ATOM, 'entry')];
    expect(entries).toHaveLength(2);
    const sources = entries.map((entry) => {
      const source = [...entry.children].find((child) => child.localName === 'source');
      const child = (name: string) => [...(source?.children ?? [])].find((node) => node.localName === name);
      return {
        namespace: source?.namespaceURI,
        id: child('id')?.textContent,
        title: child('title')?.textContent,
        link: child('link')?.getAttribute('href'),
      };
    });
    expect(sources).toEqual([
      {
        namespace: ATOM,
        id: 'https://daily.example/',
        title: 'Daily & Example',
        link: 'https://daily.example/',
      },
      {
        namespace: ATOM,
        id: 'https://thefrontierpost.com/',
        title: 'The Frontier Post',
        link: 'https://thefrontierpost.com/',
      },
    ]);
  });

  it('JSON Feed: a `_broadsheet` extension with `about`, the source, and the terms only where known', () => {
    const [withTerms, withoutTerms] = json(jsonFeed(items, META)).items;
    expect(withTerms?._broadsheet).toEqual({
      about: 'https://news.example.org/about/publishing-principles/',
      source: {
        name: 'Daily & Example',
        url: 'https://daily.example/',
        feed_url: 'https://daily.example/rss.xml',
      },
      original_url: 'https://daily.example/a/',
      terms: 'known',
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      copyright_holder: 'Daily Example Ltd',
    });
    expect(withoutTerms?._broadsheet).toEqual({
      about: 'https://news.example.org/about/publishing-principles/',
      source: { name: 'The Frontier Post', url: 'https://thefrontierpost.com/' },
      terms: 'unknown',
    });
  });

  it('a permission is named with its date', () => {
    const source = { ...known, terms: { ...terms, licence: { byPermission: '2024-04-30' } } };
    const [item] = json(jsonFeed([article('p', '2024-05-02T09:00:00Z', { source })], META)).items;
    expect(item?._broadsheet.licence).toEqual({ by_permission: '2024-04-30' });
  });

  it('a feed reader still parses every item beside its <source>', () => {
    const parsed = parseFeed(rssFeed(items, META));
    expect(parsed.items).toHaveLength(2);
    // The element stays in the item: a reader that ignores it still parses the feed.
    expect(parsed.items[0]?.title).toBe('Title of with-terms');
  });
});

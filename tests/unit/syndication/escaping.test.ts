/**
 * Every renderer that writes article data into a format, against any text in
 * any field: the output parses in its format, holds nothing the text put
 * there, and gives the text back, less only what the format cannot carry.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { newsArticle, profilePage, type ArticleFacts } from '../../../src/head/structured-data.ts';
import { zoned } from '../../../src/lib/dates.ts';
import { scriptJson } from '../../../src/lib/json-ld.ts';
import { articlePath } from '../../../src/lib/urls.ts';
import {
  renderFeed,
  type FeedArticle,
  type FeedMeta,
  type JsonFeed,
} from '../../../src/syndication/feeds.ts';
import { llmsTxt } from '../../../src/syndication/llms-txt.ts';
import { articleMarkdown } from '../../../src/syndication/markdown-copy.ts';
import { newsSitemapXml } from '../../../src/syndication/news-sitemap.ts';
import { asMarkdownLine, asXml, hostileText, strictXml } from '../../helpers/hostile-text.ts';

const RUNS = { numRuns: 60, seed: 20261206 };
const SITE = new URL('https://news.example.org/');
const { DOMParser } = new JSDOM('').window;
const ATOM = 'http://www.w3.org/2005/Atom';
const DC = 'http://purl.org/dc/elements/1.1/';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';

/** The text of HTML that a feed carries as a string; and that it holds no element but `allowed`. */
function htmlTextOf(html: string, allowed: readonly string[] = []): string {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  for (const element of body.querySelectorAll('*')) expect(allowed).toContain(element.localName);
  return body.textContent;
}

/** HTML's parser reads CR and CR LF as LF. */
const lines = (text: string): string => text.replace(/\r\n?/gu, '\n');

interface Fields {
  title: string;
  dek: string;
  authors: string[];
  topics: string[];
  source: string;
  body: string;
}

const fields: fc.Arbitrary<Fields> = fc.record({
  title: hostileText(),
  dek: hostileText(),
  authors: fc.array(hostileText(), { minLength: 1, maxLength: 2 }),
  topics: fc.array(hostileText(), { maxLength: 2 }),
  source: hostileText(),
  body: hostileText(),
});

/** Text as the sanitized body HTML holds it: "<" and "&" as references, NUL gone. */
const bodyHtml = (text: string): string =>
  `<p>${text.replaceAll('\0', '').replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`;

function feedArticle(f: Fields, day: number): FeedArticle {
  const published = zoned(`2024-05-${String(day).padStart(2, '0')}T09:00:00+02:00`);
  return {
    title: f.title,
    dek: f.dek,
    path: articlePath({ slug: `a-${String(day)}`, published }),
    published,
    authors: f.authors.map((name, i) => ({ name, path: `/authors/a-${String(i)}/` })),
    topics: f.topics,
    language: 'en',
    source: { name: f.source, url: 'https://source.example/', terms: 'unknown' },
    html: bodyHtml(f.body),
  };
}

const meta = (title: string, description: string): FeedMeta => ({
  title,
  description,
  homePageUrl: SITE.href,
  feedUrls: {
    rss: new URL('/feed.xml', SITE).href,
    atom: new URL('/atom.xml', SITE).href,
    json: new URL('/feed.json', SITE).href,
  },
  site: SITE,
  language: 'en',
});

const twoArticles = fc.tuple(fields, fields, hostileText(), hostileText());

const byPublished = (a: Fields, b: Fields) => [feedArticle(a, 1), feedArticle(b, 2)];

describe('feeds', () => {
  it('RSS parses, and gives every field back as text', () => {
    fc.assert(
      fc.property(twoArticles, ([a, b, title, description]) => {
        const doc = strictXml(renderFeed('rss', byPublished(a, b), meta(title, description)));
        const channel = doc.getElementsByTagName('channel')[0];
        expect(channel?.querySelector(':scope > title')?.textContent).toBe(asXml(title));
        expect(channel?.querySelector(':scope > description')?.textContent).toBe(asXml(description));
        const items = [...doc.getElementsByTagName('item')];
        // Newest first.
        for (const [item, f] of [[items[0], b] as const, [items[1], a] as const]) {
          if (!item) throw new Error('an item is missing');
          expect(item.getElementsByTagName('title')[0]?.textContent).toBe(asXml(f.title));
          const dek = item.getElementsByTagName('description')[0]?.textContent ?? '';
          expect(htmlTextOf(dek)).toBe(lines(asXml(f.dek)));
          const content = item.getElementsByTagNameNS(CONTENT, 'encoded')[0]?.textContent ?? '';
          expect(htmlTextOf(content, ['p'])).toBe(lines(asXml(f.body.replaceAll('\0', ''))));
          expect([...item.getElementsByTagNameNS(DC, 'creator')].map((node) => node.textContent)).toEqual(
            f.authors.map(asXml),
          );
          expect([...item.getElementsByTagName('category')].map((node) => node.textContent)).toEqual(
            f.topics.map(asXml),
          );
        }
      }),
      RUNS,
    );
  });

  it('Atom parses, and gives every field back as text, topics included', () => {
    fc.assert(
      fc.property(twoArticles, ([a, b, title, description]) => {
        const doc = strictXml(renderFeed('atom', byPublished(a, b), meta(title, description)));
        const feed = doc.documentElement;
        expect(feed.namespaceURI).toBe(ATOM);
        expect(feed.querySelector(':scope > title')?.textContent).toBe(asXml(title));
        expect(feed.querySelector(':scope > subtitle')?.textContent).toBe(asXml(description));
        const entries = [...doc.getElementsByTagNameNS(ATOM, 'entry')];
        for (const [entry, f] of [[entries[0], b] as const, [entries[1], a] as const]) {
          if (!entry) throw new Error('an entry is missing');
          const field = (name: string) => entry.getElementsByTagNameNS(ATOM, name)[0];
          expect(field('title')?.getAttribute('type')).toBe('html');
          expect(htmlTextOf(field('title')?.textContent ?? '')).toBe(lines(asXml(f.title)));
          expect(htmlTextOf(field('summary')?.textContent ?? '')).toBe(lines(asXml(f.dek)));
          expect(htmlTextOf(field('content')?.textContent ?? '', ['p'])).toBe(
            lines(asXml(f.body.replaceAll('\0', ''))),
          );
          const names = [...entry.getElementsByTagNameNS(ATOM, 'author')].map(
            (author) => author.getElementsByTagNameNS(ATOM, 'name')[0]?.textContent,
          );
          expect(names).toEqual(f.authors.map(asXml));
          const terms = [...entry.getElementsByTagNameNS(ATOM, 'category')].map((node) =>
            node.getAttribute('term'),
          );
          expect(terms).toEqual(f.topics.map(asXml));
        }
      }),
      RUNS,
    );
  });

  it('JSON Feed parses, and gives every field back exactly', () => {
    fc.assert(
      fc.property(twoArticles, ([a, b, title, description]) => {
        const feed = JSON.parse(renderFeed('json', byPublished(a, b), meta(title, description))) as JsonFeed;
        expect([feed.title, feed.description]).toEqual([title, description]);
        expect(feed.items.map((item) => [item.title, item.summary, item.authors.map((x) => x.name)])).toEqual(
          [b, a].map((f) => [f.title, f.dek, f.authors]),
        );
        expect(feed.items.map((item) => item.tags ?? [])).toEqual([b.topics, a.topics]);
      }),
      RUNS,
    );
  });
});

describe('news sitemap', () => {
  it('parses, with a title that holds a backspace, as YAML\'s "\\x08" gives it', () => {
    const xml = newsSitemapXml(
      [
        {
          url: 'https://news.example.org/a/',
          title: 'A\bB',
          language: 'en',
          published: zoned('2024-05-01T09:00:00Z'),
        },
      ],
      'Broadsheet',
    );
    expect(strictXml(xml).getElementsByTagName('news:title')[0]?.textContent).toBe('AB');
  });

  it('parses, and gives every title and the publication name back as text', () => {
    fc.assert(
      fc.property(fc.array(hostileText(), { minLength: 1, maxLength: 3 }), hostileText(), (titles, name) => {
        const xml = newsSitemapXml(
          titles.map((title, i) => ({
            url: `https://news.example.org/${String(i)}/?a=1&b="2"`,
            title,
            language: 'en',
            published: zoned('2024-05-01T09:00:00Z'),
          })),
          name,
        );
        const doc = strictXml(xml);
        const text = (tag: string) => [...doc.getElementsByTagName(tag)].map((node) => node.textContent);
        expect(text('news:title')).toEqual(titles.map(asXml));
        expect(new Set(text('news:name'))).toEqual(new Set([asXml(name)]));
        expect(text('loc')[0]).toBe('https://news.example.org/0/?a=1&b="2"');
      }),
      RUNS,
    );
  });
});

describe('JSON-LD', () => {
  it('of an article and of an author never ends its script, and parses back to the data', () => {
    fc.assert(
      fc.property(fields, hostileText(), (f, bio) => {
        const facts: ArticleFacts = {
          slug: 'a-slug',
          published: zoned('2024-05-01T09:00:00Z'),
          title: f.title,
          dek: f.dek,
          canonical: 'https://news.example.org/2024/05/01/a-slug/',
          authors: f.authors.map((name) => ({ name, path: '/authors/a/', kind: 'person' as const })),
          source: { name: f.source, url: 'https://source.example/', path: '/sources/s/' },
          formatLabel: 'News',
          topics: f.topics,
          language: 'en',
        };
        const author = {
          name: f.authors[0] ?? '',
          path: '/authors/a/',
          kind: 'person' as const,
          bio,
          links: [],
        };
        for (const data of [newsArticle(facts, SITE), profilePage(author, SITE)]) {
          const json = scriptJson(data);
          expect(json).not.toMatch(/<\/script/iu);
          const doc = new DOMParser().parseFromString(
            `<script type="application/ld+json">${json}</script><p id="after"></p>`,
            'text/html',
          );
          expect(doc.querySelectorAll('script')).toHaveLength(1);
          expect(doc.getElementById('after')).not.toBeNull();
          expect(JSON.parse(doc.querySelector('script')?.textContent ?? '')).toEqual(
            JSON.parse(JSON.stringify(data)),
          );
        }
        const news = JSON.parse(scriptJson(newsArticle(facts, SITE))) as Record<string, unknown>;
        expect([news.headline, news.description]).toEqual([f.title, f.dek]);
      }),
      RUNS,
    );
  });
});

/** Every node of a Markdown tree, depth first. */
const nodesOf = (node: Nodes): Nodes[] =>
  ['children' in node ? node.children.flatMap(nodesOf) : [], [node]].flat();
const ofType = (tree: Root, type: string): Nodes[] => nodesOf(tree).filter((node) => node.type === type);
/** As Markdown trims a paragraph or a heading: spaces at the ends. */
const line = (text: string): string => asMarkdownLine(text).replace(/^ +| +$/gu, '');

describe('Markdown', () => {
  it('llms.txt lists each article as one list item of text and one link, and nothing more', () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 1, maxLength: 3 }), (list) => {
        const articles = list.map((f, i) => ({
          title: f.title,
          dek: f.dek,
          markdownUrl: `https://news.example.org/2024/05/0${String(i + 1)}/a.md`,
          byline: f.authors.join(', '),
          source: f.source,
          date: f.topics.join(' '),
        }));
        const tree = fromMarkdown(
          llmsTxt(
            {
              name: 'Broadsheet',
              description: 'News.',
              home: SITE.href,
              feeds: [{ label: 'RSS', url: 'https://news.example.org/feed.xml' }],
              sitemap: 'https://news.example.org/sitemap-index.xml',
            },
            articles,
          ),
        );
        expect(ofType(tree, 'html')).toEqual([]);
        expect(ofType(tree, 'image')).toEqual([]);
        expect(ofType(tree, 'heading')).toHaveLength(3);
        expect(ofType(tree, 'list')).toHaveLength(2);
        const [items] = ofType(tree, 'list');
        if (items?.type !== 'list') throw new Error('no list of articles');
        expect(items.children).toHaveLength(articles.length);
        items.children.forEach((item, i) => {
          const article = articles[i];
          if (!article) throw new Error('unreachable');
          expect(item.children.map((child) => child.type)).toEqual(['paragraph']);
          const links = ofType(item as unknown as Root, 'link');
          expect(links.map((link) => (link.type === 'link' ? link.url : ''))).toEqual([article.markdownUrl]);
          expect(toString(links[0])).toBe(asMarkdownLine(article.title));
          const o = asMarkdownLine;
          // The item starts with the link, whose text keeps its spaces, and ends with ".".
          expect(toString(item)).toBe(
            `${o(article.title)}: ${o(article.dek)} By ${o(article.byline)}, first published by ${o(article.source)}, ${o(article.date)}.`,
          );
        });
      }),
      RUNS,
    );
  });

  it('the header of a Markdown copy is a heading, a quote, a credit and a permalink, all text', () => {
    fc.assert(
      fc.property(fields, (f) => {
        fc.pre(line(f.title) !== '' && line(f.dek) !== '');
        const tree = fromMarkdown(
          articleMarkdown({
            title: f.title,
            dek: f.dek,
            canonical: 'https://news.example.org/2024/05/01/a/',
            byline: f.authors.join(', '),
            source: { name: f.source, originalUrl: 'https://source.example/a/' },
            date: f.topics.join(' '),
            formatLabel: 'News',
            body: '',
          }),
        );
        expect(tree.children.map((node) => node.type)).toEqual([
          'heading',
          'blockquote',
          'paragraph',
          'paragraph',
          'thematicBreak',
        ]);
        const [heading, quote, credit] = tree.children;
        expect(heading?.type === 'heading' && heading.depth).toBe(1);
        expect(toString(heading)).toBe(line(f.title));
        expect(quote?.type === 'blockquote' && quote.children.map((node) => node.type)).toEqual([
          'paragraph',
        ]);
        expect(toString(quote)).toBe(line(f.dek));
        expect(ofType(tree, 'html')).toEqual([]);
        expect(ofType(tree, 'image')).toEqual([]);
        expect(ofType(tree, 'link').map((link) => (link.type === 'link' ? link.url : ''))).toEqual([
          'https://source.example/a/',
          'https://news.example.org/2024/05/01/a/',
        ]);
        const o = asMarkdownLine;
        expect(toString(credit)).toBe(
          `News by ${o(f.authors.join(', '))}. First published by ${o(f.source)}. ${o(f.topics.join(' '))}.`,
        );
      }),
      RUNS,
    );
  });
});

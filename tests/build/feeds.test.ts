/**
 * The built feeds: the site's, the author's and the source's, in RSS, Atom and
 * JSON Feed, read as feed readers read them.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import type { JsonFeed } from '../../src/syndication/feeds.ts';
import {
  authorPath,
  FEED_FILES,
  feedPath,
  homePath,
  sourcePath,
  type FeedFormat,
} from '../../src/lib/urls.ts';
import { resolveSiteUrl } from '../../src/site.ts';
import { DIST, readPage, textOf } from '../helpers/project.ts';

const site = resolveSiteUrl();
const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const CANONICAL = new URL(PERMALINK, site).href;
const SENTENCE =
  'In the near future, they will be joined by colleagues from other countries of the Collective Security Treaty Organization (CSTO), in particular, Armenia, Belarus, Tajikistan.';
const SCOPES = [homePath(), authorPath('irina-alksnis'), sourcePath('the-frontier-post')];
const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];
const FEEDS = SCOPES.flatMap((scope) =>
  FORMATS.map((format) => [feedPath(format, scope), format, scope] as const),
);

/** What every format says about its one item. */
interface Read {
  self: string | null;
  home: string | null;
  ids: string[];
  published: string | undefined;
  content: string;
}

/** The feed's content as the HTML it carries: from the XML as a strict parser reads it, or from the JSON. */
function read(text: string, format: FeedFormat): Read {
  if (format === 'json') {
    const feed = JSON.parse(text) as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    return {
      self: feed.feed_url,
      home: feed.home_page_url,
      ids: feed.items.map((item) => item.id),
      published: feed.items[0]?.date_published,
      content: feed.items[0]?.content_html ?? '',
    };
  }
  const feed = parseFeed(text);
  const doc = new JSDOM(text, { contentType: 'application/xml' }).window.document;
  const content =
    format === 'rss'
      ? doc.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]
      : doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'content')[0];
  return {
    self: feed.self,
    home: feed.url,
    ids: feed.items.map((item) => item.id ?? ''),
    published: feed.items[0]?.published?.toISOString(),
    content: content?.textContent ?? '',
  };
}

let paragraphs: string[];
beforeAll(async () => {
  const page = await readPage(DIST, PERMALINK);
  paragraphs = [...page.querySelectorAll('.body > p')].map((p) => textOf(p).replace(/\s*¶$/u, ''));
});

describe.each(FEEDS)('%s', (path, format, scope) => {
  let feed: Read;
  beforeAll(async () => {
    feed = read(await readFile(join(DIST, path), 'utf8'), format);
  });

  test('links to itself and to the page it follows', () => {
    expect(feed.self).toBe(new URL(path, site).href);
    expect(feed.home).toBe(new URL(scope, site).href);
  });

  test('holds the article by its absolute permalink, dated 6 January 2022', () => {
    expect(feed.ids).toEqual([CANONICAL]);
    expect(feed.published).toMatch(/^2022-01-06T/u);
  });

  test('carries the whole body, with no relative URL and no "¶" link', () => {
    expect(feed.content).toContain(SENTENCE);
    const body = JSDOM.fragment(feed.content);
    expect([...body.querySelectorAll('p')].map((p) => textOf(p))).toEqual(paragraphs);
    expect(body.querySelector('.pilcrow, [id]')).toBeNull();
    for (const element of body.querySelectorAll('[href], [src], [cite]')) {
      for (const name of ['href', 'src', 'cite']) {
        const value = element.getAttribute(name);
        if (value !== null) expect(value).toMatch(/^(?:https?|mailto):/u);
      }
    }
  });
});

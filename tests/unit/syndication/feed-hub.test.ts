/** The WebSub hub link in each feed format: there when a hub is configured, absent otherwise. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { atomFeed, jsonFeedObject, rssFeed, type FeedMeta } from '../../../src/syndication/feeds.ts';

const SITE = new URL('https://news.example.org/');
const META: FeedMeta = {
  title: 'Broadsheet',
  description: 'News.',
  homePageUrl: SITE.href,
  feedUrls: {
    rss: 'https://news.example.org/feed.xml',
    atom: 'https://news.example.org/atom.xml',
    json: 'https://news.example.org/feed.json',
  },
  site: SITE,
  language: 'en',
};
const ARTICLES = [
  {
    title: 'A title',
    dek: 'A dek.',
    path: '/2024/05/01/a-title/',
    published: zoned('2024-05-01T09:00:00Z'),
    authors: [{ name: 'Ann Author', path: '/authors/ann-author/' }],
    topics: [],
    language: 'en',
    source: { name: 'Daily Example', url: 'https://daily.example/', terms: 'unknown' as const },
    html: '<p>Text.</p>',
  },
];
const HUB = 'https://hub.example.net/?a=1&b=2';
const ATOM = 'http://www.w3.org/2005/Atom';

const xml = (text: string): Document => new JSDOM(text, { contentType: 'application/xml' }).window.document;
const hubLinks = (document: Document): (string | null)[] =>
  [...document.getElementsByTagNameNS(ATOM, 'link')]
    .filter((link) => link.getAttribute('rel') === 'hub')
    .map((link) => link.getAttribute('href'));

describe('a feed with a hub', () => {
  it('RSS names it in an atom:link rel="hub" on the channel', () => {
    const document = xml(rssFeed(ARTICLES, { ...META, hub: HUB }));
    expect(hubLinks(document)).toEqual([HUB]);
    expect(document.querySelector('channel > *|link[rel="hub"]')).not.toBeNull();
  });
  it('Atom names it in a link rel="hub" on the feed', () => {
    expect(hubLinks(xml(atomFeed(ARTICLES, { ...META, hub: HUB })))).toEqual([HUB]);
  });
  it('JSON Feed lists it in hubs, typed WebSub', () => {
    expect(jsonFeedObject(ARTICLES, { ...META, hub: HUB }).hubs).toEqual([{ type: 'WebSub', url: HUB }]);
  });
});

describe('a feed without a hub', () => {
  it('names none, in any format', () => {
    expect(hubLinks(xml(rssFeed(ARTICLES, META)))).toEqual([]);
    expect(hubLinks(xml(atomFeed(ARTICLES, META)))).toEqual([]);
    expect(jsonFeedObject(ARTICLES, META)).not.toHaveProperty('hubs');
  });
});

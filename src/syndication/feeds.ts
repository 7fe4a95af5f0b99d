/**
 * Feeds of the latest articles, in full: RSS 2.0 and Atom 1.0, written by the
 * `feed` package, and JSON Feed 1.1, written here (`feed` writes only version 1).
 * Pure: the same articles give the same bytes, whenever the build runs.
 */
import { Feed, type Extension, type Item } from 'feed';
import { newestFirst, type ZonedDateTime } from '../lib/dates.ts';
import { feedHtml } from './feed-html.ts';
import { htmlText } from '../lib/html-text.ts';
import { escapeXmlAttribute, escapeXmlText, xmlCdata } from '../lib/xml.ts';
import { absoluteUrl, canonicalUrl, sitePagePath, type FeedFormat } from '../lib/urls.ts';
import { UNKNOWN_TERMS, type Terms } from '../catalog/terms.ts';
import { site as identity } from '../site.ts';

/** How many of the latest articles a feed holds. */
export const FEED_LENGTH = 20;

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** What a feed needs of an article (the catalogue's articles have it all). */
export interface FeedArticle {
  title: string;
  dek: string;
  /** The article's own site path; the body's relative links resolve against it. */
  path: string;
  /** An editor's canonical override, for syndicated copies. */
  canonicalUrl?: string | undefined;
  published: ZonedDateTime;
  updated?: ZonedDateTime | undefined;
  authors: { name: string; path: string }[];
  topics: string[];
  language: string;
  /** The article at its publisher. */
  originalUrl?: string | undefined;
  /** Its original publisher, named in every format. */
  source: FeedSource;
  /** The body: sanitized HTML with relative links. */
  html: string;
}

/** What the feeds say of the original publisher. */
export interface FeedSource {
  name: string;
  /** Its home page. */
  url: string;
  /** Its own feed, when known: what RSS's `<source url>` is meant to name. */
  feed?: string | undefined;
  terms: Terms;
}

export interface FeedMeta {
  title: string;
  description: string;
  /** The HTML page the feed follows: the home page, an author's or a source's page. */
  homePageUrl: string;
  /** The absolute URL of this feed in each format, for its self link. */
  feedUrls: Record<FeedFormat, string>;
  /** The site's origin. */
  site: URL;
  /** BCP 47 language of the feed as a whole; items carry their own in JSON Feed. */
  language: string;
  /** The WebSub hub to name (src/syndication/websub-hub.ts), if one is configured. */
  hub?: string | undefined;
}

/** One article as every format needs it. */
interface Entry {
  /** The canonical URL: the link, and the id that never changes. */
  id: string;
  title: string;
  summary: string;
  /** Full body, links absolute. */
  html: string;
  published: ZonedDateTime;
  updated?: ZonedDateTime | undefined;
  authors: { name: string; url: string }[];
  tags: string[];
  language: string;
  originalUrl?: string | undefined;
  source: FeedSource;
}

/** Feed bodies by article: each article is in several feeds, each in three formats, and parsing is the cost. */
const bodies = new WeakMap<FeedArticle, { base: string; html: string }>();
function bodyOf(article: FeedArticle, base: string): string {
  const known = bodies.get(article);
  if (known?.base === base) return known.html;
  const html = feedHtml(article.html, base);
  bodies.set(article, { base, html });
  return html;
}

function entries(articles: readonly FeedArticle[], site: URL): Entry[] {
  const latest = newestFirst(
    articles,
    (article) => article.published,
    (article) => article.path,
  );
  return latest.slice(0, FEED_LENGTH).map((article) => ({
    id: canonicalUrl(article.path, site, article.canonicalUrl),
    title: article.title,
    summary: article.dek,
    // Against our own page, not a canonical override: the body's links and #p-N targets are ours.
    html: bodyOf(article, absoluteUrl(article.path, site)),
    published: article.published,
    updated: article.updated,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(author.path, site) })),
    tags: article.topics,
    language: article.language,
    originalUrl: article.originalUrl,
    source: article.source,
  }));
}

/**
 * Text for the `feed` package, which writes only part of it safely: its XML
 * writer (xml-js) leaves "<" in attribute values, splits only the first "]]>"
 * of a CDATA section, and reads "&amp;" in text as "&". So each text goes to
 * it as a placeholder, and our escapers (src/lib/xml.ts) write the text into
 * the finished XML. NUL marks the placeholders: XML forbids it, so no escaped
 * text, URL or date holds one.
 * https://github.com/nashwaan/xml-js/blob/master/lib/js2xml.js
 */
function placeholders() {
  const values: { escape: (text: string) => string; text: string }[] = [];
  const slot = (escape: (text: string) => string) => (text: string) => {
    values.push({ escape, text });
    return `\0${String(values.length - 1)}\0`;
  };
  return {
    text: slot(escapeXmlText),
    attribute: slot(escapeXmlAttribute),
    cdata: slot(xmlCdata),
    fill: (xml: string): string =>
      xml.replace(/\0(\d+)\0/gu, (_, index: string) => {
        const value = values[Number(index)];
        if (!value) throw new Error(`Unexpected XML from the feed package: an unknown placeholder ${index}.`);
        return value.escape(value.text);
      }),
  };
}
type Placeholders = ReturnType<typeof placeholders>;

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** RSS's `<author>` must be an e-mail address; names go in `dc:creator`, one per author. */
function creators(entry: Entry, slots: Placeholders): Extension {
  const names = entry.authors.map((author) => ({
    // `feed` declares the dc namespace on <rss> only when some item has content.
    ...(entry.html === '' && { _attributes: { 'xmlns:dc': DUBLIN_CORE } }),
    _text: slots.text(author.name),
  }));
  // xml-js writes an array as repeated elements; `feed` types `objects` as a single one.
  return { name: 'dc:creator', objects: names as unknown as Record<string, unknown> };
}

function libraryFeed(format: 'rss' | 'atom', items: readonly Entry[], meta: FeedMeta): string {
  const slots = placeholders();
  const feed = new Feed({
    id: meta.homePageUrl,
    title: slots.text(meta.title),
    description: slots.text(meta.description),
    link: meta.homePageUrl,
    language: meta.language,
    updated: updatedOf(items),
    generator: false,
    feedLinks: meta.feedUrls,
    // RSS gets <atom:link rel="hub">, Atom <link rel="hub">.
    ...(meta.hub !== undefined && { hub: meta.hub }),
  });
  for (const entry of items) {
    const item: Item = {
      // `feed` writes titles, descriptions and content as CDATA. RSS titles are plain text
      // (https://www.rssboard.org/rss-profile#element-channel-item-title); Atom's, type="html".
      title: slots.cdata(format === 'rss' ? entry.title : htmlText(entry.title)),
      // No id or guid: `feed` then writes the link as RSS's guid isPermaLink="true" and as Atom's id.
      link: entry.id,
      date: new Date((entry.updated ?? entry.published).epochMs),
      published: new Date(entry.published.epochMs),
      // RSS descriptions and Atom's summary type="html" are read as HTML.
      description: slots.cdata(htmlText(entry.summary)),
      content: slots.cdata(entry.html),
      // Topics as categories: Atom puts them in an attribute.
      category: entry.tags.map((tag) =>
        format === 'rss' ? { name: slots.text(tag) } : { term: slots.attribute(tag) },
      ),
    };
    if (format === 'atom') {
      item.author = entry.authors.map((author) => ({ name: slots.text(author.name), link: author.url }));
    } else {
      item.extensions = [creators(entry, slots), rssSource(entry.source, slots)];
    }
    feed.addItem(item);
  }
  return slots.fill(format === 'rss' ? feed.rss2() : withAtomSources(feed.atom1(), items, slots));
}

/**
 * RSS's `<source url="…">`: the publisher's name, and its feed's address as the element asks
 * (its home page when its feed is not known). https://www.rssboard.org/rss-specification#ltsourcegtSubelementOfLtitemgt
 */
const rssSource = (source: FeedSource, slots: Placeholders): Extension => ({
  name: 'source',
  objects: {
    _attributes: { url: slots.attribute(source.feed ?? source.url) },
    _text: slots.text(source.name),
  },
});

/**
 * Atom's `<source>` in each entry (RFC 4287, section 4.2.11), which the `feed` package cannot
 * write: the original publisher's id, title and home page. Inserted while every text is still a
 * placeholder, so no "</entry>" can come from an article.
 */
function withAtomSources(atom: string, items: readonly Entry[], slots: Placeholders): string {
  const parts = atom.split('</entry>');
  if (parts.length !== items.length + 1)
    throw new Error('Unexpected Atom from the feed package: entries do not match.');
  return parts
    .map((part, i) => {
      const source = items[i]?.source;
      if (!source) return part;
      const url = slots.text(source.url);
      // Each entry's part ends with the indentation of its closing tag.
      return `${part}    <source>
            <id>${url}</id>
            <title>${slots.text(source.name)}</title>
            <link rel="alternate" href="${slots.attribute(source.url)}"/>
        </source>
    `;
    })
    .join('</entry>');
}

/**
 * When the feed last changed: the newest published or updated date among its
 * items, never the time of the build, so that two builds of the same content
 * are identical. An empty feed has never changed: the Unix epoch.
 */
function updatedOf(items: readonly Entry[]): Date {
  const times = items.flatMap((entry) => [entry.published.epochMs, entry.updated?.epochMs ?? 0]);
  return new Date(Math.max(0, ...times));
}

export function rssFeed(articles: readonly FeedArticle[], meta: FeedMeta): string {
  return libraryFeed('rss', entries(articles, meta.site), meta);
}

export function atomFeed(articles: readonly FeedArticle[], meta: FeedMeta): string {
  const atom = libraryFeed('atom', entries(articles, meta.site), meta);
  // `feed` has no option for the feed's language: Atom gives it as xml:lang (RFC 4287, section 2).
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  if (!atom.includes(root)) throw new Error('Unexpected Atom from the feed package: no <feed> element.');
  return atom.replace(
    root,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXmlAttribute(meta.language)}">`,
  );
}

/** JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/ */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  /** WebSub hubs (https://www.jsonfeed.org/version/1.1/, "hubs"). */
  hubs?: { type: 'WebSub'; url: string }[];
  items: JsonFeedItem[];
}

export interface JsonFeedAuthor {
  name: string;
  url: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  /** The article at its original publisher. */
  external_url?: string;
  title: string;
  content_html: string;
  summary: string;
  /** RFC 3339, in the article's own offset. */
  date_published: string;
  date_modified?: string;
  authors: JsonFeedAuthor[];
  tags?: string[];
  language: string;
  /** Broadsheet's extension: where the article was first published, and on what terms. */
  _broadsheet: JsonFeedProvenance;
}

/**
 * A JSON Feed extension (https://www.jsonfeed.org/version/1.1/#extensions): the original publisher,
 * and the licence, permission and copyright holder when its terms are known. `about` is the
 * site page that explains it.
 */
export interface JsonFeedProvenance {
  about: string;
  source: { name: string; url: string; feed_url?: string };
  original_url?: string;
  /** "unknown" when nothing is known of the terms. */
  terms: 'unknown' | 'known';
  licence?: { name: string; url: string } | { by_permission: string };
  copyright_holder?: string;
}

function provenance(entry: Entry, site: URL): JsonFeedProvenance {
  const { source } = entry;
  const terms = source.terms === UNKNOWN_TERMS ? undefined : source.terms;
  return {
    about: absoluteUrl(sitePagePath(identity.policies.publishingPrinciples), site),
    source: {
      name: source.name,
      url: source.url,
      ...(source.feed !== undefined && { feed_url: source.feed }),
    },
    ...(entry.originalUrl !== undefined && { original_url: entry.originalUrl }),
    terms: terms ? 'known' : 'unknown',
    ...(terms && {
      licence:
        'url' in terms.licence
          ? { name: terms.licence.name, url: terms.licence.url }
          : { by_permission: terms.licence.byPermission },
    }),
    ...(terms?.copyrightHolder !== undefined && { copyright_holder: terms.copyrightHolder }),
  };
}

/** RFC 3339 wants seconds, which editors may leave out ("2022-01-06T09:30+05:00"). */
export const rfc3339 = (date: ZonedDateTime): string =>
  date.text.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=Z|[+-])/u, '$1:00');

export function jsonFeedObject(articles: readonly FeedArticle[], meta: FeedMeta): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrls.json,
    description: meta.description,
    language: meta.language,
    ...(meta.hub !== undefined && { hubs: [{ type: 'WebSub' as const, url: meta.hub }] }),
    items: entries(articles, meta.site).map((entry) => ({
      id: entry.id,
      url: entry.id,
      ...(entry.originalUrl !== undefined && { external_url: entry.originalUrl }),
      title: entry.title,
      content_html: entry.html,
      summary: entry.summary,
      date_published: rfc3339(entry.published),
      ...(entry.updated !== undefined && { date_modified: rfc3339(entry.updated) }),
      authors: entry.authors,
      ...(entry.tags.length > 0 && { tags: entry.tags }),
      language: entry.language,
      _broadsheet: provenance(entry, meta.site),
    })),
  };
}

export const jsonFeed = (articles: readonly FeedArticle[], meta: FeedMeta): string =>
  `${JSON.stringify(jsonFeedObject(articles, meta), null, 2)}\n`;

/** The feed in one format, as text. */
export function renderFeed(format: FeedFormat, articles: readonly FeedArticle[], meta: FeedMeta): string {
  switch (format) {
    case 'rss':
      return rssFeed(articles, meta);
    case 'atom':
      return atomFeed(articles, meta);
    case 'json':
      return jsonFeed(articles, meta);
  }
}

/**
 * The feeds of this build: the site's, each author's and each source's, in
 * every format. One endpoint a scope (`src/pages/[feed].ts`, and `[feed].ts`
 * beside each author and source page) calls these and nothing else.
 */
import { withCacheKeys } from '../build/cache-keys.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { FEED_CONTENT_TYPES, FEED_LENGTH, renderFeed, type FeedArticle } from './feeds.ts';
import { documentTitle } from '../head/head.ts';
import { authorListing, homeListing, sourceListing, type Listing } from '../listings/listing.ts';
import { absoluteUrl, FEED_FILES, feedPath, requireSite, type FeedFormat } from '../lib/urls.ts';
import { site as identity } from '../site.ts';
import { articleBody, articlesBy, articlesFrom, getCatalog, type Article } from '../catalog/catalog.ts';

/** What one feed follows: the site, an author or a source. */
export interface FeedScope {
  title: string;
  description: string;
  /** The page the feed follows; its feeds sit in the same folder. */
  path: string;
  /** The latest articles, newest first: the feed's. */
  articles: Article[];
}

/** One feed: a scope in one format. */
interface FeedProps {
  format: FeedFormat;
  scope: FeedScope;
}

/**
 * A listing's feed: titled as its first page is (the site's name alone for the
 * home page), described as its later pages are, with its latest articles (the
 * catalogue's are newest first).
 */
const scopeOf = (listing: Listing, articles: Article[]): FeedScope => ({
  title: documentTitle(listing.front?.untitled ? undefined : listing.title),
  description: listing.description,
  path: listing.path,
  articles: articles.slice(0, FEED_LENGTH),
});

/** The scope's feed in each format, as `getStaticPaths` entries with a `feed` parameter (`feed.xml`…). */
const feedsOf = <Params extends object>(scope: FeedScope, params: Params) =>
  Object.entries(FEED_FILES).map(([format, feed]) => ({
    params: { ...params, feed },
    props: { format: format as FeedFormat, scope } satisfies FeedProps,
  }));

/** Each article with its body, read once however many feeds and formats carry it. */
const withBodies = new WeakMap<Article, FeedArticle>();
function feedArticle(article: Article): FeedArticle {
  let known = withBodies.get(article);
  if (!known) {
    known = { ...article, html: articleBody(article).html };
    withBodies.set(article, known);
  }
  return known;
}

/** `getStaticPaths` of the site's feeds: `/feed.xml`, `/atom.xml`, `/feed.json`. */
export const siteFeeds = (async () => {
  const { articles } = await getCatalog();
  return withCacheKeys(feedsOf(scopeOf(homeListing(), articles), {}));
}) satisfies GetStaticPaths;

/** `getStaticPaths` of the author feeds: each format for each author page. */
export const authorFeeds = (async () => {
  const { articles, authors } = await getCatalog();
  return withCacheKeys(
    authors.flatMap((author) =>
      feedsOf(scopeOf(authorListing(author), articlesBy(articles, author)), { slug: author.slug }),
    ),
  );
}) satisfies GetStaticPaths;

/** `getStaticPaths` of the source feeds: each format for each source page. */
export const sourceFeeds = (async () => {
  const { articles, sources } = await getCatalog();
  return withCacheKeys(
    sources.flatMap((source) =>
      feedsOf(scopeOf(sourceListing(source), articlesFrom(articles, source)), { slug: source.slug }),
    ),
  );
}) satisfies GetStaticPaths;

/** The endpoint of every feed route: the feed of its scope in its format. */
export const GET: APIRoute<FeedProps> = ({ props: { format, scope }, site }) => {
  const origin = requireSite(site);
  const feedUrl = (f: FeedFormat) => absoluteUrl(feedPath(f, scope.path), origin);
  const body = renderFeed(format, scope.articles.map(feedArticle), {
    title: scope.title,
    description: scope.description,
    homePageUrl: absoluteUrl(scope.path, origin),
    feedUrls: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
    site: origin,
    language: identity.language,
  });
  return new Response(body, { headers: { 'Content-Type': FEED_CONTENT_TYPES[format] } });
};

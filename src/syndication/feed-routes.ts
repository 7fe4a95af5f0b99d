/**
 * The feeds of this build: the site's, each author's and each source's, in
 * every format. One endpoint a format, `src/pages/[...scope]/<feed file>.ts`,
 * calls these and nothing else. The scope is the parameter rather than the file
 * name, so that each route keeps the extension that tells Astro it makes a file,
 * not a page: with `trailingSlash: 'always'`, a route without one is served by
 * the dev server at `/feed.xml/` only.
 */
import { withCacheKeys } from '../build/cache-keys.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { websubHub } from './websub-hub.ts';
import { FEED_CONTENT_TYPES, FEED_LENGTH, renderFeed, type FeedArticle } from './feeds.ts';
import { documentTitle } from '../head/head.ts';
import { authorListing, homeListing, sourceListing, type Listing } from '../listings/listing.ts';
import { absoluteUrl, feedPath, requireSite, type FeedFormat } from '../lib/urls.ts';
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
  /** The WebSub hub, in the props so that the incremental build's key changes with it. */
  hub?: string | undefined;
}

/**
 * A listing's feed: titled as its first page is (the site's name alone for the
 * home page), described as its later pages are, with its latest articles (the
 * catalogue's are newest first). Its `scope` parameter is the listing's folder:
 * none for the site, `authors/<slug>`, `sources/<slug>`.
 */
const feedOf = (listing: Listing, articles: Article[]) => ({
  params: { scope: listing.path.slice(1, -1) || undefined },
  props: {
    title: documentTitle(listing.front?.untitled ? undefined : listing.title),
    description: listing.description,
    path: listing.path,
    articles: articles.slice(0, FEED_LENGTH),
    hub: websubHub(),
  } satisfies FeedScope,
});

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

/** `getStaticPaths` of every feed route: the site's feeds, then each author's, then each source's. */
export const feedScopes = (async () => {
  const { articles, authors, sources } = await getCatalog();
  return withCacheKeys([
    feedOf(homeListing(), articles),
    ...authors.map((author) => feedOf(authorListing(author), articlesBy(articles, author))),
    ...sources.map((source) => feedOf(sourceListing(source), articlesFrom(articles, source))),
  ]);
}) satisfies GetStaticPaths;

/** The endpoint of one feed format: the feed of the route's scope in that format. */
export const feedEndpoint =
  (format: FeedFormat): APIRoute<FeedScope> =>
  ({ props: scope, site }) => {
    const origin = requireSite(site);
    const feedUrl = (f: FeedFormat) => absoluteUrl(feedPath(f, scope.path), origin);
    const body = renderFeed(format, scope.articles.map(feedArticle), {
      title: scope.title,
      description: scope.description,
      homePageUrl: absoluteUrl(scope.path, origin),
      feedUrls: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
      site: origin,
      language: identity.language,
      hub: scope.hub,
    });
    return new Response(body, { headers: { 'Content-Type': FEED_CONTENT_TYPES[format] } });
  };

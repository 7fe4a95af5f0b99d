/**
 * The feeds of this build: the site's, each author's and each source's, in
 * every format. The endpoints in src/pages call these and nothing else.
 */
import { withCacheKeys } from '../build/cache-keys.ts';
import type { GetStaticPaths } from 'astro';
import { FEED_CONTENT_TYPES, FEED_LENGTH, renderFeed, type FeedArticle } from './feeds.ts';
import { documentTitle } from '../head/head.ts';
import { absoluteUrl, feedPath, homePath, requireSite, type FeedFormat } from '../lib/urls.ts';
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

/** The catalogue's articles are newest first: a feed's are the first of them. */
const latest = (articles: Article[]): Article[] => articles.slice(0, FEED_LENGTH);

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

export async function siteFeed(): Promise<FeedScope> {
  const { articles } = await getCatalog();
  return {
    title: identity.name,
    description: identity.description,
    path: homePath(),
    articles: latest(articles),
  };
}

/** `getStaticPaths` of the author feeds: one per author page. */
export const authorFeeds = (async () => {
  const { articles, authors } = await getCatalog();
  return withCacheKeys(
    authors.map((author) => ({
      params: { slug: author.slug },
      props: {
        title: documentTitle(author.name),
        description: `Articles by ${author.name} on ${identity.name}.`,
        path: author.path,
        articles: latest(articlesBy(articles, author)),
      } satisfies FeedScope,
    })),
  );
}) satisfies GetStaticPaths;

/** `getStaticPaths` of the source feeds: one per source page. */
export const sourceFeeds = (async () => {
  const { articles, sources } = await getCatalog();
  return withCacheKeys(
    sources.map((source) => ({
      params: { slug: source.slug },
      props: {
        title: documentTitle(source.name),
        description: `Articles first published by ${source.name}, on ${identity.name}.`,
        path: source.path,
        articles: latest(articlesFrom(articles, source)),
      } satisfies FeedScope,
    })),
  );
}) satisfies GetStaticPaths;

/** The feed of `scope` in one format, as the endpoint's response. */
export function feedResponse(format: FeedFormat, scope: FeedScope, site: URL | undefined): Response {
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
}

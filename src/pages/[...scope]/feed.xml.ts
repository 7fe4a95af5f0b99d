/**
 * The latest articles, in full, as RSS 2.0: `/feed.xml` for the site, `/authors/<slug>/feed.xml`
 * and `/sources/<slug>/feed.xml` for an author and a source.
 */
import { feedEndpoint, feedScopes } from '../../syndication/feed-routes.ts';

export const getStaticPaths = feedScopes;
export const GET = feedEndpoint('rss');

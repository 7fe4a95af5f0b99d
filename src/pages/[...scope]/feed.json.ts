/**
 * The latest articles, in full, as JSON Feed 1.1: `/feed.json` for the site, `/authors/<slug>/feed.json`
 * and `/sources/<slug>/feed.json` for an author and a source.
 */
import { feedEndpoint, feedScopes } from '../../syndication/feed-routes.ts';

export const getStaticPaths = feedScopes;
export const GET = feedEndpoint('json');

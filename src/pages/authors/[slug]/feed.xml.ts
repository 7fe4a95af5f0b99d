/** `/authors/<slug>/feed.xml`: the author's latest articles, in full, as RSS 2.0. */
import type { APIRoute } from 'astro';
import { authorFeeds, feedResponse, type FeedScope } from '../../../syndication/feed-routes.ts';

export const getStaticPaths = authorFeeds;

export const GET: APIRoute<FeedScope> = ({ props, site }) => feedResponse('rss', props, site);

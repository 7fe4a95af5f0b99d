/** `/authors/<slug>/feed.json`: the author's latest articles, in full, as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { authorFeeds, feedResponse, type FeedScope } from '../../../syndication/feed-routes.ts';

export const getStaticPaths = authorFeeds;

export const GET: APIRoute<FeedScope> = ({ props, site }) => feedResponse('json', props, site);

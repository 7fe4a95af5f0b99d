/** `/sources/<slug>/feed.json`: the latest articles first published by the source, in full, as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { sourceFeeds, feedResponse, type FeedScope } from '../../../syndication/feed-routes.ts';

export const getStaticPaths = sourceFeeds;

export const GET: APIRoute<FeedScope> = ({ props, site }) => feedResponse('json', props, site);

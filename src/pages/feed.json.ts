/** `/feed.json`: the latest articles, in full, as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { feedResponse, siteFeed } from '../syndication/feed-routes.ts';

export const GET: APIRoute = async ({ site }) => feedResponse('json', await siteFeed(), site);

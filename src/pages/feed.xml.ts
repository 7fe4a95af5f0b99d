/** `/feed.xml`: the latest articles, in full, as RSS 2.0. */
import type { APIRoute } from 'astro';
import { feedResponse, siteFeed } from '../syndication/feed-routes.ts';

export const GET: APIRoute = async ({ site }) => feedResponse('rss', await siteFeed(), site);

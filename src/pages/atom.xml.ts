/** `/atom.xml`: the latest articles, in full, as Atom. */
import type { APIRoute } from 'astro';
import { feedResponse, siteFeed } from '../syndication/feed-routes.ts';

export const GET: APIRoute = async ({ site }) => feedResponse('atom', await siteFeed(), site);

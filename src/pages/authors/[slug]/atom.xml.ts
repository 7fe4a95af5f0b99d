/** `/authors/<slug>/atom.xml`: the author's latest articles, in full, as Atom. */
import type { APIRoute } from 'astro';
import { authorFeeds, feedResponse, type FeedScope } from '../../../syndication/feed-routes.ts';

export const getStaticPaths = authorFeeds;

export const GET: APIRoute<FeedScope> = ({ props, site }) => feedResponse('atom', props, site);

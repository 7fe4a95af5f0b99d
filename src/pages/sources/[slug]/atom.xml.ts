/** `/sources/<slug>/atom.xml`: the latest articles first published by the source, in full, as Atom. */
import type { APIRoute } from 'astro';
import { sourceFeeds, feedResponse, type FeedScope } from '../../../syndication/feed-routes.ts';

export const getStaticPaths = sourceFeeds;

export const GET: APIRoute<FeedScope> = ({ props, site }) => feedResponse('atom', props, site);

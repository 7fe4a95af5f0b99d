/**
 * A source's feeds of the latest articles it first published, in full:
 * `/sources/<slug>/feed.xml`, `atom.xml`, `feed.json`.
 */
export { sourceFeeds as getStaticPaths, GET } from '../../../syndication/feed-routes.ts';

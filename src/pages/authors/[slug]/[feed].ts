/** An author's feeds of their latest articles, in full: `/authors/<slug>/feed.xml`, `atom.xml`, `feed.json`. */
export { authorFeeds as getStaticPaths, GET } from '../../../syndication/feed-routes.ts';

/** The site's feeds of its latest articles, in full: `/feed.xml` (RSS 2.0), `/atom.xml`, `/feed.json` (JSON Feed 1.1). */
export { siteFeeds as getStaticPaths, GET } from '../syndication/feed-routes.ts';

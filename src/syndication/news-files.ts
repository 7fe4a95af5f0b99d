/** The news sitemap files of this build: which articles each holds. */
import { buildTime } from '../lib/dates.ts';
import { newsSitemapPages, recentNews } from './news-sitemap.ts';
import { getCatalog, type Article } from '../catalog/catalog.ts';

export async function newsSitemaps(): Promise<Article[][]> {
  const { articles } = await getCatalog();
  return newsSitemapPages(recentNews(articles, buildTime()));
}

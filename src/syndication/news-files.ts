/** The news sitemap files of this build: which articles each holds. */
import { buildTime } from '../lib/dates.ts';
import { newsSitemapPages, recentNews } from './news-sitemap.ts';
import { getCatalog, type Article } from '../catalog/catalog.ts';

export async function newsSitemaps(): Promise<Article[][]> {
  const { articles } = await getCatalog();
  // A copy marked news-noindex or noindex-google is not offered to Google News (src/catalog/terms.ts).
  const indexable = articles.filter((article) => article.indexing === 'index');
  return newsSitemapPages(recentNews(indexable, buildTime()));
}

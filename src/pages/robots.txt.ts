import type { APIRoute } from 'astro';
import { newsSitemaps } from '../syndication/news-files.ts';
import { absoluteUrl, newsSitemapPath, requireSite, sitemapIndexPath } from '../lib/urls.ts';

/** Everything may be crawled; the sitemap index and the news sitemaps are announced. */
export const GET: APIRoute = async ({ site }) => {
  const origin = requireSite(site);
  const news = (await newsSitemaps()).map((_, i) => absoluteUrl(newsSitemapPath(i + 1), origin));
  const sitemaps = [absoluteUrl(sitemapIndexPath(), origin), ...news].map((url) => `Sitemap: ${url}`);
  return new Response(`User-agent: *\nAllow: /\n\n${sitemaps.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

import type { APIRoute } from 'astro';
import { getCatalog } from '../catalog/catalog.ts';
import { displayDate } from '../lib/dates.ts';
import { llmsTxt } from '../syndication/llms-txt.ts';
import {
  absoluteUrl,
  articleMarkdownPath,
  feedPath,
  homePath,
  requireSite,
  sitemapIndexPath,
} from '../lib/urls.ts';
import { site as identity } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = requireSite(site);
  const { articles } = await getCatalog();
  const text = llmsTxt(
    {
      name: identity.name,
      description: identity.description,
      home: absoluteUrl(homePath(), origin),
      feeds: [
        { label: 'RSS', url: absoluteUrl(feedPath('rss'), origin) },
        { label: 'Atom', url: absoluteUrl(feedPath('atom'), origin) },
        { label: 'JSON Feed', url: absoluteUrl(feedPath('json'), origin) },
      ],
      sitemap: absoluteUrl(sitemapIndexPath(), origin),
    },
    articles.map((article) => ({
      title: article.title,
      dek: article.dek,
      markdownUrl: absoluteUrl(articleMarkdownPath(article), origin),
      byline: article.authors.map((author) => author.name).join(', '),
      source: article.source.name,
      date: displayDate(article.published, identity.dateLocale),
    })),
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

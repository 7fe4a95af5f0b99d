/** `/sitemap-news.xml` (and `-2`, `-3`… past 1,000 articles): the Google News sitemaps. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Article } from '../catalog/catalog.ts';
import { newsSitemaps } from '../syndication/news-files.ts';
import { newsSitemapXml } from '../syndication/news-sitemap.ts';
import { canonicalUrl, newsSitemapPath, requireSite } from '../lib/urls.ts';
import { site as identity } from '../site.ts';

export const getStaticPaths = (async () =>
  (await newsSitemaps()).map((articles, i) => ({
    params: { newsSitemap: newsSitemapPath(i + 1).slice(1, -'.xml'.length) },
    props: { articles },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: Article[] }> = ({ props, site }) => {
  const origin = requireSite(site);
  const entries = props.articles.map((article) => ({
    url: canonicalUrl(article.path, origin, article.canonicalUrl),
    title: article.title,
    language: article.language,
    published: article.published,
  }));
  return new Response(newsSitemapXml(entries, identity.name), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

/** The Markdown copy of each article, beside its page: `/<yyyy>/<mm>/<dd>/<slug>.md`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleBody, getCatalog, type Article } from '../../../../catalog/catalog.ts';
import { articleMarkdown } from '../../../../syndication/markdown-copy.ts';
import { withCacheKeys } from '../../../../build/cache-keys.ts';
import { displayDate } from '../../../../lib/dates.ts';
import { siteFiles } from '../../../../build/site-files.ts';
import { articleMarkdownPath, articleParams, canonicalUrl, requireSite } from '../../../../lib/urls.ts';
import { resolveSiteUrl, site as identity } from '../../../../site.ts';

/** The copy of an article: the metadata, then the body made from its HTML. */
const copyOf = (article: Article, site: URL): string =>
  articleMarkdown({
    title: article.title,
    dek: article.dek,
    canonical: canonicalUrl(article.path, site, article.canonicalUrl),
    byline: article.authors.map((author) => author.name).join(', '),
    source: { name: article.source.name, originalUrl: article.originalUrl },
    date: displayDate(article.published, identity.dateLocale),
    formatLabel: article.formatLabel,
    body: articleBody(article).markdown,
  });

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  // A build writes them straight into the site (src/build/site-files.ts), not as a page each.
  const sink = import.meta.env.PROD ? siteFiles() : undefined;
  if (sink) {
    const site = resolveSiteUrl();
    for (const article of articles) sink.text(articleMarkdownPath(article), copyOf(article, site));
    return [];
  }
  return withCacheKeys(articles.map((article) => ({ params: articleParams(article), props: { article } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article }, site }) =>
  new Response(copyOf(article, requireSite(site)), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });

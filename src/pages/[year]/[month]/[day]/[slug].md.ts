/** The Markdown copy of each article, beside its page: `/<yyyy>/<mm>/<dd>/<slug>.md`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleBody, getCatalog, type Article } from '../../../../data/catalog.ts';
import { articleMarkdown } from '../../../../lib/article-markdown.ts';
import { withCacheKeys } from '../../../../lib/cache-keys.ts';
import { displayDate } from '../../../../lib/dates.ts';
import { articleParams, canonicalUrl, requireSite } from '../../../../lib/urls.ts';
import { site as identity } from '../../../../site.ts';

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  return withCacheKeys(articles.map((article) => ({ params: articleParams(article), props: { article } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article }, site }) =>
  new Response(
    articleMarkdown({
      title: article.title,
      dek: article.dek,
      canonical: canonicalUrl(article.path, requireSite(site), article.canonicalUrl),
      byline: article.authors.map((author) => author.name).join(', '),
      source: { name: article.source.name, originalUrl: article.originalUrl },
      date: displayDate(article.published, identity.dateLocale),
      formatLabel: article.formatLabel,
      body: articleBody(article).markdown,
    }),
    { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } },
  );

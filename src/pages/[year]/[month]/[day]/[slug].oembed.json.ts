/** Each article's oEmbed document, beside its page: `/<yyyy>/<mm>/<dd>/<slug>.oembed.json`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Article } from '../../../../catalog/catalog.ts';
import { bylineText } from '../../../../catalog/byline.ts';
import { withCacheKeys } from '../../../../build/cache-keys.ts';
import { siteFiles } from '../../../../build/site-files.ts';
import { oembedDocument, oembedJson } from '../../../../previews/oembed.ts';
import { articleOembedPath, articleParams, requireSite } from '../../../../lib/urls.ts';
import { resolveSiteUrl, site as identity } from '../../../../site.ts';

const documentOf = (article: Article, site: URL): string =>
  oembedJson(
    oembedDocument(
      article,
      bylineText(
        article.authors.map((author) => author.name),
        identity.dateLocale,
      ),
      site,
    ),
  );

export const getStaticPaths = (async () => {
  const { articles } = await getCatalog();
  // A build writes them straight into the site (src/build/site-files.ts), not as a page each.
  const sink = import.meta.env.PROD ? siteFiles() : undefined;
  if (sink) {
    const site = resolveSiteUrl();
    for (const article of articles) sink.text(articleOembedPath(article), documentOf(article, site));
    return [];
  }
  return withCacheKeys(articles.map((article) => ({ params: articleParams(article), props: { article } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article }, site }) =>
  new Response(documentOf(article, requireSite(site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

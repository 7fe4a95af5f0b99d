/**
 * Sitemap `lastmod` from the articles' own dates, never the build time:
 * `updated` when the article has one, else `published`.
 */
import { zoned } from '../lib/dates.ts';
import { aliasPath } from '../catalog/permalinks.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

export interface DatedArticle {
  slug: string;
  published: string;
  updated?: string | undefined;
  /** Old URLs, which are redirect pages and stay out of the sitemap. */
  aliases?: string[];
}

/** The absolute URLs of the redirect pages, which the sitemap leaves out. */
export function redirectUrls(articles: readonly DatedArticle[], site: URL): Set<string> {
  return new Set(
    articles.flatMap((article) =>
      (article.aliases ?? []).map((alias) => absoluteUrl(aliasPath(alias, zoned(article.published)), site)),
    ),
  );
}

/** Maps each article's absolute URL to its last-modified date-time as written. */
export function lastmodByUrl(articles: readonly DatedArticle[], site: URL): Map<string, string> {
  return new Map(
    articles.map((article) => [
      absoluteUrl(articlePath({ slug: article.slug, published: zoned(article.published) }), site),
      article.updated ?? article.published,
    ]),
  );
}

/**
 * The one place where Broadsheet's URLs are made. Routes, canonical links,
 * sitemaps, feeds and share links all call these functions.
 */
import type { ZonedDateTime } from './dates.ts';

/** What an article's permalink is made of. */
export interface ArticleUrlParts {
  slug: string;
  published: ZonedDateTime;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Route parameters of `src/pages/[year]/[month]/[day]/[slug]/index.astro`. */
export function articleParams({ slug, published }: ArticleUrlParts) {
  return {
    year: String(published.year),
    month: pad(published.month),
    day: pad(published.day),
    slug,
  };
}

/**
 * `/<yyyy>/<mm>/<dd>/<slug>/`: the date is the calendar date in the time zone
 * the article was published in, as its editor wrote it.
 */
export function articlePath(parts: ArticleUrlParts): string {
  const { year, month, day, slug } = articleParams(parts);
  return `/${year}/${month}/${day}/${slug}/`;
}

export const homePath = (): string => '/';
export const authorPath = (slug: string): string => `/authors/${slug}/`;
export const sourcePath = (slug: string): string => `/sources/${slug}/`;
export const sitemapIndexPath = (): string => '/sitemap-index.xml';
export const faviconPath = (): string => '/favicon.svg';

/** The configured site origin; Astro passes it to pages and endpoints as `site`. */
export function requireSite(site: URL | undefined): URL {
  if (!site) throw new Error('The site URL is not configured: astro.config.mjs must set `site`.');
  return site;
}

/** An absolute URL for a site path, on the configured site origin. */
export function absoluteUrl(path: string, site: URL): string {
  if (!path.startsWith('/')) throw new Error(`Site paths start with "/": got "${path}".`);
  // "./" keeps a first segment with a colon ("/a:b/") from being read as a URL scheme.
  return new URL(`.${path}`, site).href;
}

/** The canonical URL of a page: an editor's override for syndicated copies, else our own address. */
export function canonicalUrl(path: string, site: URL, override?: string): string {
  return override ?? absoluteUrl(path, site);
}

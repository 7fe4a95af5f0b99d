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

/** The Markdown copy of an article, beside its page: `/<yyyy>/<mm>/<dd>/<slug>.md`. */
export const articleMarkdownPath = (parts: ArticleUrlParts): string =>
  articlePath(parts).replace(/\/$/u, '.md');

/**
 * The article's oEmbed document, beside its page: `/<yyyy>/<mm>/<dd>/<slug>.oembed.json`. A static
 * file rather than an endpoint, so the page's discovery link names it whole (oembed.com, section 4).
 */
export const articleOembedPath = (parts: ArticleUrlParts): string =>
  articlePath(parts).replace(/\/$/u, '.oembed.json');

/**
 * The shapes of an article's preview image: the three that Google asks for in
 * structured data. The 16:9 one is also the link preview (og:image): the
 * sites that crop previews to 1.91:1 or 2:1 (Facebook, LinkedIn, X) take
 * 20 to 40 pixels off its top and bottom, where the card has only margin, and
 * the rest show it whole. It is 1200 wide, as Google Discover asks of large
 * images; 4:3 and 1:1 are the same design smaller, still many times Google's
 * minimum of 50,000 pixels, so that a build draws 1.8 million pixels an article
 * rather than the 4.1 million of four 1200-wide images.
 * https://developers.google.com/search/docs/appearance/structured-data/article#article-types
 */
export const IMAGE_SHAPES = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 800, height: 600 },
  '1x1': { width: 720, height: 720 },
} as const;
export type ImageShape = keyof typeof IMAGE_SHAPES;

/** The shape of the link preview: `og:image` and `twitter:image`. */
export const PREVIEW_SHAPE = '16x9' satisfies ImageShape;

/** An article's preview image: `/og/<yyyy>/<mm>/<dd>/<slug>.png`, or `<slug>-4x3.png` for the other shapes. */
export function articleImagePath(parts: ArticleUrlParts, shape: ImageShape = PREVIEW_SHAPE): string {
  const { year, month, day, slug } = articleParams(parts);
  return `/og/${year}/${month}/${day}/${slug}${shape === PREVIEW_SHAPE ? '' : `-${shape}`}.png`;
}

/** The feed formats, each a file in the folder of what it follows. */
export const FEED_FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

/** A feed of the whole site (`scope` "/"), an author (`authorPath(slug)`) or a source (`sourcePath(slug)`). */
export const feedPath = (format: FeedFormat, scope = '/'): string => `${scope}${FEED_FILES[format]}`;

/** Google News sitemaps: `/sitemap-news.xml`, then `/sitemap-news-2.xml` and on, 1,000 URLs each. */
export const newsSitemapPath = (page = 1): string =>
  page === 1 ? '/sitemap-news.xml' : `/sitemap-news-${String(page)}.xml`;
export const llmsTxtPath = (): string => '/llms.txt';
/** The publisher logo that structured data points to. */
export const logoPath = (): string => '/logo.png';

export const homePath = (): string => '/';
export const aboutPath = (): string => '/about/';
/** A site page of content/pages/ (publishing principles, corrections, feedback): `/about/<slug>/`. */
export const sitePagePath = (slug: string): string => `${aboutPath()}${slug}/`;
export const searchPath = (): string => '/search/';
export const topicsIndexPath = (): string => '/topics/';
export const archiveIndexPath = (): string => '/archive/';
export const authorPath = (slug: string): string => `/authors/${slug}/`;
export const sourcePath = (slug: string): string => `/sources/${slug}/`;

/**
 * Page `n` of a listing at `basePath`: page 1 is the listing itself, later pages
 * are `<basePath>page/<n>/` (`/page/2/`, `/topics/kazakhstan/page/2/`).
 */
export function pagePath(basePath: string, n: number): string {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`A listing's path starts and ends with "/": got "${basePath}".`);
  }
  if (!Number.isInteger(n) || n < 1) throw new Error(`Page numbers are whole numbers from 1: got ${n}.`);
  return n === 1 ? basePath : `${basePath}page/${n}/`;
}

/**
 * The `[...page]` rest parameter of a listing's route for page `n`: none on page 1,
 * which is the listing's own address, then `page/2`, `page/3`…
 */
export const pageParam = (n: number): string | undefined =>
  n === 1 ? undefined : pagePath('/', n).slice(1, -1);

/**
 * A topic's page, `/topics/<slug>/`, from `topicSlug` (src/catalog/topics.ts). The slug may be in any
 * script; it is written here as it is, and `absoluteUrl` percent-encodes it for canonical links.
 */
export const topicPath = (slug: string): string => `/topics/${slug}/`;

/** Route parameters of `src/pages/archive/[year]/[month]/`: `{ year: '2022', month: '01' }`. */
export const archiveParams = (year: number, month: number) => ({ year: String(year), month: pad(month) });

/** A year of the archive, `/archive/2022/`, or one month of it, `/archive/2022/01/`. */
export function archivePath(year: number, month?: number): string {
  return month === undefined ? `/archive/${year}/` : `/archive/${year}/${pad(month)}/`;
}

/** The IndexNow key file, at the root: `/<key>.txt` (https://www.indexnow.org/documentation). */
export const indexNowKeyPath = (key: string): string => `/${key}.txt`;

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

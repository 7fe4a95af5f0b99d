/**
 * Site identity, in one typed place. Everything that names the site or its
 * address reads it from here.
 */

/** Where the site is served when no deployer says otherwise (RFC 2606 reserves `.example`). */
export const DEFAULT_SITE_URL = 'https://broadsheet.example/';

/**
 * The public origin of the site, from the `SITE_URL` environment variable when set.
 * Canonical links, the sitemap and robots.txt are built from it.
 */
export function resolveSiteUrl(value: string | undefined = process.env.SITE_URL): URL {
  const raw = value?.trim() ? value.trim() : DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://news.example.org/, got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must use http or https, got "${raw}".`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL must be an origin only (Broadsheet is served at the root of its host), got "${raw}".`,
    );
  }
  return url;
}

export const site = {
  name: 'Broadsheet',
  description: 'Opinion, news and analysis from the publishers we carry, kept as published.',
  /** Language of the site's own pages (articles carry their own). */
  language: 'en',
  /** Locale used to write dates for readers. */
  dateLocale: 'en-GB',
  /**
   * The site pages (content/pages/<slug>.md) that the NewsMediaOrganization names; the build
   * stops if one is missing.
   */
  policies: {
    publishingPrinciples: 'publishing-principles',
    correctionsPolicy: 'corrections',
    actionableFeedbackPolicy: 'feedback',
  },
} as const;

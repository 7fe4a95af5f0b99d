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

/** Where readers write to the editors: a link and the text it shows. */
export interface Contact {
  href: string;
  label: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

/**
 * The editors' address, from the `SITE_CONTACT` environment variable at build time: an e-mail
 * address or an https:// page (a form, say). None by default: the site invents no address, and
 * the corrections and feedback pages then say that none is published.
 */
export function resolveContact(value: string | undefined = process.env.SITE_CONTACT): Contact | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (EMAIL.test(raw)) return { href: `mailto:${raw}`, label: raw };
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:')
    return { href: url.href, label: url.host + url.pathname.replace(/\/$/u, '') };
  throw new Error(
    `SITE_CONTACT must be an e-mail address such as editors@news.example.org or an https:// address, got "${raw}".`,
  );
}

/** What listing pages (home, topics, authors, sources, the archive) say about themselves. */
import { site } from '../site.ts';
import type { Alternate, PageMeta } from '../head/head.ts';
import type { Page } from './pagination.ts';
import { absoluteUrl, pagePath } from '../lib/urls.ts';

export interface Listing {
  title: string;
  description: string;
  /** The address of the listing's first page. */
  path: string;
  type?: 'website' | 'profile';
  alternates?: Alternate[];
}

/**
 * The head of one page of a listing. Each page is its own canonical URL (it
 * lists other articles than page 1), so pages after the first say which page
 * they are in their title and description.
 */
export function listingMeta(listing: Listing, page: Page<unknown>, origin: URL): PageMeta {
  const canonical = absoluteUrl(pagePath(listing.path, page.number), origin);
  const later = page.number > 1;
  return {
    title: later ? `${listing.title}, page ${page.number} of ${page.total}` : listing.title,
    description: later ? `${listing.description} ${page.label}.` : listing.description,
    canonical,
    preview: { type: listing.type ?? 'website', url: canonical, language: site.language },
    ...(listing.alternates && { alternates: listing.alternates }),
  };
}

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat(site.dateLocale);

/** "1 article", "1,200 articles". */
export const articleCount = (n: number): string =>
  `${number.format(n)} ${plural.select(n) === 'one' ? 'article' : 'articles'}`;

/** A topic's listing. */
export const topicListing = (topic: { name: string; path: string }): Listing => ({
  title: topic.name,
  description: `Articles on ${topic.name}, on ${site.name}.`,
  path: topic.path,
});

/** A month of the archive. */
export const monthListing = (month: { path: string }, name: string): Listing => ({
  title: name,
  description: `The articles of ${name} on ${site.name}.`,
  path: month.path,
});

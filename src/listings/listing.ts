/**
 * What listing pages (home, topics, authors, sources, the archive) say about
 * themselves, and what the feeds of the home page, authors and sources say:
 * every listing's title and description is written here.
 */
import { site } from '../site.ts';
import { feedAlternates, type Alternate, type PageMeta } from '../head/head.ts';
import type { Page } from './pagination.ts';
import { absoluteUrl, homePath, pagePath } from '../lib/urls.ts';

export interface Listing {
  title: string;
  /** What the listing holds; its later pages and its feeds say this. */
  description: string;
  /** The address of the listing's first page. */
  path: string;
  alternates?: Alternate[];
  /** How the first page differs from the later ones, being the front of what it lists. */
  front?: Front;
}

interface Front {
  /** Its own description: an author's bio, a source's description. */
  description?: string | undefined;
  /** An author's first page is their profile. */
  type?: 'profile';
  /** The home page: the site's name alone is its title. */
  untitled?: true;
}

/**
 * The head of one page of a listing. Each page is its own canonical URL (it
 * lists other articles than page 1), so pages after the first say which page
 * they are in their title and description.
 */
export function listingMeta(listing: Listing, page: Page<unknown>, origin: URL): PageMeta {
  const canonical = absoluteUrl(pagePath(listing.path, page.number), origin);
  const front = page.number === 1 ? listing.front : undefined;
  const later = page.number > 1;
  return {
    ...(!front?.untitled && {
      title: later ? `${listing.title}, page ${page.number} of ${page.total}` : listing.title,
    }),
    description: later
      ? `${listing.description} ${page.label}.`
      : (front?.description ?? listing.description),
    canonical,
    preview: { type: front?.type ?? 'website', url: canonical, language: site.language },
    ...(listing.alternates && { alternates: listing.alternates }),
  };
}

const plural = new Intl.PluralRules(site.language);
const number = new Intl.NumberFormat(site.dateLocale);

/** "1 article", "1,200 articles". */
export const articleCount = (n: number): string =>
  `${number.format(n)} ${plural.select(n) === 'one' ? 'article' : 'articles'}`;

/** The latest articles of the whole site: the home page and the site's feeds. */
export const homeListing = (): Listing => ({
  title: 'Latest articles',
  description: site.description,
  path: homePath(),
  front: { untitled: true },
});

/** An author's articles: their page, a profile on page 1, and their feeds. */
export const authorListing = (author: { name: string; path: string; bio?: string | undefined }): Listing => ({
  title: author.name,
  description: `Articles by ${author.name} on ${site.name}.`,
  path: author.path,
  alternates: feedAlternates(author.path, author.name),
  front: { description: author.bio, type: 'profile' },
});

/** A source's articles: its page and its feeds. */
export const sourceListing = (source: {
  name: string;
  path: string;
  description?: string | undefined;
}): Listing => ({
  title: source.name,
  description: `Articles first published by ${source.name}, on ${site.name}.`,
  path: source.path,
  alternates: feedAlternates(source.path, source.name),
  front: { description: source.description },
});

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

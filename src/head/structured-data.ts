/**
 * Structured data (schema.org JSON-LD): a NewsArticle per article, a
 * BreadcrumbList beside it, and a ProfilePage per author. Safari Reader and
 * Mastodon read only a top-level block of exactly "NewsArticle" (no @graph, no
 * subtype), so the format goes in `genre` and `articleSection`.
 * https://developers.google.com/search/docs/appearance/structured-data/article
 */
import {
  absoluteUrl,
  articleImagePath,
  IMAGE_SHAPES,
  type ArticleUrlParts,
  type ImageShape,
} from '../lib/urls.ts';
import type { ZonedDateTime } from '../lib/dates.ts';
import type { Terms } from '../catalog/terms.ts';
import { copyright, newsMediaOrganization, sourceOrganization } from './identity.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonLd = Record<string, Json | undefined>;

/** What the article's structured data is made of. */
export interface ArticleFacts extends ArticleUrlParts {
  title: string;
  dek: string;
  canonical: string;
  updated?: ZonedDateTime | undefined;
  authors: { name: string; path: string; kind: 'person' | 'organization' }[];
  source: {
    name: string;
    url: string;
    path: string;
    sameAs?: string[] | undefined;
    terms?: Terms | undefined;
  };
  originalUrl?: string | undefined;
  formatLabel: string;
  topics: string[];
  language: string;
}

/** The site as a publisher: a NewsMediaOrganization with the logo Google asks for and its policies. */
export const publisher = (origin: URL): JsonLd => newsMediaOrganization(origin);

const typeOf = (kind: 'person' | 'organization') => (kind === 'person' ? 'Person' : 'Organization');

export function newsArticle(article: ArticleFacts, origin: URL): JsonLd {
  const source = sourceOrganization(article.source);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.dek,
    image: (Object.keys(IMAGE_SHAPES) as ImageShape[]).map((shape) =>
      absoluteUrl(articleImagePath(article, shape), origin),
    ),
    datePublished: article.published.text,
    dateModified: (article.updated ?? article.published).text,
    author: article.authors.map((author) => ({
      '@type': typeOf(author.kind),
      name: author.name,
      url: absoluteUrl(author.path, origin),
    })),
    publisher: publisher(origin),
    sourceOrganization: source,
    ...(article.originalUrl !== undefined && {
      isBasedOn: { '@type': 'NewsArticle', url: article.originalUrl, publisher: source },
    }),
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.canonical },
    url: article.canonical,
    inLanguage: article.language,
    genre: article.formatLabel,
    articleSection: article.formatLabel,
    ...(article.topics.length > 0 && { keywords: article.topics }),
    ...copyright(article.source.terms, article.published.year),
  };
}

/** Home › source › article. */
export function breadcrumbs(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

export function profilePage(
  author: {
    name: string;
    path: string;
    kind: 'person' | 'organization';
    bio?: string | undefined;
    links: { url: string }[];
  },
  origin: URL,
): JsonLd {
  const url = absoluteUrl(author.path, origin);
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': typeOf(author.kind),
      name: author.name,
      url,
      ...(author.bio !== undefined && { description: author.bio }),
      ...(author.links.length > 0 && { sameAs: author.links.map((link) => link.url) }),
    },
  };
}

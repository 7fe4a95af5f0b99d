/**
 * What an author's or a source's page can say about them from the catalog
 * alone: how many articles, over which dates, with whom. Nothing here comes
 * from outside the data, so nothing is invented (no biography, no role).
 */
import { bylineText } from '../catalog/byline.ts';
import { displayDate, type ZonedDateTime } from '../lib/dates.ts';

/** What the facts read of an article. */
export interface Profiled {
  published: ZonedDateTime;
  authors: readonly { name: string }[];
  source: { name: string };
}

/** Plain facts, as one sentence each. */
export interface ProfileFacts {
  /** "12 articles on Broadsheet, from 3 March 2023 to 28 June 2024." */
  span: string;
  /** "First published by The Harbour Gazette and Daily Example." or "By Ann Author and Ben Writer."; absent when empty. */
  company?: string | undefined;
}

const unique = (names: string[]) => [...new Set(names)].sort((a, b) => a.localeCompare(b));

function span(articles: readonly Profiled[], siteName: string, locale: string): string {
  const count = articles.length === 1 ? 'One article' : `${articles.length.toLocaleString(locale)} articles`;
  const dates = articles.map((article) => article.published).sort((a, b) => a.epochMs - b.epochMs);
  const first = dates[0];
  const last = dates.at(-1);
  if (!first || !last) return `No articles on ${siteName} yet.`;
  const from = displayDate(first, locale);
  const to = displayDate(last, locale);
  return from === to
    ? `${count} on ${siteName}, ${from}.`
    : `${count} on ${siteName}, from ${from} to ${to}.`;
}

/** An author's facts: their articles and the publishers that printed them first. */
export function authorFacts(articles: readonly Profiled[], siteName: string, locale: string): ProfileFacts {
  const sources = unique(articles.map((article) => article.source.name));
  return {
    span: span(articles, siteName, locale),
    company: sources.length ? `First published by ${bylineText(sources, locale)}.` : undefined,
  };
}

/** A source's facts: the articles it first published and their authors. */
export function sourceFacts(articles: readonly Profiled[], siteName: string, locale: string): ProfileFacts {
  const authors = unique(articles.flatMap((article) => article.authors.map((author) => author.name)));
  return {
    span: span(articles, siteName, locale),
    company: authors.length ? `By ${bylineText(authors, locale)}.` : undefined,
  };
}

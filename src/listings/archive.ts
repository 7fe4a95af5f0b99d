/**
 * The archive: articles by year and month of their calendar date where they
 * were published, the date in their URL (`/2024/05/20/…` is in May 2024).
 */
import { newestFirst, type ZonedDateTime } from '../lib/dates.ts';
import { cached } from '../lib/intl-cache.ts';
import { archivePath } from '../lib/urls.ts';

/** What the archive needs of an article. */
export interface Dated {
  path: string;
  published: ZonedDateTime;
}

export interface ArchiveMonth<A extends Dated = Dated> {
  year: number;
  /** 1 to 12. */
  month: number;
  path: string;
  /** Newest first. */
  articles: A[];
}

export interface ArchiveYear<A extends Dated = Dated> {
  year: number;
  path: string;
  /** Months with at least one article, newest first. */
  months: ArchiveMonth<A>[];
  /** How many articles the year has. */
  count: number;
}

/** Years with at least one article, newest first, each with its months. */
export function archive<A extends Dated>(articles: readonly A[]): ArchiveYear<A>[] {
  const months = new Map<string, ArchiveMonth<A>>();
  for (const article of articles) {
    const { year, month } = article.published;
    const key = `${year}-${month}`;
    const entry = months.get(key) ?? { year, month, path: archivePath(year, month), articles: [] };
    entry.articles.push(article);
    months.set(key, entry);
  }
  const years = new Map<number, ArchiveYear<A>>();
  const sorted = [...months.values()].sort((a, b) => b.year - a.year || b.month - a.month);
  for (const month of sorted) {
    month.articles = newestFirst(
      month.articles,
      (article) => article.published,
      (article) => article.path,
    );
    const year = years.get(month.year) ?? {
      year: month.year,
      path: archivePath(month.year),
      months: [],
      count: 0,
    };
    year.months.push(month);
    year.count += month.articles.length;
    years.set(month.year, year);
  }
  return [...years.values()];
}

/** "May", or "May 2024" with the year. */
export function monthName(
  month: Pick<ArchiveMonth, 'year' | 'month'>,
  locale: string,
  withYear = false,
): string {
  return cached(
    monthFormats,
    `${locale} ${String(withYear)}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        month: 'long',
        ...(withYear && { year: 'numeric' }),
        timeZone: 'UTC',
      }),
  ).format(Date.UTC(month.year, month.month - 1, 1));
}
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Google News sitemaps: the articles published in the 48 hours before the
 * build, at most 1,000 per file; a valid empty file when there are none.
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import type { ZonedDateTime } from '../lib/dates.ts';
import { escapeXmlText } from '../lib/xml.ts';

export const NEWS_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_LIMIT = 1000;

export interface NewsEntry {
  url: string;
  title: string;
  language: string;
  published: ZonedDateTime;
}

/** The entries published within the window before `now`, newest first as given. */
export const recentNews = <T extends { published: ZonedDateTime }>(articles: readonly T[], now: Date): T[] =>
  articles.filter((article) => {
    const age = now.getTime() - article.published.epochMs;
    return age >= 0 && age <= NEWS_WINDOW_HOURS * 3_600_000;
  });

/** The entries split into files of at most 1,000; always at least one file. */
export function newsSitemapPages<T>(entries: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < entries.length; i += NEWS_SITEMAP_LIMIT)
    pages.push(entries.slice(i, i + NEWS_SITEMAP_LIMIT));
  return pages.length > 0 ? pages : [[]];
}

/** Google wants ISO 639 codes, except "zh-cn" and "zh-tw" for Chinese. */
export function newsLanguage(tag: string): string {
  const [language = 'en', region = ''] = tag.toLowerCase().split('-');
  if (language === 'zh') return region === 'tw' || region === 'hant' ? 'zh-tw' : 'zh-cn';
  return language;
}

export function newsSitemapXml(entries: readonly NewsEntry[], publication: string): string {
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${escapeXmlText(entry.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXmlText(publication)}</news:name>
        <news:language>${newsLanguage(entry.language)}</news:language>
      </news:publication>
      <news:publication_date>${entry.published.text}</news:publication_date>
      <news:title>${escapeXmlText(entry.title)}</news:title>
    </news:news>
  </url>
`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('')}</urlset>
`;
}

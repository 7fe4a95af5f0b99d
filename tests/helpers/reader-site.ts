/**
 * The reader fixture site: enough articles for every page kind a reader meets
 * (a home page with a second page, author, source and topic pages, archive
 * years and months, search, about and the 404), built once and shared by the
 * reader-view contract and the visual baselines. The first real article is in
 * it, so the longest page is the one readers actually read; the other articles
 * are short pieces in the project's own words, with the Markdown a body may
 * hold (headings, a quotation, a list, a long unbroken URL).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { data, markdown, people, validArticle } from './content.ts';
import { ROOT } from './project.ts';
import { sharedSite, type SharedSite } from './shared-site.ts';

export const READER_SITE = 'https://reader.example.org/';
/** The build's "now", so that every date on every page stays the same between runs. */
export const READER_NOW = '2024-07-01T12:00:00Z';
/** The editors' address the reader site is built with (SITE_CONTACT). */
export const READER_CONTACT = 'editors@reader.example.org';

const FIRST_ARTICLE = '2022-01-06-csto-undergoes-baptism-of-fire-in-kazakhstan.md';

const TITLES = [
  'Harbour board approves the new ferry timetable after a long winter of delays',
  'Library opens on Sundays',
  'Council weighs a tram line to the hospital',
  'Night buses return to the eastern routes',
  'A cooler summer for the valley’s vineyards',
  'School meals: what the new contract changes',
  'River levels fall after a dry May',
  'The market hall’s roof, restored',
  'Cyclists ask for a safer bridge crossing',
  'Orchestra plays the old quarter’s squares',
  'Bakers’ strike ends with a two-year deal',
  'A quiet record for the port’s container traffic',
  'Students build a weather station on the school roof',
  'Theatre company finds a new home',
  'Allotments waiting list halves',
  'Why the station clock stopped at ten past four',
  'Museum lends its maps to the capital',
  'Swimming pool reopens after repairs',
  'Fishing fleet counts a good spring',
  'The lighthouse keeper’s diary, published',
  'Hill race draws a record field',
  'Town hall votes on the budget tonight',
];

const PARAGRAPHS = [
  'The decision came after three evenings of public meetings, at which residents asked for earlier departures and later returns, and for a timetable that does not change every season.',
  'Officials said the change would cost less than expected, because most of the work can be done with the staff and equipment the town already has.',
  '“We listened, and we changed the plan twice,” the chair of the board said on Tuesday. “What we have now is simpler, and people will be able to remember it.”',
  'Not everyone is convinced. A group of shopkeepers near the quay wrote to the council last month to say that the new hours would cut their trade in the early morning.',
  'The figures published with the report show a steady rise in the number of passengers since 2019, with a dip in the winter months that the board expects to continue.',
];

const RICH_BODY = `${PARAGRAPHS[0]}

## What changes

${PARAGRAPHS[1]}

- The first departure moves to 06:40.
- The last return leaves at 22:15, an hour later than now.
- Sunday services run all year.

> ${PARAGRAPHS[2]}

${PARAGRAPHS[3]} The full report is at https://reader.example.org/reports/harbour-board/2024/timetable-consultation-responses-and-recommendations-final-version.pdf for anyone who wants to read it.

${PARAGRAPHS[4]}`;

const TOPICS = [['Transport', 'Council'], ['Culture'], ['Economy', 'Council'], ['Weather']];

/** The fixture's content files, relative to content/. */
export function readerFiles(): Record<string, string> {
  const files: Record<string, string> = {
    ...people,
    'sources/the-frontier-post.yaml': readFileSync(
      join(ROOT, 'content/sources/the-frontier-post.yaml'),
      'utf8',
    ),
    'authors/irina-alksnis.yaml': readFileSync(join(ROOT, 'content/authors/irina-alksnis.yaml'), 'utf8'),
    'sources/harbour-gazette.yaml': data({
      name: 'The Harbour Gazette',
      slug: 'harbour-gazette',
      url: 'https://gazette.example/',
    }),
    [`articles/${FIRST_ARTICLE}`]: readFileSync(join(ROOT, 'content/articles', FIRST_ARTICLE), 'utf8'),
  };
  TITLES.forEach((title, index) => {
    // One article a week, back from the newest, so that the archive spans two years and several months.
    const day = new Date(Date.UTC(2024, 5, 28) - index * 7 * 86_400_000);
    const slug = `reader-${String(index + 1).padStart(2, '0')}`;
    const body =
      index === 0
        ? RICH_BODY
        : [0, 1, 3, 4].map((p) => PARAGRAPHS[(p + index) % PARAGRAPHS.length]).join('\n\n');
    files[`articles/${slug}.md`] = markdown(
      validArticle({
        title,
        slug,
        dek: `${(PARAGRAPHS[(index + 1) % PARAGRAPHS.length] ?? '').split('. ')[0]?.replace(/\.$/, '') ?? ''}.`,
        published: `${day.toISOString().slice(0, 10)}T08:30:00+01:00`,
        authors: index % 5 === 1 ? ['ben-writer', 'ann-author'] : [index % 2 ? 'ben-writer' : 'ann-author'],
        source: index % 3 === 0 ? 'harbour-gazette' : 'daily-example',
        originalUrl: `https://${index % 3 === 0 ? 'gazette' : 'daily'}.example/${slug}`,
        format: index % 4 === 2 ? 'analysis' : 'news',
        topics: TOPICS[index % TOPICS.length],
      }),
      body,
    );
  });
  return files;
}

/** Makes and builds the reader site, or reuses the one an earlier test file built from the same code. */
export function readerSite(): Promise<SharedSite> {
  return sharedSite('reader', readerFiles(), {
    SITE_URL: READER_SITE,
    BROADSHEET_NOW: READER_NOW,
    SITE_CONTACT: READER_CONTACT,
  });
}

/** One page of each kind a reader meets, by name. */
export const READER_PAGES = {
  article: '/2024/06/28/reader-01/',
  'first-article': '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/',
  home: '/',
  'home-page-2': '/page/2/',
  author: '/authors/ann-author/',
  source: '/sources/harbour-gazette/',
  topic: '/topics/council/',
  'archive-year': '/archive/2024/',
  'archive-month': '/archive/2024/06/',
  search: '/search/',
  about: '/about/',
  'not-found': '/no-such-page/',
} as const;

export type ReaderPage = keyof typeof READER_PAGES;

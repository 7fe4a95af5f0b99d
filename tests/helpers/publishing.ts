/**
 * The publishing fixture site: drafts and scheduled articles, time zones,
 * updates, corrections, a canonical override, several authors, a deployer's
 * site URL, and an article with body images (with a draft's, a scheduled
 * article's and an unused image beside them). Built once and shared by
 * tests/build/publishing.test.ts, tests/build/images.test.ts and
 * tests/browser/images.test.ts.
 */
import { data, markdown, people, validArticle } from './content.ts';
import { testImage, type TestImage } from './images.ts';
import { sharedSite, type SharedSite } from './shared-site.ts';

export const PUBLISHING_SITE = 'https://news.example.org/';
export const PUBLISHING_NOW = '2024-06-01T12:00:00Z';

export const publishingArticles = {
  older: validArticle({
    title: 'Older news',
    slug: 'older-news',
    published: '2024-05-01T09:00:00+02:00',
    // A cross-domain canonical, which only a source whose terms require one may have.
    source: 'syndicated-daily',
    canonicalUrl: 'https://daily.example/2024/older-news',
    corrections: [{ date: '2024-05-03T10:00:00+02:00', text: 'An earlier version misspelt a name.' }],
  }),
  // 23:30 in New York on 20 May is 21 May in UTC; the URL keeps the local date.
  newer: validArticle({
    title: 'Newer analysis',
    slug: 'newer-analysis',
    published: '2024-05-20T23:30:00-04:00',
    updated: '2024-05-25T10:00:00Z',
    authors: ['ben-writer', 'ann-author'],
    format: 'analysis',
    language: 'de',
  }),
  pictures: validArticle({
    title: 'Pictures from the harbour',
    slug: 'pictures-from-the-harbour',
    published: '2024-05-10T08:00:00+01:00',
  }),
  draft: validArticle({
    title: 'Secret draft',
    slug: 'secret-draft',
    published: '2024-04-01T09:00:00Z',
    draft: true,
  }),
  // One second after the build's "now".
  scheduled: validArticle({
    title: 'Tomorrow’s scoop',
    slug: 'tomorrows-scoop',
    published: '2024-06-01T12:00:01Z',
  }),
};

/** The path of the article with images. */
export const PICTURES_PATH = '/2024/05/10/pictures-from-the-harbour/';

/** The images of content/articles/images/, by file name. */
export const PUBLISHING_IMAGES = {
  /** The lead: a photograph wider than the widest size made, with a camera's EXIF. */
  'harbour-dawn.jpg': {
    width: 1600,
    height: 1000,
    format: 'jpeg',
    seed: 1,
    grain: 24,
    exif: 'EXIF-MARKER-harbour',
  },
  /** Further down: a chart, narrower than the measure. */
  'arrivals-chart.png': { width: 480, height: 640, format: 'png', seed: 2 },
  /** Only the draft and the scheduled article use these, and no article this one: none may be published. */
  'draft-only.jpg': {
    width: 800,
    height: 600,
    format: 'jpeg',
    seed: 3,
    grain: 24,
    exif: 'EXIF-MARKER-draft',
  },
  'scheduled-only.png': { width: 640, height: 480, format: 'png', seed: 4 },
  'unused.jpg': { width: 700, height: 500, format: 'jpeg', seed: 5, grain: 24, exif: 'EXIF-MARKER-unused' },
} satisfies Record<string, TestImage>;

/** The alternative texts as the Markdown gives them: quotes, an ampersand and angle brackets must come through as text. */
export const PICTURE_ALTS = {
  lead: 'Fishing boats at dawn & their nets <before> the “catch”',
  chart: 'Arrivals by month, in a bar chart',
};
export const LEAD_CAPTION = 'Photo: Daily Example';

const PICTURES_BODY = `![${PICTURE_ALTS.lead}](./images/harbour-dawn.jpg "${LEAD_CAPTION}")

The boats came in before six, as they have every morning this spring.

Most of the catch went to the market by the station; the rest went north by lorry.

![${PICTURE_ALTS.chart}](images/arrivals-chart.png)

Arrivals rose in every month but March.`;

/** The fixture's content files, relative to content/. */
export async function publishingFiles(): Promise<Record<string, string | Uint8Array>> {
  const images = Object.fromEntries(
    await Promise.all(
      Object.entries(PUBLISHING_IMAGES).map(async ([name, image]) => [
        `articles/images/${name}`,
        await testImage(image),
      ]),
    ),
  ) as Record<string, Uint8Array>;
  return {
    ...people,
    'sources/syndicated-daily.yaml': data({
      name: 'Syndicated Daily',
      slug: 'syndicated-daily',
      url: 'https://syndicated.example/',
      terms: {
        licence: { byPermission: '2024-04-01' },
        edits: 'layout-repair-only',
        canonical: 'original',
      },
    }),
    // Carl wrote only the draft, so he gets no page yet.
    'authors/carl-draft.yaml': 'name: Carl Draft\nslug: carl-draft\n',
    'articles/older.md': markdown(publishingArticles.older),
    'articles/newer.md': markdown(publishingArticles.newer),
    'articles/pictures.md': markdown(publishingArticles.pictures, PICTURES_BODY),
    'articles/draft.md': markdown(
      { ...publishingArticles.draft, authors: ['carl-draft'] },
      'A paragraph of the draft.\n\n![A draft’s picture](./images/draft-only.jpg)',
    ),
    'articles/scheduled.md': markdown(
      publishingArticles.scheduled,
      '![A scheduled picture](./images/scheduled-only.png)\n\nA paragraph of the scoop.',
    ),
    ...images,
  };
}

/** Makes and builds the publishing site, or reuses the one an earlier test file built from the same code. */
export async function publishingSite(): Promise<SharedSite> {
  return sharedSite('publishing', await publishingFiles(), {
    SITE_URL: PUBLISHING_SITE,
    BROADSHEET_NOW: PUBLISHING_NOW,
  });
}

/**
 * What the link-preview consumers read of each built article, gathered once
 * for the contract files in tests/build/previews/ (one file per consumer):
 * the head's meta and link tags, where the head ends, the visible byline and
 * reading time, and the files the tags point to (preview images, oEmbed
 * documents) with their bytes and sizes.
 *
 * Two sites: a fixture built here with long titles and standfirsts (past X's
 * 70 and 200 characters), several authors, a WebSub hub and an IndexNow key;
 * and the real dist/, which the build project's global setup builds. Test
 * files run in separate workers, so the facts are written to
 * tests/.sites/previews-contract.json and read back by the next file, as long
 * as neither site's pages have changed since.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { parseHTML } from 'linkedom';
import { data, markdown, people, validArticle } from './content.ts';
import { DIST, ROOT } from './project.ts';
import { sharedSite } from './shared-site.ts';

export const FIXTURE_ORIGIN = 'https://previews.example.org/';
export const FIXTURE_HUB = 'https://hub.example.net/';
export const FIXTURE_KEY = 'previews-fixture-key-0001';

/** Paragraphs written for these tests, about 480 words: a two-minute read. */
const BODY = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraph ${String(i + 1)} of a fixture article written for the preview tests. It says nothing ` +
    'of note, at some length, so that the page has a reading time worth showing in a preview: the ' +
    'council met, the minutes were read, the budget was discussed, and a vote was put off until the ' +
    'spring, when the figures for the winter will be known and the harbour works can be costed again.',
).join('\n\n');

const LONG_TITLE =
  'Harbour council postpones its vote on the winter budget again, as the figures for the dredging works arrive late';
const LONG_DEK =
  'The council of the harbour town met for the third time this month and, after two hours of discussion about ' +
  'the dredging works, the ferry timetable and the lighthouse roof, decided once more to wait for the winter ' +
  'figures before it votes on anything that costs money.';

const fixtureFiles = {
  ...people,
  'authors/cleo-correspondent.yaml': data({ name: 'Cleo Correspondent', slug: 'cleo-correspondent' }),
  // Past X's limits, with three authors.
  'articles/long.md': markdown(
    validArticle({
      title: LONG_TITLE,
      dek: LONG_DEK,
      slug: 'harbour-council-postpones-its-vote',
      authors: ['ann-author', 'ben-writer', 'cleo-correspondent'],
      format: 'analysis',
    }),
    BODY,
  ),
  // Exactly at X's limits: 70 and 200 characters, which X shows whole.
  'articles/at-the-limit.md': markdown(
    validArticle({
      title: 'A headline of exactly seventy characters, counted one by one, to test.',
      dek: 'A standfirst of exactly two hundred characters, to test the limit. '.repeat(3).slice(0, 200),
      slug: 'at-the-limit',
      published: '2024-05-02T09:00:00+02:00',
    }),
    BODY,
  ),
  // Past the title limit by one word with accents and typographic quotes, under the description limit.
  'articles/accents.md': markdown(
    validArticle({
      title: 'Café owners on the quay say the “temporary” closure of the old bridge has lasted a year',
      dek: 'A short standfirst.',
      slug: 'cafe-owners-on-the-quay',
      published: '2024-05-03T09:00:00+02:00',
      authors: ['ben-writer'],
    }),
    BODY,
  ),
  'articles/short.md': markdown(
    validArticle({
      title: 'Ferry runs late',
      dek: 'Fog again.',
      slug: 'ferry-runs-late',
      published: '2024-05-04T09:00:00+02:00',
    }),
    'The ferry ran late in the fog.',
  ),
};

export interface MetaTag {
  /** `property` or `name`. */
  key: string;
  content: string;
  media?: string;
}

export interface LinkTag {
  rel: string;
  type?: string;
  href?: string;
  title?: string;
}

/** One article page as a consumer reads it. */
export interface PageFacts {
  path: string;
  /** The HTML's size in bytes. */
  bytes: number;
  /** Bytes before `</head>`. */
  headEnd: number;
  meta: MetaTag[];
  links: LinkTag[];
  /** The page's visible headline, byline ("By …") and dateline. */
  headline: string;
  byline: string;
  dateline: string;
}

/** A file a tag points to. */
export interface FileFacts {
  bytes: number;
  width?: number | undefined;
  height?: number | undefined;
  /** image-size's type ("png", "jpg"…), for images. */
  type?: string | undefined;
  /** Parsed, for JSON files. */
  json?: unknown;
}

export interface ContractSite {
  name: 'fixture' | 'dist';
  /** The project root (for `astro preview`). */
  root: string;
  dist: string;
  origin: string;
  articles: PageFacts[];
  /** Files by absolute URL. */
  files: Record<string, FileFacts>;
}

const CACHE = join(ROOT, 'tests/.sites/previews-contract.json');

/** The article paths a site published: its permalinks.txt. */
async function articlePaths(dist: string): Promise<string[]> {
  const text = await readFile(join(dist, 'permalinks.txt'), 'utf8');
  return text.split('\n').filter((line) => line.startsWith('/'));
}

const pageFile = (dist: string, path: string) => join(dist, path, 'index.html');

/** A key that changes whenever any article page or the files beside it change. */
async function keyOf(dist: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await articlePaths(dist)) {
    const info = await stat(pageFile(dist, path));
    hash.update(`${path}\0${String(info.size)}\0${String(info.mtimeMs)}\0`);
  }
  return hash.digest('hex');
}

const text = (node: Element | null | undefined): string =>
  node?.textContent.replace(/\s+/gu, ' ').trim() ?? '';

function readPage(path: string, html: string): PageFacts {
  const { document } = parseHTML(html);
  const meta = [...document.querySelectorAll('head meta[content]')].flatMap((tag): MetaTag[] => {
    const key = tag.getAttribute('property') ?? tag.getAttribute('name');
    if (!key) return [];
    const media = tag.getAttribute('media');
    return [{ key, content: tag.getAttribute('content') ?? '', ...(media && { media }) }];
  });
  const links = [...document.querySelectorAll('head link[rel]')].map((tag) => {
    const link: LinkTag = { rel: tag.getAttribute('rel') ?? '' };
    for (const name of ['type', 'href', 'title'] as const) {
      const value = tag.getAttribute(name);
      if (value !== null) link[name] = value;
    }
    return link;
  });
  return {
    path,
    bytes: Buffer.byteLength(html),
    headEnd: Buffer.from(html).indexOf('</head>'),
    meta,
    links,
    headline: text(document.querySelector('article h1')),
    byline: text(document.querySelector('article .byline')),
    dateline: text(document.querySelector('article .dateline')),
  };
}

async function readFileFacts(dist: string, url: string): Promise<FileFacts> {
  const bytes = await readFile(join(dist, decodeURIComponent(new URL(url).pathname)));
  if (url.endsWith('.json')) return { bytes: bytes.byteLength, json: JSON.parse(bytes.toString('utf8')) };
  const size = imageSize(bytes);
  return { bytes: bytes.byteLength, width: size.width, height: size.height, type: size.type };
}

/** Every URL in the tags that point to files of the site: images and oEmbed documents, and the oEmbed's thumbnails. */
async function readSite(
  name: ContractSite['name'],
  root: string,
  dist: string,
  origin: string,
): Promise<ContractSite> {
  const articles = await Promise.all(
    (await articlePaths(dist)).map(async (path) =>
      readPage(path, await readFile(pageFile(dist, path), 'utf8')),
    ),
  );
  const files: Record<string, FileFacts> = {};
  const add = async (url: string | undefined) => {
    if (url === undefined || !url.startsWith(origin) || url in files) return;
    files[url] = await readFileFacts(dist, url);
  };
  for (const page of articles) {
    for (const tag of page.meta) if (['og:image', 'twitter:image'].includes(tag.key)) await add(tag.content);
    for (const link of page.links) if (link.type === 'application/json+oembed') await add(link.href);
  }
  for (const facts of Object.values(files)) {
    const thumbnail = (facts.json as { thumbnail_url?: string } | undefined)?.thumbnail_url;
    await add(thumbnail);
  }
  return { name, root, dist, origin, articles, files };
}

let sites: Promise<ContractSite[]> | undefined;

/** Both sites, built (the fixture) and read (or read back from the last file's cache). */
export function contractSites(): Promise<ContractSite[]> {
  sites ??= (async () => {
    const fixture = await sharedSite('previews', fixtureFiles, {
      SITE_URL: FIXTURE_ORIGIN,
      WEBSUB_HUB: FIXTURE_HUB,
      INDEXNOW_KEY: FIXTURE_KEY,
    });
    const realOrigin = new URL(
      /Sitemap: (\S+)/u.exec(await readFile(join(DIST, 'robots.txt'), 'utf8'))?.[1] ??
        'https://broadsheet.example/',
    ).origin;
    const key = `${await keyOf(fixture.dist)}:${await keyOf(DIST)}`;
    if (existsSync(CACHE)) {
      const cached = JSON.parse(await readFile(CACHE, 'utf8')) as { key: string; sites: ContractSite[] };
      if (cached.key === key) return cached.sites;
    }
    const read = [
      await readSite('fixture', fixture.root, fixture.dist, FIXTURE_ORIGIN),
      await readSite('dist', ROOT, DIST, `${realOrigin}/`),
    ];
    const temp = `${CACHE}.${String(process.pid)}.tmp`;
    await writeFile(temp, JSON.stringify({ key, sites: read }));
    await rename(temp, CACHE);
    return read;
  })();
  return sites;
}

/** The fixture site alone: the one `astro preview` serves in the HTTP checks. */
export async function fixtureSite(): Promise<ContractSite> {
  const site = (await contractSites()).find((candidate) => candidate.name === 'fixture');
  if (!site) throw new Error('The previews fixture site was not read.');
  return site;
}

/** Each article of each site, labelled "fixture /2024/05/01/slug/", for `test.each`. */
export async function contractPages(): Promise<{ label: string; site: ContractSite; page: PageFacts }[]> {
  return (await contractSites()).flatMap((site) =>
    site.articles.map((page) => ({ label: `${site.name} ${page.path}`, site, page })),
  );
}

/** The contents of every meta tag with this property or name. */
export const metaAll = (page: PageFacts, key: string): string[] =>
  page.meta.filter((tag) => tag.key === key).map((tag) => tag.content);

/** The content of the one meta tag with this property or name; undefined when there is none. */
export function meta(page: PageFacts, key: string): string | undefined {
  const all = metaAll(page, key);
  if (all.length > 1) throw new Error(`${page.path} has ${String(all.length)} ${key} tags.`);
  return all[0];
}

/** The file a URL of the site points to; throws, naming it, when the tags point to nothing built. */
export function fileAt(site: ContractSite, url: string | undefined): FileFacts {
  const facts = url === undefined ? undefined : site.files[url];
  if (!facts) throw new Error(`${String(url)} is not a file of the ${site.name} site.`);
  return facts;
}

/** Characters as X and most consumers count them: Unicode code points. */
export const length = (text: string | undefined): number => Array.from(text ?? '').length;

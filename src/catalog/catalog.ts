/**
 * The published catalogue: collections loaded once, checked across entries,
 * drafts and scheduled articles removed, references resolved, newest first.
 * Pages read this and nothing else of the content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { buildTime, isPast, newestFirst, zoned, type ZonedDateTime } from '../lib/dates.ts';
import { ContentError, findCatalogProblems } from './rules.ts';
import { linesBeforeBody } from '../images/body-images.ts';
import { markdownBody } from '../syndication/markdown-copy.ts';
import { FORMATS, type Format } from './fields.ts';
import type { RepairRecord } from './repairs.ts';
import { readBody, type BodyInfo, type BodyText } from '../bodies/cache.ts';
import { articleImageProblems, withArticleImages, type ArticleBody } from '../images/resolve.ts';
import { absoluteUrl, articlePath, authorPath, sourcePath } from '../lib/urls.ts';
import { resolveSiteUrl, site } from '../site.ts';
import { effectiveIndexing, requiredCanonical, termsProblems, type Indexing, type Terms } from './terms.ts';
import { findPermalinkProblems, LEDGER_FILE, parseLedger, redirectsOf, type Redirect } from './permalinks.ts';

export interface Author {
  slug: string;
  name: string;
  /** A person, or an organisation credited as the author. */
  kind: 'person' | 'organization';
  bio?: string | undefined;
  links: { label: string; url: string }[];
  /** "@user@server", checked by the schema. */
  fediverse?: string | undefined;
  path: string;
}

export interface Source {
  slug: string;
  name: string;
  url: string;
  description?: string | undefined;
  /** Profiles of the publisher elsewhere. */
  sameAs: string[];
  /** The publisher's own feed. */
  feed?: string | undefined;
  /** Its licence or agreement, or "unknown". */
  terms: Terms;
  /** Its indexing policy, when its file gives one. */
  indexing?: Indexing | undefined;
  /** Its file, relative to the project root, for messages. */
  file: string;
  path: string;
}

export interface Article {
  entry: CollectionEntry<'articles'>;
  title: string;
  dek: string;
  slug: string;
  published: ZonedDateTime;
  updated?: ZonedDateTime | undefined;
  authors: Author[];
  source: Source;
  originalUrl?: string | undefined;
  format: Format;
  formatLabel: string;
  topics: string[];
  language: string;
  /** The cross-domain canonical, only when the source's terms require one (src/catalog/terms.ts). */
  canonicalUrl?: string | undefined;
  /** How search engines may index this copy: the article's setting, else its source's, else the default. */
  indexing: Indexing;
  corrections: { date: ZonedDateTime; text: string }[];
  readingMinutes: number;
  path: string;
  /**
   * The rendered body, in the cache folder: read it with {@link articleBody}. Part of the
   * article's data, so that a page's cache key changes with its body.
   */
  body: BodyInfo;
  /** Earlier slugs or site paths that must keep working. */
  aliases: string[];
  /** What the importer repaired of the text as published, when it repaired anything. */
  repairs?: RepairRecord | undefined;
}

export interface Catalog {
  /** Published articles, newest first. */
  articles: Article[];
  /** Old URLs of published articles, each to its current URL. */
  redirects: Redirect[];
  /** Authors and sources with at least one published article, by name. */
  authors: Author[];
  sources: Source[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, site.language);

/** The entry's file, relative to the project root, for error messages. */
const fileOf = (entry: { filePath?: string | undefined; id: string }) =>
  entry.filePath ? relative(process.cwd(), entry.filePath) : entry.id;

/** Bodies with images, made ready at load: their <picture>s are made then, once a build. */
const withPictures = new Map<string, BodyText>();

async function loadCatalog(now: Date): Promise<Catalog> {
  const [entries, bodyEntries, authorEntries, sourceEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('articleBodies'),
    getCollection('authors'),
    getCollection('sources'),
  ]);
  const problems = findCatalogProblems({
    articles: entries.map((entry) => ({
      file: fileOf(entry),
      slug: entry.data.slug,
      published: entry.data.published,
      authors: entry.data.authors.map((ref) => ref.id),
      source: entry.data.source.id,
    })),
    authors: authorEntries.map((entry) => entry.id).sort(),
    sources: sourceEntries.map((entry) => entry.id).sort(),
  });
  if (problems.length) throw new ContentError(problems);

  const authors = new Map(
    authorEntries.map(({ data }) => [data.slug, { ...data, path: authorPath(data.slug) } satisfies Author]),
  );
  const sources = new Map(
    sourceEntries.map((entry) => [
      entry.data.slug,
      { ...entry.data, file: fileOf(entry), path: sourcePath(entry.data.slug) } satisfies Source,
    ]),
  );
  const bodies = new Map(bodyEntries.map((entry) => [entry.id, entry.data]));

  const termsIssues = entries
    .filter((entry) => !entry.data.draft)
    .flatMap((entry) =>
      termsProblems({
        file: fileOf(entry),
        originalUrl: entry.data.originalUrl,
        canonicalUrl: entry.data.canonicalUrl,
        source: resolve(sources, entry.data.source.id),
      }),
    );
  if (termsIssues.length) throw new ContentError(termsIssues);

  const published = entries.filter((entry) => !entry.data.draft && isPast(zoned(entry.data.published), now));
  // Scheduled articles too: a missing image must not stop the unattended build that publishes one.
  const bodyProblems = entries
    .filter((entry) => !entry.data.draft)
    .flatMap((entry) => {
      const body = imagesOf(entry, bodies.get(entry.id));
      return typeof body === 'string' ? [body] : articleImageProblems(body);
    });
  if (bodyProblems.length) throw new ContentError(bodyProblems);
  const articles = newestFirst(
    published.map((entry) => toArticle(entry, authors, sources, bodies.get(entry.id) as BodyInfo)),
    (article) => article.published,
    (article) => article.path,
  );
  for (const article of articles.filter(({ body }) => body.images.length > 0)) {
    const { html } = readCachedBody(article);
    const final = await withArticleImages({ file: fileOf(article.entry), html });
    withPictures.set(article.path, { html: final, markdownBody: markdownBody(final, pageOf(article)) });
  }
  const permalinkArticles = articles.map((article) => ({ ...article, file: fileOf(article.entry) }));
  const ledgerFile = join(process.cwd(), LEDGER_FILE);
  const ledger = existsSync(ledgerFile) ? parseLedger(readFileSync(ledgerFile, 'utf8')) : [];
  const permalinkProblems = findPermalinkProblems(ledger, permalinkArticles);
  if (permalinkProblems.length) throw new ContentError(permalinkProblems);

  const used = <T extends { slug: string }>(pick: (article: Article) => T[]) => [
    ...new Map(articles.flatMap(pick).map((item) => [item.slug, item])).values(),
  ];
  return {
    articles,
    redirects: redirectsOf(permalinkArticles),
    authors: used((article) => article.authors).sort(byName),
    sources: used((article) => [article.source]).sort(byName),
  };
}

/** What the image checks need of an entry's body, or what is wrong if it has none. */
function imagesOf(entry: CollectionEntry<'articles'>, body: BodyInfo | undefined): ArticleBody | string {
  // The body loader leaves alone what this collection rejects; anything else it renders or stops the build.
  if (!body)
    return `${fileOf(entry)}: the body was not rendered (src/bodies/loader.ts found no body to render).`;
  const path = resolvePath(process.cwd(), entry.filePath ?? '');
  return {
    file: fileOf(entry),
    path,
    markdownImages: body.markdownImages,
    used: body.images,
    // Only for the line numbers of messages, so read only when there is an image.
    lineOffset: body.markdownImages.length > 0 ? linesBeforeBody(readFileSync(path, 'utf8')) : 0,
  };
}

/** The article's own page, as an absolute URL: what relative links in its body resolve against. */
const pageOf = (article: Article): string => absoluteUrl(article.path, resolveSiteUrl());

function readCachedBody(article: Article): BodyText {
  const body = readBody(article.body.key);
  if (!body) {
    throw new Error(
      `${fileOf(article.entry)}: its rendered body (bodies/${article.body.key}.json in the cache folder) is missing: build again.`,
    );
  }
  return body;
}

/**
 * An article's body: sanitized HTML with relative links (feeds make them absolute) and its
 * images as <picture>s of built files, and the same as Markdown for the article's Markdown copy.
 */
export function articleBody(article: Article): { html: string; markdown: string } {
  const { html, markdownBody: markdown } = withPictures.get(article.path) ?? readCachedBody(article);
  return { html, markdown: markdown ?? markdownBody(html, pageOf(article)) };
}

function toArticle(
  entry: CollectionEntry<'articles'>,
  authors: Map<string, Author>,
  sources: Map<string, Source>,
  body: BodyInfo,
): Article {
  const { data } = entry;
  const published = zoned(data.published);
  const source = resolve(sources, data.source.id);
  return {
    entry,
    title: data.title,
    dek: data.dek,
    slug: data.slug,
    published,
    updated: data.updated === undefined ? undefined : zoned(data.updated),
    // findCatalogProblems has checked that every reference resolves.
    authors: data.authors.map((ref) => resolve(authors, ref.id)),
    source,
    originalUrl: data.originalUrl,
    format: data.format,
    formatLabel: FORMATS[data.format],
    topics: data.topics,
    language: data.language,
    canonicalUrl: requiredCanonical(source.terms, data.originalUrl, data.canonicalUrl),
    indexing: effectiveIndexing(data.indexing, source.indexing),
    corrections: data.corrections.map((c) => ({ date: zoned(c.date), text: c.text })),
    // Counted by src/bodies/plugins/remark-reading-time.ts when the body was rendered.
    readingMinutes: body.readingMinutes,
    path: articlePath({ slug: data.slug, published }),
    body,
    aliases: data.aliases,
    repairs: data.repairs,
  };
}

/** Looks up a reference that findCatalogProblems has already checked. */
function resolve<T>(entries: Map<string, T>, id: string): T {
  const entry = entries.get(id);
  if (entry === undefined) throw new Error(`Unchecked reference "${id}": run findCatalogProblems first.`);
  return entry;
}

let catalog: Promise<Catalog> | undefined;

/** The catalogue for this build, loaded and checked once. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog(buildTime());
  return catalog;
}

/** Published articles by one author or from one source, newest first. */
export const articlesBy = (articles: Article[], author: Author): Article[] =>
  articles.filter((article) => article.authors.some((a) => a.slug === author.slug));
export const articlesFrom = (articles: Article[], source: Source): Article[] =>
  articles.filter((article) => article.source.slug === source.slug);

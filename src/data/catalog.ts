/**
 * The published catalogue: collections loaded once, checked across entries,
 * drafts and scheduled articles removed, references resolved, newest first.
 * Pages read this and nothing else of the content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { buildTime, isPast, newestFirst, zoned, type ZonedDateTime } from '../lib/dates.ts';
import { ContentError, findCatalogProblems } from '../lib/catalog.ts';
import { linesBeforeBody } from '../lib/article-images.ts';
import { FORMATS, type Format } from '../lib/fields.ts';
import {
  articleImageProblems,
  markdownImagesOf,
  withArticleImages,
  type ArticleBody,
} from './article-images.ts';
import { articlePath, authorPath, sourcePath } from '../lib/urls.ts';
import {
  findPermalinkProblems,
  LEDGER_FILE,
  parseLedger,
  redirectsOf,
  type Redirect,
} from '../lib/permalinks.ts';

export interface Author {
  slug: string;
  name: string;
  /** A person, or an organisation credited as the author. */
  kind: 'person' | 'organization';
  bio?: string | undefined;
  links: { label: string; url: string }[];
  path: string;
}

export interface Source {
  slug: string;
  name: string;
  url: string;
  description?: string | undefined;
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
  canonicalUrl?: string | undefined;
  corrections: { date: ZonedDateTime; text: string }[];
  readingMinutes: number;
  path: string;
  /**
   * The body as rendered HTML, sanitized, with relative links (feeds make them absolute)
   * and its images as <picture>s of built files: what the page, the feeds and the Markdown copy show.
   */
  html: string;
  /** Earlier slugs or site paths that must keep working. */
  aliases: string[];
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

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'en');

/** The entry's file, relative to the project root, for error messages. */
const fileOf = (entry: { filePath?: string | undefined; id: string }) =>
  entry.filePath ? relative(process.cwd(), entry.filePath) : entry.id;

async function loadCatalog(now: Date): Promise<Catalog> {
  const [entries, authorEntries, sourceEntries] = await Promise.all([
    getCollection('articles'),
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
    sourceEntries.map(({ data }) => [data.slug, { ...data, path: sourcePath(data.slug) } satisfies Source]),
  );

  const published = entries.filter((entry) => !entry.data.draft && isPast(zoned(entry.data.published), now));
  // Scheduled articles too: a missing image must not stop the unattended build that publishes one.
  const bodyProblems = entries
    .filter((entry) => !entry.data.draft)
    .flatMap((entry) => {
      const body = bodyOf(entry);
      return typeof body === 'string' ? [body] : articleImageProblems(body);
    });
  if (bodyProblems.length) throw new ContentError(bodyProblems);
  const articles = newestFirst(
    await Promise.all(
      published.map(async (entry) => {
        const html = await withArticleImages({ file: fileOf(entry), html: entry.rendered?.html ?? '' });
        return toArticle(entry, authors, sources, html);
      }),
    ),
    (article) => article.published,
    (article) => article.path,
  );
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
function bodyOf(entry: CollectionEntry<'articles'>): ArticleBody | string {
  // Astro's loader logs a Markdown plugin's error and keeps the entry without a body: stop here instead.
  if (!entry.rendered) {
    return `${fileOf(entry)}: the body could not be rendered (the error is above, after "Error rendering").`;
  }
  const path = resolvePath(process.cwd(), entry.filePath ?? '');
  const markdownImages = markdownImagesOf(
    entry.rendered.metadata?.frontmatter as Record<string, unknown> | undefined,
  );
  return {
    file: fileOf(entry),
    path,
    html: entry.rendered.html,
    markdownImages,
    // Only for the line numbers of messages, so read only when there is an image.
    lineOffset: markdownImages.length > 0 ? linesBeforeBody(readFileSync(path, 'utf8')) : 0,
  };
}

function toArticle(
  entry: CollectionEntry<'articles'>,
  authors: Map<string, Author>,
  sources: Map<string, Source>,
  html: string,
): Article {
  const { data } = entry;
  const published = zoned(data.published);
  // Counted by src/markdown/remark-reading-time.ts when the entry was rendered.
  const frontmatter = entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined;
  const readingMinutes = frontmatter?.readingMinutes;
  return {
    entry,
    title: data.title,
    dek: data.dek,
    slug: data.slug,
    published,
    updated: data.updated === undefined ? undefined : zoned(data.updated),
    // findCatalogProblems has checked that every reference resolves.
    authors: data.authors.map((ref) => resolve(authors, ref.id)),
    source: resolve(sources, data.source.id),
    originalUrl: data.originalUrl,
    format: data.format,
    formatLabel: FORMATS[data.format],
    topics: data.topics,
    language: data.language,
    canonicalUrl: data.canonicalUrl,
    corrections: data.corrections.map((c) => ({ date: zoned(c.date), text: c.text })),
    readingMinutes: typeof readingMinutes === 'number' ? readingMinutes : 0,
    path: articlePath({ slug: data.slug, published }),
    html,
    aliases: data.aliases,
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

/**
 * Topics: the names editors file articles under (`topics:` in front matter), in
 * any script, each with one page at `/topics/<slug>/`.
 */
import { newestFirst, type ZonedDateTime } from '../lib/dates.ts';
import { topicPath } from '../lib/urls.ts';
import { site } from '../site.ts';

/** What grouping needs of an article. */
export interface Filed {
  path: string;
  published: ZonedDateTime;
  topics: readonly string[];
}

export interface Topic<A extends Filed = Filed> {
  /** The first spelling seen, in the order the articles were given. */
  name: string;
  slug: string;
  path: string;
  /** Newest first. */
  articles: A[];
}

/** A topic name that gives no slug. */
export class TopicError extends Error {
  override name = 'TopicError';
}

const DOTLESS_I = 'ı';

/**
 * Case folding without a locale: upper then lower case, so that "Straße" and
 * "STRASSE" (and ſ, ς, ligatures) fold alike, as Unicode's full case folding
 * does. The Turkish dotless ı is kept apart from i, as case folding keeps it.
 */
const fold = (text: string): string =>
  text
    .split(DOTLESS_I)
    .map((part) => part.toUpperCase().toLowerCase())
    .join(DOTLESS_I);

/**
 * The slug of a topic name in any script: letters, combining marks and digits
 * are kept as they are ("Казахстан" → "казахстан", "日本の政治" → "日本の政治"),
 * invisible characters (soft hyphens, joiners, variation selectors) dropped, and
 * every other run of characters becomes one hyphen. Names that differ only in
 * case or Unicode normalisation share a slug.
 */
export function topicSlug(name: string): string {
  const slug = fold(name.normalize('NFC'))
    .normalize('NFC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (!slug) {
    throw new TopicError(
      `Topic "${name}" has no letters or digits to make its address from: rename it, e.g. "Elections".`,
    );
  }
  return slug;
}

/** An article's own topics, each once (by slug) in its own first spelling, with their pages. */
export function topicLinks(names: readonly string[]): { name: string; slug: string; path: string }[] {
  const bySlug = new Map<string, { name: string; slug: string; path: string }>();
  for (const name of names) {
    const slug = topicSlug(name);
    if (!bySlug.has(slug)) bySlug.set(slug, { name: name.normalize('NFC'), slug, path: topicPath(slug) });
  }
  return [...bySlug.values()];
}

const collator = new Intl.Collator(site.language);

/**
 * Every topic of the given articles, ordered by name (then slug, so the order
 * never depends on the input's), each with its articles newest first. A topic's
 * name is its first spelling in the articles' order: for the catalogue, the
 * newest article's.
 */
export function groupTopics<A extends Filed>(articles: readonly A[]): Topic<A>[] {
  const topics = new Map<string, Topic<A>>();
  for (const article of articles) {
    let links;
    try {
      links = topicLinks(article.topics);
    } catch (error) {
      if (!(error instanceof TopicError)) throw error;
      throw new TopicError(`${article.path}: ${error.message}`, { cause: error });
    }
    for (const { name, slug, path } of links) {
      const topic = topics.get(slug) ?? { name, slug, path, articles: [] };
      topic.articles.push(article);
      topics.set(slug, topic);
    }
  }
  return [...topics.values()]
    .map((topic) => ({
      ...topic,
      articles: newestFirst(
        topic.articles,
        (article) => article.published,
        (article) => article.path,
      ),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

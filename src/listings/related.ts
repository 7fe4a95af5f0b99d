/**
 * Related reading under an article: a few more by its authors, from its source
 * and on its topics, newest first. An article appears once at most: never the
 * article itself, and never again in a later list.
 */
import { newestFirst, type ZonedDateTime } from '../lib/dates.ts';
import { topicLinks, topicSlug } from '../catalog/topics.ts';

/** How many articles each list shows at most. */
export const RELATED_LIMIT = 3;

/** What related reading needs of an article. */
export interface Relatable {
  path: string;
  published: ZonedDateTime;
  authors: readonly { slug: string; name: string }[];
  source: { slug: string; name: string };
  topics: readonly string[];
}

export interface RelatedList<A> {
  /** Who or what the list is about: the authors' names, the source's name, the topics' names. */
  names: string[];
  articles: A[];
}

export interface RelatedReading<A> {
  byAuthors: RelatedList<A>;
  fromSource: RelatedList<A>;
  onTopics: RelatedList<A>;
}

interface Index<A> {
  rank: Map<A, number>;
  byPath: Map<string, A>;
  byAuthor: Map<string, A[]>;
  bySource: Map<string, A[]>;
  byTopic: Map<string, A[]>;
}

function push<A>(map: Map<string, A[]>, key: string, article: A): void {
  const list = map.get(key);
  if (list) list.push(article);
  else map.set(key, [article]);
}

// Built once per list of articles, so that each article page costs a few lookups, not a scan.
const indexes = new WeakMap<readonly Relatable[], Index<Relatable>>();

function indexOf<A extends Relatable>(articles: readonly A[]): Index<A> {
  const cached = indexes.get(articles) as Index<A> | undefined;
  if (cached) return cached;
  const index: Index<A> = {
    rank: new Map(),
    byPath: new Map(),
    byAuthor: new Map(),
    bySource: new Map(),
    byTopic: new Map(),
  };
  const sorted = newestFirst(
    articles,
    (article) => article.published,
    (article) => article.path,
  );
  sorted.forEach((article, i) => {
    index.rank.set(article, i);
    index.byPath.set(article.path, article);
    for (const author of article.authors) push(index.byAuthor, author.slug, article);
    push(index.bySource, article.source.slug, article);
    for (const slug of new Set(article.topics.map(topicSlug))) push(index.byTopic, slug, article);
  });
  indexes.set(articles, index);
  return index;
}

/** The newest `limit` articles in any of the lists (each newest first) that have not been shown. */
function pick<A>(index: Index<A>, lists: (A[] | undefined)[], shown: Set<A>, limit: number): A[] {
  // Each list loses at most shown.size articles, so its first limit + shown.size hold all it can give.
  const candidates = new Set(lists.flatMap((list) => list?.slice(0, limit + shown.size) ?? []));
  const picked = [...candidates]
    .filter((article) => !shown.has(article))
    .sort((a, b) => (index.rank.get(a) ?? 0) - (index.rank.get(b) ?? 0))
    .slice(0, limit);
  for (const article of picked) shown.add(article);
  return picked;
}

/** Related reading for `article`, from `articles` (the article among them, or not). */
export function relatedReading<A extends Relatable>(
  article: A,
  articles: readonly A[],
  limit: number = RELATED_LIMIT,
): RelatedReading<A> {
  const index = indexOf(articles);
  // By path, not by identity: the article passed in may be a copy of the one in the list.
  const self = index.byPath.get(article.path);
  const shown = new Set(self ? [self] : []);
  const topics = topicLinks(article.topics);
  return {
    byAuthors: {
      names: article.authors.map((author) => author.name),
      articles: pick(
        index,
        article.authors.map((author) => index.byAuthor.get(author.slug)),
        shown,
        limit,
      ),
    },
    fromSource: {
      names: [article.source.name],
      articles: pick(index, [index.bySource.get(article.source.slug)], shown, limit),
    },
    onTopics: {
      names: topics.map((topic) => topic.name),
      articles: pick(
        index,
        topics.map((topic) => index.byTopic.get(topic.slug)),
        shown,
        limit,
      ),
    },
  };
}

/** What a related-reading list shows of an article: its link, headline, language and date. */
export interface RelatedLink {
  path: string;
  title: string;
  language: string;
  published: ZonedDateTime;
}

const linkOf = ({ path, title, language, published }: RelatedLink): RelatedLink => ({
  path,
  title,
  language,
  published,
});

/**
 * Related reading as it is shown: each list's names and links, and nothing
 * else of the articles. A page's cache key is made from it, so that a change
 * to another article's body does not make every page that links it render again.
 */
export function relatedLinks<A extends RelatedLink>(reading: RelatedReading<A>): RelatedReading<RelatedLink> {
  const list = ({ names, articles }: RelatedList<A>): RelatedList<RelatedLink> => ({
    names,
    articles: articles.map(linkOf),
  });
  return {
    byAuthors: list(reading.byAuthors),
    fromSource: list(reading.fromSource),
    onTopics: list(reading.onTopics),
  };
}

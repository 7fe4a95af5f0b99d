/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page
 * whose `cacheKey` and code are both unchanged since the last build is copied
 * from the cache instead of rendered again.
 * https://docs.astro.build/en/reference/experimental-flags/incremental-build/
 *
 * A key is a hash of everything a page shows from data: its props, plus what
 * its components read for themselves (passed as `extra`). Each catalogue
 * article in them counts as a hash of all its own data, body included, worked
 * out once per article.
 */
import { createHash } from 'node:crypto';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A catalogue article (src/catalog/catalog.ts): its collection entry and its URL path. */
interface ArticleLike {
  entry: { id: string; digest?: string | undefined };
  path: string;
}

const isArticle = (value: unknown): value is ArticleLike =>
  typeof value === 'object' &&
  value !== null &&
  'entry' in value &&
  'path' in value &&
  typeof value.entry === 'object' &&
  value.entry !== null &&
  'id' in value.entry;

const prints = new WeakMap<object, string>();

/** JSON that leaves nothing out: Maps and Sets as their entries, articles as their fingerprints. */
function replacer(this: unknown, key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...(value as Map<unknown, unknown>)] };
  if (value instanceof Set) return { set: [...(value as Set<unknown>)] };
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`cacheKey: "${key}" is a ${typeof value}, which has no stable key.`);
  }
  // The article being fingerprinted is serialized itself; any other article by its fingerprint.
  if (isArticle(value) && key !== '') return fingerprint(value);
  return value;
}

/** A hash of an article's data: its file's digest and everything the catalogue worked out from it. */
export function fingerprint(article: ArticleLike): string {
  let print = prints.get(article);
  if (print === undefined) {
    const { entry, ...data } = article;
    print = hash(JSON.stringify([entry.id, entry.digest ?? null, data], replacer));
    prints.set(article, print);
  }
  return print;
}

/** The cache key of a page: a hash of its props and whatever else it renders from data. */
export const cacheKey = (props: unknown, ...extra: unknown[]): string =>
  hash(JSON.stringify({ props, extra }, replacer));

/** Paths for `getStaticPaths`, each with the cache key of its props. */
export const withCacheKeys = <Path extends { props: unknown }>(
  paths: Path[],
): (Path & { cacheKey: string })[] => paths.map((path) => ({ ...path, cacheKey: cacheKey(path.props) }));

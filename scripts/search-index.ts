/**
 * The Pagefind search index of a built site, in `<site>/pagefind/`, in parts:
 * Pagefind holds everything it indexes in memory until it writes the index
 * (about 400 KB a page: 4 GB for 10,000 articles, more than a CI machine may
 * spare), so the article pages are indexed a part of at most PART_SIZE at a
 * time, each by a Pagefind process of its own. The first part is
 * `/pagefind/` itself; the others are `/pagefind/part-<n>/`, listed in
 * `/pagefind/parts.json` for the search page to merge (src/client/search.ts).
 *
 * Each part is a function of its pages' HTML (and of Pagefind and its
 * options), so a part whose pages are byte for byte what they were at the
 * last build is linked from the cache instead of being indexed again.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { site as siteIdentity } from '../src/site.ts';

const OPTIONS = {
  // The "¶" self-links that close every paragraph (src/bodies/plugins/rehype-paragraph-permalinks.ts).
  excludeSelectors: ['a.pilcrow'],
  // One index for every article, whatever its language: the one search page finds them all.
  forceLanguage: siteIdentity.language,
};

/** Article pages a part holds at most: about 0.8 GB of Pagefind's memory. BROADSHEET_SEARCH_PART_SIZE overrides it. */
export const PART_SIZE = 2500;
/** Parts indexed at the same time, by one Pagefind process. */
const PARTS_AT_ONCE = 1;

/** Where the article pages are marked for indexing (src/layouts/ArticlePage.astro). */
const MARK = 'data-pagefind-body';

/** The list of parts after the first, for the search page. */
export const PARTS_FILE = 'parts.json';

/** Pagefind's version, from its package.json (which its exports do not expose), found above its entry file. */
function pagefindVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
const PAGEFIND_VERSION = pagefindVersion();

/** Every file under a folder, with its path. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Puts a copy of the folder `from` at `to`: hard links where the file system
 * allows them, else copies. The index's files are never written to in place,
 * so a link is as good as a copy, and thousands of them take no time.
 */
export function linkTree(from: string, to: string): void {
  for (const file of filesUnder(from)) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopy(file, target);
  }
}

function linkOrCopy(file: string, target: string): void {
  try {
    linkSync(file, target);
  } catch {
    copyFileSync(file, target);
  }
}

/** The site path of a part's bundle: `/pagefind/`, then `/pagefind/part-2/` and on. */
export const partPath = (index: number): string =>
  index === 0 ? '/pagefind/' : `/pagefind/part-${String(index + 1)}/`;

/** `items` in runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

interface Page {
  /** Relative to the site: `2022/01/06/slug/index.html`. */
  path: string;
  /** A hash of its bytes: the pages are read again when indexed, not all held at once. */
  digest: string;
}

/** A hash of what a part is made from: Pagefind, its options, and each page's path and bytes. */
function partKey(pages: readonly Page[]): string {
  const hash = createHash('sha256').update(JSON.stringify([PAGEFIND_VERSION, OPTIONS]));
  for (const page of pages) hash.update(page.path).update('\0').update(page.digest).update('\0');
  return hash.digest('hex');
}

/**
 * Runs Pagefind over a part's pages into `output`. The pages are linked into
 * a folder of their own, which Pagefind reads itself: handing it each page's
 * HTML through its API took twice as long.
 */
async function writePart(site: string, pages: readonly Page[], output: string): Promise<void> {
  const folder = `${output}-pages`;
  try {
    rmSync(folder, { recursive: true, force: true });
    for (const page of pages) {
      const target = join(folder, page.path);
      mkdirSync(dirname(target), { recursive: true });
      linkOrCopy(join(site, page.path), target);
    }
    const { index, errors } = await pagefind.createIndex(OPTIONS);
    if (!index) throw new Error(errors.join('\n') || 'Pagefind could not create an index.');
    if (pages.length > 0) {
      const added = await index.addDirectory({ path: folder });
      if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    }
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    // Its memory back before the next part starts.
    await index.deleteIndex();
    // Pagefind's ready-made search interfaces: the search page has its own small script instead.
    for (const file of readdirSync(output)) {
      if (/^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:css|js)$/u.test(file))
        rmSync(join(output, file));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Writes the search index of a built site into `<site>/pagefind/`, each part
 * from `cache` (a folder kept between builds) when its pages are unchanged,
 * and leaves the new parts there for the next build. Throws on any error.
 */
export async function indexForSearch(
  site: string,
  cache: string,
  partSize = Number(process.env.BROADSHEET_SEARCH_PART_SIZE ?? PART_SIZE),
): Promise<{ pages: number; bytes: number; indexBytes: number; parts: number; cached: number }> {
  const output = join(site, 'pagefind');
  if (existsSync(output)) {
    throw new Error(
      'The built site already has a /pagefind/ (from public/pagefind/ or a page there), where the search index goes: rename it.',
    );
  }
  if (!Number.isInteger(partSize) || partSize < 1) {
    throw new Error(
      `BROADSHEET_SEARCH_PART_SIZE must be a whole number of pages, at least 1, not "${String(partSize)}".`,
    );
  }
  const pages: Page[] = [];
  for (const file of filesUnder(site)
    .filter((name) => name.endsWith('.html'))
    .sort()) {
    const bytes = readFileSync(file);
    if (bytes.includes(MARK)) {
      pages.push({ path: relative(site, file), digest: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  if (pages.length === 0) {
    console.warn(`No page is marked ${MARK} (src/layouts/ArticlePage.astro): search finds nothing.`);
  }
  // An empty site still gets an index (of nothing), so that the search page has one to load.
  const parts = pages.length > 0 ? chunk(pages, partSize) : [[]];
  mkdirSync(cache, { recursive: true });
  const keys = parts.map(partKey);
  const missing = parts.flatMap((part, i) => {
    const kept = join(cache, keys[i] ?? '');
    return existsSync(join(kept, 'pagefind-entry.json')) ? [] : [{ part, kept }];
  });
  try {
    // A few parts at a time, in one Pagefind process: it keeps about one core busy with one part.
    for (const batch of chunk(missing, PARTS_AT_ONCE)) {
      await Promise.all(
        batch.map(async ({ part, kept }) => {
          // Written beside the cache and renamed into it whole, so that a stopped build leaves no half part.
          const temp = `${kept}.${String(process.pid)}.tmp`;
          rmSync(temp, { recursive: true, force: true });
          await writePart(site, part, temp);
          renameSync(temp, kept);
        }),
      );
    }
  } finally {
    // Pagefind runs as a child process, which must end for this script to exit.
    await pagefind.close();
  }
  keys.forEach((key, i) => {
    linkTree(join(cache, key), join(site, partPath(i)));
  });
  writeFileSync(
    join(output, PARTS_FILE),
    `${JSON.stringify(parts.slice(1).map((_, i) => partPath(i + 1)))}\n`,
  );
  // Only this build's parts are kept.
  for (const entry of readdirSync(cache))
    if (!keys.includes(entry)) rmSync(join(cache, entry), { recursive: true, force: true });
  return { ...measureIndex(output), parts: parts.length, cached: parts.length - missing.length };
}

/**
 * A written index (a site's `pagefind/` folder, with its parts): the pages it
 * holds, its bytes, and the bytes of the index proper.
 */
export function measureIndex(output: string): { pages: number; bytes: number; indexBytes: number } {
  const entries = filesUnder(output).filter((file) => file.endsWith('pagefind-entry.json'));
  let pages = 0;
  for (const file of entries) {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    pages += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  }
  const size = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);
  const files = filesUnder(output);
  return {
    pages,
    bytes: size(files),
    // The rest is Pagefind's own code (JavaScript and WebAssembly), the same size whatever the site.
    indexBytes: size(files.filter((file) => !/(?:\.js|\.pagefind)$/u.test(file))),
  };
}

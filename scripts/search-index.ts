/**
 * The Pagefind search index of a built site, in `<site>/pagefind/`, with a
 * cache: the index is a function of the site's HTML (and of Pagefind and its
 * options), so when every page is byte for byte what it was at the last
 * build, the last index is copied instead of built again.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { site as siteIdentity } from '../src/site.ts';

const OPTIONS = {
  // The "¶" self-links that close every paragraph (src/markdown/rehype-paragraph-permalinks.ts).
  excludeSelectors: ['a.pilcrow'],
  // One index for every article, whatever its language: the one search page finds them all.
  forceLanguage: siteIdentity.language,
};
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

/** A hash of what the index is made from: Pagefind, its options, and each HTML page's path and bytes. */
function indexKey(site: string, pages: readonly string[]): string {
  const hash = createHash('sha256').update(JSON.stringify([PAGEFIND_VERSION, OPTIONS]));
  for (const page of [...pages].sort()) {
    hash.update(relative(site, page)).update('\0').update(readFileSync(page)).update('\0');
  }
  return hash.digest('hex');
}

/** Runs Pagefind over the site into `output`. Only `data-pagefind-body` elements are indexed. */
async function writeIndex(site: string, pages: readonly string[], output: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex(OPTIONS);
    if (!index) throw new Error(errors.join('\n') || 'Pagefind could not create an index.');
    // Where no page is marked, Pagefind would index whole pages: a site without articles gets an empty index.
    if (pages.some((file) => readFileSync(file, 'utf8').includes('data-pagefind-body'))) {
      const added = await index.addDirectory({ path: site });
      if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    } else {
      console.warn(
        'No page is marked data-pagefind-body (src/layouts/ArticlePage.astro): search finds nothing.',
      );
    }
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    // Pagefind's ready-made search interfaces: the search page has its own small script instead.
    for (const file of readdirSync(output)) {
      if (/^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:css|js)$/u.test(file))
        rmSync(join(output, file));
    }
  } finally {
    // Pagefind runs as a child process, which must end for this script to exit.
    await pagefind.close();
  }
}

/**
 * Writes the search index of a built site into `<site>/pagefind/`, from
 * `cache` (a folder kept between builds) when the pages are unchanged, and
 * leaves the new index there for the next build. Throws on any error.
 */
export async function indexForSearch(
  site: string,
  cache: string,
): Promise<{ pages: number; bytes: number; indexBytes: number; cached: boolean }> {
  const output = join(site, 'pagefind');
  if (existsSync(output)) {
    throw new Error(
      'The built site already has a /pagefind/ (from public/pagefind/ or a page there), where the search index goes: rename it.',
    );
  }
  const pages = filesUnder(site).filter((file) => file.endsWith('.html'));
  const key = indexKey(site, pages);
  const kept = join(cache, key);
  const cached = existsSync(join(kept, 'pagefind-entry.json'));
  if (cached) {
    cpSync(kept, output, { recursive: true });
  } else {
    await writeIndex(site, pages, output);
    // Only the latest index is kept: copied whole under a temporary name, then renamed.
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const temp = `${kept}.${String(process.pid)}.tmp`;
    cpSync(output, temp, { recursive: true });
    renameSync(temp, kept);
  }
  return { ...measureIndex(output), cached };
}

/**
 * A written index (a site's `pagefind/` folder): the pages it holds, its
 * bytes, and the bytes of the index proper.
 */
export function measureIndex(output: string): { pages: number; bytes: number; indexBytes: number } {
  const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const size = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);
  const files = filesUnder(output);
  return {
    pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
    bytes: size(files),
    // The rest is Pagefind's own code (JavaScript and WebAssembly), the same size whatever the site.
    indexBytes: size(files.filter((file) => !/(?:\.js|\.pagefind)$/u.test(file))),
  };
}

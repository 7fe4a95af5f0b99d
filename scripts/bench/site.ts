/**
 * The built site as the page benchmarks see it: dist/ (built first if missing),
 * its files by site path, and one page of each kind to measure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { DIST, ROOT } from '../../tests/helpers/project.ts';

export { DIST, ROOT };

/** Builds dist/ with scripts/build.ts unless it exists; exits the process if the build fails. */
export function ensureBuilt(): void {
  if (existsSync(DIST)) return;
  console.log('dist/ does not exist: building it first (node scripts/build.ts).');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error(`The build failed (exit code ${String(build.status)}): nothing to measure.`);
    process.exit(build.status ?? 1);
  }
}

/** The built file behind a site path (`/a/` is `a/index.html`); throws, naming the page, if it is missing. */
export function readBuilt(path: string, from: string): Buffer {
  const pathname = decodeURI(new URL(path, `http://site${from}`).pathname);
  const file = join(DIST, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (!existsSync(file)) throw new Error(`${from} links ${path}, but dist${pathname} does not exist.`);
  return readFileSync(file);
}

const parse = (path: string) => new JSDOM(readBuilt(path, '/')).window.document;

export type PageKind = 'article' | 'home' | 'author' | 'source' | 'topic';

/** One page of each kind: the newest article, and the first author, source and topic it links to. */
export function samplePages(): [PageKind, string][] {
  const article = parse('/').querySelector('.article-list a')?.getAttribute('href');
  if (!article) throw new Error('The home page lists no article: nothing to measure.');
  const page = parse(article);
  const first = (selector: string) => page.querySelector(selector)?.getAttribute('href') ?? undefined;
  const kinds: [PageKind, string | undefined][] = [
    ['article', article],
    ['home', '/'],
    ['author', first('.byline a')],
    ['source', first('.source a')],
    ['topic', first('.topics a')],
  ];
  for (const [kind, path] of kinds) if (!path) console.warn(`The article links no ${kind} page: skipped.`);
  return kinds.filter((kind): kind is [PageKind, string] => kind[1] !== undefined);
}

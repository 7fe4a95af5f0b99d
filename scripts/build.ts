/**
 * `npm run build`: builds the site into a staging folder, indexes it for
 * search, and swaps it in as `dist/` only when every step has succeeded, so a
 * failed build never leaves a half-written site behind; the last good `dist/`
 * stays as it was.
 *
 * Usage: node scripts/build.ts [project root, default: the current folder]
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { stackTraceFilter } from '../src/build/build-log.ts';
import { formatLedger, LEDGER_FILE, parseLedger } from '../src/catalog/permalinks.ts';
import { cacheDir } from '../src/build/cache-dir.ts';
import { indexForSearch } from './search-index.ts';

const root = resolve(process.argv[2] ?? '.');
const dist = join(root, 'dist');
const staging = join(root, '.dist-staging');
const previous = join(root, '.dist-previous');
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

function remove(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Removes the staging folder, and says why and what became of dist/. */
function discard(reason: string): void {
  remove(staging);
  console.error(`\n${reason}; ${existsSync(dist) ? 'dist/ was left as it was' : 'nothing was written'}.`);
}

function fail(reason: string, status = 1): never {
  discard(reason);
  process.exit(status);
}

/**
 * Runs `astro build` into the staging folder, passing its output through line
 * by line without the stack traces that follow errors (src/build/build-log.ts).
 */
function runAstroBuild(): Promise<number> {
  const child = spawn(process.execPath, [astro, 'build', '--outDir', staging], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
  });
  const keepTraces = process.env.BROADSHEET_STACK_TRACES === '1';
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    const keep = stackTraceFilter();
    createInterface({ input: stream }).on('line', (line) => {
      for (const kept of keepTraces ? [line] : keep(line)) out.write(`${kept}\n`);
    });
  }
  return new Promise((done) =>
    child.on('close', (code) => {
      done(code ?? 1);
    }),
  );
}

remove(staging);
const started = performance.now();
const status = await runAstroBuild();
if (status !== 0) fail('Build failed (see the errors above)', status);

// If Pagefind's binary crashes, its Node API never answers and Node exits here (code 13): clean up then too.
const crashed = (): void => {
  discard('Search indexing failed: Pagefind stopped without answering (see above)');
};
process.once('exit', crashed);
let search: Awaited<ReturnType<typeof indexForSearch>>;
try {
  search = await indexForSearch(staging, join(cacheDir(process.env, root), 'pagefind'));
} catch (error) {
  process.off('exit', crashed);
  console.error(error instanceof Error ? error.message : String(error));
  fail('Search indexing failed');
}
process.off('exit', crashed);
const bytes = (n: number) => `${n.toLocaleString('en')} bytes`;
console.log(
  `Indexed ${String(search.pages)} page${search.pages === 1 ? '' : 's'} for search in ${String(search.parts)} part${search.parts === 1 ? '' : 's'}` +
    `${search.cached > 0 ? ` (${search.cached === search.parts ? 'all' : String(search.cached)} unchanged: from the cache)` : ''}: ` +
    `pagefind/ is ${bytes(search.bytes)}, of which the index is ${bytes(search.indexBytes)} and the rest Pagefind's code.`,
);

remove(previous);
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
remove(previous);
console.log(`Built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

// Record the URLs this build published in the ledger, which the next build holds it to.
const ledgerFile = join(root, LEDGER_FILE);
const recorded = existsSync(ledgerFile) ? parseLedger(readFileSync(ledgerFile, 'utf8')) : [];
const published = parseLedger(readFileSync(join(dist, 'permalinks.txt'), 'utf8'));
const added = published.filter((path) => !recorded.includes(path));
if (added.length > 0) {
  const temp = `${ledgerFile}.${String(process.pid)}.tmp`;
  writeFileSync(temp, formatLedger([...recorded, ...added]));
  renameSync(temp, ledgerFile);
  console.log(
    `Recorded ${String(added.length)} new permalink${added.length === 1 ? '' : 's'} in ${LEDGER_FILE}: commit it with the content.`,
  );
}

/**
 * `npm run build`: builds the site into a staging folder and swaps it in as
 * `dist/` only when every step has succeeded, so a failed build never leaves a
 * half-written site behind; the last good `dist/` stays as it was.
 *
 * Usage: node scripts/build.ts [project root, default: the current folder]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { formatLedger, LEDGER_FILE, parseLedger } from '../src/lib/permalinks.ts';

const root = resolve(process.argv[2] ?? '.');
const dist = join(root, 'dist');
const staging = join(root, '.dist-staging');
const previous = join(root, '.dist-previous');
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

function remove(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

remove(staging);
const started = performance.now();
const build = spawnSync(process.execPath, [astro, 'build', '--outDir', staging], {
  cwd: root,
  stdio: 'inherit',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});
if (build.status !== 0) {
  remove(staging);
  console.error(
    `\nBuild failed (see the errors above); ${existsSync(dist) ? 'dist/ was left as it was' : 'nothing was written'}.`,
  );
  process.exit(build.status ?? 1);
}

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

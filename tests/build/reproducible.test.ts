/**
 * The build is reproducible: the real content, built twice from clean in two different folders, each
 * with its own empty image cache, and the second as if a year later, gives the same dist/ byte for
 * byte. A difference means the output depends on something other than the source: the time, a random
 * id, the order files were read in, the folder it was built in, or the cache.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseZonedDateTime } from '../../src/lib/dates.ts';
import { buildSite, makeSite, ROOT } from '../helpers/project.ts';

const caches: string[] = [];
let first: string;
let second: string;

/**
 * A year from now, or, if an article is scheduled before then, a second before it: a time at which
 * the same articles are published as now (`BROADSHEET_NOW` decides what is scheduled).
 */
async function laterBuildTime(): Promise<string> {
  const now = Date.now();
  let later = now + 365 * 24 * 3600_000;
  const articles = join(ROOT, 'content/articles');
  for (const file of await readdir(articles, { recursive: true })) {
    if (!file.endsWith('.md')) continue;
    const published = /^published:\s*['"]?([^'"\s#]+)/mu.exec(
      await readFile(join(articles, file), 'utf8'),
    )?.[1];
    const parsed = published === undefined ? undefined : parseZonedDateTime(published);
    if (parsed?.ok && parsed.value.epochMs > now) later = Math.min(later, parsed.value.epochMs - 1000);
  }
  return new Date(later).toISOString().replace(/\.\d+Z$/u, 'Z');
}

/** A fixture site with this project's content, built clean with a fresh image cache; its dist/. */
async function buildCopy(name: string, now: string): Promise<string> {
  const root = await makeSite(name, {});
  await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  const cache = await mkdtemp(join(tmpdir(), 'broadsheet-cache-'));
  caches.push(cache);
  const { status, output } = buildSite(root, { BROADSHEET_CACHE_DIR: cache, BROADSHEET_NOW: now });
  if (status !== 0) throw new Error(`the build of ${name} failed:\n${output}`);
  // The cache went where it was told, not into the project.
  expect(existsSync(join(root, '.cache'))).toBe(false);
  return join(root, 'dist');
}

/** Every file under `dir`, relative to it, with forward slashes, sorted. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Where two versions of a file first differ, with a little of each, to tell a timestamp from a random id. */
function firstDifference(a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const around = (bytes: Buffer) =>
    JSON.stringify(bytes.subarray(Math.max(0, at - 30), at + 50).toString('utf8'));
  return `byte ${String(at)} of ${String(a.length)}/${String(b.length)}: ${around(a)} vs ${around(b)}`;
}

beforeAll(async () => {
  // "" is the real clock.
  first = await buildCopy('reproducible-a', '');
  second = await buildCopy('reproducible-b', await laterBuildTime());
});

afterAll(async () => {
  await Promise.all(caches.map((cache) => rm(cache, { recursive: true, force: true })));
});

test('two clean builds write the same files', async () => {
  const [a, b] = await Promise.all([filesIn(first), filesIn(second)]);
  expect(a.length).toBeGreaterThan(10);
  expect(b).toEqual(a);
});

test('two clean builds write every file byte for byte the same', async () => {
  const differing: string[] = [];
  for (const file of await filesIn(first)) {
    const a = await readFile(join(first, file));
    const b = await readFile(join(second, file)).catch(() => undefined);
    if (b && !a.equals(b)) differing.push(`${file}: ${firstDifference(a, b)}`);
  }
  expect(differing, `${String(differing.length)} files differ:\n${differing.join('\n')}`).toEqual([]);
});

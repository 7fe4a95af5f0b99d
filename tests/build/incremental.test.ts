/**
 * Incremental builds are correct: a site built once, then changed (one headline edited, one article
 * added beside it, one author renamed) and built again with the same cache, gives exactly the dist/
 * of a clean build of the changed content. Astro copies every page whose cacheKey and code are
 * unchanged (src/build/cache-keys.ts), so a key that leaves out something a page shows would leave a
 * stale page behind, and this comparison would find it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { markdown, people, validArticle, data } from '../helpers/content.ts';
import { buildSite, makeSite } from '../helpers/project.ts';

const caches: string[] = [];
const newCache = async () => {
  const cache = await mkdtemp(join(tmpdir(), 'broadsheet-cache-'));
  caches.push(cache);
  return cache;
};

const topics = ['Rail', 'Budget'];
/** Ten articles by two authors on two topics, so that each page lists several of the others. */
const before: Record<string, string> = { ...people };
for (let i = 1; i <= 10; i += 1) {
  before[`articles/a${String(i)}.md`] = markdown(
    validArticle({
      title: `Headline number ${String(i)}`,
      slug: `headline-${String(i)}`,
      published: `2024-05-${String(i).padStart(2, '0')}T09:00:00+02:00`,
      authors: [i % 2 ? 'ann-author' : 'ben-writer'],
      topics: [topics[i % 2]],
    }),
    `Paragraph one of article ${String(i)}.\n\nParagraph two.`,
  );
}

/** The same site after an editor's morning: an edit, a new article and a renamed author. */
const after: Record<string, string> = {
  ...before,
  'articles/a3.md': markdown(
    validArticle({
      title: 'Headline number 3, corrected',
      slug: 'headline-3',
      published: '2024-05-03T09:00:00+02:00',
      authors: ['ann-author'],
      topics: ['Budget'],
    }),
    'Paragraph one of article 3, rewritten.\n\nParagraph two.',
  ),
  'articles/a11.md': markdown(
    validArticle({
      title: 'A new article on the budget',
      slug: 'new-on-the-budget',
      published: '2024-05-20T09:00:00+02:00',
      authors: ['ann-author'],
      topics: ['Budget'],
    }),
  ),
  'authors/ben-writer.yaml': data({ name: 'Benjamin Writer', slug: 'ben-writer' }),
};

/** Every file under `dir`, relative to it, with forward slashes, sorted. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

let incremental: string;
let clean: string;
let warmOutput: string;

beforeAll(async () => {
  const cache = await newCache();
  const root = await makeSite('incremental-a', before);
  const first = buildSite(root, { BROADSHEET_CACHE_DIR: cache });
  if (first.status !== 0) throw new Error(`the first build failed:\n${first.output}`);
  for (const [path, text] of Object.entries(after)) {
    if (before[path] !== text) await writeFile(join(root, 'content', path), text);
  }
  const second = buildSite(root, { BROADSHEET_CACHE_DIR: cache });
  if (second.status !== 0) throw new Error(`the incremental build failed:\n${second.output}`);
  warmOutput = second.output;
  incremental = join(root, 'dist');

  const other = await makeSite('incremental-b', after);
  const fresh = buildSite(other, { BROADSHEET_CACHE_DIR: await newCache() });
  if (fresh.status !== 0) throw new Error(`the clean build failed:\n${fresh.output}`);
  clean = join(other, 'dist');
});

afterAll(async () => {
  await Promise.all(caches.map((cache) => rm(cache, { recursive: true, force: true })));
});

test('the second build copied unchanged pages from the cache instead of rendering them', () => {
  const restored = warmOutput.split('\n').filter((line) => line.includes('(restored)'));
  expect(restored.length).toBeGreaterThan(5);
  // The edited article was rendered again, not restored.
  expect(restored.some((line) => line.includes('/2024/05/03/headline-3/'))).toBe(false);
});

test('the search index was built again, since pages changed', () => {
  expect(warmOutput).not.toMatch(/index from the cache/u);
});

test('an incremental build writes the same files as a clean build of the same content', async () => {
  const [a, b] = await Promise.all([filesIn(incremental), filesIn(clean)]);
  expect(a.length).toBeGreaterThan(20);
  expect(a).toEqual(b);
});

test('an incremental build writes every file byte for byte as a clean build does', async () => {
  const differing: string[] = [];
  for (const file of await filesIn(clean)) {
    const a = await readFile(join(incremental, file)).catch(() => undefined);
    const b = await readFile(join(clean, file));
    if (!a?.equals(b)) differing.push(file);
  }
  expect(differing, `stale after the incremental build:\n${differing.join('\n')}`).toEqual([]);
});

/**
 * The `articleBodies` collection: every article's body, rendered by the
 * Markdown pipeline on worker threads (src/bodies/render-worker.ts), one per
 * core. Its entries, by the article's id, hold what the catalogue needs of
 * every body (reading time, images); the HTML and the Markdown copy's body go
 * to the cache folder (`bodies/<key>.json`), where a page reads its own. Kept
 * out of Astro's content store, the bodies are never all in memory at once, and
 * the store stays small enough to write in one piece at any size of archive.
 *
 * The key of a body is a hash of the article's file, its page's address and the
 * pipeline's code (src/build/source-digest.ts), so a body is rendered again
 * exactly when one of them changes. Files that the `articles` collection
 * rejects (unreadable, no front matter, no valid slug or date) are left to it:
 * it stops the build, naming the file.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodiesDir, bodyFile, readBody, type BodyFile, type BodyInfo } from './cache.ts';
import { fileProblem } from '../catalog/content-files.ts';
import { zoned } from '../lib/dates.ts';
import { sourceDigest } from '../build/source-digest.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';
import { writeWhole } from '../build/write-whole.ts';
import { createWorkerPool, type WorkerPool } from '../build/worker-pool.ts';
import type { RenderedBody, RenderJob, RenderOptions } from './render.ts';
import { resolveSiteUrl } from '../site.ts';

const RENDER_WORKER = new URL('./render-worker.ts', import.meta.url);

/** An article file's id, as the `articles` collection makes it: its path in content/articles/ without `.md`. */
export const articleId = (name: string): string => name.split(sep).join('/').replace(/\.md$/u, '');

interface Pending {
  id: string;
  digest: string;
  key: string;
  job: RenderJob;
}

/** The job of rendering one file, or undefined when it is the `articles` collection's to reject. */
function jobOf(
  path: string,
  bytes: Uint8Array,
  site: URL,
): Omit<Pending, 'id' | 'key' | 'digest'> | undefined {
  if (fileProblem(path, bytes, 'body')) return undefined;
  const text = new TextDecoder().decode(bytes);
  let frontmatter: Record<string, unknown>;
  let markdown: string;
  try {
    const parsed = parseFrontmatter(text);
    frontmatter = parsed.frontmatter;
    markdown = parsed.content.trim();
  } catch {
    return undefined;
  }
  // A draft is built nowhere.
  if (frontmatter.draft === true) return undefined;
  const { slug, published } = frontmatter;
  if (typeof slug !== 'string' || typeof published !== 'string') return undefined;
  let page: string;
  try {
    page = absoluteUrl(articlePath({ slug, published: zoned(published) }), site);
  } catch {
    return undefined;
  }
  return { job: { path, markdown, frontmatter, page } };
}

/** Reads, checks and keys every article file; renders and caches those whose body is not yet cached. */
async function loadBodies(context: LoaderContext, base: string): Promise<void> {
  const { config, store } = context;
  const root = fileURLToPath(config.root);
  const dir = join(root, base);
  const cache = bodiesDir(root);
  const site = resolveSiteUrl();
  const pipeline = sourceDigest(RENDER_WORKER);
  // Synchronous reads: see src/build/write-whole.ts.
  const names = existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];

  const seen = new Set<string>();
  const problems: string[] = [];
  const renders: Promise<void>[] = [];
  let pool: WorkerPool<RenderJob, RenderedBody> | undefined;
  /** Renders on a worker, caches, and records the body: started as soon as the file has been read. */
  const render = async ({ id, digest, key, job }: Pending): Promise<void> => {
    pool ??= createWorkerPool<RenderJob, RenderedBody>(RENDER_WORKER, {
      data: { articlesDir: dir } satisfies RenderOptions,
      // Each job holds a whole syntax tree: a larger young generation saves collections.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    try {
      const file: BodyFile = { key, ...(await pool.run(job)) };
      writeWhole(bodyFile(key, cache), JSON.stringify(file));
      store.set({ id, data: { ...infoOf(file) }, digest });
    } catch (error) {
      problems.push(
        `${relative(root, job.path)}: the body could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  try {
    for (const name of names) {
      const path = join(dir, name);
      const bytes = readFileSync(path);
      const found = jobOf(path, bytes, site);
      if (!found) continue;
      const id = articleId(name);
      const digest = context.generateDigest(new TextDecoder().decode(bytes));
      const key = createHash('sha256')
        .update(JSON.stringify([pipeline, digest, found.job.page]))
        .digest('hex');
      seen.add(id);
      const known = store.get(id);
      if (known?.data.key === key && existsSync(bodyFile(key, cache))) continue;
      const cached = readBody(key, cache);
      if (cached) store.set({ id, data: { ...infoOf(cached) }, digest });
      else renders.push(render({ id, digest, key, job: found.job }));
    }
    await Promise.all(renders);
  } finally {
    await pool?.close();
  }
  if (problems.length > 0) {
    throw new Error(
      `${String(problems.length)} article bod${problems.length === 1 ? 'y' : 'ies'} could not be rendered:\n- ${problems.sort().join('\n- ')}`,
    );
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  pruneBodies(cache, new Set([...seen].map((id) => store.get(id)?.data.key)));
}

const infoOf = ({ key, readingMinutes, markdownImages, images }: BodyFile): BodyInfo => ({
  key,
  readingMinutes,
  markdownImages,
  images,
});

/** Removes the cached bodies no article has any more (edited, renamed or deleted ones). */
function pruneBodies(cache: string, keep: Set<unknown>): void {
  const files = existsSync(cache) ? readdirSync(cache) : [];
  for (const file of files.filter((name) => !keep.has(name.replace(/\.json$/u, '')))) {
    rmSync(join(cache, file), { force: true });
  }
}

/** The loader of the bodies of the articles in `base` (relative to the project root). */
export function articleBodyLoader({ base }: { base: string }): Loader {
  return {
    name: 'article-bodies',
    async load(context) {
      await loadBodies(context, base);
      // In `astro dev`: load again on any change to an article; unchanged bodies come from the cache.
      const dir = join(fileURLToPath(context.config.root), base);
      context.watcher?.add(dir);
      const reload = (path: string) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        loadBodies(context, base).catch((error: unknown) => {
          context.logger.error(error instanceof Error ? error.message : String(error));
        });
      };
      for (const event of ['add', 'change', 'unlink'] as const) context.watcher?.on(event, reload);
    },
  };
}

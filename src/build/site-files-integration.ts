/**
 * Writes the files that routes hand over (src/build/site-files.ts) straight into
 * the built site. Markdown copies are written as they come. Preview images
 * are drawn on worker threads (src/previews/worker.ts), one per core, from the
 * moment the image route hands them over (it asks for its paths before any
 * page renders), so they are drawn while the main thread renders pages; at
 * the end each is linked from the cache folder into the site.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImageCache, type DrawJob } from '../previews/cache.ts';
import { setSiteFiles, type SiteImage } from './site-files.ts';
import { createWorkerPool } from './worker-pool.ts';
import { writeWhole } from './write-whole.ts';

const WORKER = new URL('../previews/worker.ts', import.meta.url);

/**
 * Puts the cache's file at `to`: a hard link where the file system allows it, else a copy.
 * Synchronous, as 40,000 asynchronous calls would each wait for libuv's thread pool.
 */
function place(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

const count = (n: number) => n.toLocaleString('en');

/** What a text file is, for the build's log: Markdown copies and oEmbed documents. */
const textKind = (path: string): string =>
  path.endsWith('.oembed.json')
    ? 'oEmbed documents'
    : path.endsWith('.md')
      ? 'Markdown copies'
      : 'other files';

export function siteFiles(): AstroIntegration {
  let outDir = '';
  let images: { path: string; file: string; drawn: Promise<undefined> | undefined }[] = [];
  let texts = new Map<string, number>();
  let started = 0;
  let close: (() => Promise<void>) | undefined;
  return {
    name: 'broadsheet:site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const cache = createImageCache();
        const pool = createWorkerPool<DrawJob[], undefined>(WORKER, { perWorker: 2 });
        const underway = new Map<string, Promise<undefined>>();
        close = () => pool.close();
        images = [];
        texts = new Map();
        setSiteFiles({
          images(articles: readonly (readonly SiteImage[])[]) {
            // Every job first, so that a missing font stops the build before anything is drawn.
            const jobs = articles.map((list) => list.map((image) => ({ image, job: cache.job(image) })));
            started ||= performance.now();
            for (const article of jobs) {
              // An article's missing images are drawn together, on one worker.
              const missing = article.filter(({ job }) => !underway.has(job.key) && !existsSync(job.file));
              if (missing.length > 0) {
                const drawn = pool.run(missing.map(({ job }) => job));
                // Its error is for build:done to report; until then it is not unhandled.
                drawn.catch(() => undefined);
                for (const { job } of missing) underway.set(job.key, drawn);
              }
              for (const { image, job } of article) {
                images.push({ path: image.path, file: job.file, drawn: underway.get(job.key) });
              }
            }
          },
          text(path: string, text: string) {
            writeWhole(join(outDir, path), text);
            const kind = textKind(path);
            texts.set(kind, (texts.get(kind) ?? 0) + 1);
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        setSiteFiles(undefined);
        try {
          const waitFrom = performance.now();
          const drawn = new Set(
            images.filter((image) => image.drawn !== undefined).map((image) => image.file),
          );
          await Promise.all(images.flatMap((image) => (image.drawn ? [image.drawn] : [])));
          const waited = performance.now() - waitFrom;
          const root = fileURLToPath(dir);
          const folders = new Set(images.map((image) => dirname(join(root, image.path))));
          for (const folder of folders) mkdirSync(folder, { recursive: true });
          for (const image of images) place(image.file, join(root, image.path));
          if (images.length > 0) {
            logger.info(
              `${count(images.length)} preview images: ${count(drawn.size)} drawn, ` +
                `${count(images.length - drawn.size)} from the cache, ` +
                `${((performance.now() - started) / 1000).toFixed(1)} s from the first; ` +
                `${(waited / 1000).toFixed(1)} s waited for after the pages.`,
            );
          }
          for (const [kind, n] of texts) logger.info(`${count(n)} ${kind} written.`);
        } finally {
          await close?.();
          images = [];
        }
      },
    },
  };
}

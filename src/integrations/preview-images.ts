/**
 * Draws the preview images of a build on worker threads (src/lib/og-worker.ts),
 * one per core, from the moment the image route hands them over (it asks for
 * its paths before any page renders), so they are drawn while the main thread
 * renders pages; then links each from the cache folder into the built site.
 * The image route publishes no page of its own in a build (src/lib/preview-sink.ts).
 */
import type { AstroIntegration } from 'astro';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImageCache, type DrawJob } from '../lib/og-cache.ts';
import { setPreviewImageSink, type SiteImage } from '../lib/preview-sink.ts';
import { createWorkerPool } from '../lib/worker-pool.ts';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';

const WORKER = new URL('../lib/og-worker.ts', import.meta.url);

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

export function previewImages(): AstroIntegration {
  let images: { path: string; file: string; drawn: Promise<undefined> | undefined }[] = [];
  let started = 0;
  let close: (() => Promise<void>) | undefined;
  return {
    name: 'broadsheet:preview-images',
    hooks: {
      'astro:build:start': () => {
        const cache = createImageCache();
        const pool = createWorkerPool<DrawJob, undefined>(WORKER, { perWorker: 2 });
        const underway = new Map<string, Promise<undefined>>();
        close = () => pool.close();
        images = [];
        setPreviewImageSink({
          submit(list: readonly SiteImage[]) {
            // Every job first, so that a missing font stops the build before anything is drawn.
            const jobs = list.map((image) => ({ image, job: cache.job(image) }));
            started ||= performance.now();
            for (const { image, job } of jobs) {
              let drawn = underway.get(job.key);
              if (!drawn && !existsSync(job.file)) {
                drawn = pool.run(job);
                // Its error is for build:done to report; until then it is not unhandled.
                drawn.catch(() => undefined);
                underway.set(job.key, drawn);
              }
              images.push({ path: image.path, file: job.file, drawn });
            }
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        setPreviewImageSink(undefined);
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
              `${images.length.toLocaleString('en')} preview images: ${drawn.size.toLocaleString('en')} drawn, ` +
                `${(images.length - drawn.size).toLocaleString('en')} from the cache, ` +
                `${((performance.now() - started) / 1000).toFixed(1)} s from the first; ` +
                `${(waited / 1000).toFixed(1)} s waited for after the pages.`,
            );
          }
        } finally {
          await close?.();
          images = [];
        }
      },
    },
  };
}

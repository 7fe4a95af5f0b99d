/**
 * Draws preview images on worker threads, so that a build draws on every core
 * while its main thread goes on rendering pages. Each drawing is written to
 * its file whole (temporary file, then rename) by the worker itself, so no
 * picture crosses between threads.
 *
 * The module is its own worker: a thread started here loads this same file
 * (the source in dev and tests, the bundled chunk in a build) and, seeing the
 * role it was given, waits for jobs instead of exporting a pool.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FontFace } from './og-fonts.ts';
import { renderArticleImage, type ArticleCard } from './og-image.ts';
import type { ImageShape } from './urls.ts';

/** One picture to draw: what `renderArticleImage` takes, and the file to write. */
export interface DrawJob {
  card: ArticleCard;
  shape: ImageShape;
  faces: readonly FontFace[];
  /** Names the article in an error. */
  label: string;
  file: string;
}

/** Writes a file whole: a process stopped halfway leaves no truncated file under the final name. */
export async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${String(process.pid)}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Draws a job and writes its file. */
export async function drawJob(job: DrawJob): Promise<void> {
  const png = await renderArticleImage(job.card, job.shape, { label: job.label, faces: job.faces });
  await writeWhole(job.file, png);
}

const ROLE = 'broadsheet:og-draw';

interface Request {
  id: number;
  job: DrawJob;
}
interface Reply {
  id: number;
  error?: string;
}

if (!isMainThread && workerData === ROLE && parentPort) {
  const port = parentPort;
  port.on('message', ({ id, job }: Request) => {
    drawJob(job).then(
      () => {
        port.postMessage({ id } satisfies Reply);
      },
      (error: unknown) => {
        port.postMessage({
          id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies Reply);
      },
    );
  });
}

export interface DrawPool {
  /** Draws a job on a worker; resolves once its file is written. */
  draw(job: DrawJob): Promise<void>;
  /** Stops the workers; jobs not yet done are rejected. */
  close(): Promise<void>;
}

/**
 * A pool of `size` worker threads (by default one per core). A worker holds
 * the process open only while it has work, so a finished build exits.
 * Each worker takes two jobs at a time: PNG encoding runs off its thread
 * (sharp), and the next picture is laid out meanwhile.
 */
export function createDrawPool(size: number = availableParallelism()): DrawPool {
  const PER_WORKER = 2;
  type Settle = (error?: Error) => void;
  interface Slot {
    worker: Worker;
    busy: Map<number, Settle>;
  }
  const queue: { request: Request; settle: Settle }[] = [];
  const workers: Slot[] = [];
  let nextId = 0;
  let closed = false;

  function start(): Slot {
    const slot: Slot = {
      worker: new Worker(new URL(import.meta.url), { workerData: ROLE }),
      busy: new Map(),
    };
    slot.worker.unref();
    slot.worker.on('message', ({ id, error }: Reply) => {
      const settle = slot.busy.get(id);
      slot.busy.delete(id);
      settle?.(error === undefined ? undefined : new Error(error));
      pump();
    });
    slot.worker.on('error', (error: Error) => {
      for (const settle of slot.busy.values()) settle(error);
      slot.busy.clear();
      workers.splice(workers.indexOf(slot), 1);
      pump();
    });
    workers.push(slot);
    return slot;
  }

  /** Hands queued jobs to workers with room, starting workers up to `size`. */
  function pump() {
    while (queue.length > 0 && !closed) {
      const slot =
        workers.find((candidate) => candidate.busy.size < PER_WORKER) ??
        (workers.length < size ? start() : undefined);
      const next = slot && queue.shift();
      if (!slot || !next) break;
      slot.busy.set(next.request.id, next.settle);
      slot.worker.postMessage(next.request);
    }
    // A worker keeps the process alive while it has work, and not a moment longer.
    for (const { worker, busy } of workers) {
      if (busy.size > 0) worker.ref();
      else worker.unref();
    }
  }

  return {
    draw(job) {
      if (closed) return Promise.reject(new Error('The drawing pool is closed.'));
      return new Promise<void>((resolve, reject) => {
        nextId += 1;
        const settle: Settle = (error) => {
          if (error) reject(error);
          else resolve();
        };
        queue.push({ request: { id: nextId, job }, settle });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const { settle } of queue.splice(0)) settle(new Error('The drawing pool was closed.'));
      await Promise.all(workers.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}

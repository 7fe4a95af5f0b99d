/**
 * Pools of worker threads (tinypool) that builds use to render Markdown and
 * draw preview images on every core while the main thread goes on with its
 * own work. A worker module's default export answers one job; what it needs
 * once per worker it makes at its top level from the pool's `data`, which it
 * reads as `Tinypool.workerData`.
 *
 * The module is loaded by Node itself, not by Vite: it and everything it
 * imports must be plain TypeScript or JavaScript that Node can run (relative
 * imports with their `.ts` extension, no `astro:` modules, no `import.meta.env`).
 *
 * What this adds to tinypool 2.2 (docs/decisions/022-worker-threads-with-tinypool.md):
 * a pool whose workers hold more than one job starts them all with its first
 * job, as tinypool gives a worker that it starts later one job at a time while
 * others wait, whatever `concurrentTasksPerWorker` says; a worker that exits
 * without an error fails the jobs it held, which tinypool would leave waiting
 * forever; one that fails to start fails the jobs waiting for it; the
 * message of a worker that stopped names the module; and closing a pool while
 * a worker fails throws nothing (see giveRemoveListener).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { Tinypool } from 'tinypool';

export interface WorkerPool<Job, Result> {
  /** Runs a job on a worker; resolves with what the module's default export returned. */
  run(job: Job): Promise<Result>;
  /** Stops the workers; jobs not yet done are rejected. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads, started as jobs arrive (all with the first when `perWorker` > 1): by default one per core. */
  size?: number;
  /** Jobs a worker holds at once: more than one keeps a worker busy while the main thread is. */
  perWorker?: number;
  /** Given to every worker, as `Tinypool.workerData`. */
  data?: unknown;
  resourceLimits?: ResourceLimits;
}

/**
 * tinypool's destroy() waits for each worker with `events.once(worker, 'exit')`, which removes its
 * listeners with `removeListener`; tinypool's worker wrapper (what `threads` lists) has none, so a
 * worker that failed while the pool closed threw a TypeError out of Node's events module, uncaught.
 * The wrapper's thread, a Worker, has the method: the wrapper lends it.
 */
function giveRemoveListener(worker: object): void {
  const wrapper = worker as { removeListener?: unknown; thread?: { removeListener?: unknown } };
  const { thread } = wrapper;
  if (typeof wrapper.removeListener === 'function' || typeof thread?.removeListener !== 'function') return;
  wrapper.removeListener = thread.removeListener.bind(thread);
}

/** A pool of workers running `module`, whose default export answers a job. */
export function createWorkerPool<Job, Result>(
  module: URL,
  { size = availableParallelism(), perWorker = 1, data, resourceLimits }: PoolOptions = {},
): WorkerPool<Job, Result> {
  const file = fileURLToPath(module);
  let pool: Tinypool | undefined;
  let closed = false;
  /** Errors that stopped a worker, as opposed to the errors jobs threw. */
  const deaths = new WeakSet<Error>();
  let lastDeath: Error | undefined;
  const watched = new WeakSet<object>();

  /** Listens to the workers not yet listened to: tinypool replaces one that stops. */
  function watch(tinypool: Tinypool): void {
    for (const worker of tinypool.threads) {
      if (watched.has(worker)) continue;
      watched.add(worker);
      giveRemoveListener(worker);
      // After tinypool's own listener, which has rejected the worker's jobs by now and started its replacement.
      worker.on('error', (error: unknown) => {
        if (error instanceof Error) {
          deaths.add(error);
          lastDeath = error;
        }
        watch(tinypool);
      });
      worker.once('exit', (code: number) => {
        // A worker that tinypool stopped has left its list: one still in it stopped by itself.
        if (tinypool.threads.includes(worker)) worker.emit('error', new Error(`exit code ${String(code)}`));
      });
    }
  }

  function start(): Tinypool {
    const tinypool = new Tinypool({
      filename: module.href,
      minThreads: perWorker > 1 ? size : 0,
      maxThreads: size,
      concurrentTasksPerWorker: perWorker,
      workerData: data,
      ...(resourceLimits && { resourceLimits }),
    });
    // A worker that stopped holding no job, one that failed to start: the queued jobs would wait for it forever.
    tinypool.on('error', () => {
      tinypool.cancelPendingTasks();
    });
    watch(tinypool);
    return tinypool;
  }

  return {
    async run(job) {
      if (closed) throw new Error('The worker pool is closed.');
      pool ??= start();
      const answer = pool.run(job) as Promise<Result>;
      watch(pool);
      try {
        return await answer;
      } catch (error) {
        // Cancelled jobs were queued for a worker that stopped.
        const death = error instanceof Error && error.name === 'CancelError' ? lastDeath : error;
        if (death instanceof Error && deaths.has(death)) {
          throw new Error(`A worker of ${file} stopped: ${death.message}`, { cause: death });
        }
        throw error instanceof Error ? error : new Error(String(error));
      }
    },
    async close() {
      closed = true;
      if (!pool) return;
      watch(pool);
      try {
        await pool.destroy();
      } catch (error) {
        // destroy() passes on the error of a worker that stopped while it closed: its jobs have failed with it.
        if (!(error instanceof Error && deaths.has(error))) throw error;
      }
    },
  };
}

/**
 * A pool of worker threads that each run one module, which answers jobs with
 * {@link serveJobs}. Builds use it to render Markdown and draw preview images
 * on every core while the main thread goes on with its own work.
 *
 * The module is loaded by Node itself, not by Vite: it and everything it
 * imports must be plain TypeScript or JavaScript that Node can run (relative
 * imports with their `.ts` extension, no `astro:` modules, no `import.meta.env`).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';

export interface WorkerPool<Job, Result> {
  /** Runs a job on a worker; resolves with what its handler returned. */
  run(job: Job): Promise<Result>;
  /** Stops the workers; jobs not yet done are rejected. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads, started as jobs arrive: by default one per core. */
  size?: number;
  /** Jobs a worker holds at once: more than one when a job waits on I/O or a native thread. */
  perWorker?: number;
  /** Given to every worker, as {@link serveJobs}'s `setup` argument. */
  data?: unknown;
  resourceLimits?: ResourceLimits;
}

interface Request<Job> {
  id: number;
  job: Job;
}
type Reply<Result> = { id: number; result: Result } | { id: number; error: string };

/** What a pool's workers find in `workerData`: marks them as pool workers. */
interface PoolWorkerData {
  broadsheetPool: true;
  data: unknown;
}

const isPoolWorkerData = (value: unknown): value is PoolWorkerData =>
  typeof value === 'object' && value !== null && 'broadsheetPool' in value;

/** A pool of workers running `module`, whose top level calls {@link serveJobs}. */
export function createWorkerPool<Job, Result>(
  module: URL,
  { size = availableParallelism(), perWorker = 1, data, resourceLimits }: PoolOptions = {},
): WorkerPool<Job, Result> {
  type Settle = (outcome: { result: Result } | { error: Error }) => void;
  interface Slot {
    worker: Worker;
    busy: Map<number, Settle>;
  }
  const queue: { request: Request<Job>; settle: Settle }[] = [];
  const workers: Slot[] = [];
  let nextId = 0;
  let closed = false;

  function start(): Slot {
    const slot: Slot = {
      worker: new Worker(module, {
        workerData: { broadsheetPool: true, data } satisfies PoolWorkerData,
        ...(resourceLimits && { resourceLimits }),
      }),
      busy: new Map(),
    };
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply<Result>) => {
      const settle = slot.busy.get(reply.id);
      slot.busy.delete(reply.id);
      settle?.('error' in reply ? { error: new Error(reply.error) } : { result: reply.result });
      pump();
    });
    const fail = (error: Error) => {
      for (const settle of slot.busy.values()) settle({ error });
      slot.busy.clear();
      const index = workers.indexOf(slot);
      if (index !== -1) workers.splice(index, 1);
      pump();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (slot.busy.size > 0)
        fail(new Error(`A worker of ${module.pathname} stopped (exit code ${String(code)}).`));
    });
    workers.push(slot);
    return slot;
  }

  /** Hands queued jobs to workers with room, starting workers up to `size`. */
  function pump() {
    while (queue.length > 0 && !closed) {
      const slot =
        workers.find((candidate) => candidate.busy.size < perWorker) ??
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
    run(job) {
      if (closed) return Promise.reject(new Error('The worker pool is closed.'));
      return new Promise<Result>((resolve, reject) => {
        nextId += 1;
        queue.push({
          request: { id: nextId, job },
          settle: (outcome) => {
            if ('error' in outcome) reject(outcome.error);
            else resolve(outcome.result);
          },
        });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const { settle } of queue.splice(0)) settle({ error: new Error('The worker pool was closed.') });
      await Promise.all(workers.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}

/**
 * In a pool's worker module: answers each job with `handle`, which `setup`
 * makes once from the pool's `data`. Does nothing outside a pool's worker, so
 * the module can be imported anywhere.
 */
export function serveJobs<Job, Result>(
  setup: (data: unknown) => Promise<(job: Job) => Promise<Result>> | ((job: Job) => Promise<Result>),
): void {
  if (isMainThread || !parentPort || !isPoolWorkerData(workerData)) return;
  const port = parentPort;
  const handler = Promise.resolve(setup(workerData.data));
  port.on('message', ({ id, job }: Request<Job>) => {
    handler
      .then((handle) => handle(job))
      .then(
        (result) => {
          port.postMessage({ id, result } satisfies Reply<Result>);
        },
        (error: unknown) => {
          port.postMessage({
            id,
            error: error instanceof Error ? error.message : String(error),
          } satisfies Reply<Result>);
        },
      );
  });
}

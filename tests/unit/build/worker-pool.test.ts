/** The worker pool: jobs answered on other threads with the pool's data, errors and stopped threads reported, workers started with the first job, at most `size` × `perWorker` jobs at once, and an idle pool that lets the process end. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createWorkerPool, type PoolOptions } from '../../../src/build/worker-pool.ts';
import { MOST_RUNNING, STARTED, type EchoData, type Job } from '../../fixtures/workers/echo-data.ts';

const ECHO = new URL('../../fixtures/workers/echo.ts', import.meta.url);
const POOL = new URL('../../../src/build/worker-pool.ts', import.meta.url);

/** A pool of echo workers labelled `pool`, and the counters its workers share with the test. */
function echoPool(options: Omit<PoolOptions, 'data'> = {}, label = 'pool') {
  const counters = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const pool = createWorkerPool<Job, string>(ECHO, {
    ...options,
    data: { label, counters } satisfies EchoData,
  });
  return { pool, counter: (index: number) => Atomics.load(new Int32Array(counters), index) };
}

const messageOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof Error ? error.message : `not an Error: ${String(error)}`),
  );

describe('createWorkerPool', () => {
  test('runs each job on a worker, with the data the pool was given, and answers in any order', async () => {
    const { pool } = echoPool({ size: 2 });
    try {
      const answers = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((value, i) => pool.run({ action: 'echo', value, wait: (5 - i) * 5 })),
      );
      expect(answers).toEqual(['pool:a', 'pool:b', 'pool:c', 'pool:d', 'pool:e']);
    } finally {
      await pool.close();
    }
  });

  test('starts no worker before the first job, and no more than one per core', async () => {
    const { pool, counter } = echoPool();
    try {
      await new Promise((done) => setTimeout(done, 200));
      expect(counter(STARTED)).toBe(0);
      await Promise.all(Array.from({ length: 12 }, () => pool.run({ action: 'echo', wait: 20 })));
      expect(counter(STARTED)).toBeGreaterThan(0);
      expect(counter(STARTED)).toBeLessThanOrEqual(availableParallelism());
    } finally {
      await pool.close();
    }
  });

  test('a job that throws rejects with an Error of its message, and the worker goes on with the next', async () => {
    const { pool, counter } = echoPool({ size: 1 });
    try {
      expect(await messageOf(pool.run({ action: 'fail', value: 'out of ink' }))).toBe('failed: out of ink');
      await expect(pool.run({ action: 'echo', value: 'after' })).resolves.toBe('pool:after');
      expect(counter(STARTED)).toBe(1);
    } finally {
      await pool.close();
    }
  });

  test.each([
    ['exits', 'exit', 'exit code 3'],
    ['throws outside a job', 'crash', 'crashed: by a timer'],
  ] as const)(
    'a worker that %s fails the job it held, naming the module; a new one takes the next',
    async (_, action, why) => {
      const { pool, counter } = echoPool({ size: 1 });
      try {
        expect(await messageOf(pool.run({ action, value: 'by a timer' }))).toBe(
          `A worker of ${fileURLToPath(ECHO)} stopped: ${why}`,
        );
        await expect(pool.run({ action: 'echo', value: 'again' })).resolves.toBe('pool:again');
        expect(counter(STARTED)).toBe(2);
      } finally {
        await pool.close();
      }
    },
  );

  test.each([1, 2])(
    'a worker whose setup fails fails every job, naming the module (%i a worker)',
    async (perWorker) => {
      const { pool } = echoPool({ size: 2, perWorker }, 'unready');
      try {
        const messages = await Promise.all(
          ['a', 'b', 'c', 'd', 'e', 'f'].map((value) => messageOf(pool.run({ action: 'echo', value }))),
        );
        expect(new Set(messages)).toEqual(
          new Set([`A worker of ${fileURLToPath(ECHO)} stopped: no setup for this label`]),
        );
      } finally {
        await pool.close();
      }
    },
  );

  test('a pool closed while its workers fail to start throws nothing, however the two interleave', async () => {
    // The first worker's failure rejects the jobs; the pool is closed while the others' are still on their way
    // (vitest fails the run on any uncaught error).
    for (let round = 0; round < 20; round += 1) {
      const { pool } = echoPool({ size: 2, perWorker: 2 }, 'unready');
      expect(await messageOf(pool.run({ action: 'echo', value: String(round) }))).toMatch(
        /no setup for this label/u,
      );
      await pool.close();
    }
    // Twenty rounds start forty workers: a second on a quiet machine, several on a loaded one.
  }, 30_000);

  test('runs `size` × `perWorker` jobs at once, and no more', async () => {
    const { pool, counter } = echoPool({ size: 2, perWorker: 2 });
    try {
      // Each job waits (a second at most) until four run at once.
      await Promise.all(Array.from({ length: 8 }, () => pool.run({ action: 'gather', value: '4' })));
      expect(counter(MOST_RUNNING)).toBe(4);
    } finally {
      await pool.close();
    }
  });

  test('an idle pool, even left open, does not keep the process alive', async () => {
    const script = `
      import { createWorkerPool } from ${JSON.stringify(POOL.href)};
      const pool = createWorkerPool(new URL(${JSON.stringify(ECHO.href)}), {
        size: 2,
        data: { label: 'child', counters: new SharedArrayBuffer(16) },
      });
      console.log(await pool.run({ action: 'echo', value: 'done' }));
    `;
    // A file, not --eval: workers inherit the process's flags, and --input-type would stop them.
    const dir = await mkdtemp(join(tmpdir(), 'worker-pool-'));
    try {
      await writeFile(join(dir, 'left-open.mjs'), script);
      const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'left-open.mjs')], {
        timeout: 20_000,
      });
      expect(stdout.trim()).toBe('child:done');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('jobs still queued when the pool closes are rejected, and a closed pool takes no more', async () => {
    const { pool } = echoPool({ size: 1 });
    const running = messageOf(pool.run({ action: 'echo', wait: 200 }));
    const queued = messageOf(pool.run({ action: 'echo' }));
    await pool.close();
    expect(await queued).not.toBe('answered');
    expect(await running).not.toBe('answered');
    expect(await messageOf(pool.run({ action: 'echo' }))).toBe('The worker pool is closed.');
  });
});

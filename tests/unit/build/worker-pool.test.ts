/** The worker pool: jobs answered on other threads, errors and stopped threads reported, at most `size` threads. */
import { describe, expect, test } from 'vitest';
import { createWorkerPool } from '../../../src/build/worker-pool.ts';

const ECHO = new URL('../../fixtures/workers/echo.ts', import.meta.url);
interface Job {
  action: 'echo' | 'fail' | 'exit';
  value?: string;
  wait?: number;
}

describe('createWorkerPool', () => {
  test('runs each job on a worker, with the data the pool was given, and answers in any order', async () => {
    const pool = createWorkerPool<Job, string>(ECHO, { size: 2, data: 'pool' });
    try {
      const answers = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((value, i) => pool.run({ action: 'echo', value, wait: (5 - i) * 5 })),
      );
      expect(answers).toEqual(['pool:a', 'pool:b', 'pool:c', 'pool:d', 'pool:e']);
    } finally {
      await pool.close();
    }
  });

  test('a job that throws rejects with its message, and the worker goes on with the next', async () => {
    const pool = createWorkerPool<Job, string>(ECHO, { size: 1, data: 'pool' });
    try {
      await expect(pool.run({ action: 'fail', value: 'out of ink' })).rejects.toThrow('failed: out of ink');
      await expect(pool.run({ action: 'echo', value: 'after' })).resolves.toBe('pool:after');
    } finally {
      await pool.close();
    }
  });

  test('a worker that stops fails the jobs it held; a new one takes the next', async () => {
    const pool = createWorkerPool<Job, string>(ECHO, { size: 1, data: 'pool' });
    try {
      await expect(pool.run({ action: 'exit' })).rejects.toThrow(/stopped \(exit code 3\)/);
      await expect(pool.run({ action: 'echo', value: 'again' })).resolves.toBe('pool:again');
    } finally {
      await pool.close();
    }
  });

  test('no more than `size` × `perWorker` jobs run at once', async () => {
    const pool = createWorkerPool<Job, string>(ECHO, { size: 2, perWorker: 2, data: 'pool' });
    try {
      const started = performance.now();
      // Eight jobs of 100 ms, four at a time: about 200 ms, not 100 (all at once) nor 800 (one at a time).
      await Promise.all(Array.from({ length: 8 }, () => pool.run({ action: 'echo', wait: 100 })));
      const took = performance.now() - started;
      expect(took).toBeGreaterThanOrEqual(190);
      expect(took).toBeLessThan(790);
    } finally {
      await pool.close();
    }
  });

  test('jobs still queued when the pool closes are rejected, and a closed pool takes no more', async () => {
    const pool = createWorkerPool<Job, string>(ECHO, { size: 1, data: 'pool' });
    const running = pool.run({ action: 'echo', wait: 200 });
    const queued = pool.run({ action: 'echo' }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    running.catch(() => undefined);
    await pool.close();
    expect(await queued).toBe('The worker pool was closed.');
    await expect(pool.run({ action: 'echo' })).rejects.toThrow('The worker pool is closed.');
  });
});

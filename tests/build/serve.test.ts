/** `astro preview` (what `npm start` runs after building) serves the article at its permalink. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT, textOf } from '../helpers/project.ts';

let server: ChildProcess;
let origin: string;

/** A port that nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function waitUntilUp(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`astro preview did not answer at ${url}`, { cause: error });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    },
  );
  await waitUntilUp(origin, 30_000);
});

afterAll(() => {
  server.kill();
});

test('the permalink answers 200 with the article', async () => {
  const response = await fetch(`${origin}/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const page = new JSDOM(await response.text()).window.document;
  expect(textOf(page.querySelector('h1'))).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan');
  expect(page.querySelectorAll('article .body p')).toHaveLength(11);
});

test('a missing address answers 404 with the 404 page', async () => {
  const response = await fetch(`${origin}/2022/01/06/no-such-article/`);
  expect(response.status).toBe(404);
  const page = new JSDOM(await response.text()).window.document;
  expect(textOf(page.querySelector('h1'))).toBe('Page not found');
});

/** `astro preview` (what `npm start` serves) as a test fixture: start it on a free port, stop it for sure. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './project.ts';

export interface Preview {
  /** The site's root URL, such as `http://127.0.0.1:38179/`. */
  url: string;
  /** Stops the server and waits until its process has exited. Safe to call more than once. */
  stop: () => Promise<void>;
}

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

// A safety net for a test file that never reaches its afterAll: no server outlives the test worker.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Serves `<root>/dist` (the real site by default; a fixture site from makeSite
 * builds into its own dist/) with `astro preview` on 127.0.0.1. The port is
 * chosen by the system (`--port 0`) and read from what the server prints, so
 * two servers can never race for one port. Resolves once the server answers;
 * if it exits or stays silent instead, rejects with everything it printed.
 * Call `stop()` in `afterAll`.
 */
export async function startPreview(root: string = ROOT, timeoutMs = 30_000): Promise<Preview> {
  if (!existsSync(join(root, 'dist'))) {
    throw new Error(`${join(root, 'dist')} does not exist: build the site before previewing it.`);
  }
  // --ignore-lock: Astro allows one locked preview server a project, and test files in two workers
  // may each serve the same fixture site at once; each stops its own.
  const child = spawn(
    process.execPath,
    [ASTRO, 'preview', '--host', '127.0.0.1', '--port', '0', '--ignore-lock'],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);

  let output = '';
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(signal ? `was killed by ${signal}` : `exited with code ${String(code)}`);
    });
    child.once('error', (error) => {
      running.delete(child);
      resolve(`could not be started: ${error.message}`);
    });
  });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    })();
    return stopped;
  };

  const url = new Promise<string>((resolve) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Local\s+(http:\/\/\S+)/.exec(stripVTControlCharacters(output));
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });

  const deadline = Date.now() + timeoutMs;
  const failure = async (reason: string): Promise<never> => {
    await stop();
    throw new Error(`astro preview for ${root} ${reason}. Its output:\n${output.trim() || '(nothing)'}`);
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      resolve(`printed no URL within ${timeoutMs / 1000} s`);
    }, timeoutMs);
  });
  const started = await Promise.race([url.then((href) => ({ href })), exited, timedOut]);
  clearTimeout(timer);
  if (typeof started === 'string') return failure(started);

  // The URL is printed once the server listens; one answered request proves it serves.
  for (;;) {
    try {
      await fetch(started.href, { signal: AbortSignal.timeout(2_000) });
      return { url: started.href, stop };
    } catch (error) {
      if (child.exitCode !== null || child.signalCode !== null) return failure(await exited);
      if (Date.now() > deadline) {
        return failure(
          `did not answer at ${started.href}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

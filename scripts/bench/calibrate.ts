/**
 * A measure of how fast this machine is running now: the time a thread takes
 * to render a fixed set of synthetic article bodies (the build's own body
 * renderer, src/bodies/render.ts), in milliseconds a body, alone and with a
 * second thread doing the same at once. Shared virtual machines run the same
 * work at speeds a third apart from one hour to the next, and their second
 * core may give much less than the first, so the build benchmark prints both
 * before and after its builds, and two runs' figures can be read against each
 * other.
 *
 * Run as a script (`node scripts/bench/calibrate.ts`), it prints one thread's
 * figure; the benchmark runs two such processes at once for the second.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBodyRenderer } from '../../src/bodies/render.ts';
import { ROOT, syntheticContent } from './synthetic.ts';

/** Bodies rendered first and not timed (the renderer's code warms up), then the bodies timed. */
const WARM_UP = 150;
const TIMED = 300;

/** Milliseconds one body takes to render on this thread. */
export async function bodyMilliseconds(): Promise<number> {
  const articles = join(ROOT, 'content/articles');
  const render = await createBodyRenderer({ articlesDir: articles });
  const jobs = Object.entries(syntheticContent(WARM_UP + TIMED))
    .filter(([path]) => path.startsWith('articles/'))
    .map(([path, text]) => {
      const { content, frontmatter } = parseFrontmatter(text);
      return {
        path: join(ROOT, 'content', path),
        markdown: content.trim(),
        frontmatter,
        page: 'https://broadsheet.example/2024/05/01/a/',
      };
    });
  for (const job of jobs.slice(0, WARM_UP)) await render(job);
  const started = performance.now();
  for (const job of jobs.slice(WARM_UP)) await render(job);
  return (performance.now() - started) / (jobs.length - WARM_UP);
}

/** One calibration in a process of its own: its figure, from what it prints. */
function inProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const figure = Number(out.trim());
      if (code === 0 && Number.isFinite(figure)) resolve(figure);
      else reject(new Error(`The calibration process failed (exit code ${String(code)}): ${out.trim()}`));
    });
  });
}

export interface MachineSpeed {
  /** Milliseconds a body on one thread, the machine otherwise idle. */
  alone: number;
  /** Milliseconds a body on each of two threads working at once (their mean). */
  together: number;
}

/** The machine's speed now: one thread alone, then two at once. */
export async function machineSpeed(): Promise<MachineSpeed> {
  const alone = await inProcess();
  const pair = await Promise.all([inProcess(), inProcess()]);
  return { alone, together: (pair[0] + pair[1]) / 2 };
}

/** "7.10 ms a body alone, 9.80 with two at once (1.45 cores' worth)". */
export const describeSpeed = ({ alone, together }: MachineSpeed): string =>
  `${alone.toFixed(2)} ms a body on one thread alone, ${together.toFixed(2)} ms with two at once ` +
  `(the two cores give ${((2 * alone) / together).toFixed(2)} cores' worth)`;

if (import.meta.main) console.log((await bodyMilliseconds()).toFixed(3));

/**
 * npm run bench:build [-- --articles 100,1000] [--keep]
 * Builds a copy of this project with N synthetic articles (scripts/bench/synthetic.ts,
 * default 1,000) under the system's temporary folder: cold (empty image cache, no
 * content cache), then warm (unchanged, same caches). Prints wall time, ms per
 * article, peak memory and each stage's time, read from the build's log as it
 * arrives. Then builds the same articles as a "floor": a bare Astro site with one
 * route that renders each article's Markdown, and prints the ratio.
 * Writes tests/.output/bench-build.md, and with several N tests/.output/bench-build.svg.
 * Exits 1 when a build fails or a target is missed (see TARGETS).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { describeSpeed, machineSpeed, type MachineSpeed } from './calibrate.ts';
import { appendRows, currentCommit, type BuildRow } from './results.ts';
import { linkPackages, makeTempSite, ROOT, syntheticContent, writeContent } from './synthetic.ts';

const OUTPUT = join(ROOT, 'tests/.output');
/** The history of every run, one row per article count (scripts/bench/results.ts). */
const RESULTS = join(ROOT, 'scripts/bench/results/build.csv');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';
const TARGETS = { coldMsPerArticle: 15, warmOverFloor: 2, peakBytes: 2 * 1024 ** 3, atArticles: 10_000 };

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } },
});
const counts = [...new Set(values.articles.split(',').map((n) => Number(n.trim().replace(/_/gu, ''))))].sort(
  (a, b) => a - b,
);
if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(
    `--articles must be positive whole numbers separated by commas (100,1000), not "${values.articles}"`,
  );
  process.exit(2);
}

// GNU time's -v reports the peak resident set of the largest process in the tree it waits for.
const timeWorks =
  existsSync(TIME) &&
  spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');

/** Folders to delete and the build running now, for the clean-up on exit or Ctrl-C. */
const temporary = new Set<string>();
let running: ChildProcess | undefined;

async function cleanUp(): Promise<void> {
  if (values.keep) {
    if (temporary.size > 0) console.log(`\nKept (--keep): ${[...temporary].join(' ')}`);
    return;
  }
  await Promise.all([...temporary].map((dir) => rm(dir, { recursive: true, force: true })));
  temporary.clear();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // The build runs in a process group of its own (detached), so Astro and Pagefind under it stop too.
    if (running?.pid !== undefined) process.kill(-running.pid, 'SIGTERM');
    console.error(`\nStopped by ${signal}; removing the temporary folders.`);
    void cleanUp().finally(() => process.exit(130));
  });
}

interface Line {
  /** Milliseconds since the process started. */
  at: number;
  text: string;
}

interface Run {
  /** Wall time in milliseconds, from spawn to exit. */
  wall: number;
  /** Peak resident set in bytes of the largest single process, when GNU time is there to measure it. */
  peak: number | undefined;
  /** Peak of the resident sets of all the build's processes together, sampled; undefined without /proc. */
  peakTotal: number | undefined;
  lines: Line[];
}

const SAMPLE_MS = 200;
/** Linux's /proc, from which the resident sets of all the build's processes are summed. */
const procWorks = existsSync('/proc/self/stat');

/**
 * The resident sets, in bytes, of every process in a process group added up
 * (Linux's /proc), or undefined where there is no /proc. The build script
 * stays in memory beside Astro and then Pagefind, so the largest process
 * alone is less than what the machine must hold.
 */
function groupResident(group: number): number | undefined {
  if (!procWorks) return undefined;
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/u.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The fields after the command's name, which is in brackets and may hold spaces: state, ppid, pgrp…
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      const kb = /^VmRSS:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // The process ended between the listing and the reading.
    }
  }
  return total;
}

/** Runs a command, timestamping each line of its output as it arrives; throws with its output if it fails. */
function run(what: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const command = timeWorks ? [TIME, '-v', process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  const child = spawn(command[0] ?? '', command.slice(1), {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  running = child;
  // Detached, the build leads a process group of its own, which its children join.
  let peakTotal: number | undefined;
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    const total = groupResident(child.pid);
    if (total !== undefined) peakTotal = Math.max(peakTotal ?? 0, total);
  }, SAMPLE_MS);
  const lines: Line[] = [];
  const timeLines: string[] = [];
  let timeReport = false;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (raw) => {
      const text = stripVTControlCharacters(raw);
      // GNU time writes its report last, on standard error, each line indented by a tab.
      if (stream === child.stderr && timeWorks && text.startsWith('\tCommand being timed:'))
        timeReport = true;
      const fromTime =
        timeReport ||
        (timeWorks && /^Command (?:exited with non-zero status|terminated by signal)/u.test(text));
      if (fromTime && stream === child.stderr) timeLines.push(text);
      else lines.push({ at: performance.now() - started, text });
    });
  }
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      reject(new Error(`${what}: could not start ${command.join(' ')}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearInterval(sampler);
      running = undefined;
      const wall = performance.now() - started;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/u.exec(timeLines.join('\n'))?.[1];
      if (code === 0) {
        resolve({ wall, peak: kb === undefined ? undefined : Number(kb) * 1024, peakTotal, lines });
        return;
      }
      const tail = lines
        .slice(-40)
        .map((line) => `  ${line.text}`)
        .join('\n');
      reject(
        new Error(
          `${what} failed (${signal ? `killed by ${signal}` : `exit code ${String(code)}`}). ` +
            `The last lines of its output:\n${tail}`,
        ),
      );
    });
  });
}

/**
 * Lines of the build's log that mark where a stage starts or ends, searched in this order.
 * Astro's own lines carry times to the second only, so the arrival time of each line is used.
 */
const EVENTS = {
  syncStart: /\[content\] Syncing content/u,
  synced: /\[content\] Synced content/u,
  routesStart: /generating static routes/u,
  // Astro's "✓ Completed" for the routes has no [build] prefix, unlike its other ones.
  routesDone: /^(?:\d\d:\d\d:\d\d )?✓ Completed in/u,
  // src/build/site-files-integration.ts, once the last preview image is drawn and every one is in the site.
  imagesDone: /\[broadsheet:site-files\] [\d,]+ preview images:/u,
  sitemapDone: /\[@astrojs\/sitemap\] `sitemap-index\.xml` created/u,
  astroDone: /\[build\] Complete!/u,
  indexed: /^Indexed \d+ pages? for search/u,
} as const;
type Event = keyof typeof EVENTS;

const PAGES_STAGE = 'pages (preview images drawn on workers meanwhile)';

/** Each stage: the event that starts it and the one that ends it (the first of several that is present). */
const STAGES = [
  { stage: 'start-up', from: ['start'], to: ['syncStart'] },
  { stage: 'content sync', from: ['syncStart'], to: ['synced'] },
  { stage: 'types and bundling', from: ['synced'], to: ['routesStart'] },
  { stage: PAGES_STAGE, from: ['routesStart'], to: ['routesDone'] },
  { stage: 'preview images still drawing after the pages', from: ['routesDone'], to: ['imagesDone'] },
  { stage: 'sitemap', from: ['imagesDone', 'routesDone'], to: ['sitemapDone'] },
  { stage: 'end of astro build', from: ['sitemapDone', 'routesDone'], to: ['astroDone'] },
  { stage: 'search index', from: ['astroDone'], to: ['indexed'] },
  { stage: 'exit (Broadsheet: swap in dist/, ledger)', from: ['indexed', 'astroDone'], to: ['end'] },
] as const satisfies readonly {
  stage: string;
  from: readonly (Event | 'start')[];
  to: readonly (Event | 'end')[];
}[];
type Stage = (typeof STAGES)[number]['stage'];

/** Where each route's time went, from Astro's "├─ /path (+12ms)" lines. */
// The preview images and Markdown copies are no routes: src/build/site-files-integration.ts writes them.
const ROUTE_KINDS = [
  { kind: 'article pages', test: (path: string) => /^\/\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/u.test(path) },
  { kind: 'feeds', test: (path: string) => /\/(?:feed\.xml|atom\.xml|feed\.json)$/u.test(path) },
  { kind: 'listings and other', test: () => true },
] as const;
type RouteKind = (typeof ROUTE_KINDS)[number]['kind'];

interface Measured {
  wall: number;
  /** All the build's processes together, at their peak (sampled). */
  peak: number | undefined;
  /** The largest single process (GNU time). */
  largest: number | undefined;
  stages: Partial<Record<Stage, number>>;
  routes: Partial<Record<RouteKind, number>>;
  pagesBuilt: number | undefined;
  /** Pages copied from the incremental-build cache instead of rendered. */
  restored: number;
  /** Preview images drawn in this build, and seconds from the first handed over to the last drawn. */
  images: { drawn: number; span: number } | undefined;
  /** Parts of the search index, and how many came from the cache. */
  search: { parts: number; cached: string } | undefined;
}

function analyse(result: Run, expected: readonly Event[]): Measured {
  const times: Partial<Record<Event | 'start' | 'end', number>> = { start: 0, end: result.wall };
  let from = 0;
  for (const [event, pattern] of Object.entries(EVENTS) as [Event, RegExp][]) {
    const index = result.lines.findIndex((line, i) => i >= from && pattern.test(line.text));
    const line = result.lines[index];
    if (index === -1 || !line) continue;
    times[event] = line.at;
    from = index + 1;
  }
  const missing = expected.filter((event) => times[event] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `The build's log has no line like ${missing.map((event) => String(EVENTS[event])).join(', ')} (or not in that order): ` +
        `Astro's or the build script's output has changed; update EVENTS in scripts/bench/build.ts.`,
    );
  }
  const stages: Partial<Record<Stage, number>> = {};
  for (const { stage, from: starts, to: ends } of STAGES) {
    const start = starts.map((event) => times[event]).find((t) => t !== undefined);
    const end = ends.map((event) => times[event]).find((t) => t !== undefined);
    if (start !== undefined && end !== undefined) stages[stage] = end - start;
  }
  const routes: Partial<Record<RouteKind, number>> = {};
  for (const line of result.lines) {
    const match = /[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/u.exec(line.text);
    if (!match) continue;
    const [, path = '', amount = '0', unit] = match;
    const kind = ROUTE_KINDS.find((candidate) => candidate.test(path))?.kind ?? 'listings and other';
    routes[kind] = (routes[kind] ?? 0) + Number(amount) * (unit === 's' ? 1000 : 1);
  }
  const built = result.lines
    .map((line) => /\[build\] (\d+) page\(s\) built/u.exec(line.text)?.[1])
    .find((n) => n !== undefined);
  const text = result.lines.map((line) => line.text).join('\n');
  const drawn =
    /preview images: ([\d,]+) drawn, [\d,]+ from the cache, (\d+(?:\.\d+)?) s from the first/u.exec(text);
  const indexed = /for search in (\d+) parts?(?: \((all|\d+) unchanged)?/u.exec(text);
  return {
    wall: result.wall,
    peak: result.peakTotal,
    largest: result.peak,
    stages,
    routes,
    images: drawn
      ? { drawn: Number(drawn[1]?.replaceAll(',', '')), span: Number(drawn[2]) * 1000 }
      : undefined,
    search: indexed ? { parts: Number(indexed[1]), cached: indexed[2] ?? '0' } : undefined,
    pagesBuilt: built === undefined ? undefined : Number(built),
    restored: result.lines.filter((line) => /[├└]─ \S+ \(restored\)/u.test(line.text)).length,
  };
}

/** A bare Astro site: a glob collection without a schema and one route that renders each article. */
const FLOOR_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'floor', private: true, type: 'module' })}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/articles' }) }),
};
`,
  'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><Content /></body>
</html>
`,
};

async function makeFloor(content: Record<string, string>, count: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `broadsheet-bench-floor-${String(count)}-`));
  temporary.add(root);
  await writeContent(root, FLOOR_FILES);
  const articles = Object.fromEntries(
    Object.entries(content).filter(([path]) => path.startsWith('articles/')),
  );
  await writeContent(join(root, 'content'), articles);
  await linkPackages(root);
  return root;
}

const pngsUnder = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.png')).length
    : 0;

interface Result {
  count: number;
  cold: Measured;
  warm: Measured;
  /** The build after one article's body was edited. */
  edited: Measured;
  floorCold: Measured;
  floorWarm: Measured;
  /** Why the floor could not be built, if it could not. */
  floorFailure?: string | undefined;
  images: number;
}

const MAIN_EVENTS = Object.keys(EVENTS) as Event[];
const FLOOR_EVENTS: readonly Event[] = ['syncStart', 'synced', 'routesStart', 'routesDone', 'astroDone'];

async function benchmark(count: number): Promise<Result> {
  console.log(`\n${count.toLocaleString('en')} articles: writing the site…`);
  const content = syntheticContent(count);
  const root = await makeTempSite(content, `broadsheet-bench-build-${String(count)}-`);
  temporary.add(root);
  const cache = await mkdtemp(join(tmpdir(), 'broadsheet-bench-cache-'));
  temporary.add(cache);
  const build = (pass: string) =>
    run(
      `The ${pass} build of ${String(count)} articles in ${root}`,
      [join(ROOT, 'scripts/build.ts'), root],
      ROOT,
      {
        BROADSHEET_CACHE_DIR: cache,
      },
    );
  const seconds = (ms: number) => (Number.isNaN(ms) ? 'failed' : `${(ms / 1000).toFixed(1)} s`);

  console.log('  cold build (empty caches)…');
  const coldRun = await build('cold');
  const cold = analyse(coldRun, MAIN_EVENTS);
  console.log(`  cold: ${seconds(cold.wall)}`);
  const images = pngsUnder(join(root, 'dist/og'));
  const indexed = coldRun.lines
    .map((line) => /^Indexed (\d+) pages?/u.exec(line.text)?.[1])
    .find((n) => n !== undefined);
  console.log('  warm build (unchanged, same caches)…');
  const warm = analyse(await build('warm'), MAIN_EVENTS);
  console.log(`  warm: ${seconds(warm.wall)}`);
  // An editor's correction: one paragraph added to the newest article.
  const [newest] = Object.keys(content)
    .filter((path) => path.startsWith('articles/'))
    .sort()
    .reverse();
  if (newest) await appendFile(join(root, 'content', newest), '\nA correction, added by an editor.\n');
  console.log('  one article edited…');
  const edited = analyse(await build('edited'), MAIN_EVENTS);
  console.log(`  one article edited: ${seconds(edited.wall)}`);

  const floor = await makeFloor(content, count);
  const floorBuild = (pass: string) =>
    run(`The ${pass} floor build of ${String(count)} articles in ${floor}`, [ASTRO, 'build'], floor, {});
  console.log('  floor: bare Astro, cold…');
  // A bare Astro site may itself fail at a size Broadsheet builds (out of memory): that is a result too.
  let floorFailure: string | undefined;
  const floorPass = async (pass: string): Promise<Measured> => {
    if (floorFailure !== undefined) return failed();
    try {
      return analyse(await floorBuild(pass), FLOOR_EVENTS);
    } catch (error) {
      floorFailure = error instanceof Error ? error.message : String(error);
      console.log(`  the floor failed: ${floorFailure}`);
      return failed();
    }
  };
  const floorCold = await floorPass('cold');
  console.log(`  floor cold: ${seconds(floorCold.wall)}; warm…`);
  const floorWarm = await floorPass('warm');
  console.log(`  floor warm: ${seconds(floorWarm.wall)}`);
  if (indexed !== undefined && Number(indexed) !== count) {
    throw new Error(
      `Pagefind indexed ${indexed} pages, not one per article (${String(count)}): some articles were not built.`,
    );
  }
  if (floorFailure === undefined && floorCold.pagesBuilt !== count) {
    throw new Error(
      `The floor built ${String(floorCold.pagesBuilt)} pages, not one per article (${String(count)}).`,
    );
  }
  // The folders are deleted at the end of the run, not here: on some file systems creating files right after
  // deleting tens of thousands is slower, which would slow the next size's cold build.
  return {
    count,
    cold,
    warm,
    edited,
    floorCold,
    floorWarm,
    floorFailure,
    images,
  };
}

/** A build that did not finish: its figures are NaN, shown as "failed". */
const failed = (): Measured => ({
  wall: Number.NaN,
  peak: undefined,
  largest: undefined,
  stages: {},
  routes: {},
  pagesBuilt: undefined,
  restored: 0,
  images: undefined,
  search: undefined,
});

const s = (ms: number | undefined) =>
  ms === undefined ? '–' : Number.isNaN(ms) ? 'failed' : (ms / 1000).toFixed(2);
const mb = (bytes: number | undefined) =>
  bytes === undefined ? 'not measured' : `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;
const perArticle = (m: Measured, count: number) => (m.wall / count).toFixed(1);
const n = (count: number) => count.toLocaleString('en');

const floorPeak = (r: Result) =>
  r.floorCold.peak === undefined || r.floorWarm.peak === undefined
    ? undefined
    : Math.max(r.floorCold.peak, r.floorWarm.peak);

function summaryTable(results: Result[]): string {
  const rows = results.map((r) =>
    [
      n(r.count),
      s(r.cold.wall),
      perArticle(r.cold, r.count),
      s(r.warm.wall),
      perArticle(r.warm, r.count),
      s(r.edited.wall),
      s(r.floorCold.wall),
      s(r.floorWarm.wall),
      r.floorFailure ? 'failed' : (r.cold.wall / r.floorCold.wall).toFixed(2),
      r.floorFailure ? 'failed' : (r.warm.wall / r.floorWarm.wall).toFixed(2),
      mb(r.cold.peak),
      mb(r.warm.peak),
      mb(floorPeak(r)),
      n(r.images),
    ].join(' | '),
  );
  return [
    '| articles | cold s | cold ms/article | warm s | warm ms/article | one edit s | floor cold s | floor warm s | cold ÷ floor cold | warm ÷ floor warm | peak cold (all processes) | peak warm | peak floor | images in dist/og |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function stageTable(r: Result): string {
  const columns = [r.cold, r.warm, r.edited, r.floorCold, r.floorWarm];
  const stageRows = STAGES.flatMap(({ stage }) => {
    const row = `| ${stage} | ${columns.map((m) => s(m.stages[stage])).join(' | ')} |`;
    if (stage !== PAGES_STAGE) return [row];
    // Astro times each route; the sum of a kind is its share of the pages stage.
    return [
      row,
      ...ROUTE_KINDS.map(
        ({ kind }) =>
          `| ↳ ${kind} (sum of route times; eight render at once, so the sums outrun the stage) | ${columns.map((m) => s(m.routes[kind])).join(' | ')} |`,
      ),
    ];
  });
  return [
    `| ${n(r.count)} articles: stage, seconds | cold | warm | one article edited | floor cold | floor warm |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| **wall time** | ${columns.map((m) => s(m.wall)).join(' | ')} |`,
    ...stageRows,
    `| preview images drawn (seconds from the first to the last, on worker threads) | ${columns.map((m) => (m.images ? `${n(m.images.drawn)} (${s(m.images.span)})` : '–')).join(' | ')} |`,
    `| search index parts (from the cache) | ${columns.map((m) => (m.search ? `${n(m.search.parts)} (${m.search.cached})` : '–')).join(' | ')} |`,
    `| pages built (Astro's count) | ${columns.map((m) => (m.pagesBuilt === undefined ? '–' : n(m.pagesBuilt))).join(' | ')} |`,
    `| pages copied from the incremental cache | ${columns.map((m) => n(m.restored)).join(' | ')} |`,
    `| peak memory, all processes together | ${columns.map((m) => mb(m.peak)).join(' | ')} |`,
    `| peak memory, the largest process | ${columns.map((m) => mb(m.largest)).join(' | ')} |`,
  ].join('\n');
}

function slowest(m: Measured): [string, number] {
  const [stage, ms] = Object.entries(m.stages).reduce((a, b) => (b[1] > a[1] ? b : a), ['–', 0]);
  return [stage, ms];
}

/** A straight line through the points by least squares, evaluated at x (needs two distinct x). */
function extrapolate(points: [number, number][], x: number): number | undefined {
  if (points.length < 2) return undefined;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(points.map(([px]) => px));
  const my = mean(points.map(([, py]) => py));
  const sxx = points.reduce((sum, [px]) => sum + (px - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = points.reduce((sum, [px, py]) => sum + (px - mx) * (py - my), 0) / sxx;
  return my + slope * (x - mx);
}

/** A failed build's first line, with the error its log names (Astro's "[SomeError]" line and its cause), if any. */
function failureSummary(failure: string): string {
  const lines = failure.split('\n').map((line) => line.trim());
  const error = lines.find((line) => /^\[\w+Error\]/u.test(line));
  const causedBy = lines.findIndex((line) => line === 'Caused by:');
  const cause = causedBy === -1 ? undefined : lines[causedBy + 1];
  return [lines[0]?.replace(/ The last lines of its output:$/u, ''), error, cause && `caused by: ${cause}`]
    .filter(Boolean)
    .join(' ');
}

/** Each target, measured where it applies, else the nearest measurement and a labelled extrapolation. */
function targets(results: Result[]): { text: string; missed: boolean } {
  const at = TARGETS.atArticles;
  const exact = results.find((r) => r.count === at);
  const largest = results[results.length - 1];
  if (!largest) return { text: '', missed: false };
  const lines: string[] = [];
  let missed = false;
  const verdict = (ok: boolean) => {
    if (!ok) missed = true;
    return ok ? 'met' : 'MISSED';
  };
  const estimate = (value: (r: Result) => number | undefined, format: (v: number) => string) => {
    const points = results.flatMap((r): [number, number][] => {
      const v = value(r);
      return v === undefined ? [] : [[r.count, v]];
    });
    // Below a tenfold spread, fixed costs and noise swamp the slope.
    const spread = Math.max(...points.map(([x]) => x)) / Math.min(...points.map(([x]) => x));
    const guess = spread >= 10 ? extrapolate(points, at) : undefined;
    return guess === undefined
      ? 'no estimate (that needs sizes at least tenfold apart, such as 100,1000)'
      : `about ${format(guess)} at ${n(at)} by a straight line through ${points.map(([x]) => n(x)).join(' and ')} (an estimate, not a measurement)`;
  };

  const coldMs = (r: Result) => r.cold.wall / r.count;
  lines.push(
    exact
      ? `- Cold build ≤ ${String(TARGETS.coldMsPerArticle)} ms/article at ${n(at)}: ${coldMs(exact).toFixed(1)} ms, ${verdict(coldMs(exact) <= TARGETS.coldMsPerArticle)}.`
      : `- Cold build ≤ ${String(TARGETS.coldMsPerArticle)} ms/article at ${n(at)}: not measured at ${n(at)}; ${coldMs(largest).toFixed(1)} ms/article at ${n(largest.count)}; ${estimate(
          (r) => r.cold.wall,
          (v) => `${(v / at).toFixed(1)} ms/article`,
        )}.`,
  );
  const floored = results.filter((r) => r.floorFailure === undefined).at(-1);
  const ratio = floored ? floored.warm.wall / floored.floorWarm.wall : Number.NaN;
  lines.push(
    floored
      ? `- Warm build ≤ ${String(TARGETS.warmOverFloor)}× the floor (at the largest size whose floor built, ${n(floored.count)}): ${ratio.toFixed(2)}× (${s(floored.warm.wall)} s against ${s(floored.floorWarm.wall)} s), ${verdict(ratio <= TARGETS.warmOverFloor)}.`
      : `- Warm build ≤ ${String(TARGETS.warmOverFloor)}× the floor: no floor built, nothing to compare.`,
    ...results
      .filter((r) => r.floorFailure !== undefined)
      .map((r) => `- The floor failed at ${n(r.count)} articles: ${failureSummary(r.floorFailure ?? '')}`),
  );
  const peakOf = (r: Result) => {
    const peaks = [r.cold.peak, r.warm.peak, r.edited.peak];
    return peaks.some((peak) => peak === undefined) ? undefined : Math.max(...(peaks as number[]));
  };
  const exactPeak = exact ? peakOf(exact) : undefined;
  lines.push(
    exact && exactPeak !== undefined
      ? `- Peak memory ≤ 2 GB at ${n(at)}: ${mb(exactPeak)}, ${verdict(exactPeak <= TARGETS.peakBytes)}.`
      : peakOf(largest) === undefined
        ? `- Peak memory ≤ 2 GB at ${n(at)}: not measured (needs Linux's /proc).`
        : `- Peak memory ≤ 2 GB at ${n(at)}: not measured at ${n(at)}; ${mb(peakOf(largest))} at ${n(largest.count)}; ${estimate(peakOf, mb)}.`,
  );
  const huge = results.find((r) => r.count >= 50_000);
  const heapFlag = (process.env.NODE_OPTIONS ?? '').includes('--max-old-space-size');
  lines.push(
    huge
      ? `- ${n(huge.count)} articles build without raising Node's default heap: built cold, warm and after an edit${heapFlag ? ', but NODE_OPTIONS sets --max-old-space-size, so it does not count' : ', with no --max-old-space-size'}, ${verdict(!heapFlag)}.`
      : `- 50,000 articles build without raising Node's default heap: not run (--articles 50000 runs it).`,
  );
  return { text: lines.join('\n'), missed };
}

/** Time and peak memory against the number of articles, as two line charts side by side. */
function chart(results: Result[]): string {
  const width = 960;
  const height = 440;
  const panel = { width: 400, height: 260, top: 50 };
  const xs = results.map((r) => r.count);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const log = max / min >= 10;
  const xPos = (value: number, left: number) => {
    const t =
      max === min ? 0.5 : log ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
    return left + 20 + t * (panel.width - 40);
  };
  /** A round step (1, 2, 2.5 or 5 times a power of ten) that divides 0…max into at most five. */
  const niceStep = (max: number) => {
    const rough = max / 5;
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    return ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  };
  const draw = (
    left: number,
    title: string,
    unit: string,
    series: { name: string; colour: string; dash?: string; value: (r: Result) => number | undefined }[],
  ) => {
    const all = series.flatMap((line) => results.map(line.value)).filter((v): v is number => v !== undefined);
    const step = niceStep(Math.max(...all, 1));
    const top = Math.ceil(Math.max(...all, 1) / step) * step;
    const yPos = (value: number) => panel.top + panel.height - (value / top) * panel.height;
    const parts = [
      `<text x="${String(left + panel.width / 2)}" y="30" text-anchor="middle" font-weight="bold">${title}</text>`,
      `<line x1="${String(left)}" y1="${String(panel.top + panel.height)}" x2="${String(left + panel.width)}" y2="${String(panel.top + panel.height)}" stroke="#444"/>`,
      `<line x1="${String(left)}" y1="${String(panel.top)}" x2="${String(left)}" y2="${String(panel.top + panel.height)}" stroke="#444"/>`,
    ];
    for (let value = 0; value <= top + step / 2; value += step) {
      const y = yPos(value);
      parts.push(
        `<line x1="${String(left)}" y1="${y.toFixed(1)}" x2="${String(left + panel.width)}" y2="${y.toFixed(1)}" stroke="#ddd"/>`,
        `<text x="${String(left - 6)}" y="${(y + 4).toFixed(1)}" text-anchor="end">${String(Number(value.toPrecision(3)))}</text>`,
      );
    }
    for (const x of xs) {
      parts.push(
        `<text x="${xPos(x, left).toFixed(1)}" y="${String(panel.top + panel.height + 18)}" text-anchor="middle">${n(x)}</text>`,
      );
    }
    parts.push(
      `<text x="${String(left + panel.width / 2)}" y="${String(panel.top + panel.height + 38)}" text-anchor="middle">articles${log ? ' (log scale)' : ''}</text>`,
      `<text transform="translate(${String(left - 44)} ${String(panel.top + panel.height / 2)}) rotate(-90)" text-anchor="middle">${unit}</text>`,
    );
    const legend = panel.top + panel.height + 60;
    series.forEach((line, i) => {
      const points = results.flatMap((r) => {
        const v = line.value(r);
        return v === undefined ? [] : [`${xPos(r.count, left).toFixed(1)},${yPos(v).toFixed(1)}`];
      });
      parts.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}/>`,
        ...points.map((point) => {
          const [cx = '0', cy = '0'] = point.split(',');
          return `<circle cx="${cx}" cy="${cy}" r="3" fill="${line.colour}"/>`;
        }),
        `<line x1="${String(left + 10)}" y1="${String(legend + i * 16)}" x2="${String(left + 30)}" y2="${String(legend + i * 16)}" stroke="${line.colour}" stroke-width="2"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}/>`,
        `<text x="${String(left + 36)}" y="${String(legend + 4 + i * 16)}">${line.name}</text>`,
      );
    });
    return parts.join('\n');
  };
  const toS = (ms: number) => ms / 1000;
  const toMb = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024 ** 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
${draw(70, 'Build time', 'seconds', [
  { name: 'Broadsheet cold', colour: '#b91c1c', value: (r) => toS(r.cold.wall) },
  { name: 'Broadsheet warm', colour: '#1d4ed8', value: (r) => toS(r.warm.wall) },
  {
    name: 'floor (bare Astro) warm',
    colour: '#6b7280',
    dash: '5 4',
    value: (r) => (r.floorFailure ? undefined : toS(r.floorWarm.wall)),
  },
])}
${draw(540, 'Peak memory (all processes)', 'MB', [
  { name: 'Broadsheet cold', colour: '#b91c1c', value: (r) => toMb(r.cold.peak) },
  { name: 'Broadsheet warm', colour: '#1d4ed8', value: (r) => toMb(r.warm.peak) },
  { name: 'floor (bare Astro)', colour: '#6b7280', dash: '5 4', value: (r) => toMb(floorPeak(r)) },
])}
</svg>
`;
}

const results: Result[] = [];
/** How fast the machine ran (scripts/bench/calibrate.ts), before and after the builds. */
let before: MachineSpeed;
let after: MachineSpeed;
try {
  before = await machineSpeed();
  console.log(`Machine speed: ${describeSpeed(before)}.`);
  if (!timeWorks)
    console.log(`${TIME} -v is not available: the largest process's peak memory is not measured.`);
  if (!procWorks)
    console.log('There is no /proc here: the peak memory of all processes together is not measured.');
  for (const count of counts) results.push(await benchmark(count));
  after = await machineSpeed();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  await cleanUp();
  process.exit(1);
}
await cleanUp();

const machine = `${String(availableParallelism())} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}`;
const largest = results[results.length - 1];
const verdicts = targets(results);
const report = [
  `# Build benchmark, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${machine}. Synthetic articles (scripts/bench/synthetic.ts, fixed seed), built with scripts/build.ts; ` +
    'cold: empty image and content caches; warm: the same build again, unchanged. ' +
    'Floor: a bare Astro site rendering the same articles (one route, no schema, no integrations).',
  '',
  `Machine speed (scripts/bench/calibrate.ts: rendering the same synthetic bodies; lower is faster): before the builds, ` +
    `${describeSpeed(before)}; after, ${describeSpeed(after)}.`,
  '',
  summaryTable(results),
  '',
  ...results.flatMap((r) => [stageTable(r), '']),
  ...(largest
    ? [
        `Slowest stage at ${n(largest.count)} articles: cold, ${slowest(largest.cold)[0]} (${s(slowest(largest.cold)[1])} s of ${s(largest.cold.wall)} s); ` +
          `warm, ${slowest(largest.warm)[0]} (${s(slowest(largest.warm)[1])} s of ${s(largest.warm.wall)} s).`,
        '',
      ]
    : []),
  'Targets:',
  '',
  verdicts.text,
  '',
  `Peak memory: the resident sets of all the build's processes (the build script, astro build with its ` +
    `worker threads, then Pagefind) added up, sampled every ${String(SAMPLE_MS)} ms from /proc, so a peak shorter than that ` +
    `may be missed, and memory two processes share is counted twice; the largest process alone is GNU time's ` +
    '"Maximum resident set size".',
].join('\n');

console.log(`\n${report}`);
await mkdir(OUTPUT, { recursive: true });
await writeFile(join(OUTPUT, 'bench-build.md'), `${report}\n`);
const svg = join(OUTPUT, 'bench-build.svg');
if (results.length > 1) {
  await writeFile(svg, chart(results));
  console.log('\nWrote tests/.output/bench-build.md and tests/.output/bench-build.svg.');
} else {
  // A chart from an earlier run would not match this report.
  await rm(svg, { force: true });
  console.log('\nWrote tests/.output/bench-build.md (the chart needs several sizes: --articles 100,1000).');
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : (ms / 1000).toFixed(1));
const megabytes = (bytes: number | undefined) =>
  bytes === undefined ? undefined : Math.round(bytes / 1024 ** 2);
const ratio = (a: number, b: number | undefined) =>
  b === undefined || b === 0 ? undefined : (a / b).toFixed(2);
const commit = currentCommit(ROOT);
const rows = results.map((r): BuildRow => {
  const floor = !r.floorFailure;
  const stage = (name: Stage) => seconds(r.cold.stages[name]);
  return {
    date: new Date().toISOString().slice(0, 10),
    commit,
    node: process.versions.node,
    machine_1thread_ms: before.alone.toFixed(2),
    machine_2threads_ms: before.together.toFixed(2),
    articles: r.count,
    cold_s: seconds(r.cold.wall),
    warm_s: seconds(r.warm.wall),
    edit_s: seconds(r.edited.wall),
    floor_cold_s: floor ? seconds(r.floorCold.wall) : undefined,
    floor_warm_s: floor ? seconds(r.floorWarm.wall) : undefined,
    cold_ms_per_article: (r.cold.wall / r.count).toFixed(1),
    cold_over_floor: floor ? ratio(r.cold.wall, r.floorCold.wall) : undefined,
    warm_over_floor: floor ? ratio(r.warm.wall, r.floorWarm.wall) : undefined,
    peak_cold_mb: megabytes(r.cold.peak),
    peak_warm_mb: megabytes(r.warm.peak),
    startup_s: stage('start-up'),
    content_sync_s: stage('content sync'),
    bundling_s: stage('types and bundling'),
    pages_s: stage(PAGES_STAGE),
    images_tail_s: stage('preview images still drawing after the pages'),
    sitemap_s: stage('sitemap'),
    astro_end_s: stage('end of astro build'),
    search_index_s: stage('search index'),
    exit_s: stage('exit (Broadsheet: swap in dist/, ledger)'),
  };
});
appendRows(RESULTS, rows);
console.log(
  `Appended ${String(rows.length)} row${rows.length === 1 ? '' : 's'} to scripts/bench/results/build.csv.`,
);
if (verdicts.missed) process.exitCode = 1;

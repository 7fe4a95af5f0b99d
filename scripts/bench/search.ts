/**
 * npm run bench:search [-- --dist <folder>] [--query <word>]... [--runs N]
 * What search costs on a built site (default dist/; any built Broadsheet dist
 * folder with --dist). First the Pagefind bundle in <dist>/pagefind/: bytes of
 * Pagefind's code and of the index, files, index chunks, fragments and pages
 * indexed. Then the search page in Chromium, served from the folder by a small
 * static server: opened at /search/?q=<first query> with an empty cache, and
 * each further query typed into the same page, to show what a second search
 * costs. For each: results, time until the page shows them, and requests and
 * bytes for the page, Pagefind's code and the index data. Prints the report
 * and writes it to tests/.output/bench-search.md. Exits 1 when the folder or
 * its index is missing, when no Chromium is found, or when a search finds nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../tests/helpers/browser.ts';
import { filesUnder, measureIndex } from '../search-index.ts';
import { DIST, ROOT } from './site.ts';

const OUTPUT = join(ROOT, 'tests/.output');
// Words in the real articles and in the synthetic ones (the word list in scripts/bench/synthetic.ts).
const DEFAULT_QUERIES = ['president', 'people'];
// The network is quiet once the server has sent nothing for this long.
const QUIET_MS = 500;
const TIMEOUT_MS = 60_000;

class Failure extends Error {}

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: DIST },
    query: { type: 'string', multiple: true },
    runs: { type: 'string', default: '5' },
  },
});
const queries = (values.query ?? DEFAULT_QUERIES).map((query) => query.trim());
const runs = Number(values.runs);
if (queries.some((query) => query === '') || !Number.isInteger(runs) || runs < 1) {
  console.error(
    'usage: npm run bench:search -- [--dist <built site>] [--query <word>]... [--runs <whole number ≥ 1>]',
  );
  process.exit(2);
}
const dist = resolve(values.dist);
// In the report: relative to the project when inside it, else absolute.
const inProject = relative(ROOT, dist);
const shownDist = inProject.startsWith('..') || isAbsolute(inProject) ? dist : inProject || '.';

const fmt = (n: number) => n.toLocaleString('en');

/** The Pagefind bundle on disk, with its files grouped as the browser fetches them. */
function bundleTable(): string {
  const folder = join(dist, 'pagefind');
  const { pages, bytes, indexBytes } = measureIndex(folder);
  const files = filesUnder(folder).map((file) => ({
    kind: kindOf(`/${relative(dist, file).split(sep).join('/')}`),
    bytes: statSync(file).size,
  }));
  const row = (label: string, kinds: readonly Kind[]) => {
    const chosen = files.filter((file) => kinds.includes(file.kind));
    return `| ${label} | ${fmt(chosen.length)} | ${fmt(chosen.reduce((sum, file) => sum + file.bytes, 0))} |`;
  };
  return [
    `Pages indexed (pagefind-entry.json): ${fmt(pages)}. Index proper (all but .js and .pagefind files, as the build reports it): ${fmt(indexBytes)} of ${fmt(bytes)} bytes.`,
    '',
    `| ${shownDist}/pagefind/ | files | bytes |`,
    '| --- | ---: | ---: |',
    row("Pagefind's code (.js, .pagefind WebAssembly)", ['code']),
    row('metadata (pagefind-entry.json, .pf_meta)', ['meta']),
    row('index chunks (index/*.pf_index)', ['chunk']),
    row('fragments, one per page (fragment/*.pf_fragment)', ['fragment']),
    row('total', ['code', 'meta', 'chunk', 'fragment', 'page']),
  ].join('\n');
}

type Kind = 'page' | 'code' | 'meta' | 'chunk' | 'fragment';

/** What a site path is: the page and its assets, or one of Pagefind's files. */
function kindOf(pathname: string): Kind {
  if (!pathname.startsWith('/pagefind/')) return 'page';
  if (/\.(?:js|pagefind)$/u.test(pathname)) return 'code';
  // In the first part (/pagefind/) or another (/pagefind/part-2/ and on: scripts/search-index.ts).
  if (/^\/pagefind\/(?:part-\d+\/)?index\//u.test(pathname)) return 'chunk';
  if (/^\/pagefind\/(?:part-\d+\/)?fragment\//u.test(pathname)) return 'fragment';
  return 'meta';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg)/u;

/** A response of the server: what it was and the bytes of its body as sent. */
interface Served {
  kind: Kind;
  bytes: number;
  status: number;
}

/**
 * Serves the folder on 127.0.0.1, gzipping text as most hosts do, and tells
 * `served` of each response. Pagefind's index files and WebAssembly are gzip
 * already (Pagefind unpacks them itself), so they go as they are, like any
 * unknown type.
 */
async function serve(
  root: string,
  served: (response: Served) => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://site').pathname);
    let file = resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + sep)) file = join(root, '404.html');
    else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    if (!found) file = join(root, '404.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(file);
    // Cacheable, as on a real host (public/_headers): a file asked for again comes from the browser's cache.
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=300' };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/u.test(request.headers['accept-encoding'] ?? '')) {
      // Compressed once per file: the time to compress is not what is measured.
      body = gzipped.get(file) ?? gzipSync(body);
      gzipped.set(file, body);
      headers['content-encoding'] = 'gzip';
    }
    const status = found ? 200 : 404;
    response.writeHead(status, headers).end(body);
    served({ kind: kindOf(pathname), bytes: body.length, status });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => {
          done();
        });
        server.closeAllConnections();
      }),
  };
}

interface StatusChange {
  /** Milliseconds since the page's time origin (the start of navigation). */
  at: number;
  text: string;
}
type Logged = typeof globalThis & { statusChanges?: StatusChange[] };

interface Search {
  query: string;
  results: number;
  shown: number;
  ms: number;
  served: Served[];
}

/**
 * The server's responses, each counted in the search that was running when it
 * was sent, and a wait for the network to fall quiet.
 */
function trackResponses() {
  const state = { search: 0, last: Date.now() };
  const searches: Served[][] = queries.map(() => []);
  return {
    state,
    searches,
    record(response: Served): void {
      searches[state.search]?.push(response);
      state.last = Date.now();
    },
    /** Resolves once the server has sent nothing for QUIET_MS. */
    async quiet(): Promise<void> {
      while (Date.now() - state.last < QUIET_MS) await new Promise((done) => setTimeout(done, 50));
    },
  };
}

/** One run: a new context (empty cache), the first query from the address, the rest typed in. */
async function run(
  browser: Browser,
  origin: string,
  responses: ReturnType<typeof trackResponses>,
): Promise<Search[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // Records each change of the live region that search.ts fills when a search is done.
    await context.addInitScript(() => {
      const log: StatusChange[] = [];
      (globalThis as Logged).statusChanges = log;
      document.addEventListener('readystatechange', () => {
        const status = document.querySelector('.search-status');
        if (document.readyState !== 'interactive' || !status) return;
        new MutationObserver(() => {
          log.push({ at: performance.now(), text: status.textContent });
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
    const page = await context.newPage();
    const searches: Search[] = [];
    for (const [index, query] of queries.entries()) {
      responses.state.search = index;
      let after = 0;
      if (index === 0) {
        await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, origin).href, {
          waitUntil: 'commit',
        });
      } else {
        // As a reader types: search.ts searches on each input event.
        after = await page.evaluate((text) => {
          const input = document.querySelector<HTMLInputElement>('input[name="q"]');
          if (!input) throw new Error('The search page has no input[name="q"].');
          input.value = text;
          const now = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return now;
        }, query);
      }
      const done = await page
        .waitForFunction(
          ({ text, since }) =>
            (globalThis as Logged).statusChanges?.find(
              (change) =>
                change.at >= since &&
                (change.text.includes(`“${text}”`) || change.text.startsWith('Search could not')),
            ) ?? false,
          { text: query, since: after },
          { timeout: TIMEOUT_MS },
        )
        .catch(() => {
          throw new Failure(
            `The search page showed no result count for “${query}” within ${TIMEOUT_MS / 1000} s.`,
          );
        });
      const change = (await done.jsonValue()) as StatusChange;
      if (change.text.startsWith('Search could not')) {
        throw new Failure(`The search page could not load Pagefind (${origin}pagefind/): “${change.text}”`);
      }
      const count = /^([\d,]+) articles? match/u.exec(change.text)?.[1];
      const results = count ? Number(count.replaceAll(',', '')) : 0;
      if (results === 0) {
        throw new Failure(
          `The search for “${query}” shows no results (the page says: ${change.text}). Choose a word the articles contain with --query.`,
        );
      }
      const shown = await page.locator('.search-results li').count();
      await responses.quiet();
      searches.push({
        query,
        results,
        shown,
        ms: change.at - after,
        served: responses.searches[index] ?? [],
      });
    }
    return searches;
  } finally {
    await context.close();
  }
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** The searches side by side: network figures from the first run, times from every run. */
function searchTable(all: Search[][]): string {
  const first = all[0] ?? [];
  const cell = (search: Search, kinds: readonly Kind[]) => {
    const chosen = search.served.filter((response) => kinds.includes(response.kind));
    return `${fmt(chosen.length)} / ${fmt(chosen.reduce((sum, response) => sum + response.bytes, 0))}`;
  };
  const count = (search: Search, kind: Kind) =>
    fmt(search.served.filter((response) => response.kind === kind).length);
  const times = first.map((_, index) => all.map((searches) => searches[index]?.ms ?? 0));
  const heads = first.map((search, index) =>
    index === 0 ? `1st search “${search.query}”, empty cache` : `then “${search.query}”, same page`,
  );
  const rows: [string, (search: Search, index: number) => string][] = [
    ['articles found (shown)', (search) => `${fmt(search.results)} (${fmt(search.shown)})`],
    [
      `time to results, ms: median of ${fmt(all.length)} (min–max)`,
      (_, index) => {
        const ms = times[index] ?? [];
        return `${fmt(Math.round(median(ms)))} (${fmt(Math.round(Math.min(...ms)))}–${fmt(Math.round(Math.max(...ms)))})`;
      },
    ],
    ['the page (HTML, CSS, JS, fonts): requests / bytes', (search) => cell(search, ['page'])],
    ["Pagefind's code (JS + WASM): requests / bytes", (search) => cell(search, ['code'])],
    ['index data: requests / bytes', (search) => cell(search, ['meta', 'chunk', 'fragment'])],
    [
      '– of which metadata / index chunks / fragments',
      (search) => `${count(search, 'meta')} / ${count(search, 'chunk')} / ${count(search, 'fragment')}`,
    ],
    ['total: requests / bytes', (search) => cell(search, ['page', 'code', 'meta', 'chunk', 'fragment'])],
  ];
  return [
    `| Chromium, ${shownDist} served on localhost | ${heads.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(heads.length)}`,
    ...rows.map(([label, value]) => `| ${label} | ${first.map(value).join(' | ')} |`),
  ].join('\n');
}

/** What a reader of the table should know, and anything odd in the runs. */
function notes(all: Search[][]): string[] {
  const lines = [
    'Requests and bytes are counted by the server: response bodies as sent (headers not counted). It gzips HTML, ' +
      "CSS, JS and JSON as most hosts do; Pagefind's index files and WASM are gzip already. Requests count until the network was quiet for " +
      `${QUIET_MS} ms after the results appeared. The first time runs from the start of navigation, the others ` +
      'from the input event; both include the 300 ms that debouncedSearch waits (Pagefind starts loading the ' +
      'index meanwhile). Network figures are from the first run.',
  ];
  const first = all[0] ?? [];
  const total = (search: Search) => search.served.reduce((sum, response) => sum + response.bytes, 0);
  const varied = first.some((search, index) =>
    all.some(
      (searches) =>
        searches[index]?.served.length !== search.served.length ||
        total(searches[index] ?? search) !== total(search),
    ),
  );
  if (varied) lines.push('Requests or bytes differed between runs.');
  const errors = all.flat().flatMap((search) => search.served.filter((response) => response.status >= 400));
  if (errors.length > 0) lines.push(`${fmt(errors.length)} responses had an error status (over all runs).`);
  return lines;
}

async function main(): Promise<void> {
  if (!existsSync(dist)) {
    throw new Failure(`${dist} does not exist: build the site (npm run build) or pass --dist <built site>.`);
  }
  if (!existsSync(join(dist, 'pagefind', 'pagefind-entry.json'))) {
    throw new Failure(
      `${dist} has no pagefind/ search index: build it with scripts/build.ts (npm run build), which writes the index.`,
    );
  }
  if (!existsSync(join(dist, 'search', 'index.html'))) {
    throw new Failure(`${dist} has no search page (search/index.html): is it a Broadsheet build?`);
  }
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    throw new Failure(
      `bench:search opens the search page in Chromium. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const bundle = bundleTable();
  let responses = trackResponses();
  const server = await serve(dist, (response) => {
    responses.record(response);
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      // Every host name but the local server fails to resolve: nothing leaves this machine, and no
      // request interception slows the page down.
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    const all: Search[][] = [];
    for (let i = 0; i < runs; i += 1) {
      responses = trackResponses();
      all.push(await run(browser, server.url, responses));
    }
    const report = [
      `# Search benchmark, ${new Date().toISOString().slice(0, 10)}`,
      '',
      `${shownDist}, Pagefind bundle:`,
      '',
      bundle,
      '',
      `Searches in Chromium ${browser.version()}, headless, 1280×800, no throttling:`,
      '',
      searchTable(all),
      '',
      ...notes(all),
    ].join('\n');
    console.log(report);
    await mkdir(OUTPUT, { recursive: true });
    await writeFile(join(OUTPUT, 'bench-search.md'), `${report}\n`);
    console.log('\nWrote tests/.output/bench-search.md.');
  } finally {
    await browser?.close();
    await server.stop();
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

/**
 * `npm run deploy:notify` against a loopback mock of IndexNow and of a WebSub
 * hub: what it sends on a first run, on a run after changes and after none, in
 * a dry run, and how it fails on bad settings and on HTTP errors.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INDEXNOW_BATCH, planNotify } from '../../../src/deploy/notify.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SITE = 'https://news.example.org/';
const KEY = 'test-key-0123456789';

interface Received {
  path: string;
  contentType: string | undefined;
  body: string;
}

let server: Server;
let base = '';
let received: Received[] = [];
/** The status the mock answers each path with. */
let answers: Record<string, number> = {};

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({
        path,
        contentType: request.headers['content-type'],
        body: Buffer.concat(chunks).toString(),
      });
      response.statusCode = answers[path] ?? (path === '/indexnow' ? 202 : 204);
      response.end(response.statusCode >= 400 ? 'the mock says no' : '');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The mock server has no port.');
  base = `http://127.0.0.1:${String(address.port)}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

let dir: string;
let dist: string;
let state: string;

/** URL path and lastmod of each page of the fixture dist. */
type Pages = Record<string, string>;

const sitemap = (pages: Pages) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Object.entries(
    pages,
  )
    .map(
      ([path, lastmod]) =>
        `<url><loc>${SITE}${path.slice(1)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
    .join('')}</urlset>`;

/** RSS, Atom and JSON Feed of one folder, naming `hub` when given; `marker` changes their bytes. */
async function writeFeeds(folder: string, hub: string | undefined, marker: string): Promise<void> {
  const url = (file: string) => `${SITE}${folder}${file}`;
  await mkdir(join(dist, folder), { recursive: true });
  await writeFile(
    join(dist, folder, 'feed.xml'),
    `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${marker}</title>` +
      `<atom:link href="${url('feed.xml')}" rel="self" type="application/rss+xml"/>` +
      `${hub ? `<atom:link href="${hub}" rel="hub"/>` : ''}</channel></rss>`,
  );
  await writeFile(
    join(dist, folder, 'atom.xml'),
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${marker}</title>` +
      `<link rel="alternate" href="${SITE}${folder}"/><link rel="self" href="${url('atom.xml')}"/>` +
      `${hub ? `<link rel="hub" href="${hub}"/>` : ''}</feed>`,
  );
  await writeFile(
    join(dist, folder, 'feed.json'),
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: marker,
      feed_url: url('feed.json'),
      ...(hub && { hubs: [{ type: 'WebSub', url: hub }] }),
      items: [],
    }),
  );
}

async function writeDist(pages: Pages, options: { hub?: boolean; marker?: string; key?: boolean } = {}) {
  const { hub = true, marker = 'one', key = true } = options;
  await writeFile(
    join(dist, 'sitemap-index.xml'),
    `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE}sitemap-0.xml</loc></sitemap></sitemapindex>`,
  );
  await writeFile(join(dist, 'sitemap-0.xml'), sitemap(pages));
  await writeFeeds('', hub ? `${base}/hub` : undefined, marker);
  await writeFeeds('authors/ann-author/', hub ? `${base}/hub` : undefined, 'unchanging');
  if (key) await writeFile(join(dist, `${KEY}.txt`), KEY);
}

const PAGES: Pages = {
  '/': '',
  '/2024/05/01/first/': '2024-05-01T09:00:00.000Z',
  '/2024/05/02/second/': '2024-05-02T09:00:00.000Z',
};

/** Runs the CLI as `npm run deploy:notify` does, with the mock's endpoint and the test's state file. */
function notify(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/deploy-notify.ts'), '--dist', dist, '--state', state, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          INDEXNOW_KEY: KEY,
          INDEXNOW_ENDPOINT: `${base}/indexnow`,
          ...env,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (status) => {
      done({ status, stdout, stderr });
    });
  });
}

const indexNowBodies = () =>
  received
    .filter((request) => request.path === '/indexnow')
    .map((request) => JSON.parse(request.body) as Record<string, unknown>);
const hubTopics = () =>
  received
    .filter((request) => request.path === '/hub')
    .map((request) => Object.fromEntries(new URLSearchParams(request.body)));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-notify-'));
  dist = join(dir, 'dist');
  state = join(dir, 'state', 'deploy-notify.json');
  await mkdir(dist, { recursive: true });
  received = [];
  answers = {};
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a first run', () => {
  it('submits every URL to IndexNow with the key, and tells the hub about every feed', async () => {
    await writeDist(PAGES);
    const run = await notify();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(indexNowBodies()).toEqual([
      {
        host: 'news.example.org',
        key: KEY,
        keyLocation: `${SITE}${KEY}.txt`,
        urlList: Object.keys(PAGES).map((path) => `${SITE}${path.slice(1)}`),
      },
    ]);
    expect(received.find((r) => r.path === '/indexnow')?.contentType).toBe('application/json; charset=utf-8');
    expect(hubTopics()).toEqual(
      [
        'feed.xml',
        'atom.xml',
        'feed.json',
        'authors/ann-author/feed.xml',
        'authors/ann-author/atom.xml',
        'authors/ann-author/feed.json',
      ].map((file) => ({ 'hub.mode': 'publish', 'hub.url': `${SITE}${file}` })),
    );
    expect(received.find((r) => r.path === '/hub')?.contentType).toBe('application/x-www-form-urlencoded');
    expect(existsSync(state)).toBe(true);
  });
});

describe('a later run', () => {
  it('sends nothing when nothing changed', async () => {
    await writeDist(PAGES);
    await notify();
    received = [];
    const run = await notify();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 URLs and 0 feeds changed since the last deploy');
    expect(received).toEqual([]);
  });

  it('sends only the URLs whose lastmod changed, new and removed URLs, and the feeds that changed', async () => {
    await writeDist(PAGES);
    await notify();
    received = [];
    const kept = Object.fromEntries(Object.entries(PAGES).filter(([path]) => path !== '/2024/05/02/second/'));
    await writeDist(
      {
        ...kept,
        '/2024/05/01/first/': '2024-05-03T10:00:00.000Z',
        '/2024/05/03/third/': '2024-05-03T09:00:00.000Z',
      },
      { marker: 'two' },
    );
    const run = await notify();
    expect(run.status).toBe(0);
    expect(indexNowBodies().map((body) => body.urlList)).toEqual([
      [`${SITE}2024/05/01/first/`, `${SITE}2024/05/03/third/`, `${SITE}2024/05/02/second/`],
    ]);
    expect(hubTopics().map((topic) => topic['hub.url'])).toEqual([
      `${SITE}feed.xml`,
      `${SITE}atom.xml`,
      `${SITE}feed.json`,
    ]);
  });
});

describe('planNotify', () => {
  it(`splits IndexNow submissions at ${INDEXNOW_BATCH.toLocaleString('en')} URLs`, async () => {
    await writeFile(join(dist, `${KEY}.txt`), KEY);
    const urls = new Map(
      Array.from({ length: INDEXNOW_BATCH + 1 }, (_, i) => [`${SITE}a/${String(i)}/`, '']),
    );
    const plan = planNotify(dist, { urls, feeds: [] }, undefined, new URL(SITE), {
      key: KEY,
      endpoint: `${base}/indexnow`,
    });
    const lists = plan.requests.map((request) => (JSON.parse(request.body) as { urlList: string[] }).urlList);
    expect(lists.map((list) => list.length)).toEqual([INDEXNOW_BATCH, 1]);
    expect(new Set(lists.flat()).size).toBe(INDEXNOW_BATCH + 1);
  });

  it('treats a state file of another site as none', async () => {
    await writeFile(join(dist, `${KEY}.txt`), KEY);
    const urls = new Map([[`${SITE}a/`, '2024-01-01']]);
    const previous = {
      version: 1 as const,
      site: 'https://other.example/',
      urls: { [`${SITE}a/`]: '2024-01-01' },
      feeds: {},
    };
    const plan = planNotify(dist, { urls, feeds: [] }, previous, new URL(SITE), {
      key: KEY,
      endpoint: `${base}/indexnow`,
    });
    expect(plan.changedUrls).toEqual([`${SITE}a/`]);
  });
});

describe('--dry-run', () => {
  it('prints each request it would send, sends none and writes no state', async () => {
    await writeDist(PAGES);
    const run = await notify(['--dry-run']);
    expect(run.status).toBe(0);
    expect(received).toEqual([]);
    expect(existsSync(state)).toBe(false);
    expect(run.stdout).toContain(`POST ${base}/indexnow`);
    expect(run.stdout).toContain(`"keyLocation":"${SITE}${KEY}.txt"`);
    expect(run.stdout).toContain(`POST ${base}/hub`);
    expect(run.stdout).toContain(`hub.mode=publish&hub.url=${encodeURIComponent(`${SITE}feed.xml`)}`);
    expect(run.stdout).toContain('Dry run: nothing sent');
  });
});

describe('failures', () => {
  it('an HTTP error from IndexNow fails the run, names the status, and keeps the old state', async () => {
    await writeDist(PAGES);
    answers['/indexnow'] = 422;
    const run = await notify();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /Failed: IndexNow \(3 URLs\) at http:\/\/127\.0\.0\.1:\d+\/indexnow answered 422 .*the mock says no/u,
    );
    expect(existsSync(state)).toBe(false);
  });

  it('an HTTP error from the hub fails the run too', async () => {
    await writeDist(PAGES);
    answers['/hub'] = 500;
    const run = await notify();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Failed: WebSub \(https:\/\/news\.example\.org\/feed\.xml\) .* answered 500/u);
  });

  it('an endpoint that does not answer fails the run', async () => {
    await writeDist(PAGES, { hub: false });
    const run = await notify([], { INDEXNOW_ENDPOINT: 'http://127.0.0.1:9/indexnow' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /IndexNow \(3 URLs\) at http:\/\/127\.0\.0\.1:9\/indexnow could not be reached/u,
    );
  });

  it.each([
    ['a malformed key', { INDEXNOW_KEY: 'bad key' }, {}, /INDEXNOW_KEY must be 8 to 128 letters/u],
    [
      'a key file missing from dist/',
      {},
      { key: false },
      /test-key-0123456789\.txt does not exist: build the site with the same INDEXNOW_KEY/u,
    ],
    [
      'another SITE_URL than the build',
      { SITE_URL: 'https://elsewhere.example/' },
      {},
      /dist\/ was built for https:\/\/news\.example\.org\/, but SITE_URL is https:\/\/elsewhere\.example\//u,
    ],
    ['no key and no hub', { INDEXNOW_KEY: '' }, { hub: false }, /Nothing to notify: set INDEXNOW_KEY/u],
    [
      'a bad endpoint',
      { INDEXNOW_ENDPOINT: 'api.indexnow.org' },
      {},
      /INDEXNOW_ENDPOINT must be an absolute http or https URL/u,
    ],
  ])('%s stops the run with a message that says what to fix', async (_name, env, distOptions, message) => {
    await writeDist(PAGES, distOptions);
    const run = await notify([], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.startsWith('deploy:notify: ')).toBe(true);
    expect(received).toEqual([]);
  });

  it('a dist/ without a sitemap is named', async () => {
    const run = await notify();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${join(dist, 'sitemap-index.xml')} does not exist: build the site before notifying`,
    );
  });

  it('a state file that is not JSON is named, with the way out', async () => {
    await writeDist(PAGES);
    await mkdir(dirname(state), { recursive: true });
    await writeFile(state, 'not json');
    const run = await notify();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The state file ${state} is not JSON`);
    expect(await readFile(state, 'utf8')).toBe('not json');
  });
});

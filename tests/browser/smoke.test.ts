/**
 * The built site in real Chromium, served by `astro preview`: the home page and
 * the first article render their headlines, load without a console error or a
 * failed request, and ask nothing of any host but this machine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';

const ARTICLE = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const HEADLINE = 'CSTO undergoes ‘baptism of fire’ in Kazakhstan';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

let preview: Preview | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  preview = await startPreview();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

/** What went wrong while a page loaded, as lines a failing assertion prints. */
interface Trouble {
  consoleErrors: string[];
  failedRequests: string[];
  offsiteRequests: string[];
}

/** A network request that would leave this machine (data: and blob: URLs never do). */
function offsite(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && !LOCAL_HOSTS.has(hostname);
}

/** Opens a page in a fresh context that records its trouble. */
async function openPage(): Promise<{ page: Page; trouble: Trouble }> {
  if (!browser) throw new Error('Chromium did not start');
  const context = await browser.newContext();
  const trouble: Trouble = { consoleErrors: [], failedRequests: [], offsiteRequests: [] };
  // Recorded by the request listener below; blocked here so a failing test still never reaches the web.
  await context.route('**/*', (route) =>
    offsite(route.request().url()) ? route.abort('blockedbyclient') : route.continue(),
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      trouble.consoleErrors.push(`${message.text()} (${url}:${lineNumber})`);
    }
  });
  page.on('pageerror', (error) => trouble.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (offsite(request.url())) trouble.offsiteRequests.push(request.url());
  });
  page.on('requestfailed', (request) =>
    trouble.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return { page, trouble };
}

/** Loads a path of the site and waits until the network has been quiet, so late requests count too. */
async function load(page: Page, path: string): Promise<void> {
  if (!preview) throw new Error('astro preview did not start');
  const response = await page.goto(new URL(path, preview.url).href, { waitUntil: 'networkidle' });
  expect(response?.status(), `status of ${path}`).toBe(200);
}

/** One assertion, so a failure lists every kind of trouble at once. */
function expectNoTrouble(trouble: Trouble): void {
  expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offsiteRequests: [] });
}

test('the home page shows its heading and the article’s headline, and loads cleanly', async () => {
  const { page, trouble } = await openPage();
  try {
    await load(page, '/');
    expect(await page.getByRole('heading', { level: 1, name: 'Latest articles' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: HEADLINE, exact: true }).isVisible()).toBe(true);
    expectNoTrouble(trouble);
  } finally {
    await page.context().close();
  }
});

test('the article page shows its headline, runs its script, and loads cleanly', async () => {
  const { page, trouble } = await openPage();
  try {
    await load(page, ARTICLE);
    const headline = page.getByRole('heading', { level: 1 });
    expect(await headline.innerText()).toBe(HEADLINE);
    expect(await headline.isVisible()).toBe(true);
    // The share script unhides "Copy link" where the Clipboard API exists (127.0.0.1 is a secure context).
    await page
      .getByRole('button', { name: 'Copy link', exact: true })
      .waitFor({ state: 'visible', timeout: 5_000 });
    expectNoTrouble(trouble);
  } finally {
    await page.context().close();
  }
});

test('the headline on the home page leads to the article', async () => {
  const { page, trouble } = await openPage();
  try {
    await load(page, '/');
    await page.getByRole('link', { name: HEADLINE, exact: true }).click();
    await page.waitForURL(`**${ARTICLE}`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(HEADLINE);
    expectNoTrouble(trouble);
  } finally {
    await page.context().close();
  }
});

/**
 * The hostile site (tests/helpers/hostile.ts) in Chromium, served by `astro
 * preview`: every HTML page loads without a dialog, a call to print, a request
 * to another origin, a navigation away or a script the site does not ship, and
 * the payloads in its text fields and bodies are shown as text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { resolveSiteUrl } from '../../src/site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import {
  describeElements,
  findActiveMarkup,
  hostileSite,
  htmlPages,
  shippedAssets,
  visible,
  type ShippedAssets,
  type Shown,
} from '../helpers/hostile.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { DIST } from '../helpers/project.ts';

// Built here, before the tests are collected: they are one per page of the build.
const hostile = await hostileSite();
const PAGES = await htmlPages(hostile.dist);
const site = resolveSiteUrl();
const TITLES = new Set(hostile.fixture.articles.map((article) => visible(article.title)));
const SEARCHES = ['alert', 'script', 'javascript', "<img src=x onerror=alert('search-query')>"];
/** The global functions a payload calls to show that it ran. */
const TRAPPED = ['alert', 'confirm', 'prompt', 'print'] as const;

let preview: Preview | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let shipped: ShippedAssets;
/** What went wrong on each open page; the context's hooks find the page's record here. */
const troubles = new WeakMap<Page, Trouble>();

/** Everything that would show a payload at work, as lines a failing assertion prints. */
interface Trouble {
  /** Calls to the trapped functions, dialogs, and what the page's security policy had to block. */
  ran: string[];
  offsiteRequests: string[];
  navigations: string[];
  popups: string[];
  uncaught: string[];
}

/**
 * Runs in every frame before its own scripts: the trapped functions report
 * their calls instead of acting, and so does any violation of the page's
 * policy, which means that something hostile got as far as the browser.
 */
function trap(names: readonly string[]): void {
  const report = (text: string): void => {
    (window as unknown as { hostileReport?: (text: string) => void }).hostileReport?.(text);
  };
  for (const name of names) {
    Object.defineProperty(window, name, {
      value: (...args: unknown[]) => {
        report(`${name}(${args.map(String).join(', ')})`);
        return null;
      },
      configurable: false,
      writable: false,
    });
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    report(`policy blocked ${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`.trim());
  });
}

beforeAll(async () => {
  // The real site, built from the same code by the global setup, says which scripts are the site's own.
  shipped = await shippedAssets(DIST);
  preview = await startPreview(hostile.root);
  browser = await launchBrowser();
  const origin = new URL(preview.url).origin;
  // One context for every page (each page keeps its own record), which saves a context's start-up per page.
  context = await browser.newContext();
  await context.exposeBinding('hostileReport', ({ page, frame }, text: string) => {
    troubles.get(page)?.ran.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(trap, TRAPPED);
  // Every request that would leave this server is recorded and blocked, so no test ever reaches the web.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
      troubles.get(route.request().frame().page())?.offsiteRequests.push(url.href);
    }
    return route.abort('blockedbyclient');
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await preview?.stop();
});

/** Opens a page that records its trouble. */
async function openPage(): Promise<{ page: Page; trouble: Trouble }> {
  if (!context || !preview) throw new Error('Chromium or astro preview did not start');
  const origin = new URL(preview.url).origin;
  const trouble: Trouble = { ran: [], offsiteRequests: [], navigations: [], popups: [], uncaught: [] };
  const page = await context.newPage();
  troubles.set(page, trouble);
  page.on('popup', (popup) => trouble.popups.push(popup.url()));
  page.on('dialog', (dialog) => {
    trouble.ran.push(`${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => trouble.uncaught.push(error.message));
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    if (!url.startsWith(`${origin}/`) && url !== 'about:blank' && url !== 'about:srcdoc') {
      trouble.navigations.push(url);
    }
  });
  return { page, trouble };
}

/** Loads a path and waits until the network has been quiet, so late requests and handlers count too. */
async function load(page: Page, path: string): Promise<void> {
  if (!preview) throw new Error('astro preview did not start');
  const response = await page.goto(new URL(path, preview.url).href, { waitUntil: 'networkidle' });
  const status = response?.status() ?? 0;
  if (path !== '/404.html' && (status < 200 || status >= 400)) throw new Error(`${path} answered ${status}`);
}

/** Active markup in the page as the browser now holds it, after every script has run. */
async function activeMarkup(page: Page): Promise<string[]> {
  const origin = preview ? new URL(preview.url).origin : site.origin;
  return findActiveMarkup(await page.evaluate(describeElements, undefined), {
    url: page.url(),
    origins: [origin, site.origin],
    shipped,
  });
}

/** Which of the texts that must be on the page are not visible in an element their selector matches. */
async function missingTexts(page: Page, shown: readonly Shown[]): Promise<string[]> {
  const missing: string[] = [];
  for (const selector of new Set(shown.map((item) => item.selector))) {
    const rendered = await page
      .locator(selector)
      .evaluateAll((elements) =>
        elements
          .filter((element) => element.checkVisibility())
          .map((element) => (element as HTMLElement).innerText),
      );
    const texts = rendered.map(visible);
    for (const item of shown.filter((entry) => entry.selector === selector)) {
      if (!texts.some((text) => text.includes(item.text)))
        missing.push(`${item.from}: ${selector} "${item.text}"`);
    }
  }
  return missing;
}

const NO_TROUBLE: Trouble = { ran: [], offsiteRequests: [], navigations: [], popups: [], uncaught: [] };

describe.concurrent('every page of the hostile site', () => {
  test('has pages to load: the articles, their authors, sources, topics and listings', ({ expect }) => {
    expect(PAGES.length).toBeGreaterThan(hostile.fixture.articles.length);
    expect(PAGES).toEqual(
      expect.arrayContaining([...hostile.fixture.articles.map((article) => article.path)]),
    );
  });

  test.for(PAGES)('%s runs nothing hostile and shows the payloads as text', async (path, { expect }) => {
    const { page, trouble } = await openPage();
    try {
      await load(page, path);
      if (path === hostile.fixture.redirectPath) {
        // The redirect page refreshes to the article at once: what is checked below is that article.
        await page.waitForURL(`**${hostile.fixture.articles[0]?.path ?? ''}`, { waitUntil: 'networkidle' });
      }
      expect(await activeMarkup(page)).toEqual([]);
      const shown = hostile.fixture.shown.filter((item) => item.path === path);
      expect(await missingTexts(page, shown)).toEqual([]);
      // Headlines in lists (latest, author, source, topic, archive, related reading) are text, as written.
      const headlines = await page.locator('.article-list h2 a, .related a').allInnerTexts();
      expect(headlines.map(visible).filter((title) => !TITLES.has(title))).toEqual([]);
      expect(trouble).toEqual(NO_TROUBLE);
    } finally {
      await page.close();
    }
  });

  test('the checks see a payload that gets through (the control)', async ({ expect }) => {
    const { page, trouble } = await openPage();
    try {
      await load(page, hostile.fixture.articles[0]?.path ?? '/');
      await page.evaluate(() => {
        document
          .querySelector('.body')
          ?.insertAdjacentHTML(
            'beforeend',
            `<p><img src="x" onerror="alert('control')"><a href="javascript:alert('control')">control</a></p>`,
          );
        alert('control');
      });
      const problems = await activeMarkup(page);
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringContaining('onerror'), expect.stringContaining('javascript:')]),
      );
      // The call made here, and the handler: run (and trapped) or blocked by the page's policy. Both reach
      // this process through a binding, and the handler's only once the image has failed to load: wait for them.
      await expect
        .poll(() => trouble.ran.length, {
          timeout: 10_000,
          message: 'the call and the handler, each trapped or blocked',
        })
        .toBeGreaterThanOrEqual(2);
      expect(trouble.ran).toEqual(expect.arrayContaining([expect.stringContaining('alert(control)')]));
    } finally {
      await page.close();
    }
  });

  test.for(SEARCHES)('the search page for %s runs nothing hostile', async (query, { expect }) => {
    const { page, trouble } = await openPage();
    try {
      await load(page, `/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.search-status').filter({ hasText: /\S/u }).waitFor({ timeout: 10_000 });
      expect(await activeMarkup(page)).toEqual([]);
      // The query is shown as the reader typed it; any results by their headlines, as text.
      expect(visible(await page.locator('.search-status').innerText())).toContain(visible(query));
      const results = await page.locator('.search-results h2 a').allInnerTexts();
      expect(results.map(visible).filter((title) => !TITLES.has(title))).toEqual([]);
      expect(trouble).toEqual(NO_TROUBLE);
    } finally {
      await page.close();
    }
  });
});

/**
 * The search page in Chromium, served by `astro preview`: a linked query (`?q=`) runs Pagefind on
 * the built index and lists the article first; a query typed into the form goes into the address;
 * without JavaScript the page says search needs it and points to the archive and the feeds.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { archiveIndexPath, feedPath, searchPath } from '../../src/lib/urls.ts';
import { chromiumOnPreview } from '../helpers/chromium-site.ts';

const ARTICLE = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const HEADLINE = 'CSTO undergoes ‘baptism of fire’ in Kazakhstan';

const started = chromiumOnPreview();

/** Opens a path of the site in a fresh context; `errors` collects console errors and uncaught exceptions. */
async function open(
  path: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const { browser, preview } = started();
  const page = await (await browser.newContext(options)).newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  const response = await page.goto(new URL(path, preview.url).href, { waitUntil: 'networkidle' });
  expect(response?.status(), `status of ${path}`).toBe(200);
  return { page, errors };
}

const results = (page: Page) => page.locator('.search-results > li');
const status = (page: Page) => page.getByRole('status');

test('a linked search lists the article first, as a link with its headline and an excerpt', async () => {
  const { page, errors } = await open('/search/?q=paratroopers');
  try {
    await results(page).first().waitFor({ timeout: 10_000 });
    const first = results(page).first();
    const link = first.getByRole('link');
    expect(await link.innerText()).toBe(HEADLINE);
    expect(new URL(await link.evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe(ARTICLE);
    expect(await first.locator('mark').first().innerText()).toMatch(/^paratroopers$/iu);
    expect(await first.innerText()).toContain('Irina Alksnis · 6 January 2022');
    expect(await status(page).innerText()).toBe('1 article matches “paratroopers”.');
    expect(await page.getByLabel(/Search the headlines/u).inputValue()).toBe('paratroopers');
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('a search typed into the form goes into the address, and a miss says so', async () => {
  const { page, errors } = await open('/search/');
  try {
    const field = page.getByRole('searchbox');
    await field.fill('peacekeepers');
    await field.press('Enter');
    await results(page).first().waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('peacekeepers');
    expect(new URL(page.url()).pathname).toBe(searchPath());

    await field.fill('xylophone');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No article matches “xylophone”.').waitFor({ timeout: 10_000 });
    expect(await results(page).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('xylophone');
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('without JavaScript, the page says search needs it and points to the archive and the feeds', async () => {
  const { page } = await open('/search/?q=paratroopers', { javaScriptEnabled: false });
  try {
    // getByText does not look inside <noscript>, even when it is shown.
    const message = page.locator('.search-noscript');
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toMatch(
      /^Search needs JavaScript, .* archive, and the feeds carry them all: RSS, Atom and JSON Feed\.$/u,
    );
    const links = message.getByRole('link');
    expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual([
      archiveIndexPath(),
      feedPath('rss'),
      feedPath('atom'),
      feedPath('json'),
    ]);
    expect(await results(page).count()).toBe(0);
  } finally {
    await page.context().close();
  }
});

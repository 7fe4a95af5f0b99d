/** The Content Security Policy in Chromium: no page in the sitemap breaks its own policy. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { DIST } from '../helpers/project.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

let preview: Preview | undefined;
let browser: Browser | undefined;
let paths: string[] = [];

beforeAll(async () => {
  [preview, browser, paths] = await Promise.all([startPreview(), launchBrowser(), sitemapPaths(DIST)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

test('no page in the sitemap, nor the search page, violates its Content Security Policy', async () => {
  if (!browser || !preview) throw new Error('not started');
  const violations: string[] = [];
  for (const path of [...paths, '/search/?q=paratroopers']) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    await page.goto(new URL(path, preview.url).href, { waitUntil: 'networkidle' });
    const found = await page.evaluate(
      () => (window as unknown as { violations?: string[] }).violations ?? [],
    );
    violations.push(...found.map((violation) => `${path}: ${violation}`));
    await context.close();
  }
  expect(violations).toEqual([]);
});

/** The Content Security Policy in Chromium: no page in the sitemap breaks its own policy. */
import { beforeAll, expect, test } from 'vitest';
import { chromiumOnPreview } from '../helpers/chromium-site.ts';
import { DIST } from '../helpers/project.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

const started = chromiumOnPreview();
let paths: string[] = [];

beforeAll(async () => {
  paths = await sitemapPaths(DIST);
});

test('no page in the sitemap, nor the search page, violates its Content Security Policy', async () => {
  const { browser, preview } = started();
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

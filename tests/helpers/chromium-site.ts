/**
 * For a browser test file: Chromium and `astro preview` of the built dist/,
 * started together before the file's tests and stopped after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startPreview, type Preview } from './preview.ts';

/** Registers the file's hooks; the function it returns gives both, or throws when either did not start. */
export function chromiumOnPreview(): () => { browser: Browser; preview: Preview } {
  let preview: Preview | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [preview, browser] = await Promise.all([startPreview(), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
  return () => {
    if (!browser || !preview) throw new Error('Chromium or astro preview did not start');
    return { browser, preview };
  };
}

/**
 * Body images in Chromium, on the publishing fixture site (tests/helpers/publishing.ts)
 * served by `astro preview`, on a desktop and on a phone: every image loads as
 * AVIF, at a size that fits its slot and the screen's density; the slot is
 * what its `sizes` says; the page keeps each image's room before it arrives,
 * so nothing moves; the lead image is the largest paint and comes first.
 */
import { imageSize } from 'image-size';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { PICTURES_PATH, publishingSite } from '../helpers/publishing.ts';

const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true },
] as const;
/** How long each image request is held back, so that the page is laid out before any image arrives. */
const IMAGE_DELAY_MS = 600;

let preview: Preview | undefined;
let browser: Browser | undefined;
let dist: string;

beforeAll(async () => {
  const site = await publishingSite();
  dist = site.dist;
  preview = await startPreview(site.root);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

/** What one image is in the page, measured in the browser. */
interface Shown {
  /** The box's width and height in CSS pixels. */
  box: { width: number; height: number };
  /** Its width and height attributes. */
  attributes: { width: number; height: number };
  /** The width its `sizes` gives, evaluated by the browser, in CSS pixels. */
  slot: number;
  /** The widest file its AVIF srcset offers. */
  widest: number;
  currentSrc: string;
  complete: boolean;
  naturalWidth: number;
}

/** Measures every body image. Runs in the page. */
function measure(): Shown[] {
  /** The width a `sizes` attribute gives: the first entry whose media condition matches, as the browser computes it. */
  const slotOf = (sizes: string): number => {
    const entries = sizes.split(/,(?![^(]*\))/u).map((entry) => entry.trim());
    const chosen =
      entries.find((entry) => {
        const media = /^(\(.*\))\s+(\S.*)$/u.exec(entry);
        return media?.[1] !== undefined && matchMedia(media[1]).matches;
      }) ?? entries.at(-1);
    const length = (/^\(.*\)\s+(\S.*)$/u.exec(chosen ?? '')?.[1] ?? chosen ?? '').trim();
    const probe = document.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;height:0;width:${length}`;
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width;
  };
  return [...document.querySelectorAll('article .body picture')].map((picture) => {
    const img = picture.querySelector('img');
    const avif = picture.querySelector('source[type="image/avif"]');
    if (!img || !avif) throw new Error('A picture without its <img> or AVIF source');
    const rect = img.getBoundingClientRect();
    return {
      box: { width: rect.width, height: rect.height },
      attributes: { width: Number(img.getAttribute('width')), height: Number(img.getAttribute('height')) },
      slot: slotOf(avif.getAttribute('sizes') ?? ''),
      widest: Math.max(
        ...(avif.getAttribute('srcset') ?? '')
          .split(',')
          .map((c) => Number.parseInt(c.trim().split(/\s+/u)[1] ?? '0', 10)),
      ),
      currentSrc: img.currentSrc,
      complete: img.complete,
      naturalWidth: img.naturalWidth,
    };
  });
}

/**
 * Before the page's own scripts: sums the layout shifts of the article's body
 * (the header's theme toggle, which the page's script shows, is another matter)
 * and records the element of the largest paint.
 */
function observe(): void {
  const record = window as unknown as { bodyShift: number; lcp: Element | null };
  record.bodyShift = 0;
  record.lcp = null;
  type Shift = PerformanceEntry & {
    value: number;
    hadRecentInput: boolean;
    sources: { node: Node | null }[];
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Shift[]) {
      const inBody = entry.sources.some((source) => source.node?.parentElement?.closest('article .body'));
      if (!entry.hadRecentInput && inBody) record.bodyShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1) as (PerformanceEntry & { element: Element | null }) | undefined;
    if (last) record.lcp = last.element;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** Whether the largest paint so far is the body's first image. Runs in the page. */
const leadIsLargestPaint = (): boolean =>
  (window as unknown as { lcp: Element | null }).lcp === document.querySelector('article .body img');

describe.each(SCREENS)('on a $name', (screen) => {
  let page: Page;
  let before: Shown[];
  let after: Shown[];
  let leadIsLcp: boolean;
  const problems: string[] = [];
  const imageRequests: string[] = [];

  beforeAll(async () => {
    if (!browser || !preview) throw new Error('Chromium or astro preview did not start');
    const context = await browser.newContext({
      viewport: screen.viewport,
      deviceScaleFactor: screen.deviceScaleFactor,
      isMobile: screen.isMobile,
    });
    await context.addInitScript(observe);
    const origin = new URL(preview.url).origin;
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      // Nothing leaves this machine.
      if (new URL(url).origin !== origin) return route.abort('blockedbyclient');
      if (route.request().resourceType() === 'image') {
        imageRequests.push(new URL(url).pathname);
        await new Promise((resolve) => setTimeout(resolve, IMAGE_DELAY_MS));
      }
      return route.continue();
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('requestfailed', (request) =>
      problems.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${String(response.status())}`);
    });
    await page.goto(new URL(PICTURES_PATH, preview.url).href, { waitUntil: 'domcontentloaded' });
    // Laid out, no image yet: they are all held back.
    before = await page.evaluate(measure);
    // The largest paint once the lead has arrived, before scrolling brings the chart, larger on a phone, into view.
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('article .body img')?.complete);
    // The browser reports the paint a little after it: wait for the report, up to a few seconds.
    leadIsLcp = await page.waitForFunction(leadIsLargestPaint, undefined, { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    // Scroll through the article, so the lazy image is asked for too, then wait for every image.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      scrollTo(0, 0);
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('article .body img')].every((img) => (img as HTMLImageElement).complete),
    );
    await page.waitForLoadState('networkidle');
    after = await page.evaluate(measure);
  }, 60_000);

  afterAll(async () => {
    await page.context().close();
  });

  test('every image loads, as AVIF, with no failed request or console error', () => {
    expect(after.length).toBe(2);
    for (const image of after) {
      expect(image.complete && image.naturalWidth > 0, image.currentSrc).toBe(true);
      expect(new URL(image.currentSrc).pathname).toMatch(/\.avif$/u);
    }
    expect(problems).toEqual([]);
  });

  test('each image is shown as wide as its sizes says, and a file wide enough for the screen’s density is chosen', async () => {
    for (const image of after) {
      expect(Math.abs(image.box.width - image.slot), image.currentSrc).toBeLessThan(1);
      // naturalWidth is corrected for the density the browser chose: the file itself says how wide it is.
      const file = await readFile(join(dist, decodeURIComponent(new URL(image.currentSrc).pathname)));
      expect(imageSize(file).width, image.currentSrc).toBeGreaterThanOrEqual(
        Math.min(Math.ceil(image.slot * screen.deviceScaleFactor), image.widest),
      );
    }
  });

  test('each image keeps its room before it loads: the same box, in the proportions of its width and height, and no layout shift', async () => {
    expect(before.map((image) => image.complete)).toEqual([false, false]);
    expect(before.map((image) => image.box)).toEqual(after.map((image) => image.box));
    for (const image of after) {
      const ratio = image.attributes.width / image.attributes.height;
      expect(Math.abs(image.box.height - image.box.width / ratio)).toBeLessThan(1);
    }
    expect(await page.evaluate(() => (window as unknown as { bodyShift: number }).bodyShift)).toBe(0);
  });

  test('the lead image is asked for first, and is the largest paint', () => {
    const files = after.map((image) => new URL(image.currentSrc).pathname);
    expect(imageRequests.find((path) => files.includes(path))).toBe(files[0]);
    expect(leadIsLcp).toBe(true);
  });
});

/**
 * Reading in a real browser: accessibility (axe-core, light and dark, every
 * page in the sitemap), the theme toggle and its pre-paint set-up, the
 * keyboard, narrow screens and print. Screenshots of the article go to
 * tests/.output/screenshots/ for a person to look at.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumOnPreview } from '../helpers/chromium-site.ts';
import { DIST, ROOT } from '../helpers/project.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

const ARTICLE = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const SHOTS = join(ROOT, 'tests/.output/screenshots');

const started = chromiumOnPreview();
let paths: string[] = [];

beforeAll(async () => {
  paths = await sitemapPaths(DIST);
  await mkdir(SHOTS, { recursive: true });
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const { browser, preview } = started();
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(new URL(path, preview.url).href);
  return page;
}

describe('accessibility', () => {
  test('the sitemap lists the article and the listing pages', () => {
    expect(paths).toContain(ARTICLE);
    expect(paths).toContain('/');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe-core finds no WCAG 2.2 AA violation on any page in the sitemap, ${colorScheme}`, async () => {
      for (const path of paths) {
        const page = await open(path, { colorScheme });
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
        await page.context().close();
      }
    });
  }

  test('every page has one h1, a main landmark and a language', async () => {
    for (const path of paths) {
      const page = await open(path);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.locator('main').count(), path).toBe(1);
      expect(await page.getAttribute('html', 'lang'), path).toBeTruthy();
      await page.context().close();
    }
  });
});

describe('themes', () => {
  test('a remembered dark theme is set before the first paint, against a light system setting', async () => {
    const { browser, preview } = started();
    const context = await browser.newContext({ colorScheme: 'light' });
    await context.addInitScript(() => {
      localStorage.setItem('theme', 'dark');
      // When <body> is inserted, nothing has been painted yet: record the theme then.
      new MutationObserver((_, observer) => {
        // Typed as always present, but null until the parser reaches <body>.
        if (!(document.body as HTMLElement | null)) return;
        observer.disconnect();
        const root = document.documentElement;
        (window as unknown as { atBody: string[] }).atBody = [
          root.dataset.theme ?? '',
          getComputedStyle(root).colorScheme,
        ];
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(new URL(ARTICLE, preview.url).href);
    expect(await page.evaluate(() => (window as unknown as { atBody: string[] }).atBody)).toEqual([
      'dark',
      'dark',
    ]);
    await context.close();
  });

  test('the toggle switches the theme, says so, and remembers it', async () => {
    const page = await open(ARTICLE, { colorScheme: 'light' });
    const toggle = page.locator('.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(before);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('.theme-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });

  test('without JavaScript the system setting decides and the toggle stays hidden', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const page = await open(ARTICLE, { colorScheme, javaScriptEnabled: false });
      expect(await page.locator('.theme-toggle').isHidden()).toBe(true);
      const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.context().close();
      return color;
    };
    const [light, dark] = [await background('light'), await background('dark')];
    expect(light).not.toBe(dark);
    // The dark page is dark: its background's channels are all low.
    expect(Math.max(...(dark.match(/\d+/gu) ?? []).slice(0, 3).map(Number))).toBeLessThan(64);
  });

  // Its script may run after the first paint: before the toggle kept its place, Lighthouse's mobile run measured CLS 0.011.
  // In dark, the script also changes its label to "Light theme".
  test('showing the toggle moves nothing: the page lays out the same without JavaScript', async () => {
    const layout = async (javaScriptEnabled: boolean, width: number, colorScheme: 'light' | 'dark') => {
      const page = await open(ARTICLE, { viewport: { width, height: 800 }, javaScriptEnabled, colorScheme });
      const boxes = await page.evaluate(() =>
        ['.site-name', '.site-header nav', '#main'].map((selector) => {
          const box = document.querySelector(selector)?.getBoundingClientRect();
          return `${selector} ${String(box?.left)},${String(box?.top)}`;
        }),
      );
      await page.context().close();
      return boxes;
    };
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [320, 412, 1024]) {
        expect(await layout(true, width, colorScheme), `${colorScheme}, ${String(width)} px`).toEqual(
          await layout(false, width, colorScheme),
        );
      }
    }
  });
});

describe('keyboard', () => {
  test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent.trim())).toBe('Skip to content');
    expect(await page.locator('.skip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  test('every link and button can be reached with Tab and shows where focus is', async () => {
    const page = await open(ARTICLE);
    const focusable = await page.locator('a[href]:visible, button:visible').count();
    for (let i = 0; i < focusable + 2; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        element.dataset.reached = 'yes';
        const style = getComputedStyle(element);
        return {
          key: element.outerHTML.slice(0, 120),
          outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      if (state) expect(state.outline, state.key).toBe(true);
    }
    const missed = await page
      .locator('a[href]:visible:not([data-reached]), button:visible:not([data-reached])')
      .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)));
    expect(missed).toEqual([]);
    await page.context().close();
  });
});

describe('layout', () => {
  // The article's kicker stands 2rem below the header's rule; every other page's first block as far.
  test('on every page the first text stands as far below the header as on the article page', async () => {
    const gaps = new Map<string, number>();
    for (const path of [...paths, '/search/', '/404.html']) {
      const page = await open(path);
      const gap = await page.evaluate(() => {
        const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? Number.NaN;
        const first = document
          .querySelector('main *:is(h1, h2, p, li, .kicker)')
          ?.getBoundingClientRect().top;
        return (first ?? Number.NaN) - header;
      });
      gaps.set(path, Math.round(gap));
      await page.context().close();
    }
    const article = gaps.get(ARTICLE) ?? Number.NaN;
    expect(article).toBeGreaterThanOrEqual(24);
    for (const [path, gap] of gaps) expect(gap, path).toBeGreaterThanOrEqual(article - 2);
  });
});

describe('small screens and print', () => {
  // Links inside sentences are exempt from the target size (WCAG 2.5.8); controls and navigation are not.
  test('no page scrolls sideways at 320 px, and touch targets are at least 24 px high', async () => {
    for (const path of paths) {
      const page = await open(path, {
        viewport: { width: 320, height: 640 },
        isMobile: true,
        hasTouch: true,
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      const small = await page.$$eval('.site-header a, .site-footer a, nav a, button', (elements) =>
        elements
          .filter((element) => (element as HTMLElement).offsetParent !== null)
          .map((element) => ({
            text: element.textContent.trim(),
            height: element.getBoundingClientRect().height,
          }))
          .filter(({ height }) => height < 24),
      );
      expect(small, path).toEqual([]);
      await page.context().close();
    }
  });

  test('print shows the article, its metadata and its permalink, and nothing else', async () => {
    const page = await open(ARTICLE);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    for (const selector of [
      'article h1',
      'article .dek',
      '.byline',
      '.dateline',
      '.source',
      '.body',
      '.permalink',
    ]) {
      expect(await shown(selector), selector).toBe(true);
    }
    for (const selector of ['.site-header', '.site-footer', 'nav.share', '.topics', '.skip', '.pilcrow']) {
      expect(await shown(selector), selector).toBe(false);
    }
    await page.screenshot({ path: join(SHOTS, 'article-print.png'), fullPage: true });
    await page.context().close();
  });

  test('screenshots of the article: light, dark and phone', async () => {
    const shots = [
      ['article-light.png', { colorScheme: 'light' }],
      ['article-dark.png', { colorScheme: 'dark' }],
      [
        'article-phone.png',
        { colorScheme: 'light', viewport: { width: 375, height: 812 }, isMobile: true, deviceScaleFactor: 2 },
      ],
    ] as const;
    for (const [name, options] of shots) {
      const page = await open(ARTICLE, options);
      const file = join(SHOTS, name);
      await page.screenshot({ path: file, fullPage: true });
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
      await page.context().close();
    }
  });
});

/**
 * The design as readers see it, in Chromium, Firefox and WebKit over one
 * `astro preview` of the reader site (tests/helpers/reader-site.ts):
 * - the text face is the self-hosted one in every engine, so the same article
 *   lays out the same: its headline and text blocks take the same boxes;
 * - the measure holds 60 to 75 characters a line at desktop width;
 * - acronyms are set in real small capitals, and figures in running text are old-style;
 * - the CSS-only reading-progress rule follows the scroll where the engine has
 *   scroll-driven animations, and draws nothing where it has not;
 * - cross-document view transitions are asked for only when the reader allows motion.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ENGINES,
  launchEngine,
  type Engine,
  type EngineName,
  type EnginePage,
} from '../helpers/engines/index.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { READER_PAGES, readerSite } from '../helpers/reader-site.ts';

const ARTICLE = READER_PAGES['first-article'];
const WIDTHS = [390, 1280] as const;

interface Layout {
  faces: string[];
  boxes: Record<string, [number, number] | null>;
  charsPerLine: number;
  caps: { features: string; family: string } | null;
  numeric: string;
}

// The boxes compared across engines, rounded to whole pixels.
const LAYOUT = `(() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return [Math.round(r.width), Math.round(r.height)];
  };
  // Characters a line over the body's paragraphs: their text length over the lines their text fills.
  let chars = 0, lines = 0;
  for (const p of document.querySelectorAll('.body > p')) {
    const range = document.createRange();
    range.selectNodeContents(p);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top)));
    const text = p.textContent.replace(/\\u00b6/g, '').trim();
    if (tops.size > 2) { chars += text.length; lines += tops.size; }
  }
  const caps = document.querySelector('.body .caps');
  return {
    faces: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')),
    boxes: { h1: box('h1'), dek: box('.dek'), body: box('.body'), first: box('.body > p') },
    charsPerLine: lines ? chars / lines : 0,
    caps: caps ? { features: getComputedStyle(caps).fontFeatureSettings, family: getComputedStyle(caps).fontFamily } : null,
    numeric: getComputedStyle(document.querySelector('.body > p')).fontVariantNumeric,
  };
})()`;

/** Waits until `expression` is true in the page: evaluate() passes values, not promises. */
async function until(page: EnginePage, expression: string, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (await page.evaluate<boolean>(expression)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Resolves once the page's fonts have loaded (document.fonts.ready). */
async function fontsLoaded(page: EnginePage): Promise<void> {
  await page.evaluate(`(document.fonts.ready.then(() => { window.__fontsReady = true; }), true)`);
  await until(page, 'window.__fontsReady === true', 'document.fonts.ready');
}

let preview: Preview | undefined;
const layouts = new Map<string, Layout>();

beforeAll(async () => {
  const site = await readerSite();
  preview = await startPreview(site.root);
}, 600_000);

afterAll(async () => {
  await preview?.stop();
});

describe.each(ENGINES)('%s', (name: EngineName) => {
  let engine: Engine | undefined;

  beforeAll(async () => {
    engine = await launchEngine(name);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
  });

  const open = async (path: string, width: number, height = 800) => {
    if (!engine || !preview) throw new Error(`${name} or astro preview did not start`);
    return engine.open(new URL(path, preview.url).href, { width, height });
  };

  test.each(WIDTHS)(
    'at %i px the article is set in the self-hosted face, small caps and old-style figures',
    async (width) => {
      const page = await open(ARTICLE, width);
      try {
        await fontsLoaded(page);
        // Firefox's classic scrollbar takes 12 px from the page, Chromium's and WebKit's overlay ones
        // none: without it, every engine lays out the same width.
        await page.evaluate(`(document.documentElement.style.scrollbarWidth = 'none', true)`);
        const layout = await page.evaluate<Layout>(LAYOUT);
        layouts.set(`${name} ${String(width)}`, layout);
        expect(layout.faces).toContain('Source Serif Text');
        expect(layout.faces).toContain('Source Serif Display');
        expect(layout.caps?.features).toMatch(/"c2sc".*"smcp"/u);
        expect(layout.caps?.family).toMatch(/^"?Source Serif Text/u);
        expect(layout.numeric).toContain('oldstyle-nums');
        if (width === 1280) {
          expect(layout.charsPerLine).toBeGreaterThanOrEqual(60);
          expect(layout.charsPerLine).toBeLessThanOrEqual(75);
        }
      } finally {
        await page.close();
      }
    },
  );

  test('the reading-progress rule follows the scroll where the engine can, and draws nothing elsewhere', async () => {
    const page = await open(ARTICLE, 390, 700);
    try {
      const bar = `(() => { const style = getComputedStyle(document.querySelector('.story'), '::before');
        return { transform: style.transform, content: style.content }; })()`;
      const supported = await page.evaluate<boolean>(`CSS.supports('animation-timeline: scroll()')`);
      await page.evaluate('(window.scrollTo(0, 0), true)');
      await sleep(300);
      const top = await page.evaluate<{ transform: string; content: string }>(bar);
      await page.evaluate(
        '(window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2), true)',
      );
      await sleep(300);
      const half = await page.evaluate<{ transform: string; content: string }>(bar);
      const progress = { supported, top: top.transform, half: half.transform, display: top.content };
      if (progress.supported) {
        // matrix(scaleX, 0, 0, 1, 0, 0): nothing at the top, half the width half-way down.
        expect(progress.top).toMatch(/^matrix\(0, 0, 0, 1, 0, 0\)$/u);
        const scale = Number(/^matrix\(([\d.]+),/u.exec(progress.half)?.[1]);
        expect(scale).toBeGreaterThan(0.4);
        expect(scale).toBeLessThan(0.6);
      } else {
        expect(progress.display).toBe('none');
      }
    } finally {
      await page.close();
    }
  });

  test('view transitions between pages are asked for only without a reduced-motion preference', async () => {
    const page = await open(ARTICLE, 390);
    try {
      const found = await page.evaluate<string[]>(`[...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules].filter((rule) => rule.cssText.includes('@view-transition') || /@view-transition/.test(rule.cssText))
          .map((rule) => rule.conditionText ?? rule.cssText.slice(0, 40)))`);
      // Engines that cannot parse @view-transition drop it, and the media rule with it stays empty.
      for (const condition of found) expect(condition).toMatch(/prefers-reduced-motion: no-preference/u);
      if (name === 'chromium') expect(found).toHaveLength(1);
    } finally {
      await page.close();
    }
  });
});

describe('the same article in every engine', () => {
  // Engines break lines by their own rules around links and punctuation, so a paragraph may take a
  // line more in one than another; the face, the measure and so every line's length are the same.
  test.each(WIDTHS)(
    'at %i px sets the headline and dek in the same boxes (2 px), and the text within 3%% of the same height',
    (width) => {
      const seen = ENGINES.map((name) => [name, layouts.get(`${name} ${String(width)}`)] as const);
      const boxes = (key: string) => JSON.stringify(seen.map(([name, layout]) => [name, layout?.boxes[key]]));
      const [first, ...others] = seen;
      for (const [name, layout] of seen) expect(layout, `${name} was measured`).toBeDefined();
      for (const [name, layout] of others) {
        for (const key of ['h1', 'dek']) {
          for (const i of [0, 1]) {
            const a = first?.[1]?.boxes[key]?.[i] ?? 0;
            const b = layout?.boxes[key]?.[i] ?? -99;
            expect(Math.abs(a - b), `${name} ${key}: ${boxes(key)}`).toBeLessThanOrEqual(2);
          }
        }
        const a = first?.[1]?.boxes.body?.[1] ?? 0;
        const b = layout?.boxes.body?.[1] ?? 0;
        expect(Math.abs(a - b) / a, `${name} body: ${boxes('body')}`).toBeLessThanOrEqual(0.03);
      }
    },
  );
});

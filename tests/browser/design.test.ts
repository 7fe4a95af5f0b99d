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
import { ENGINES, launchEngine, type Engine, type EngineName } from '../helpers/engines/index.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { READER_PAGES, readerSite } from '../helpers/reader-site.ts';

const ARTICLE = READER_PAGES['first-article'];
const WIDTHS = [390, 1280] as const;

interface Layout {
  faces: string[];
  boxes: Record<string, [number, number] | null>;
  charsPerLine: number;
  caps: { variant: string; family: string } | null;
  numeric: string;
}

// The boxes compared across engines, rounded to whole pixels.
const LAYOUT = `document.fonts.ready.then(() => {
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
    caps: caps ? { variant: getComputedStyle(caps).fontVariantCaps, family: getComputedStyle(caps).fontFamily } : null,
    numeric: getComputedStyle(document.querySelector('.body > p')).fontVariantNumeric,
  };
})`;

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
        const layout = await page.evaluate<Layout>(LAYOUT);
        layouts.set(`${name} ${String(width)}`, layout);
        expect(layout.faces).toContain('Source Serif Text');
        expect(layout.faces).toContain('Source Serif Display');
        expect(layout.caps?.variant).toBe('all-small-caps');
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
      const progress = await page.evaluate<{
        supported: boolean;
        top: string;
        half: string;
        display: string;
      }>(`(async () => {
        const bar = () => getComputedStyle(document.querySelector('.story'), '::before');
        const supported = CSS.supports('animation-timeline: scroll()');
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        window.scrollTo(0, 0);
        await frame();
        const top = bar().transform;
        window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2);
        await frame();
        return { supported, top, half: bar().transform, display: bar().content };
      })()`);
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
  test.each(WIDTHS)('at %i px takes the same boxes: headline, dek and text within 2 px', (width) => {
    const seen = ENGINES.map((name) => [name, layouts.get(`${name} ${String(width)}`)] as const);
    for (const [name, layout] of seen) expect(layout, `${name} was measured`).toBeDefined();
    const [first, ...others] = seen;
    for (const [name, layout] of others) {
      for (const key of ['h1', 'dek', 'first', 'body']) {
        const a = first?.[1]?.boxes[key];
        const b = layout?.boxes[key];
        expect(a, key).not.toBeNull();
        for (const i of [0, 1])
          expect(Math.abs((a?.[i] ?? 0) - (b?.[i] ?? -99)), `${name} ${key}`).toBeLessThanOrEqual(2);
      }
    }
  });
});

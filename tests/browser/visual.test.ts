/**
 * Visual regression: every page kind of the reader fixture site in Chromium,
 * Firefox ESR and WebKit, at 390 and 1280 px, light and dark, JavaScript on,
 * compared with the reviewed baselines in tests/visual/baselines/<engine>/.
 * Every run writes the gallery tests/.output/visual/index.html (baseline,
 * current, difference; changed shots first). `npm run test:visual:update`
 * writes the current shots as the baselines; docs/testing.md says how to
 * review them, docs/decisions/050-visual-baselines.md why these numbers.
 *
 * A shot is the top of the page, at most SHOT_HEIGHT CSS px: the viewport is
 * made as tall as the page (up to that), so that every engine shoots the same
 * way, WebKit's WebDriver knowing only the viewport. Animations, transitions
 * and the caret are off, the shot waits for the page's fonts, and it is taken
 * again until two in a row are the same.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, launchEngine, type Engine, type EnginePage } from '../helpers/engines/index.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { READER_PAGES, readerSite, type ReaderPage } from '../helpers/reader-site.ts';
import { BASELINES, compare, UPDATE, UPDATE_COMMAND, writeGallery, type Shot } from '../helpers/visual.ts';

const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const SHOT_HEIGHT = 2000;

// A constructed style sheet: the page's CSP governs <style> elements, not the CSSOM.
const STILL = `(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  getSelection().removeAllRanges();
  document.activeElement?.blur?.();
  return true;
})()`;

let preview: Preview | undefined;
const shots: Shot[] = [];

beforeAll(async () => {
  const site = await readerSite();
  preview = await startPreview(site.root);
}, 600_000);

afterAll(async () => {
  await preview?.stop();
  writeGallery(shots);
});

/** Polls until the page's fonts have loaded (document.fonts.ready, which WebDriver's synchronous scripts cannot await). */
async function fontsLoaded(page: EnginePage): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (await page.evaluate<boolean>(`document.fonts.status === 'loaded'`)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the page’s fonts did not load within 5 s');
}

/**
 * Shoots until two shots 100 ms apart are the same: WebKit reports the new
 * viewport size before it has painted at that size, and may run the page's
 * scripts after WebDriver's navigation has returned.
 */
async function steadyShot(page: EnginePage): Promise<Buffer> {
  let last = await page.screenshot();
  for (let tries = 0; tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await page.screenshot();
    if (next.equals(last)) return next;
    last = next;
  }
  throw new Error('the page kept changing: 11 shots, 100 ms apart, all differed from the one before');
}

describe.each(ENGINES)('%s', (name) => {
  let engine: Engine | undefined;

  beforeAll(async () => {
    engine = await launchEngine(name);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
  });

  const cases = SCHEMES.flatMap((scheme) =>
    (Object.keys(READER_PAGES) as ReaderPage[]).flatMap((page) =>
      WIDTHS.map((width) => ({ page, scheme, width })),
    ),
  );

  test.each(cases)(
    '$page at $width px, $scheme, looks as its baseline',
    async ({ page: kind, scheme, width }) => {
      if (!engine || !preview) throw new Error(`${name} or the preview did not start`);
      const page = await engine.open(new URL(READER_PAGES[kind], preview.url).href, { width, scheme });
      let shot: Shot;
      try {
        await page.evaluate(STILL);
        await fontsLoaded(page);
        const height = Math.min(
          SHOT_HEIGHT,
          await page.evaluate<number>('document.documentElement.scrollHeight'),
        );
        await page.resize(width, height);
        await fontsLoaded(page);
        shot = await compare(`${name}/${kind}-${String(width)}-${scheme}`, await steadyShot(page));
      } finally {
        await page.close();
      }
      shots.push(shot);
      if (UPDATE) return;
      expect(
        shot.hasBaseline,
        `No baseline at ${BASELINES}/${shot.name}.webp. Create it with \`${UPDATE_COMMAND}\`, review tests/.output/visual/index.html, and commit tests/visual/baselines/.`,
      ).toBe(true);
      expect(
        shot.verdict,
        `${shot.name} differs from its baseline; see tests/.output/visual/index.html. If the change is meant, run \`${UPDATE_COMMAND}\` and commit the baselines.`,
      ).toBe('same');
    },
    60_000,
  );
});

/**
 * The first article in Chromium, Firefox ESR and WebKit: its headline shows,
 * nothing scrolls sideways at 320 and 1280 px, the console stays clean, and
 * the dark colour scheme changes the page's background (WebKit cannot report
 * its console over WebDriver classic). One screenshot per
 * engine and width goes to tests/.output/engines/ for a person to look at.
 *
 * The engines run one after another over one `astro preview`; each starts
 * once, in its describe block's beforeAll.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, launchEngine, type Engine, type OpenOptions } from '../helpers/engines/index.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { ROOT } from '../helpers/project.ts';

const SHOTS = join(ROOT, 'tests/.output/engines');
const WIDTHS = [320, 390, 1280] as const;

/** The first permalink the site has published: the article every engine opens. */
function firstArticle(): string {
  const permalinks = readFileSync(join(ROOT, 'content/permalinks.txt'), 'utf8').split('\n');
  const first = permalinks.find((line) => line.startsWith('/'));
  if (!first) throw new Error('content/permalinks.txt lists no article URL');
  return first;
}
const ARTICLE = firstArticle();

/** What a test sees of the page; `errors` is undefined where the engine cannot read the console. */
interface Look {
  headline: string;
  headlineVisible: boolean;
  scrollWidth: number;
  clientWidth: number;
  innerWidth: number;
  background: string;
  errors?: string[] | undefined;
}

// One expression for every engine: what a reader would see, measured in the page.
const LOOK = `(() => {
  const h1 = document.querySelector('h1');
  const box = h1 ? h1.getBoundingClientRect() : null;
  return {
    headline: h1 ? h1.textContent.trim() : '',
    headlineVisible: Boolean(box && box.width > 0 && box.height > 0 && getComputedStyle(h1).visibility === 'visible'),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    innerWidth: window.innerWidth,
    background: getComputedStyle(document.body).backgroundColor,
  };
})()`;

let preview: Preview | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  preview = await startPreview();
}, 60_000);

afterAll(async () => {
  await preview?.stop();
});

describe.each(ENGINES)('%s', (name) => {
  let engine: Engine | undefined;

  beforeAll(async () => {
    engine = await launchEngine(name);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
  });

  /** Opens the article, measures it and records its console errors, then closes the page. */
  async function look(options: OpenOptions, shot?: string): Promise<Look> {
    if (!engine || !preview) throw new Error(`${name} or astro preview did not start`);
    const page = await engine.open(new URL(ARTICLE, preview.url).href, options);
    try {
      if (shot) await page.screenshot(join(SHOTS, shot));
      return { ...(await page.evaluate<Look>(LOOK)), errors: await page.consoleErrors() };
    } finally {
      await page.close();
    }
  }

  // WebKit's console is out of reach over WebDriver classic (docs/decisions/023-webkit-over-webdriver.md).
  const clean = name === 'webkit' ? '' : ', no console error';

  test.each(WIDTHS)(`at %i px the headline shows, nothing scrolls sideways${clean}`, async (width) => {
    const seen = await look({ width }, `${name}-${String(width)}.png`);
    expect(seen.innerWidth).toBe(width);
    expect(seen.headlineVisible).toBe(true);
    expect(seen.headline).not.toBe('');
    // clientWidth leaves out Firefox's classic scrollbar, so this is stricter than innerWidth.
    expect(seen.scrollWidth).toBeLessThanOrEqual(seen.clientWidth);
    expect(seen.errors).toEqual(name === 'webkit' ? undefined : []);
  });

  test(`the dark colour scheme changes the background${clean}`, async () => {
    const light = await look({ width: 390 });
    const dark = await look({ width: 390, scheme: 'dark' }, `${name}-390-dark.png`);
    expect(dark.errors).toEqual(name === 'webkit' ? undefined : []);
    expect(light.background).toMatch(/^rgb/u);
    expect(dark.background).not.toBe(light.background);
  });
});

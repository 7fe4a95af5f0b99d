/**
 * The reader-view contract: every page kind of the reader fixture site
 * (tests/helpers/reader-site.ts), light and dark, JavaScript on and off, at
 * 320, 390, 768 and 1280 px, in Chromium, Firefox ESR and WebKit. Each
 * (engine, page, scheme, JavaScript) opens once and is resized to each width:
 *
 * - nothing marked hidden is drawn, no aria-hidden control shows;
 * - nothing scrolls sideways, no two text blocks' boxes cross, no text is cut
 *   by an overflow it cannot escape;
 * - Tab reaches every control, each with a visible ring that differs from its
 *   look unfocused, on screen (at 1280 px);
 * - every visible control works: the theme toggle, Copy link, Share… (only
 *   where navigator.share exists), the quote link (only after a selection),
 *   search, and the pagination links (followed as a reader would, answered 200);
 *   with JavaScript off no button or form field shows;
 * - no console error (Chromium, Firefox) and, through a probe that runs before
 *   the page's scripts in all three engines, no CSP violation, uncaught error,
 *   failed load or console.error call (tests/helpers/reader-probe.ts).
 *
 * Each test gathers every problem it finds, so one run names them all.
 * docs/testing.md describes the contract; axe stays in reading.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, launchEngine, type Engine, type EnginePage } from '../helpers/engines/index.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import {
  FOCUS_PREPARE,
  FOCUSED,
  isVisible,
  LAYOUT,
  REACHABLE_CONTROLS,
  SELECT_IN_BODY,
  VISIBLE_BUTTONS,
  type Focused,
  type Layout,
} from '../helpers/reader-checks.ts';
import { PROBE_REPORT, startProbeProxy, type ProbeProxy, type ProbeReport } from '../helpers/reader-probe.ts';
import { READER_PAGES, readerSite, type ReaderPage } from '../helpers/reader-site.ts';

const WIDTHS = [320, 390, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const ARTICLES: readonly ReaderPage[] = ['article', 'first-article'];
const SEARCH_WORD = 'ferry';

/** The buttons the contract knows how to try; any other visible button fails as untested. */
const CONTROLS = {
  theme: '.theme-toggle',
  copy: 'button[data-share="copy"]',
  share: 'button[data-share="native"]',
  quote: 'button.quote-share',
  search: 'form[role="search"] button',
} as const;

let preview: Preview | undefined;
let proxy: ProbeProxy | undefined;

beforeAll(async () => {
  const site = await readerSite();
  preview = await startPreview(site.root);
  proxy = await startProbeProxy(preview.url);
}, 600_000);

afterAll(async () => {
  await proxy?.stop();
  await preview?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Evaluates `expression` until it is truthy or `ms` have passed; a navigation under way counts as not yet. */
async function until(page: EnginePage, expression: string, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const answer = page.evaluate<boolean>(`Boolean(${expression})`);
      // An engine may not answer while a navigation is under way: ask again.
      if (await Promise.race([answer, sleep(2_000).then(() => false)])) return true;
    } catch {
      // The page is between two documents.
    }
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

describe.each(ENGINES)('%s', (name) => {
  let engine: Engine | undefined;

  beforeAll(async () => {
    engine = await launchEngine(name);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
  });

  // Scheme and JavaScript outermost: Firefox has one browser per combination (tests/helpers/engines/firefox.ts).
  const cases = SCHEMES.flatMap((scheme) =>
    [true, false].flatMap((javascript) =>
      (Object.keys(READER_PAGES) as ReaderPage[]).map((page) => ({ page, scheme, javascript })),
    ),
  );

  test.each(cases)(
    '$page, $scheme, JavaScript $javascript: at every width nothing hidden shows, nothing overlaps or scrolls sideways, focus shows, every control works, no error',
    async ({ page: kind, scheme, javascript }) => {
      if (!engine || !proxy) throw new Error(`${name} or the preview did not start`);
      const url = new URL(READER_PAGES[kind], proxy.url).href;
      const where = `${kind} (${READER_PAGES[kind]}), ${name}, ${scheme}, JavaScript ${javascript ? 'on' : 'off'}`;
      const problems: string[] = [];
      const page = await engine.open(url, { width: WIDTHS[0], scheme, javascript });
      try {
        for (const width of WIDTHS) {
          if (width !== WIDTHS[0]) await page.resize(width);
          const at = `${where}, ${String(width)} px`;
          const layout = await page.evaluate<Layout>(LAYOUT);
          if (layout.innerWidth !== width)
            problems.push(`${at}: the viewport is ${String(layout.innerWidth)} px`);
          if (layout.scrollWidth > layout.clientWidth)
            problems.push(
              `${at}: scrolls sideways (${String(layout.scrollWidth)} px in ${String(layout.clientWidth)} px)`,
            );
          for (const problem of [...layout.hiddenShown, ...layout.overlaps, ...layout.clipped])
            problems.push(`${at}: ${problem}`);
        }

        problems.push(...(await focusProblems(page, `${where}, ${String(WIDTHS.at(-1))} px`)));
        problems.push(...(await controlProblems(page, kind, javascript, where)));

        const report = await page.evaluate<ProbeReport | null>(PROBE_REPORT);
        if (javascript && !report) problems.push(`${where}: the probe did not run`);
        for (const violation of report?.violations ?? [])
          problems.push(`${where}: CSP violation: ${violation}`);
        for (const error of report?.errors ?? []) problems.push(`${where}: error: ${error}`);
        const consoleErrors = (await page.consoleErrors()) ?? [];
        // The 404 page's own status, which Chromium logs as a failed load: the one error that page must give.
        const own =
          kind === 'not-found' ? consoleErrors.findIndex((error) => error.includes('status of 404')) : -1;
        for (const error of consoleErrors.filter((_, index) => index !== own))
          problems.push(`${where}: console error: ${error}`);

        // Last, as it leaves the page.
        problems.push(...(await paginationProblems(page, where)));
      } finally {
        await page.close();
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});

/** Tabs through the page from the top: each control it reaches shows a ring of its own, on screen. */
async function focusProblems(page: EnginePage, where: string): Promise<string[]> {
  const problems: string[] = [];
  const reachable = await page.evaluate<number>(FOCUS_PREPARE);
  const seen = new Set<string>();
  // A few more presses than controls: the engine may pass through the page itself once.
  for (let press = 0; press < reachable + 3; press++) {
    await page.press('Tab');
    const focused = await page.evaluate<Focused>(FOCUSED);
    if (focused.none) continue;
    if (seen.has(focused.key)) break;
    seen.add(focused.key);
    if (!focused.ring || !focused.differs)
      problems.push(`${where}: ${focused.label} shows no focus ring when focused (${focused.look})`);
    if (!focused.onScreen) problems.push(`${where}: ${focused.label} has the focus but is not on screen`);
  }
  if (seen.size < reachable)
    problems.push(`${where}: Tab reached ${String(seen.size)} of ${String(reachable)} controls`);
  return problems;
}

/** Tries every visible control; with JavaScript off, checks that none that needs it shows. */
async function controlProblems(
  page: EnginePage,
  kind: ReaderPage,
  javascript: boolean,
  where: string,
): Promise<string[]> {
  const problems: string[] = [];
  if (!javascript) {
    for (const control of await page.evaluate<string[]>(REACHABLE_CONTROLS))
      problems.push(`${where}: ${control} shows without JavaScript and cannot work`);
    return problems;
  }
  for (const button of await page.evaluate<string[]>(VISIBLE_BUTTONS(Object.values(CONTROLS))))
    if (button.startsWith('unknown'))
      problems.push(`${where}: ${button.slice(9)} is a visible button the contract does not try`);

  // The theme toggle: the stored choice and the page's colours change, and change back.
  if (!(await page.evaluate<boolean | null>(isVisible(CONTROLS.theme)))) {
    problems.push(`${where}: no theme toggle`);
  } else {
    const look = `[document.documentElement.dataset.theme ?? '', getComputedStyle(document.body).backgroundColor]`;
    const before = await page.evaluate<[string, string]>(look);
    await page.click(CONTROLS.theme);
    const after = await page.evaluate<[string, string]>(look);
    if (after[0] === before[0] || after[1] === before[1])
      problems.push(
        `${where}: the theme toggle changed ${JSON.stringify(before)} to ${JSON.stringify(after)}`,
      );
    await page.click(CONTROLS.theme);
    // Remembered for the origin: forget it, so that the next page follows the system again.
    await page.evaluate(
      `(localStorage.removeItem('theme'), delete document.documentElement.dataset.theme, true)`,
    );
  }

  if (ARTICLES.includes(kind)) {
    const status = `document.querySelector('.share [role="status"]')?.textContent.trim()`;
    const clipboard = await page.evaluate<boolean>(`'clipboard' in navigator`);
    if ((await page.evaluate<boolean | null>(isVisible(CONTROLS.copy))) !== clipboard)
      problems.push(
        `${where}: Copy link ${clipboard ? 'is missing' : 'shows'} where navigator.clipboard is ${clipboard ? '' : 'not '}there`,
      );
    else if (clipboard) {
      await page.click(CONTROLS.copy);
      if (!(await until(page, status, 2_000))) problems.push(`${where}: Copy link says nothing when clicked`);
    }
    const share = await page.evaluate<boolean>(`'share' in navigator`);
    if ((await page.evaluate<boolean | null>(isVisible(CONTROLS.share))) !== share)
      problems.push(
        `${where}: Share… ${share ? 'is missing' : 'shows'} where navigator.share is ${share ? '' : 'not '}there`,
      );

    // The quote link: not before a selection, next to one, with a link to the passage.
    if (await page.evaluate<boolean | null>(isVisible(CONTROLS.quote)))
      problems.push(`${where}: the quote link shows with nothing selected`);
    if (!(await page.evaluate<boolean>(SELECT_IN_BODY))) problems.push(`${where}: no paragraph to select`);
    else if (!(await until(page, isVisible(CONTROLS.quote), 2_000)))
      problems.push(`${where}: the quote link does not show for a selection in the body`);
    else {
      await page.click(CONTROLS.quote);
      const href = await page.evaluate<string | null>(
        `document.querySelector(${JSON.stringify(CONTROLS.quote)}).dataset.href ?? null`,
      );
      if (!href?.includes('#:~:text=')) problems.push(`${where}: the quote link made ${String(href)}`);
      await page.evaluate('(getSelection().removeAllRanges(), true)');
      if (!(await until(page, `!(${isVisible(CONTROLS.quote)})`, 2_000)))
        problems.push(`${where}: the quote link stays once the selection is gone`);
    }
  }

  if (kind === 'search') {
    await page.click('form[role="search"] input[name="q"]');
    await page.type(SEARCH_WORD);
    if (!(await until(page, `document.querySelectorAll('main ol li a, main ul li a').length > 0`, 10_000)))
      problems.push(
        `${where}: no result for “${SEARCH_WORD}” (the page says “${await page.evaluate<string>(`document.querySelector('main [role="status"]')?.textContent.trim() ?? ''`)}”)`,
      );
  }
  return problems;
}

/** Follows each pagination link in the browser, as a reader would: each leads to a page that answers 200. */
async function paginationProblems(page: EnginePage, where: string): Promise<string[]> {
  const problems: string[] = [];
  const links = await page.evaluate<string[]>(
    `[...document.querySelectorAll('nav[aria-label="Pagination"] a[href]')].map((a) => a.getAttribute('href'))`,
  );
  const origin = await page.evaluate<string>('location.href');
  for (const [index, href] of links.entries()) {
    const target = new URL(href, origin);
    if (index > 0) await page.goto(origin);
    await page.click(`nav[aria-label="Pagination"] a[href="${href}"]`);
    const arrived = await until(
      page,
      `location.pathname === ${JSON.stringify(target.pathname)} && document.readyState === 'complete'`,
    );
    const status = (await fetch(target)).status;
    if (!arrived) problems.push(`${where}: the pagination link ${href} did not lead to ${target.pathname}`);
    else if (status !== 200) problems.push(`${where}: the pagination link ${href} answers ${String(status)}`);
  }
  return problems;
}

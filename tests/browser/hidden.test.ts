/**
 * What a reader must not see: an element marked `hidden`, and a control that
 * needs a script where none runs. Author CSS such as `.share button
 * { display: inline-block }` beats the browser's own `[hidden] { display: none }`,
 * so the attribute proves nothing: these tests look at what Chromium draws.
 * The article, home and search pages, with JavaScript on and off, at a phone's
 * and a desktop's width. Each test gathers every problem it finds, so one run
 * names them all.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { resolveSiteUrl } from '../../src/site.ts';
import { homePath, searchPath } from '../../src/lib/urls.ts';
import { chromiumOnPreview } from '../helpers/chromium-site.ts';

const ARTICLE = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const HEADLINE = 'CSTO undergoes ‘baptism of fire’ in Kazakhstan';
const PAGES = [ARTICLE, homePath(), searchPath()];
const WIDTHS = [390, 1280];

const started = chromiumOnPreview();

/** What the page's script sees of the Web Share API: absent, as in Chromium, Firefox ESR and WebKitGTK on Linux, or a stub that records what it is given. */
type Share = 'absent' | 'stub';

interface Visit {
  path: string;
  width: number;
  javaScriptEnabled: boolean;
  share?: Share;
}

const describeVisit = ({ path, width, javaScriptEnabled }: Visit): string =>
  `${path} at ${String(width)} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

const VISITS: Visit[] = PAGES.flatMap((path) =>
  WIDTHS.flatMap((width) => [true, false].map((javaScriptEnabled) => ({ path, width, javaScriptEnabled }))),
);

async function open({ path, width, javaScriptEnabled, share = 'absent' }: Visit): Promise<Page> {
  const { browser, preview } = started();
  const options: BrowserContextOptions = { viewport: { width, height: 800 }, javaScriptEnabled };
  const context = await browser.newContext(options);
  await context.addInitScript((mode: Share) => {
    const target = Navigator.prototype as Partial<Navigator>;
    if (mode === 'absent') {
      delete target.share;
      delete target.canShare;
      return;
    }
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        (window as unknown as { shared: ShareData[] }).shared.push(data);
        return Promise.resolve();
      },
    });
    (window as unknown as { shared: ShareData[] }).shared = [];
  }, share);
  const page = await context.newPage();
  await page.goto(new URL(path, preview.url).href);
  return page;
}

/**
 * The elements matching the selector that are drawn: that have a box, or a
 * rendering by checkVisibility(). `display: none` on an element or an ancestor
 * gives neither. Each is named for the failure message.
 */
const drawn = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (elements) =>
    elements
      .filter((element) => {
        const { width, height } = element.getBoundingClientRect();
        return element.checkVisibility() || width > 0 || height > 0;
      })
      .map((element) => {
        const classes = [...element.classList].map((name) => `.${name}`).join('');
        const share = element.getAttribute('data-share');
        return `${element.localName}${classes}${share ? `[data-share=${share}]` : ''} “${element.textContent.trim()}”`;
      }),
  );

/** Can a reader see it or reach it? Drawn and neither invisible nor transparent, or able to take the keyboard's focus. */
const reachable = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (elements) =>
    elements
      .filter((element) => {
        if (element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
        (element as HTMLElement).focus();
        return document.activeElement === element;
      })
      .map((element) => `${element.localName} “${element.textContent.trim()}”`),
  );

describe('the hidden attribute', () => {
  test('no element marked hidden, or inside one, is drawn on any page, at any width, with or without JavaScript', async () => {
    const problems: string[] = [];
    for (const visit of VISITS) {
      const page = await open(visit);
      const marked = await page.locator('[hidden]').count();
      // The article always has hidden controls: the buttons without JavaScript, "Share…" and the quote button with it.
      if (visit.path === ARTICLE && marked === 0)
        problems.push(`${describeVisit(visit)}: nothing is marked hidden`);
      for (const element of await drawn(page, '[hidden], [hidden] *')) {
        problems.push(`${describeVisit(visit)}: ${element} is drawn`);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

describe('controls that need JavaScript', () => {
  // A button on this static site does something only through a script: even the one form, search, needs Pagefind's.
  test('without JavaScript no page shows a button, or lets the keyboard reach one', async () => {
    const problems: string[] = [];
    for (const visit of VISITS.filter(({ javaScriptEnabled }) => !javaScriptEnabled)) {
      const page = await open(visit);
      const buttons = await reachable(
        page,
        'button, input[type="submit"], input[type="button"], input[type="reset"], [role="button"]',
      );
      for (const button of buttons) problems.push(`${describeVisit(visit)}: ${button} shows and cannot work`);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  test('without JavaScript the search page shows no form but says where to read instead', async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const visit = { path: searchPath(), width, javaScriptEnabled: false };
      const page = await open(visit);
      const form = await reachable(page, 'form[role="search"], form[role="search"] *');
      if (form.length > 0) problems.push(`${describeVisit(visit)}: shows ${form.join(', ')}`);
      if (!(await page.locator('.search-noscript').isVisible())) {
        problems.push(`${describeVisit(visit)}: the note that search needs JavaScript is not shown`);
      }
      await page.context().close();
      // With JavaScript the form is there from the start, so nothing moves when the script runs.
      const live = await open({ ...visit, javaScriptEnabled: true });
      if (!(await live.getByRole('searchbox').isVisible())) {
        problems.push(`${describeVisit({ ...visit, javaScriptEnabled: true })}: no search field`);
      }
      await live.context().close();
    }
    expect(problems).toEqual([]);
  });

  test('"Share…" shows only where the browser has navigator.share, and hands it the article', async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const visit = { path: ARTICLE, width, javaScriptEnabled: true };
      const without = await open({ ...visit, share: 'absent' });
      if ((await drawn(without, 'button[data-share="native"]')).length > 0) {
        problems.push(`${describeVisit(visit)}: "Share…" is drawn where navigator.share is undefined`);
      }
      await without.context().close();

      const page = await open({ ...visit, share: 'stub' });
      const native = page.locator('button[data-share="native"]');
      if (!(await native.isVisible())) {
        problems.push(`${describeVisit(visit)}: "Share…" is missing where navigator.share exists`);
      } else {
        await native.click();
        const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
        expect(shared, describeVisit(visit)).toEqual([
          { title: HEADLINE, url: new URL(ARTICLE, resolveSiteUrl()).href },
        ]);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

describe('the quote button', () => {
  /** Selects the first characters of the element's first text node; null clears the selection. */
  const select = (page: Page, selector: string | null) =>
    page.evaluate((target) => {
      const selection = getSelection();
      selection?.removeAllRanges();
      if (target === null) return;
      const text = document.querySelector(target)?.firstChild;
      if (!text?.textContent) throw new Error(`nothing to select in ${target}`);
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(24, text.textContent.length));
      selection?.addRange(range);
    }, selector);

  /** The quote button's state once the selection has settled: selectionchange arrives as a task of its own. */
  const settled = async (page: Page): Promise<string[]> => {
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    return drawn(page, 'button.quote-share');
  };

  test('it is drawn only while a selection inside the article body exists, next to it', async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const visit = describeVisit({ path: ARTICLE, width, javaScriptEnabled: true });
      const page = await open({ path: ARTICLE, width, javaScriptEnabled: true });
      if ((await page.locator('button.quote-share').count()) !== 1) {
        problems.push(`${visit}: no quote button`);
      }
      if ((await settled(page)).length > 0) problems.push(`${visit}: drawn with nothing selected`);

      await select(page, '#p-2');
      await page.locator('button.quote-share').waitFor({ state: 'visible', timeout: 2_000 });
      const [button, passage] = await page.evaluate(() => [
        document.querySelector('button.quote-share')?.getBoundingClientRect().toJSON() as DOMRect,
        getSelection()?.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect,
      ]);
      // Just under the selection, within the page's width.
      if (!(button.top >= passage.bottom && button.top - passage.bottom < 20 && button.right <= width)) {
        problems.push(
          `${visit}: the button is at ${JSON.stringify(button)}, the selection at ${JSON.stringify(passage)}`,
        );
      }

      for (const outside of ['h1', '.permalink', '.site-footer p']) {
        await select(page, outside);
        if ((await settled(page)).length > 0) problems.push(`${visit}: drawn for a selection in ${outside}`);
      }
      await select(page, null);
      if ((await settled(page)).length > 0) problems.push(`${visit}: still drawn once the selection is gone`);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

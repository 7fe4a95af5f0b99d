/**
 * Debian's Firefox ESR over WebDriver BiDi, launched by puppeteer-core. No
 * geckodriver: puppeteer speaks BiDi to Firefox itself, so nothing is downloaded.
 *
 * Firefox over BiDi cannot emulate media features or turn scripts off per page
 * (emulateMediaFeatures needs CDP; emulation.setScriptingEnabled is unknown to
 * ESR 153), so the colour scheme and JavaScript are preferences of the browser:
 * one Firefox per combination, started when first asked for.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type KeyInput } from 'puppeteer-core';
import { DEFAULT_HEIGHT, missingProgram, type Engine, type EnginePage, type OpenOptions } from './types.ts';
import { FIREFOX_PATH } from '../../../scripts/browser-paths.mjs';

export { FIREFOX_PATH };

function launch(executablePath: string, scheme: 'light' | 'dark', javascript: boolean): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      // What the page's prefers-color-scheme reports: 1 is a dark system theme.
      'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
      'javascript.enabled': javascript,
    },
  });
}

/** Firefox ESR at `executablePath`, light with JavaScript on; other combinations start when first asked for. */
export async function launchFirefox(executablePath = FIREFOX_PATH): Promise<Engine> {
  if (!existsSync(executablePath)) throw missingProgram('Firefox ESR', [executablePath], 'firefox-esr');
  const browsers = new Map<string, Promise<Browser>>();
  const browserFor = (scheme: 'light' | 'dark', javascript: boolean): Promise<Browser> => {
    const key = `${scheme} ${String(javascript)}`;
    let browser = browsers.get(key);
    if (!browser) {
      browser = launch(executablePath, scheme, javascript);
      browsers.set(key, browser);
    }
    return browser;
  };
  // Started now, so that a Firefox that cannot start fails the test file's beforeAll.
  await browserFor('light', true);
  return {
    name: 'firefox',
    async open(url: string, options: OpenOptions): Promise<EnginePage> {
      const browser = await browserFor(options.scheme ?? 'light', options.javascript ?? true);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
      await page.setViewport({ width: options.width, height: options.height ?? DEFAULT_HEIGHT });
      await page.goto(url, { waitUntil: 'load' });
      return {
        evaluate: async <T>(expression: string) =>
          JSON.parse(await page.evaluate<[], () => string>(`JSON.stringify(${expression})`)) as T,
        consoleErrors: () => Promise.resolve([...errors]),
        screenshot: async (path?: string) =>
          Buffer.from(await page.screenshot(path ? { path, type: 'png' } : { type: 'png' })),
        resize: (width: number, height = options.height ?? DEFAULT_HEIGHT) =>
          page.setViewport({ width, height }),
        press: (key: string) => page.keyboard.press(key as KeyInput),
        type: (text: string) => page.keyboard.type(text),
        // Not page.click: its scrolling waits on a promise in the page, which never settles with JavaScript off.
        click: async (selector: string) => {
          const point = await page.evaluate<[], () => { x: number; y: number } | null>(`(() => {
            const element = document.querySelector(${JSON.stringify(selector)});
            if (!element) return null;
            element.scrollIntoView({ block: 'center' });
            const box = element.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          })()`);
          if (!point) throw new Error(`nothing matches ${selector}`);
          await page.mouse.click(point.x, point.y);
        },
        goto: async (target: string) => {
          await page.goto(target, { waitUntil: 'load' });
        },
        close: () => page.close(),
      };
    },
    async close() {
      const all = [...browsers.values()];
      browsers.clear();
      await Promise.all(all.map(async (browser) => (await browser).close()));
    },
  };
}

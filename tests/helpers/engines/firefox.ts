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
import puppeteer, { type Browser } from 'puppeteer-core';
import { DEFAULT_HEIGHT, missing, type Engine, type EnginePage, type OpenOptions } from './types.ts';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

function launch(scheme: 'light' | 'dark', javascript: boolean): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // What the page's prefers-color-scheme reports: 1 is a dark system theme.
      'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
      'javascript.enabled': javascript,
    },
  });
}

export function launchFirefox(): Promise<Engine> {
  if (!existsSync(FIREFOX_PATH)) missing('Firefox ESR', [FIREFOX_PATH], 'firefox-esr');
  const browsers = new Map<string, Promise<Browser>>();
  const engine: Engine = {
    name: 'firefox',
    async open(url: string, options: OpenOptions): Promise<EnginePage> {
      const scheme = options.scheme ?? 'light';
      const javascript = options.javascript ?? true;
      const key = `${scheme} ${String(javascript)}`;
      let browser = browsers.get(key);
      if (!browser) {
        browser = launch(scheme, javascript);
        browsers.set(key, browser);
      }
      const page = await (await browser).newPage();
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
        screenshot: async (path: string) => Buffer.from(await page.screenshot({ path, type: 'png' })),
        close: () => page.close(),
      };
    },
    async close() {
      const all = [...browsers.values()];
      browsers.clear();
      await Promise.all(all.map(async (browser) => (await browser).close()));
    },
  };
  return Promise.resolve(engine);
}

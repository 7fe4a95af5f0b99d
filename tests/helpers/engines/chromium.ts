/** Chromium through playwright-core, the same binary and flags as the other browser tests. */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser.ts';
import { DEFAULT_HEIGHT, type Engine, type EnginePage, type OpenOptions } from './types.ts';

export async function launchChromium(): Promise<Engine> {
  let browser: Browser | undefined = await launchBrowser();
  return {
    name: 'chromium',
    async open(url: string, options: OpenOptions): Promise<EnginePage> {
      if (!browser) throw new Error('Chromium was closed');
      const context = await browser.newContext({
        viewport: { width: options.width, height: options.height ?? DEFAULT_HEIGHT },
        colorScheme: options.scheme ?? 'light',
        javaScriptEnabled: options.javascript ?? true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await page.goto(url, { waitUntil: 'load' });
      return {
        evaluate: async <T>(expression: string) =>
          JSON.parse(await page.evaluate<string>(`JSON.stringify(${expression})`)) as T,
        consoleErrors: () => Promise.resolve([...errors]),
        screenshot: (path?: string) => page.screenshot(path ? { path } : {}),
        resize: (width: number, height = options.height ?? DEFAULT_HEIGHT) =>
          page.setViewportSize({ width, height }),
        press: (key: string) => page.keyboard.press(key),
        type: (text: string) => page.keyboard.type(text),
        click: (selector: string) => page.click(selector, { timeout: 5_000 }),
        goto: async (target: string) => {
          await page.goto(target, { waitUntil: 'load' });
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser?.close();
      browser = undefined;
    },
  };
}

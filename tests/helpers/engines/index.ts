/**
 * The three engines the cross-engine tests run in, each installed and started
 * as a Debian or Ubuntu user would: Chromium (playwright-core), Firefox ESR
 * (puppeteer-core over WebDriver BiDi) and WebKit (WebKitWebDriver and
 * MiniBrowser under xvfb-run). docs/testing.md says what each needs.
 */
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { Engine, EngineName } from './types.ts';
import { launchWebKit } from './webkit.ts';

export type { Engine, EngineName, EnginePage, OpenOptions } from './types.ts';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** Starts `name`; throws, saying how to install it, when the browser is missing. */
export function launchEngine(name: EngineName): Promise<Engine> {
  switch (name) {
    case 'chromium':
      return launchChromium();
    case 'firefox':
      return launchFirefox();
    case 'webkit':
      return launchWebKit();
  }
}

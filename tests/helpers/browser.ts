/**
 * The Chromium the browser tests drive. Playwright's own browser download does
 * not work everywhere, so the tests use a Chromium that is already installed:
 * Debian's `chromium` package, or any Chromium or Chrome named by CHROMIUM_PATH.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATHS } from '../../scripts/browser-paths.mjs';

export { CHROMIUM_PATHS };

const HOW_TO_GET_ONE =
  'Install Debian’s Chromium with `sudo apt-get install -y chromium`, ' +
  'or set CHROMIUM_PATH to any Chromium or Chrome binary.';

/**
 * The browser binary: CHROMIUM_PATH when set, else the first of CHROMIUM_PATHS
 * that exists. Throws, saying how to get one, rather than letting tests skip.
 */
export function findChromium(candidates: readonly string[] = CHROMIUM_PATHS): string {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is ${JSON.stringify(configured)}, which does not exist. ${HOW_TO_GET_ONE}`,
      );
    }
    try {
      accessSync(configured, constants.X_OK);
    } catch {
      throw new Error(
        `CHROMIUM_PATH is ${JSON.stringify(configured)}, which is not executable. ${HOW_TO_GET_ONE}`,
      );
    }
    return configured;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `The browser tests need Chromium, and none of ${candidates.join(', ')} exists. ${HOW_TO_GET_ONE}`,
  );
}

/** The flags every Chromium here runs with: no sandbox, no GPU, nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[] = [
  // Containers and CI runners rarely allow the sandbox's user namespaces.
  '--no-sandbox',
  '--disable-gpu',
  // No update checks, component downloads or sync: the tests must not reach the web.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the Chromium that findChromium finds, headless, with CHROMIUM_ARGS. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
}

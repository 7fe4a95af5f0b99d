/**
 * Where Debian's packages (and Ubuntu's, and Google's for Chrome) put the
 * browsers the test suite drives: one list for scripts/preflight.mjs, which
 * installs or names what is missing, and for the test helpers that launch them
 * (tests/helpers/browser.ts, tests/helpers/engines/). Plain JavaScript, so that
 * the preflight runs on any Node.
 */

/** Chromium or Chrome; CHROMIUM_PATH overrides the list. */
/** @type {readonly string[]} */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Debian's `firefox-esr`. */
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Debian's `webkit2gtk-driver`, and `xvfb`'s script that gives it a display. */
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const XVFB_RUN = '/usr/bin/xvfb-run';

/** Where webkit2gtk-driver's MiniBrowser lives on each Debian architecture. */
/** @type {readonly string[]} */
export const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
];

#!/usr/bin/env node
/**
 * Runs before the npm scripts (their `pre` hooks): a clear line instead of a
 * stack trace when something the project needs is missing. Plain JavaScript,
 * so that any Node can run it.
 *
 *   node scripts/preflight.mjs           Node is new enough for Astro 7
 *   node scripts/preflight.mjs --test    and the system programs the test suite needs
 *
 * With --test, as root on a machine with apt-get, it installs what is missing
 * (Debian's packages); otherwise, or with BROADSHEET_PREFLIGHT_INSTALL=0, it
 * names each missing program and how to get it, one line each, and exits 1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  CHROMIUM_PATHS,
  FIREFOX_PATH,
  MINIBROWSER_PATHS,
  WEBKIT_DRIVER,
  XVFB_RUN,
} from './browser-paths.mjs';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Broadsheet needs Node 22.12 or later, and this is Node ${process.versions.node}. ` +
      'Run the npm scripts (npm start, npm test), which use the Node 24 that `npm ci` installs in node_modules, ' +
      'or install Node 24.',
  );
  process.exit(1);
}

if (!process.argv.includes('--test')) process.exit(0);

// Its tests point this at an empty folder, to see every program missing on any machine.
const systemRoot = process.env.BROADSHEET_PREFLIGHT_ROOT ?? '';
const installed = (path) => existsSync(systemRoot + path);

const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** What the suite needs: how to tell it is there, and the Debian package that brings it. */
const NEEDS = [
  {
    what: 'Chromium, for the browser tests',
    present: () => Boolean(process.env.CHROMIUM_PATH) || CHROMIUM_PATHS.some(installed),
    debian: 'chromium',
    otherwise: 'install Chromium or Chrome, or set CHROMIUM_PATH to its binary',
  },
  {
    what: 'Firefox ESR, for the cross-engine browser tests',
    present: () => installed(FIREFOX_PATH),
    debian: 'firefox-esr',
    otherwise: 'on Ubuntu from the mozillateam PPA, so that /usr/bin/firefox-esr exists',
  },
  {
    what: 'WebKitWebDriver and MiniBrowser, for the cross-engine browser tests',
    // MiniBrowser comes with the driver's libwebkit2gtk.
    present: () => installed(WEBKIT_DRIVER) && MINIBROWSER_PATHS.some(installed),
    debian: 'webkit2gtk-driver',
    otherwise: 'install WebKitGTK’s WebDriver and MiniBrowser',
  },
  {
    what: 'xvfb-run, the virtual display WebKit’s MiniBrowser runs on',
    present: () => installed(XVFB_RUN),
    debian: 'xvfb',
    otherwise: 'install Xvfb and its xvfb-run script',
  },
  {
    what: 'Java, for the W3C Nu HTML checker',
    present: () => Boolean(process.env.JAVA) || onPath('java'),
    debian: 'default-jre-headless',
    otherwise: 'install a Java runtime (11 or later)',
  },
];

let missing = NEEDS.filter((need) => !need.present());
// BROADSHEET_PREFLIGHT_INSTALL=0 only names what is missing, even as root.
const root =
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  process.env.BROADSHEET_PREFLIGHT_INSTALL !== '0';
if (missing.length > 0 && root && onPath('apt-get')) {
  const packages = missing.map((need) => need.debian);
  console.log(`Installing what the tests need with apt-get: ${packages.join(', ')}`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } catch {
    console.error('apt-get could not install them.');
  }
  missing = missing.filter((need) => !need.present());
}
if (missing.length > 0) {
  console.error('The test suite needs programs this machine does not have:');
  for (const need of missing) {
    console.error(
      `- ${need.what}: sudo apt-get install ${need.debian} (Debian, Ubuntu), or ${need.otherwise}.`,
    );
  }
  process.exit(1);
}

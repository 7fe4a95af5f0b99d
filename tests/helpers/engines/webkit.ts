/**
 * WebKit, the engine of Safari, as Debian and Ubuntu ship it: webkit2gtk-driver's
 * WebKitWebDriver drives MiniBrowser over W3C WebDriver (classic). MiniBrowser
 * has no headless mode, so the driver runs under xvfb-run on a virtual display.
 *
 * What WebDriver classic lacks, MiniBrowser's own options give, one session
 * (one MiniBrowser) per combination: `--dark-mode` sets prefers-color-scheme and
 * `--enable-javascript=false` turns the page's scripts off. A closed page's
 * session waits on about:blank for the next page with the same options.
 *
 * The console is out of reach: WebDriver classic has no log, WebKitWebDriver
 * 2.50 has no BiDi (`webSocketUrl`), and WebKit writes console messages to
 * stdout only for pages outside an ephemeral session, which an automation
 * session always is. docs/decisions/023-webkit-over-webdriver.md has the rest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newSession, ready, type Session } from './webdriver.ts';
import { DEFAULT_HEIGHT, missingProgram, type Engine, type EnginePage, type OpenOptions } from './types.ts';
import { MINIBROWSER_PATHS, WEBKIT_DRIVER, XVFB_RUN } from '../../../scripts/browser-paths.mjs';

export { MINIBROWSER_PATHS, WEBKIT_DRIVER, XVFB_RUN };

const PACKAGES = 'webkit2gtk-driver xvfb';

/** WebDriver's code points for the named keys the tests press: https://www.w3.org/TR/webdriver2/#keyboard-actions */
const KEYS: Record<string, string> = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C' };

/**
 * MiniBrowser's toolbar keeps its window at least 447 px wide, wider than a
 * phone. A user style sheet for GTK shrinks the toolbar, so the window, and the
 * page's viewport with it, can be as narrow as 320 px.
 */
const GTK_CSS = `headerbar, toolbar, box, entry, button, label, image {
  min-width: 0; min-height: 0; padding: 0; margin: 0;
}
headerbar, toolbar { font-size: 1px; }
`;

// A safety net for a test file that never reaches its afterAll: no driver outlives the test worker.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Where the programs are; Debian's paths unless told (the tests of the helper tell). */
export interface WebKitPaths {
  driver?: string;
  xvfbRun?: string;
  miniBrowsers?: readonly string[];
}

/** Starts WebKitWebDriver under xvfb-run and waits until it is ready for sessions. */
export async function launchWebKit(
  {
    driver: driverPath = WEBKIT_DRIVER,
    xvfbRun = XVFB_RUN,
    miniBrowsers = MINIBROWSER_PATHS,
  }: WebKitPaths = {},
  timeoutMs = 20_000,
): Promise<Engine> {
  for (const path of [driverPath, xvfbRun])
    if (!existsSync(path)) throw missingProgram('WebKit', [path], PACKAGES);
  const miniBrowser = miniBrowsers.find((path) => existsSync(path));
  if (!miniBrowser) throw missingProgram('WebKit', miniBrowsers, PACKAGES);

  const scratch = mkdtempSync(join(tmpdir(), 'broadsheet-webkit-'));
  const xdg = join(scratch, 'config');
  mkdirSync(join(xdg, 'gtk-3.0'), { recursive: true });
  writeFileSync(join(xdg, 'gtk-3.0/gtk.css'), GTK_CSS);

  const port = await freePort();
  const base = `http://127.0.0.1:${String(port)}/`;
  // Its own process group, so that stopping it also stops Xvfb and every MiniBrowser.
  const driver = spawn(xvfbRun, ['-a', driverPath, `--port=${String(port)}`], {
    detached: true,
    env: { ...process.env, XDG_CONFIG_HOME: xdg },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(driver);
  let output = '';
  driver.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  driver.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    driver.once('exit', () => {
      resolve();
    }),
  );

  const stop = async () => {
    if (!running.delete(driver)) return;
    if (driver.pid && driver.exitCode === null) process.kill(-driver.pid, 'SIGTERM');
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await ready(base))) {
    if (driver.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not start under xvfb-run:\n${output}`);
    }
    await sleep(100);
  }

  /**
   * The session a closed page gave back, kept for the next page with the same
   * options: a MiniBrowser costs a second to start. The driver allows one
   * session at a time, so a page with other options ends it first.
   */
  let idle: { key: string; session: Session; toolbar: number } | undefined;

  return {
    name: 'webkit',
    async open(url: string, options: OpenOptions): Promise<EnginePage> {
      const key = `${options.scheme ?? 'light'} ${String(options.javascript ?? true)}`;
      const { width } = options;
      const height = options.height ?? DEFAULT_HEIGHT;
      let reused = idle?.key === key ? idle : undefined;
      if (idle && !reused) await idle.session.delete();
      idle = undefined;
      if (!reused) {
        const args = ['--automation'];
        if (options.scheme === 'dark') args.push('--dark-mode');
        if (options.javascript === false) args.push('--enable-javascript=false');
        const session = await newSession(base, {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: miniBrowser, args },
        });
        await session.setWindowSize(width, height);
        // The window holds the toolbar as well as the page: measured once, added to every size asked for.
        const [, innerHeight] = await session.execute<[number, number]>('return [innerWidth, innerHeight]');
        reused = { key, session, toolbar: height - innerHeight };
      }
      const { session, toolbar } = reused;

      /** Sizes the window so that the viewport is width × height; the window manager applies it a moment later. */
      const resize = async (newWidth: number, newHeight: number) => {
        await session.setWindowSize(newWidth, newHeight + toolbar);
        let inner: [number, number] = [0, 0];
        for (let tries = 0; tries < 40; tries++) {
          inner = await session.execute<[number, number]>('return [innerWidth, innerHeight]');
          if (inner[0] === newWidth && inner[1] === newHeight) return;
          await sleep(25);
        }
        await session.delete();
        throw new Error(
          `MiniBrowser's viewport is ${inner.join(' × ')} px, not the ${String(newWidth)} × ${String(newHeight)} px asked for.`,
        );
      };
      await resize(width, height);
      // Navigation returns once the page has loaded (the session's page load strategy is "normal").
      await session.navigate(url);
      const evaluate = async <T>(expression: string) =>
        JSON.parse(await session.execute<string>(`return JSON.stringify(${expression});`)) as T;
      return {
        evaluate,
        consoleErrors: () => Promise.resolve(undefined),
        async screenshot(path?: string) {
          const png = await session.screenshot();
          if (path) writeFileSync(path, png);
          return png;
        },
        resize: (newWidth: number, newHeight = height) => resize(newWidth, newHeight),
        press: (key: string) => session.keys([KEYS[key] ?? key]),
        // One key action per grapheme, as WebDriver's key values are.
        type: (text: string) =>
          session.keys(Array.from(new Intl.Segmenter().segment(text), ({ segment }) => segment)),
        // At the element's centre through pointer actions: WebDriver's element click waits on page script, which may be off.
        async click(selector: string) {
          const point = await evaluate<{ x: number; y: number } | null>(`(() => {
            const element = document.querySelector(${JSON.stringify(selector)});
            if (!element) return null;
            element.scrollIntoView({ block: 'center' });
            const box = element.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          })()`);
          if (!point) throw new Error(`nothing matches ${selector}`);
          await session.clickAt(point.x, point.y);
        },
        goto: (target: string) => session.navigate(target),
        // The session waits on a blank page for the next open with the same options; its storage stays.
        async close() {
          await session.navigate('about:blank');
          idle = reused;
        },
      };
    },
    close: stop,
  };
}

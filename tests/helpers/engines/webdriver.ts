/**
 * The few W3C WebDriver (classic) commands the WebKit engine needs, over fetch.
 * Why not a client from npm: docs/decisions/023-webkit-over-webdriver.md.
 * https://www.w3.org/TR/webdriver2/#endpoints
 */

/** An error the remote end returned, with its W3C error code and message. */
export class WebDriverError extends Error {}

export interface Session {
  id: string;
  setWindowSize(width: number, height: number): Promise<void>;
  navigate(url: string): Promise<void>;
  /** Runs `body` as the body of a function in the page and returns its result. */
  execute<T>(body: string): Promise<T>;
  /** A PNG of the top-level browsing context's viewport. */
  screenshot(): Promise<Buffer>;
  /** Presses and releases each key in turn (WebDriver key values: a character, or U+E004 for Tab). */
  keys(values: readonly string[]): Promise<void>;
  /** Moves the mouse to (x, y) of the viewport and clicks its main button. */
  clickAt(x: number, y: number): Promise<void>;
  delete(): Promise<void>;
}

async function command<T>(base: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: object) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
    body: body ? JSON.stringify(body) : null,
  });
  const { value } = (await response.json()) as { value: T | { error: string; message: string } };
  if (!response.ok) {
    const { error, message } = value as { error: string; message: string };
    throw new WebDriverError(`WebDriver ${method} ${path}: ${error}: ${message}`);
  }
  return value as T;
}

/** Whether the remote end at `base` is ready to create a session. */
export async function ready(base: string): Promise<boolean> {
  try {
    return (await command<{ ready: boolean }>(base, 'GET', 'status')).ready;
  } catch {
    return false;
  }
}

/** Creates a session with `capabilities` (always matched) on the remote end at `base`. */
export async function newSession(base: string, capabilities: object): Promise<Session> {
  const { sessionId: id } = await command<{ sessionId: string }>(base, 'POST', 'session', {
    capabilities: { alwaysMatch: capabilities },
  });
  const at = (path: string) => `session/${id}${path}`;
  return {
    id,
    async setWindowSize(width, height) {
      await command(base, 'POST', at('/window/rect'), { width, height });
    },
    async navigate(url) {
      await command(base, 'POST', at('/url'), { url });
    },
    execute: <T>(script: string) => command<T>(base, 'POST', at('/execute/sync'), { script, args: [] }),
    async screenshot() {
      return Buffer.from(await command<string>(base, 'GET', at('/screenshot')), 'base64');
    },
    async keys(values) {
      const actions = values.flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ]);
      await command(base, 'POST', at('/actions'), { actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    async clickAt(x, y) {
      const actions = [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ];
      await command(base, 'POST', at('/actions'), {
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
      });
    },
    async delete() {
      await command(base, 'DELETE', at(''));
    },
  };
}

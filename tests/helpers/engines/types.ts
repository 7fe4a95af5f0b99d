/** The one interface the cross-engine tests drive, whatever protocol sits behind it. */

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export interface OpenOptions {
  /** The viewport's width in CSS pixels. */
  width: number;
  /** The viewport's height in CSS pixels; 800 unless told. */
  height?: number;
  /** The `prefers-color-scheme` the page sees; light unless told. */
  scheme?: 'light' | 'dark';
  /** Whether the page's own scripts run; on unless told. */
  javascript?: boolean;
}

export interface EnginePage {
  /**
   * The value of a JavaScript expression in the page, passed through JSON.
   * It runs even with the page's JavaScript off, as the drivers' own scripts do.
   */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * Console errors and uncaught exceptions since the page was opened, one line
   * each; undefined where the engine cannot report them (WebKit).
   */
  consoleErrors(): Promise<string[] | undefined>;
  /** A PNG of the viewport, also written to `path` if given. */
  screenshot(path?: string): Promise<Buffer>;
  /** Sets the viewport to `width` (and `height`, or the height it was opened with) without reloading the page. */
  resize(width: number, height?: number): Promise<void>;
  /** Presses and releases one key on the focused element: a character, or `Tab`, `Enter`, `Escape`. */
  press(key: string): Promise<void>;
  /** Types `text` into the focused element, one key at a time. */
  type(text: string): Promise<void>;
  /** Clicks the first element matching the CSS `selector`, as a pointer would. */
  click(selector: string): Promise<void>;
  /** Navigates to `url` in the same page and resolves once it has loaded. */
  goto(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** Opens `url` in a fresh page and resolves once it has loaded. */
  open(url: string, options: OpenOptions): Promise<EnginePage>;
  /** Stops the browser and every process it started. Safe to call more than once. */
  close(): Promise<void>;
}

export const DEFAULT_HEIGHT = 800;

/** The error a missing program gets: what is missing and the Debian packages that bring it. */
export function missingProgram(what: string, paths: readonly string[], packages: string): Error {
  return new Error(
    `The cross-engine tests need ${what}, and ${paths.join(', ')} does not exist. ` +
      `Install it with \`sudo apt-get install ${packages}\` (Debian, Ubuntu).`,
  );
}

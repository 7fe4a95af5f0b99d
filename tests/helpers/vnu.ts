/**
 * The W3C's Nu Html Checker (vnu.jar, from the `vnu-jar` package; it needs
 * Java 11 or later), run once over many pages: starting Java once per page
 * would take a second each.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of vnu's `--format json` output. */
interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * What the checker's CSS validator says of standard CSS it predates (CSS View Transitions,
 * Scroll-driven Animations), which every engine that knows it applies and every other ignores.
 * Exact texts, so that any other CSS message is still an error.
 */
export const NEWER_CSS = new Set([
  "CSS: “view-transition-name”: Property “view-transition-name” doesn't exist.",
  'CSS: Unrecognized at-rule “@view-transition”',
  "CSS: “animation-timeline”: Property “animation-timeline” doesn't exist.",
]);

export interface VnuReport {
  /** Each error as a line a person can act on: `about/index.html:12:5: Duplicate ID “a”. (extract)`. */
  errors: string[];
  /** Pages vnu did not check: it skips a file it cannot read. */
  unchecked: string[];
  status: number | null;
}

/** Checks `pages` (paths relative to `dir`, where vnu runs: shorter command lines for large sites). */
export function checkHtml(dir: string, pages: readonly string[]): VnuReport {
  const java = process.env.JAVA ?? 'java';
  // Java decodes file names by the locale: under LANG=C it cannot open topics/казахстан/index.html,
  // and with --errors-only it would say nothing about it.
  const locale = process.env.LC_ALL ?? process.env.LC_CTYPE ?? process.env.LANG ?? '';
  const env = /utf-?8/iu.test(locale) ? process.env : { ...process.env, LC_ALL: 'C.UTF-8' };
  // --verbose lists each file checked on standard output.
  const args = ['-jar', VNU_JAR, '--format', 'json', '--errors-only', '--verbose', ...pages];
  const run = spawnSync(java, args, { cwd: dir, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      `Could not run ${java}: ${run.error.message}.` +
        (missing
          ? ' The Nu Html Checker needs Java 11 or later: install a JRE (Debian: sudo apt-get install -y ' +
            'default-jre-headless), or set JAVA to a java binary.'
          : ''),
    );
  }
  // vnu writes its report to standard error, and exits 1 when it found errors.
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`vnu did not report in JSON (exit ${String(run.status)}):\n${run.stderr}${run.stdout}`);
  }
  const located = ({ url, lastLine, firstColumn, message, extract }: VnuMessage): string => {
    const file = url?.startsWith('file:') ? relative(dir, fileURLToPath(url)) : (url ?? '(no file)');
    const where = lastLine === undefined ? file : `${file}:${String(lastLine)}:${String(firstColumn ?? 0)}`;
    return `${where}: ${message}${extract ? ` (${JSON.stringify(extract)})` : ''}`;
  };
  const checked = new Set(run.stdout.split('\n'));
  const errors = report.messages.filter(
    (message) => message.type !== 'info' && !NEWER_CSS.has(message.message),
  );
  const onlyNewerCss =
    run.status === 1 && errors.length === 0 && report.messages.some((m) => NEWER_CSS.has(m.message));
  return {
    errors: errors.map(located),
    unchecked: pages.filter((page) => !checked.has(page)),
    // vnu exits 1 for the messages set aside above too.
    status: onlyNewerCss ? 0 : run.status,
  };
}

/**
 * Every built page is valid HTML, by the W3C's Nu Html Checker (vnu.jar, from the `vnu-jar` package;
 * it needs Java 11 or later). One run of the checker reads every page: starting Java once per page
 * would take a second each.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { DIST } from '../helpers/project.ts';

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

/** A message as a line a person can act on: `about/index.html:12:5: Duplicate ID “a”. (extract)`. */
function located({ url, lastLine, firstColumn, message, extract }: VnuMessage): string {
  const file = url?.startsWith('file:') ? relative(DIST, fileURLToPath(url)) : (url ?? '(no file)');
  const where = lastLine === undefined ? file : `${file}:${String(lastLine)}:${String(firstColumn ?? 0)}`;
  return `${where}: ${message}${extract ? ` (${JSON.stringify(extract)})` : ''}`;
}

test('every built page passes the Nu Html Checker without errors', async () => {
  // Relative to dist/, where vnu runs: shorter command lines for large sites.
  const pages = (await readdir(DIST, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  expect(pages.length).toBeGreaterThan(5);

  const java = process.env.JAVA ?? 'java';
  // Java decodes file names by the locale: under LANG=C it cannot open topics/казахстан/index.html,
  // and with --errors-only it would say nothing about it.
  const locale = process.env.LC_ALL ?? process.env.LC_CTYPE ?? process.env.LANG ?? '';
  const env = /utf-?8/iu.test(locale) ? process.env : { ...process.env, LC_ALL: 'C.UTF-8' };
  // --verbose lists each file checked on standard output; vnu skips a file it cannot read.
  const args = ['-jar', VNU_JAR, '--format', 'json', '--errors-only', '--verbose', ...pages];
  const run = spawnSync(java, args, { cwd: DIST, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
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
  const checked = new Set(run.stdout.split('\n'));
  const unchecked = pages.filter((page) => !checked.has(page));
  expect(unchecked, 'vnu did not check these pages (is the locale UTF-8? try LC_ALL=C.UTF-8)').toEqual([]);
  const errors = report.messages.filter((message) => message.type !== 'info').map(located);
  expect(errors, `${String(errors.length)} HTML errors:\n${errors.join('\n')}`).toEqual([]);
  expect(run.status).toBe(0);
});

/**
 * Benchmark history as data: bench:build appends one row per article count per
 * run to scripts/bench/results/build.csv. docs/performance.md shows the current
 * figures; the file keeps every run, so two runs can be compared by their rows.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The columns of build.csv, in order. Times in seconds, memory in MB. */
export const BUILD_COLUMNS = [
  'date',
  'commit',
  'node',
  'machine_1thread_ms',
  'machine_2threads_ms',
  'articles',
  'cold_s',
  'warm_s',
  'edit_s',
  'floor_cold_s',
  'floor_warm_s',
  'cold_ms_per_article',
  'cold_over_floor',
  'warm_over_floor',
  'peak_cold_mb',
  'peak_warm_mb',
  'startup_s',
  'content_sync_s',
  'bundling_s',
  'pages_s',
  'images_tail_s',
  'sitemap_s',
  'astro_end_s',
  'search_index_s',
  'exit_s',
] as const;

export type BuildRow = Partial<Record<(typeof BUILD_COLUMNS)[number], string | number | undefined>>;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export const csvField = (value: string | number | undefined): string => {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (row: BuildRow): string =>
  BUILD_COLUMNS.map((column) => csvField(row[column])).join(',');

/**
 * Appends `rows` to the CSV file at `path`, writing the header first when the file is new.
 * A file whose header is not {@link BUILD_COLUMNS} is refused, so that no row lands under the wrong column.
 */
export function appendRows(path: string, rows: readonly BuildRow[]): void {
  const header = BUILD_COLUMNS.join(',');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${header}\n`);
  }
  const found = readFileSync(path, 'utf8').split('\n', 1)[0];
  if (found !== header) {
    throw new Error(
      `${path}: the first line is not the header bench:build writes (${header}); fix or move the file.`,
    );
  }
  appendFileSync(path, rows.map((row) => `${csvLine(row)}\n`).join(''));
}

/** The commit being measured, with "+" when the work tree has changes; undefined outside a git checkout. */
export function currentCommit(cwd: string): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd,
      encoding: 'utf8',
    });
    return dirty.trim() === '' ? commit : `${commit}+`;
  } catch {
    return undefined;
  }
}

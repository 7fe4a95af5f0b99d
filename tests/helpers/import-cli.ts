/** Runs `scripts/import.ts` as a process and reads what it wrote, for tests/import/cli.test.ts. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './project.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node scripts/import.ts ...args`, run from the repository root as `npm run import` runs it. */
export function runImport(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/import.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

const made: string[] = [];

/** A fresh, empty directory under the system's temporary folder; removed by `removeTempDirs`. */
export function tempDir(prefix = 'broadsheet-import-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory `tempDir` made (after all tests: concurrent tests may still use theirs). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under a directory, dot files included, as sorted paths relative to it ("articles/x.md"). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

/** Every file under a directory with its exact bytes (base64), to compare a tree before and after. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((path) => [path, readFileSync(join(dir, path)).toString('base64')]),
  );
}

/** Every file under a directory as text, keyed by its path relative to it: content for `makeSite`. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

export interface MarkdownFile {
  data: Record<string, unknown>;
  body: string;
}

/** Splits a Markdown file into its YAML front matter, parsed, and its body. */
export function parseMarkdown(text: string): MarkdownFile {
  const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/u.exec(text);
  if (!match) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  return { data: parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

/** A YAML data file (author or source), parsed. */
export function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** A Markdown file on disk, front matter parsed. */
export function readMarkdown(path: string): MarkdownFile {
  return parseMarkdown(readFileSync(path, 'utf8'));
}

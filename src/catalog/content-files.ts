/**
 * Checks on content files as bytes, before Astro parses and renders them: a
 * file that is not UTF-8 would be read with replacement characters, and a
 * huge one would take minutes to render. Both stop the build with the file named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** No article needs more than a megabyte of text; the longest long reads are a tenth of that. */
export const MAX_FILE_BYTES = 1_000_000;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** The problem with one file's bytes, or undefined when it is fine. */
export function fileProblem(name: string, bytes: Uint8Array, what: 'body' | 'file'): string | undefined {
  if (bytes.length > MAX_FILE_BYTES) {
    return `${name}: ${what}: is ${megabytes(bytes.length)}; an article ${what} may be at most ${megabytes(MAX_FILE_BYTES).replace('.0', '')}. Check that the file holds one article.`;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The first replacement character a lenient decoder makes marks the first bad byte.
    const text = new TextDecoder().decode(bytes);
    const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
    return `${name}: is not valid UTF-8 (line ${String(line)}); save it as UTF-8 and build again.`;
  }
  return undefined;
}

/** Every problem with the files of a content folder, with paths relative to `root`. */
export function contentFileProblems(dir: string, extensions: readonly string[], root: string): string[] {
  let names: string[];
  // Synchronous reads: each asynchronous one waits for libuv's thread pool (src/build/write-whole.ts).
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const problems: string[] = [];
  for (const name of names.filter((file) => extensions.some((ext) => file.endsWith(ext))).sort()) {
    const path = join(dir, name);
    const problem = fileProblem(
      relative(root, path),
      readFileSync(path),
      name.endsWith('.md') ? 'body' : 'file',
    );
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Paths and processes shared by the build tests. */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const SITES = join(ROOT, 'tests/.sites');

export interface BuildResult {
  status: number | null;
  /** Standard output and standard error, interleaved as far as pipes allow. */
  output: string;
}

/** Runs `npm run build`'s script for a project root, with extra environment variables. */
export function buildSite(root: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), root], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Makes a fixture site under tests/.sites/<name>: this project's code, config
 * and site pages, with only the given content files (paths relative to content/).
 */
export async function makeSite(name: string, content: Record<string, string | Uint8Array>): Promise<string> {
  const root = join(SITES, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  // The site's own pages too (content/pages/): its structured data links them from every article.
  for (const part of ['src', 'public', 'astro.config.mjs', 'content/pages']) {
    await cp(join(ROOT, part), join(root, part), { recursive: true });
  }
  for (const [path, text] of Object.entries(content)) {
    const file = join(root, 'content', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return root;
}

/** A built page, parsed as a browser would parse it. */
export async function readPage(dist: string, path: string): Promise<Document> {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  return new JSDOM(await readFile(file, 'utf8')).window.document;
}

/** The text of an element with runs of white space collapsed, as a reader sees it. */
export const textOf = (node: Element | null | undefined): string =>
  node?.textContent.replace(/\s+/g, ' ').trim() ?? '';

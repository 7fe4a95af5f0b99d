/**
 * A fixture site that several test files read (the build tests and the browser
 * tests of the same content): built once under tests/.sites/<name>, and built
 * again only when the project's code, config, dependencies or the fixture's
 * content or environment change. Test files run in separate workers, so a lock
 * folder keeps two from building it at once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildSite, makeSite, ROOT } from './project.ts';

export interface SharedSite {
  root: string;
  dist: string;
  /** What the build printed, when this call built it; "" when an earlier build was reused. */
  output: string;
}

const SITES = join(ROOT, 'tests/.sites');
const LOCK_STALE_MS = 5 * 60_000;

/** Every file under `dir`, relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** What the build depends on: the project's code, config and dependencies, the content, the environment. */
async function fingerprint(
  files: Record<string, string | Uint8Array>,
  env: Record<string, string>,
): Promise<string> {
  const hash = createHash('sha256');
  for (const part of ['src', 'public', 'scripts', 'content/pages']) {
    for (const file of await filesUnder(join(ROOT, part))) {
      hash
        .update(`${part}/${file}\0`)
        .update(await readFile(join(ROOT, part, file)))
        .update('\0');
    }
  }
  for (const file of ['astro.config.mjs', 'package-lock.json']) hash.update(await readFile(join(ROOT, file)));
  for (const [path, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    hash.update(`${path}\0`).update(content).update('\0');
  }
  return hash
    .update(JSON.stringify(env))
    .update(process.env.SITE_URL ?? '')
    .digest('hex');
}

/**
 * Makes and builds the site `name` from `files` (paths relative to content/)
 * with `env`, or reuses the one that an earlier test file built from the same
 * code and content. Throws with the build's output if it fails.
 */
export async function sharedSite(
  name: string,
  files: Record<string, string | Uint8Array>,
  env: Record<string, string> = {},
): Promise<SharedSite> {
  const root = join(SITES, name);
  const stamp = join(SITES, `${name}.built`);
  const lock = join(SITES, `${name}.lock`);
  const key = await fingerprint(files, env);
  await mkdir(SITES, { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const since = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      // A worker that died while building leaves its lock behind.
      if (since > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  let output = '';
  try {
    const built = await readFile(stamp, 'utf8').catch(() => '');
    if (built !== key || !existsSync(join(root, 'dist'))) {
      await rm(stamp, { force: true });
      await makeSite(name, files);
      const result = buildSite(root, env);
      if (result.status !== 0) throw new Error(`The ${name} site did not build:\n${result.output}`);
      output = result.output;
      await writeFile(stamp, key);
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  return { root, dist: join(root, 'dist'), output };
}

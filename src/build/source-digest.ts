/**
 * A digest of the code that made a cached result: a module's own source and
 * that of every relative module it imports, in turn, plus the installed
 * packages (the lockfile). A cache keyed by it is invalidated by a change to
 * that code or an upgrade, and by nothing else.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative specifiers of static imports and re-exports (`from './x.ts'`, `import './x.ts'`). */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*)(['"])(\.{1,2}\/[^'"]+)\1/gu;

/** The relative imports of a module's source, resolved against its path. */
export function relativeImports(source: string, file: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) => resolve(dirname(file), match[2] ?? ''));
}

/** Every module that `entry` reaches through relative imports, itself first, each once. */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`${entry} imports ${file}, which does not exist.`);
    pending.push(...relativeImports(readFileSync(file, 'utf8'), file));
  }
  return [...seen];
}

/** The nearest package-lock.json at or above `dir`, if any. */
export function findLockfile(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const file = join(current, 'package-lock.json');
    if (existsSync(file)) return file;
    if (dirname(current) === current) return undefined;
  }
}

/** A hex SHA-256 of the module graph of `entry` (a path or file URL) and the lockfile above it. */
export function sourceDigest(entry: string | URL): string {
  const file = entry instanceof URL ? fileURLToPath(entry) : entry;
  const hash = createHash('sha256');
  // Sorted, so that the digest does not depend on the order the imports were found in.
  for (const module of moduleGraph(file).sort()) {
    hash
      .update(relative(dirname(file), module))
      .update('\0')
      .update(readFileSync(module))
      .update('\0');
  }
  const lockfile = findLockfile(dirname(file));
  if (lockfile) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

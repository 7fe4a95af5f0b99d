/**
 * Writing a file whole: a process stopped halfway leaves no truncated file
 * under the final name. Synchronous, like the other file access of the build's
 * hot loops: on the CI machine each asynchronous call waits about 0.2 ms for
 * a thread of libuv's pool, several times what the work itself takes.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Folders known to exist: each is made once per process. */
const made = new Set<string>();

/** Writes `file` through a temporary file in the same folder, then renames it into place. */
export function writeWhole(file: string, bytes: Uint8Array | string): void {
  const folder = dirname(file);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  const temp = `${file}.${String(process.pid)}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

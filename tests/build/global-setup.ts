/**
 * Builds the real site once, with `npm run build`'s script, before the build and browser tests read dist/.
 *
 * The build and browser projects both list this file. Vitest runs each project's global setup in
 * turn in its main process, before any test starts, so the two never race, but a run of both would
 * build the site twice. The marker below makes it once per Vitest instance: once per `vitest run`.
 */
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from '../helpers/project.ts';

// On globalThis, not in a module variable: each project imports this file through its own module runner.
const BUILT: unique symbol = Symbol.for('broadsheet.tests.siteBuilt');
const marker = globalThis as typeof globalThis & { [BUILT]: WeakSet<object> | undefined };

export default function setup(project: TestProject): void {
  const built = (marker[BUILT] ??= new WeakSet());
  if (built.has(project.vitest)) return;
  const { status, output } = buildSite(ROOT);
  if (status !== 0) throw new Error(`npm run build failed:\n${output}`);
  built.add(project.vitest);
}

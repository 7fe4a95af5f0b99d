/** Builds the real site once, with `npm run build`'s script, before the build tests read dist/. */
import { buildSite, ROOT } from '../helpers/project.ts';

export default function setup(): void {
  const { status, output } = buildSite(ROOT);
  if (status !== 0) throw new Error(`npm run build failed:\n${output}`);
}

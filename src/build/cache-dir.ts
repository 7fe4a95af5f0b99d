/**
 * The one folder that holds every build cache: rendered bodies (`bodies/`, see
 * body-cache.ts), preview images (`og/`, see og-cache.ts), the search index's
 * parts (`pagefind/`, scripts/search-index.ts) and Astro's own (`astro/`: the
 * content store, and the incremental build's copies of pages). Keep it between
 * builds, on CI too, and builds only do the work of what changed.
 */
import { join } from 'node:path';

/** `BROADSHEET_CACHE_DIR`, or `.cache/broadsheet` in the project being built (`root`). */
export function cacheDir(
  env: Record<string, string | undefined> = process.env,
  root: string = process.cwd(),
): string {
  const value = env.BROADSHEET_CACHE_DIR;
  // An empty or blank value counts as unset.
  return value?.trim() ? value.trim() : join(root, '.cache', 'broadsheet');
}

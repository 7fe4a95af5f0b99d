/**
 * Files a build writes straight into the site instead of rendering them as
 * Astro pages one at a time: the preview images (drawn on worker threads) and
 * the Markdown copies (made with each body, src/bodies/render.ts). Astro
 * renders the routes in the same process as its integrations but in a module
 * graph of their own, so the two meet on `globalThis`: the integration
 * (src/build/site-files-integration.ts) opens the sink when the build starts, and
 * the routes hand their files to it from `getStaticPaths`, publishing no page
 * of their own. Without an open sink (astro dev), the routes serve the files.
 */
import type { ImageRequest } from '../previews/cache.ts';

/** An image of the site: what to draw, and its path in the built site. */
export interface SiteImage extends ImageRequest {
  /** `/og/2022/01/06/slug.png` (src/lib/urls.ts). */
  path: string;
}

export interface SiteFiles {
  /**
   * Takes images to draw, each article's together; throws at once when one
   * cannot be (a font missing for its text).
   */
  images(articles: readonly (readonly SiteImage[])[]): void;
  /** Writes a text file at its path in the built site. */
  text(path: string, text: string): void;
}

const KEY = Symbol.for('broadsheet:site-files');
type WithSink = typeof globalThis & { [KEY]?: SiteFiles | undefined };

/** The sink the build opened, if any. */
export const siteFiles = (): SiteFiles | undefined => (globalThis as WithSink)[KEY];

/** Opens the sink (or, with undefined, closes it). */
export function setSiteFiles(sink: SiteFiles | undefined): void {
  (globalThis as WithSink)[KEY] = sink;
}

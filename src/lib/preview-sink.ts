/**
 * Where a build's pages hand the preview images over to be drawn. Astro
 * renders the routes in the same process as its integrations, but in a module
 * graph of their own, so the two meet on `globalThis`: the integration
 * (src/integrations/preview-images.ts) opens the sink when the build starts,
 * and the image route submits every image to it instead of rendering them one
 * page at a time. Without an open sink (astro dev), the route draws on request.
 */
import type { ImageRequest } from './og-cache.ts';

/** An image of the site: what to draw, and its path in the built site. */
export interface SiteImage extends ImageRequest {
  /** `/og/2022/01/06/slug.png` (src/lib/urls.ts). */
  path: string;
}

export interface PreviewImageSink {
  /** Takes the images to draw; throws at once when one cannot be (a font missing for its text). */
  submit(images: readonly SiteImage[]): void;
}

const KEY = Symbol.for('broadsheet:preview-images');
type WithSink = typeof globalThis & { [KEY]?: PreviewImageSink | undefined };

/** The sink the build opened, if any. */
export const previewImageSink = (): PreviewImageSink | undefined => (globalThis as WithSink)[KEY];

/** Opens the sink (or, with undefined, closes it). */
export function setPreviewImageSink(sink: PreviewImageSink | undefined): void {
  (globalThis as WithSink)[KEY] = sink;
}

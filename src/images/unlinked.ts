/**
 * Images under `/_astro/` that no built file links. Vite publishes every image
 * that the build imports, and the build imports every file of
 * content/articles/images/ (src/images/resolve.ts); Astro removes an
 * original once it has made the sizes a page shows, but not one that no
 * published article uses: an image left in the folder, or a draft's or a
 * scheduled article's, would go out as it was taken, with its EXIF data.
 * Pure: it is given the files and reads nothing.
 */
import { readsText } from '../lib/text-files.ts';

/** The folder Astro writes bundled assets to (`build.assets`), and the image types it may hold. */
export const ASSETS_FOLDER = '_astro';
const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|tiff?|webp)$/iu;
/** A reference to an asset, in HTML, feeds, Markdown copies or JSON: `/_astro/<name>`. */
const ASSET_REFERENCE = new RegExp(`/${ASSETS_FOLDER}/([\\w.~-]+)`, 'gu');

/** The image files under `_astro/` among `files` (paths relative to the site root), sorted. */
export const assetImages = (files: Iterable<string>): string[] =>
  [...files].filter((file) => file.startsWith(`${ASSETS_FOLDER}/`) && IMAGE_FILE.test(file)).sort();

/** Adds to `linked` each `_astro/` file that `text` names. */
export function collectAssetLinks(text: string, linked: Set<string>): void {
  for (const match of text.matchAll(ASSET_REFERENCE)) linked.add(`${ASSETS_FOLDER}/${match[1] ?? ''}`);
}

/**
 * The image files under `_astro/` (paths relative to the site root) that no
 * text file of the site names. `files` maps each file's path to its text, ""
 * for files whose text is not read (see src/lib/text-files.ts).
 */
export function unlinkedImages(files: ReadonlyMap<string, string>): string[] {
  const linked = new Set<string>();
  for (const [file, text] of files) if (readsText(file)) collectAssetLinks(text, linked);
  return assetImages(files.keys()).filter((file) => !linked.has(file));
}

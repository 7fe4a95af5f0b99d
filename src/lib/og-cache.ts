/**
 * A content-addressed cache of the preview images, so that a build draws only
 * the images of new or changed articles. The key is a hash of everything the
 * picture depends on: renderer and library versions, shape, card text and the
 * font files; an entry is never invalidated, only no longer asked for.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { site } from '../site.ts';
import { fontsFor } from './og-fonts.ts';
import {
  cardText,
  logoFonts,
  renderArticleImage,
  renderLogo,
  RENDERER_VERSION,
  type ArticleCard,
} from './og-image.ts';
import type { ImageShape } from './urls.ts';

/** `BROADSHEET_CACHE_DIR`, or `.cache/broadsheet` in the project being built. */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  const value = env.BROADSHEET_CACHE_DIR;
  // An empty or blank value counts as unset.
  return value?.trim() ? value.trim() : join(process.cwd(), '.cache', 'broadsheet');
}

/** The cache key of one image: a hex SHA-256. */
export function imageKey(shape: string, card: unknown, fontNames: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, shape, card, fontNames]))
    .digest('hex');
}

// The card's fields in a fixed order, so that the key does not depend on how the object was built.
const canonicalCard = (card: ArticleCard): ArticleCard => ({
  headline: card.headline,
  authors: card.authors,
  source: card.source,
  date: card.date,
  siteName: card.siteName,
  formatLabel: card.formatLabel,
  language: card.language,
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (bytes: Uint8Array) => PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);

export interface ImageCache {
  /** An article's image in one shape; `label` names the article in font errors. */
  articleImage(card: ArticleCard, shape: ImageShape, label: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The publisher logo of a site name. */
  logo(name?: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The cache's folder of images. */
  readonly dir: string;
  /** Images drawn and images read from the cache, since the cache was made. */
  readonly stats: { renders: number; hits: number };
}

/** A cache of images in `<dir>/og/<key>.png`. */
export function createImageCache(dir: string = cacheDir()): ImageCache {
  const folder = join(dir, 'og');
  const stats = { renders: 0, hits: 0 };

  async function cached(
    key: string,
    render: () => Promise<Uint8Array<ArrayBuffer>>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    const file = join(folder, `${key}.png`);
    const hit = await readFile(file).catch(() => undefined);
    if (hit && isPng(hit)) {
      stats.hits += 1;
      return new Uint8Array(hit);
    }
    stats.renders += 1;
    const png = await render();
    await mkdir(folder, { recursive: true });
    // Written whole, then renamed: a build stopped halfway leaves no truncated image behind.
    const temp = `${file}.${String(process.pid)}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeFile(temp, png);
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
    return png;
  }

  return {
    dir: folder,
    stats,
    articleImage(card, shape, label) {
      const faces = fontsFor(cardText(card), label, card.language);
      const key = imageKey(
        shape,
        canonicalCard(card),
        faces.map((face) => face.name),
      );
      return cached(key, () => renderArticleImage(card, shape, { label, faces }));
    },
    logo(name = site.name) {
      const faces = logoFonts(name);
      const key = imageKey(
        'logo',
        { name },
        faces.map((face) => face.name),
      );
      return cached(key, () => renderLogo(name, faces));
    },
  };
}

let shared: ImageCache | undefined;

/** The build's cache, in {@link cacheDir}. */
export function imageCache(): ImageCache {
  shared ??= createImageCache();
  return shared;
}

/**
 * A content-addressed cache of the preview images, `og/<key>.png` in the cache
 * folder, so that a build draws only the images of new or changed articles.
 * The key is a hash of everything the picture depends on: renderer and library
 * versions, shape, card text and the font files; an entry is never
 * invalidated, only no longer asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../site.ts';
import { cacheDir } from '../build/cache-dir.ts';
import { fontsFor, type FontFace } from './fonts.ts';
import {
  cardText,
  logoFonts,
  renderArticleImage,
  renderLogo,
  RENDERER_VERSION,
  type ArticleCard,
} from './cards.ts';
import type { ImageShape } from '../lib/urls.ts';
import { writeWhole } from '../build/write-whole.ts';

export { cacheDir };

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

/** One article image: its card, shape, and the article's name for errors. */
export interface ImageRequest {
  card: ArticleCard;
  shape: ImageShape;
  label: string;
}

/** An image to draw into the cache: what `renderArticleImage` takes, and its file. */
export interface DrawJob extends ImageRequest {
  faces: readonly FontFace[];
  key: string;
  /** Its file in the cache. */
  file: string;
}

/**
 * Draws jobs into their cache files (written whole), one after another: an
 * article's shapes together, so that the painter measures its headline once
 * and lays out its byline once.
 */
export async function drawJobs(jobs: readonly DrawJob[]): Promise<void> {
  for (const job of jobs) {
    writeWhole(
      job.file,
      await renderArticleImage(job.card, job.shape, { label: job.label, faces: job.faces }),
    );
  }
}

/** The cached PNG at `file`, if there is a whole one. */
function cachedPng(file: string): Uint8Array<ArrayBuffer> | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  return isPng(bytes) ? new Uint8Array(bytes) : undefined;
}

export interface ImageCache {
  /**
   * The job of an article image: its key, fonts and file. Throws, naming the
   * article, when no installed font covers some of its text.
   */
  job(request: ImageRequest): DrawJob;
  /** An article's image in one shape, drawn on this thread if the cache lacks it. */
  articleImage(card: ArticleCard, shape: ImageShape, label: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The publisher logo of a site name. */
  logo(name?: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The cache's folder of images. */
  readonly dir: string;
  /** Images drawn and images read from the cache on this thread, since the cache was made. */
  readonly stats: { renders: number; hits: number };
}

/** A cache of images in `<dir>/og/<key>.png`. */
export function createImageCache(dir: string = cacheDir()): ImageCache {
  const folder = join(dir, 'og');
  const stats = { renders: 0, hits: 0 };

  async function cached(file: string, render: () => Promise<Uint8Array<ArrayBuffer>>) {
    const hit = cachedPng(file);
    if (hit) {
      stats.hits += 1;
      return hit;
    }
    stats.renders += 1;
    const png = await render();
    writeWhole(file, png);
    return png;
  }

  function job({ card, shape, label }: ImageRequest): DrawJob {
    const faces = fontsFor(cardText(card), label, card.language);
    const key = imageKey(
      shape,
      canonicalCard(card),
      faces.map((face) => face.name),
    );
    return { key, card, shape, label, faces, file: join(folder, `${key}.png`) };
  }

  return {
    dir: folder,
    stats,
    job,
    articleImage(card, shape, label) {
      const found = job({ card, shape, label });
      return cached(found.file, () => renderArticleImage(card, shape, { label, faces: found.faces }));
    },
    logo(name = site.name) {
      const faces = logoFonts(name);
      const key = imageKey(
        'logo',
        { name },
        faces.map((face) => face.name),
      );
      return cached(join(folder, `${key}.png`), () => renderLogo(name, faces));
    },
  };
}

let shared: ImageCache | undefined;

/** The build's cache, in {@link cacheDir}. */
export function imageCache(): ImageCache {
  shared ??= createImageCache();
  return shared;
}

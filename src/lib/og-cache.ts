/**
 * A content-addressed cache of the preview images, so that a build draws only
 * the images of new or changed articles. The key is a hash of everything the
 * picture depends on: renderer and library versions, shape, card text and the
 * font files; an entry is never invalidated, only no longer asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { site } from '../site.ts';
import { cacheDir } from './cache-dir.ts';
import { fontsFor } from './og-fonts.ts';
import {
  cardText,
  logoFonts,
  renderArticleImage,
  renderLogo,
  RENDERER_VERSION,
  type ArticleCard,
} from './og-image.ts';
import { createDrawPool, writeWhole, type DrawJob, type DrawPool } from './og-workers.ts';
import type { ImageShape } from './urls.ts';

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

export interface ImageCache {
  /**
   * Starts drawing, on worker threads, the images not yet in the cache, and
   * returns at once; `articleImage` then waits for its own. Font errors are
   * thrown here, before anything is drawn.
   */
  prefetch(requests: Iterable<ImageRequest>): void;
  /** An article's image in one shape; `label` names the article in font errors. */
  articleImage(card: ArticleCard, shape: ImageShape, label: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The publisher logo of a site name. */
  logo(name?: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The cache's folder of images. */
  readonly dir: string;
  /** Images drawn and images read from the cache, since the cache was made. */
  readonly stats: { renders: number; hits: number };
}

/** A cache of images in `<dir>/og/<key>.png`; `pool` draws prefetched images (made on first use). */
export function createImageCache(
  dir: string = cacheDir(),
  pool: () => DrawPool = () => createDrawPool(),
): ImageCache {
  const folder = join(dir, 'og');
  const stats = { renders: 0, hits: 0 };
  /** Drawings under way on the pool, by key. */
  const drawing = new Map<string, Promise<void>>();
  let workers: DrawPool | undefined;

  async function cached(
    key: string,
    render: () => Promise<Uint8Array<ArrayBuffer>>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    const file = join(folder, `${key}.png`);
    const underWay = drawing.get(key);
    if (underWay) {
      await underWay;
      drawing.delete(key);
    }
    const hit = await readFile(file).catch(() => undefined);
    if (hit && isPng(hit)) {
      if (!underWay) stats.hits += 1;
      return new Uint8Array(hit);
    }
    stats.renders += 1;
    const png = await render();
    await writeWhole(file, png);
    return png;
  }

  function articleJob({ card, shape, label }: ImageRequest): DrawJob & { key: string } {
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
    prefetch(requests) {
      for (const request of requests) {
        const job = articleJob(request);
        if (drawing.has(job.key) || existsSync(job.file)) continue;
        workers ??= pool();
        const done = workers.draw(job);
        // The error is for whoever asks for this image; until then it is not unhandled.
        done.catch(() => undefined);
        drawing.set(job.key, done);
        stats.renders += 1;
      }
    },
    articleImage(card, shape, label) {
      const { key, faces } = articleJob({ card, shape, label });
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

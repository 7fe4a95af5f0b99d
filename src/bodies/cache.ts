/**
 * The rendered bodies of articles in the cache folder, `bodies/<key>.json`:
 * written by the body loader (src/bodies/loader.ts), read by the
 * catalogue when a page needs its body.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownImage } from '../images/body-images.ts';
import { cacheDir } from '../build/cache-dir.ts';

/** What the `articleBodies` collection holds of each body: all but its HTML and Markdown. */
export interface BodyInfo {
  /** The body's file in the cache folder: `bodies/<key>.json`. */
  key: string;
  readingMinutes: number;
  /** Every Markdown image, with its place, for the image checks. */
  markdownImages: MarkdownImage[];
  /** The files of content/articles/images/ that the body shows. */
  images: string[];
}

/** What only the cache folder holds of each body. */
export interface BodyText {
  /** Sanitized HTML with relative links, its images marked to be made <picture>s. */
  html: string;
  /** The body of the Markdown copy, when the body has no images (whose <picture>s are made at build time). */
  markdownBody?: string | undefined;
}

export type BodyFile = BodyInfo & BodyText;

/** The folder of the rendered bodies, in the cache folder of the project at `root`. */
export const bodiesDir = (root: string = process.cwd()): string =>
  join(cacheDir(process.env, root), 'bodies');

/** The file of a body in `dir`. */
export const bodyFile = (key: string, dir: string = bodiesDir()): string => join(dir, `${key}.json`);

/** The cached body of `key`, or undefined when there is none or it cannot be read. */
export function readBody(key: string, dir: string = bodiesDir()): BodyFile | undefined {
  const file = bodyFile(key, dir);
  // Synchronous: see src/build/write-whole.ts.
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BodyFile) : undefined;
}

/**
 * Images in article bodies: where they may come from, which sizes are made,
 * how the `<picture>` that shows them is built, and which one loads first.
 * Pure: the Markdown plugins (src/images/markdown-plugins.ts) record and mark
 * the images when an article is rendered; on each build, src/images/resolve.ts
 * checks them with findImageProblems and asks Astro's image service for the files.
 */
import type { Element, ElementContent } from 'hast';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The folder, inside content/articles/, that holds every body image. */
export const IMAGE_FOLDER = 'images';

/** Formats an editor may use, by file extension: photographs and graphics that sharp reads and the web shows. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'] as const;

/**
 * The widest an image is shown, in CSS pixels: `.body img` in src/styles/global.css
 * caps it here, a little inside the text's measure (612 px on phones, 680 px from 48rem).
 */
export const MEASURE_PX = 608;
/** The padding of `.wrap` on both sides together, which narrower screens lose to the image. */
export const GUTTER_PX = 32;

/**
 * The widths made of each image, in pixels: the measure at 1x, 1.5x and 2x,
 * and one for 320–390 px phones at 1x. A 390 px phone at 3x asks for 1,074, and
 * gets 1,216. Widths above the original are not made; the original is instead.
 */
export const IMAGE_WIDTHS = [360, 608, 912, 1216] as const;

/** The modern formats offered as `<source>`s, best first; a browser takes the first it supports. */
export const SOURCE_FORMATS = [
  { format: 'avif', type: 'image/avif' },
  { format: 'webp', type: 'image/webp' },
] as const;

/** What an image's address in Markdown refers to. */
export type ImageReference =
  /** A path relative to the article's file, to be resolved and checked. */
  | { kind: 'relative'; path: string }
  /** `http:`, `https:` or protocol-relative: on another site. */
  | { kind: 'remote' }
  /** A path from the site's root (`/favicon.svg`), a file of public/: shown as it is. */
  | { kind: 'site' }
  /** Any other scheme (`javascript:`, `data:`); the sanitizer removes it. */
  | { kind: 'other' };

/** Classifies the `src` of an image, as written in Markdown or left by the sanitizer. */
export function imageReference(src: string): ImageReference {
  const url = src.trim();
  if (url.startsWith('//')) return { kind: 'remote' };
  if (/^[a-z][a-z\d+.-]*:/iu.test(url)) {
    return /^https?:/iu.test(url) ? { kind: 'remote' } : { kind: 'other' };
  }
  if (url.startsWith('/') || url.startsWith('\\')) return { kind: 'site' };
  let path: string;
  try {
    path = decodeURI(url);
  } catch {
    // Malformed percent-encoding: take the characters as they are, which will name no file.
    path = url;
  }
  return { kind: 'relative', path };
}

/** Where a relative image path leads. */
export interface ResolvedImage {
  /** The file's path inside the image folder, with `/` separators (`2024/map.png`); none if the path leaves it. */
  name?: string | undefined;
  /** Why the image may not be used, if it may not: outside the folder, or not an image format. */
  problem?: string | undefined;
}

const extensionProblem = (name: string): string | undefined => {
  const extension = /\.[^./]*$/u.exec(name)?.[0] ?? '';
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extension)
    ? undefined
    : `is not a JPEG, PNG or WebP file (${IMAGE_EXTENSIONS.join(', ')}, in lower case): convert it, a photograph to JPEG and a graphic to PNG`;
};

/**
 * Resolves `path`, relative to the article's file, and checks that it stays in
 * `<articlesDir>/images/` and has an image extension. Whether the file exists
 * is for the caller to know: this reads nothing.
 */
export function resolveImagePath(articleFile: string, path: string, articlesDir: string): ResolvedImage {
  const inside = relative(resolve(articlesDir, IMAGE_FOLDER), resolve(articleFile, '..', path));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return {
      problem: `is outside ${IMAGE_FOLDER}/: put the image in content/articles/${IMAGE_FOLDER}/ and write ./${IMAGE_FOLDER}/<file name>`,
    };
  }
  const name = inside.split(sep).join('/');
  return { name, problem: extensionProblem(name) };
}

/** A Markdown image of an article, as the Markdown pipeline recorded it: its address and where it is in the body. */
export interface MarkdownImage {
  url: string;
  /** The line in the body, which Astro renders without the front matter and the blank lines around it. */
  line?: number | undefined;
  column?: number | undefined;
}

/**
 * Lines of an article file before its body: the front matter and the blank lines after it, which
 * Astro leaves out of the body that Markdown positions count from. Read from the file itself:
 * the content store keeps no Markdown source (retainBody: false).
 */
export function linesBeforeBody(file: string): number {
  const before = /^\uFEFF?---[ \t]*\r?\n(?:.*\r?\n)*?---[ \t]*(?:\r?\n|$)(?:[ \t]*\r?\n)*/u.exec(file);
  return before ? before[0].split('\n').length - 1 : 0;
}

/** What {@link findImageProblems} needs to know of an article. */
export interface ArticleImages {
  /** The article's file as editors know it: `content/articles/2024-05-01-a.md`. */
  file: string;
  /** Its absolute path, which relative image paths resolve against. */
  path: string;
  markdownImages: readonly MarkdownImage[];
  /** Lines of the file before the body ({@link linesBeforeBody}). */
  lineOffset: number;
  /** The images of the image folder that its body shows (Markdown or HTML), by their path in it. */
  used: readonly string[];
}

/** Why a remote image is refused. */
const REMOTE =
  "is on another site. The pages allow only their own images (img-src 'self'), and a build must not " +
  `depend on other sites: save it in content/articles/${IMAGE_FOLDER}/ and write ./${IMAGE_FOLDER}/<file name>`;

/**
 * Every problem with an article's images, each naming the file (and, for a
 * Markdown image, the line and column), the image and the fix. `exists` says
 * whether the image folder has a file of that path.
 */
export function findImageProblems(
  article: ArticleImages,
  articlesDir: string,
  exists: (name: string) => boolean,
): string[] {
  const problems: string[] = [];
  const reported = new Set<string>();
  const missing = (name: string) => `does not exist: there is no content/articles/${IMAGE_FOLDER}/${name}`;
  for (const { url, line, column } of article.markdownImages) {
    const where =
      line === undefined
        ? ''
        : `:${String(line + article.lineOffset)}${column === undefined ? '' : `:${String(column)}`}`;
    const report = (problem: string) =>
      problems.push(`${article.file}${where}: the image ${JSON.stringify(url)} ${problem}.`);
    const reference = imageReference(url);
    if (reference.kind === 'remote') report(REMOTE);
    if (reference.kind !== 'relative') continue;
    const image = resolveImagePath(article.path, reference.path, articlesDir);
    if (image.name !== undefined) reported.add(image.name);
    if (image.problem !== undefined) report(image.problem);
    else if (image.name !== undefined && !exists(image.name)) report(missing(image.name));
  }
  // Images of the folder in raw HTML, which only the rendered body knows of.
  for (const name of new Set(article.used)) {
    if (reported.has(name)) continue;
    const problem = extensionProblem(name) ?? (exists(name) ? undefined : missing(name));
    if (problem !== undefined) {
      problems.push(`${article.file}: the image ${JSON.stringify(`${IMAGE_FOLDER}/${name}`)} ${problem}.`);
    }
  }
  return problems;
}

/** The widths made of an image `originalWidth` pixels wide, smallest first. */
export function imageWidths(originalWidth: number): number[] {
  const widest = Math.min(originalWidth, Math.max(...IMAGE_WIDTHS));
  return [...IMAGE_WIDTHS.filter((width) => width < widest), widest];
}

/** The width at which an image is shown in CSS pixels, when the screen is wide: no wider than itself or the measure. */
export const displayWidth = (originalWidth: number): number => Math.min(originalWidth, MEASURE_PX);

/**
 * The `sizes` attribute: the image is as wide as the measure (or itself, if
 * narrower) where the screen leaves room for it, else the screen less the gutters.
 */
export function imageSizes(originalWidth: number): string {
  const width = displayWidth(originalWidth);
  return `(min-width: ${width + GUTTER_PX}px) ${width}px, calc(100vw - ${GUTTER_PX}px)`;
}

/** The width of the fallback `<img>`'s one file, for browsers without AVIF or WebP and for feeds: 2x the measure. */
export const fallbackWidth = (originalWidth: number): number => Math.min(originalWidth, 2 * MEASURE_PX);

/** How an image loads: the lead image first and eagerly, every other one when it comes near the screen. */
export type ImageLoading = 'lead' | 'lazy';

/** What a `<picture>` is made from. */
export interface PictureParts {
  alt: string;
  title?: string | undefined;
  /** The original's dimensions: the `<img>`'s `width` and `height`, so the page keeps its room before it loads. */
  width: number;
  height: number;
  sizes: string;
  /** One `srcset` per modern format, in {@link SOURCE_FORMATS} order. */
  sources: { type: string; srcset: string }[];
  /** The fallback file's URL. */
  src: string;
  loading: ImageLoading;
}

/**
 * `<picture>` with one `<source>` per modern format and an `<img>` that gives
 * the fallback, the alternative text, the size and how it loads.
 */
export function pictureElement(parts: PictureParts): Element {
  const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []) =>
    ({ type: 'element', tagName, properties, children }) satisfies Element;
  return element('picture', {}, [
    ...parts.sources.map(({ type, srcset }) =>
      element('source', { type, srcSet: srcset, sizes: parts.sizes }),
    ),
    element('img', {
      src: parts.src,
      alt: parts.alt,
      ...(parts.title === undefined ? {} : { title: parts.title }),
      width: parts.width,
      height: parts.height,
      decoding: 'async',
      // The lead image is the page's largest paint: it must not wait for layout (https://web.dev/articles/lcp-lazy-loading).
      ...(parts.loading === 'lead' ? { loading: 'eager', fetchPriority: 'high' } : { loading: 'lazy' }),
    }),
  ]);
}

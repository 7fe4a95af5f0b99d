/**
 * Checks, on each build, that every image an article uses is a file of
 * content/articles/images/ (a cached render cannot know), then makes each image
 * that the Markdown pipeline marked (src/images/markdown-plugins.ts) a
 * responsive <picture>, with files made by Astro's image service (sharp): AVIF
 * and WebP in several widths, and a fallback in the original's format. Runs
 * once per article, on the body HTML that the page, the feeds and the Markdown
 * copy all share.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { join } from 'node:path';
import {
  fallbackWidth,
  findImageProblems,
  IMAGE_FOLDER,
  imageSizes,
  imageWidths,
  pictureElement,
  SOURCE_FORMATS,
  type ArticleImages,
} from './body-images.ts';
import { IMAGE_MARK } from './markdown-plugins.ts';

// Every image an article may use, imported (and so measured) by Vite: only the sizes asked for are published.
// The pattern is IMAGE_FOLDER and IMAGE_EXTENSIONS of src/images/body-images.ts, as Vite needs a literal.
const IMAGES = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/images/**/*.{jpg,jpeg,png,webp}',
);
const imageKey = (name: string): string => `/content/articles/${IMAGE_FOLDER}/${name}`;
/** content/articles/ of the project being built (the build runs in its root, as for the catalogue). */
const ARTICLES_DIR = join(process.cwd(), 'content/articles');

/**
 * The original's width, height and format. Read from what getImage saw, not from
 * the imported object: reading that marks the original as used, and Astro then
 * publishes it as it is (with its EXIF data, a camera's location included).
 */
async function measure(image: ImageMetadata): Promise<{ width: number; height: number; format: string }> {
  const { options } = await getImage({ src: image });
  if (typeof options.src === 'string') throw new Error('A local image came back as a URL.');
  return { width: options.src.width, height: options.src.height, format: options.src.format };
}

/** The fallback's format: JPEG stays JPEG, PNG and WebP stay themselves. */
const fallbackFormat = (format: string): string => (format === 'jpeg' ? 'jpg' : format);

async function picture(placeholder: Element, image: ImageMetadata): Promise<Element> {
  const { width, height, format } = await measure(image);
  const widths = imageWidths(width);
  const sources = await Promise.all(
    SOURCE_FORMATS.map(async (source) => {
      const result = await getImage({ src: image, format: source.format, widths });
      return { type: source.type, srcset: result.srcSet.attribute };
    }),
  );
  const fallback = await getImage({
    src: image,
    format: fallbackFormat(format),
    width: fallbackWidth(width),
  });
  const { alt, title, loading } = placeholder.properties;
  return pictureElement({
    alt: typeof alt === 'string' ? alt : '',
    title: typeof title === 'string' ? title : undefined,
    width,
    height,
    sizes: imageSizes(width),
    sources,
    src: fallback.src,
    loading: loading === 'eager' ? 'lead' : 'lazy',
  });
}

/** What is known of an article's body, for its images: the image checks' input. */
export type ArticleBody = ArticleImages;

interface Marked {
  node: Element;
  parent: Element | Root;
  index: number;
  /** The image's path in content/articles/images/. */
  name: string;
}

/** The body parsed, with the images the Markdown pipeline marked; none for HTML without a mark. */
function markedImages(html: string): { tree: Root; marked: Marked[] } | undefined {
  if (!html.includes(`${IMAGE_MARK}=`)) return undefined;
  const tree: Root = unified().use(rehypeParse, { fragment: true }).parse(html);
  const marked: Marked[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    const name = node.properties.dataArticleImage;
    if (node.tagName === 'img' && typeof name === 'string' && parent && index !== undefined) {
      marked.push({ node, parent, index, name });
    }
  });
  return { tree, marked };
}

/**
 * Every problem with an article's images, in Markdown or HTML: each must be a
 * file of content/articles/images/ in a format the site takes.
 */
export const articleImageProblems = (article: ArticleBody): string[] =>
  findImageProblems(article, ARTICLES_DIR, (name) => imageKey(name) in IMAGES);

/**
 * The body HTML of an article with its marked images made <picture>s. Call it
 * once {@link articleImageProblems} has found nothing wrong; `file` names the
 * article in messages.
 */
export async function withArticleImages({ file, html }: { file: string; html: string }): Promise<string> {
  const found = markedImages(html);
  if (!found) return html;
  for (const { node, parent, index, name } of found.marked) {
    const load = IMAGES[imageKey(name)];
    if (!load) throw new Error(`${file}: the image content/articles/${IMAGE_FOLDER}/${name} does not exist.`);
    parent.children[index] = await picture(node, (await load()).default);
  }
  return unified().use(rehypeStringify).stringify(found.tree);
}

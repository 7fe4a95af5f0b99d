/**
 * Images in article bodies, when an article is rendered. The remark plugin
 * records every Markdown image's address and place, which the catalogue checks
 * on each build (src/images/resolve.ts): the rendered entry is cached by
 * the article's text, and whether an image file exists can change without it.
 * After the sanitizer, the rehype plugin marks each image of content/articles/images/
 * (Markdown or HTML) to be made a <picture>, makes an image alone in its
 * paragraph a figure with its title as the caption, and chooses the lead image.
 * Neither throws: Astro's content loader would log the error and publish the
 * article without its body.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { imageReference, resolveImagePath, type MarkdownImage } from './body-images.ts';

export interface ArticleImageOptions {
  /** The folder of the articles, content/articles/, whose images/ folder holds the images. */
  articlesDir: string;
}

/** The attribute that marks an image for src/images/resolve.ts; its value is the file's path in images/. */
export const IMAGE_MARK = 'data-article-image';
/** The front-matter key of the rendered entry's metadata that lists its Markdown images. */
export const MARKDOWN_IMAGES_KEY = 'markdownImages';
/** The front-matter key of the rendered entry's metadata that lists the images marked to be made <picture>s. */
export const MARKED_IMAGES_KEY = 'markedImages';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown>; localImagePaths?: string[] };
}

/** Records the address and place of every Markdown image, inline or by reference, in the rendered entry's metadata. */
export function remarkMarkdownImages() {
  return (tree: MdastRoot, file: VFile): void => {
    // Reference-style images (`![alt][ref]`) take the address of the first definition of their label.
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    const images: MarkdownImage[] = [];
    visit(tree, (node) => {
      const url =
        node.type === 'image'
          ? node.url
          : node.type === 'imageReference'
            ? definitions.get(node.identifier)
            : undefined;
      if (url === undefined) return;
      images.push({ url, line: node.position?.start.line, column: node.position?.start.column });
    });
    if (images.length === 0) return;
    const data = file.data as AstroFileData;
    const frontmatter = (data.astro ??= {}).frontmatter ?? {};
    frontmatter[MARKDOWN_IMAGES_KEY] = images;
    data.astro.frontmatter = frontmatter;
  };
}

const isBlank = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

/** The image's own paragraph as a figure, with the image's title, if any, as its caption. */
function toFigure(paragraph: Element, image: Element): void {
  const title = image.properties.title;
  delete image.properties.title;
  paragraph.tagName = 'figure';
  paragraph.children = [image];
  if (typeof title === 'string' && title.trim()) {
    paragraph.children.push({
      type: 'element',
      tagName: 'figcaption',
      properties: {},
      children: [{ type: 'text', value: title }],
    });
  }
}

/**
 * Marks each image of content/articles/images/ for src/images/resolve.ts,
 * makes an image alone in its paragraph a figure, and chooses the lead image.
 * Runs after the sanitizer: it reads only what the sanitizer kept.
 */
export function rehypeArticleImages({ articlesDir }: ArticleImageOptions) {
  return (tree: HastRoot, file: VFile): void => {
    // Without a file there is nothing to resolve a path against (a renderer used on its own).
    if (!file.path) return;
    const marked: { image: Element; block: number }[] = [];
    tree.children.forEach((block, blockIndex) => {
      visit(block, 'element', (node: Element, _, parent) => {
        const src = node.properties.src;
        if (node.tagName !== 'img' || typeof src !== 'string') return;
        const reference = imageReference(src);
        if (reference.kind !== 'relative') return;
        const image = resolveImagePath(file.path, reference.path, articlesDir);
        // Raw HTML may point anywhere else, as it always could; only the image folder is ours.
        if (image.name === undefined) return;
        node.properties.dataArticleImage = image.name;
        marked.push({ image: node, block: blockIndex });
        const alone =
          parent === block &&
          parent.tagName === 'p' &&
          parent.children.every((child) => child === node || isBlank(child));
        if (alone) toFigure(parent, node);
      });
    });

    // The lead: the first image, when nothing but the article's header comes before its block.
    const firstBlock = tree.children.findIndex((node) => node.type === 'element');
    marked.forEach(({ image, block }, i) => {
      image.properties.loading = i === 0 && block === firstBlock ? 'eager' : 'lazy';
    });

    const data = file.data as AstroFileData;
    if (marked.length > 0) {
      const frontmatter = (data.astro ??= {}).frontmatter ?? {};
      frontmatter[MARKED_IMAGES_KEY] = marked.map(({ image }) => image.properties.dataArticleImage);
      data.astro.frontmatter = frontmatter;
    }
    // Astro would import these files and make <img>s of its own: every Markdown image is ours, or a mistake
    // the catalogue reports.
    if (data.astro?.localImagePaths) data.astro.localImagePaths = [];
  };
}

/**
 * An article's body, rendered once for every page that shows it: the HTML of
 * the Markdown pipeline (Astro's unified processor with the plugins of
 * ./index.ts, exactly as astro.config.mjs configures it), what its plugins
 * found (reading time, images), and the body of its Markdown copy.
 * The content loader (src/loaders/article-bodies.ts) runs it on worker threads
 * (./render-worker.ts) and caches the result by the article's text.
 */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import type { MarkdownImage } from '../lib/article-images.ts';
import { MARKDOWN_IMAGES_KEY, MARKED_IMAGES_KEY } from './article-images.ts';
import { COPY_BASE_KEY, COPY_KEY } from './rehype-markdown-copy.ts';
import { mayHaveLiteralAutolinks } from './remark-gfm.ts';
import { mayHaveRawHtml } from './sanitize.ts';
import { markdownOptions } from './index.ts';

export interface RenderOptions {
  /** content/articles/, whose images/ folder holds the articles' images. */
  articlesDir: string;
}

export interface RenderJob {
  /** The article's absolute path: image paths resolve against it, and errors name it. */
  path: string;
  /** The Markdown after the front matter. */
  markdown: string;
  /** The front matter as written (plugins read the language). */
  frontmatter: Record<string, unknown>;
  /** The absolute URL of the article's page, which the Markdown copy's relative links resolve against. */
  page: string;
}

export interface RenderedBody {
  /** Sanitized HTML with relative links; images of content/articles/images/ marked for the catalogue. */
  html: string;
  /**
   * The Markdown copy's body, made from `html`; absent when the body has images, whose
   * <picture>s are made at build time (src/data/article-images.ts) and the copy after them.
   */
  markdownBody?: string;
  readingMinutes: number;
  /** Every Markdown image, with its place, for the checks of src/data/article-images.ts. */
  markdownImages: MarkdownImage[];
  /** The images of content/articles/images/ that the body shows. */
  images: string[];
}

/**
 * A renderer of article bodies. GFM's autolink literals are found by a
 * cheaper route in documents that cannot hold one (./remark-gfm.ts), and raw
 * HTML is parsed only in documents that may hold some (./sanitize.ts), with
 * the same result.
 */
export async function createBodyRenderer({
  articlesDir,
}: RenderOptions): Promise<(job: RenderJob) => Promise<RenderedBody>> {
  // As astro.config.mjs has it: no syntax highlighting (news has no code to colour).
  const make = (literals: boolean, rawHtml: boolean): Promise<MarkdownRenderer> =>
    unified(
      markdownOptions(articlesDir, { gfmWithoutLiteralTokenizer: !literals, withoutRawHtml: !rawHtml }),
    ).createRenderer({ syntaxHighlight: false });
  const renderers = new Map<string, Promise<MarkdownRenderer>>();
  /** The renderer for what a document may hold, made when first needed. */
  const rendererFor = (literals: boolean, rawHtml: boolean): Promise<MarkdownRenderer> => {
    const key = `${String(literals)} ${String(rawHtml)}`;
    let renderer = renderers.get(key);
    if (!renderer) {
      renderer = make(literals, rawHtml);
      renderers.set(key, renderer);
    }
    return renderer;
  };
  // The one most bodies take (no autolink literals, no raw HTML), ready before the first.
  await rendererFor(false, false);

  return async ({ path, markdown, frontmatter, page }) => {
    const renderer = await rendererFor(mayHaveLiteralAutolinks(markdown), mayHaveRawHtml(markdown));
    const { code: html, metadata } = await renderer.render(markdown, {
      fileURL: pathToFileURL(path),
      frontmatter: { ...frontmatter, [COPY_BASE_KEY]: page },
    });
    const found = metadata.frontmatter as Record<string, unknown>;
    const images = stringsOf(found[MARKED_IMAGES_KEY]);
    const readingMinutes = found.readingMinutes;
    const copy = found[COPY_KEY];
    return {
      html,
      ...(typeof copy === 'string' && { markdownBody: copy }),
      readingMinutes: typeof readingMinutes === 'number' ? readingMinutes : 0,
      markdownImages: Array.isArray(found[MARKDOWN_IMAGES_KEY])
        ? (found[MARKDOWN_IMAGES_KEY] as MarkdownImage[])
        : [],
      images,
    };
  };
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

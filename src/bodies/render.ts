/**
 * An article's body, rendered once for every page that shows it: the HTML of
 * the Markdown pipeline (Astro's unified processor with the plugins of
 * ./pipeline.ts, exactly as astro.config.mjs configures it), what its plugins
 * found (reading time, images), and the body of its Markdown copy.
 * The content loader (src/bodies/loader.ts) runs it on worker threads
 * (./render-worker.ts) and caches the result by the article's text.
 */
import {
  rehypeHeadingIds,
  remarkCollectImages,
  unified,
  type MarkdownRenderer,
  type UnifiedProcessorOptions,
} from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkGfmWithLiterals from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified as unifiedProcessor, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { MarkdownImage } from '../images/body-images.ts';
import { MARKDOWN_IMAGES_KEY, MARKED_IMAGES_KEY } from '../images/markdown-plugins.ts';
import { COPY_BASE_KEY, COPY_KEY } from './plugins/rehype-markdown-copy.ts';
import { mayHaveLiteralAutolinks, mayHaveTables } from './plugins/remark-gfm-subset.ts';
import { mayHaveRawHtml } from './plugins/sanitize.ts';
import { markdownOptions } from './pipeline.ts';

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
   * <picture>s are made at build time (src/images/resolve.ts) and the copy after them.
   */
  markdownBody?: string;
  readingMinutes: number;
  /** Every Markdown image, with its place, for the checks of src/images/resolve.ts. */
  markdownImages: MarkdownImage[];
  /** The images of content/articles/images/ that the body shows. */
  images: string[];
}

/**
 * Whether Markdown may hold a GFM footnote: every call and definition starts with "[^". Astro's last
 * pass (see {@link plainBodyRenderer}) writes the footnotes' marks as `data-footnote-ref=""`, not
 * `data-footnote-ref`, so documents that may hold one take Astro's processor.
 */
export const mayHaveFootnotes = (markdown: string): boolean => markdown.includes('[^');

/**
 * Astro's Markdown processor (`createMarkdownProcessor` of @astrojs/markdown-remark) with the same
 * plugins, for documents without raw HTML or footnotes, less two of its last steps that have nothing
 * to do there: rehype-raw, which parses the finished tree again with parse5 to bring raw HTML into it
 * (9% of a body's time), and the marking of images for Astro's image service, which every image of an
 * article skips (../images/markdown-plugins.ts). The rest is Astro's, in its order: GFM unless `options.gfm` is
 * false, SmartyPants unless `options.smartypants` is, the remark plugins, Astro's collection of
 * images, remark-rehype as Astro sets it, the rehype plugins, Astro's heading ids, and HTML.
 * tests/unit/bodies/render.test.ts holds the two to the same output.
 */
function plainBodyRenderer(options: UnifiedProcessorOptions): MarkdownRenderer {
  const processor = unifiedProcessor()
    .use(remarkParse)
    .use(options.gfm === false ? [] : [remarkGfmWithLiterals])
    .use(
      options.smartypants === false
        ? []
        : [[remarkSmartypants, typeof options.smartypants === 'object' ? options.smartypants : {}]],
    )
    .use((options.remarkPlugins ?? []) as PluggableList)
    // As Astro calls it when no image options are given.
    .use(remarkCollectImages, undefined)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...options.remarkRehype })
    .use((options.rehypePlugins ?? []) as PluggableList)
    .use(rehypeHeadingIds)
    .use(rehypeStringify, { allowDangerousHtml: true });
  return {
    async render(content, { fileURL, frontmatter = {} } = {}) {
      const file = new VFile({ value: content, path: fileURL, data: { astro: { frontmatter } } });
      const result = await processor.process(file);
      const astro = (result.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
      return {
        code: String(result.value),
        metadata: {
          headings: [],
          localImagePaths: [],
          remoteImagePaths: [],
          frontmatter: astro?.frontmatter ?? {},
        },
      };
    },
  };
}

/** What a document may hold, each of which needs a fuller (slower) way of rendering it. */
interface MayHold {
  /** GFM autolink literals (./plugins/remark-gfm-subset.ts). */
  literals: boolean;
  /** Raw HTML (./plugins/sanitize.ts). */
  rawHtml: boolean;
  footnotes: boolean;
  /** Tables (./plugins/remark-gfm-subset.ts); Astro's GFM, taken for literals, parses them anyway. */
  tables: boolean;
}

/** What `markdown` may hold, by cheap tests of its text that never say no to what is there. */
const mayHold = (markdown: string): MayHold => {
  const literals = mayHaveLiteralAutolinks(markdown);
  return {
    literals,
    rawHtml: mayHaveRawHtml(markdown),
    footnotes: mayHaveFootnotes(markdown),
    tables: literals || mayHaveTables(markdown),
  };
};

/**
 * A renderer of article bodies. GFM's autolink literals are found by a
 * cheaper route in documents that cannot hold one, and tables are not looked
 * for in documents that cannot hold one (./plugins/remark-gfm-subset.ts); raw HTML is parsed
 * only in documents that may hold some (./plugins/sanitize.ts). Those with raw HTML,
 * and those with footnotes, Astro's own processor renders; the others take
 * {@link plainBodyRenderer}. The HTML is the same either way.
 */
export async function createBodyRenderer({
  articlesDir,
}: RenderOptions): Promise<(job: RenderJob) => Promise<RenderedBody>> {
  // As astro.config.mjs has it: no syntax highlighting (news has no code to colour).
  const make = async ({ literals, rawHtml, footnotes, tables }: MayHold): Promise<MarkdownRenderer> => {
    const options = markdownOptions(articlesDir, {
      gfmWithoutLiteralTokenizer: !literals,
      withoutRawHtml: !rawHtml,
      withoutTables: !tables,
    });
    return rawHtml || footnotes
      ? unified(options).createRenderer({ syntaxHighlight: false })
      : plainBodyRenderer(options);
  };
  const renderers = new Map<string, Promise<MarkdownRenderer>>();
  /** The renderer for what a document may hold, made when first needed. */
  const rendererFor = (holds: MayHold): Promise<MarkdownRenderer> => {
    const key = JSON.stringify(holds);
    let renderer = renderers.get(key);
    if (!renderer) {
      renderer = make(holds);
      renderers.set(key, renderer);
    }
    return renderer;
  };
  // The one most bodies take (none of those), ready before the first.
  await rendererFor({ literals: false, rawHtml: false, footnotes: false, tables: false });

  return async ({ path, markdown, frontmatter, page }) => {
    const renderer = await rendererFor(mayHold(markdown));
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

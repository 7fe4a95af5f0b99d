/**
 * An article's body, rendered once for every page that shows it: the HTML of
 * the body pipeline (./pipeline.ts), what its plugins found (reading time,
 * images), and the body of its Markdown copy. The content loader
 * (src/bodies/loader.ts) runs it on worker threads (./render-worker.ts) and
 * caches the result by the article's text.
 */
import { VFile } from 'vfile';
import type { MarkdownImage } from '../images/body-images.ts';
import { MARKDOWN_IMAGES_KEY, MARKED_IMAGES_KEY } from '../images/markdown-plugins.ts';
import { bodyProcessor } from './pipeline.ts';
import { COPY_BASE_KEY, COPY_KEY } from './plugins/rehype-markdown-copy.ts';
import { mayHaveLiteralAutolinks, mayHaveTables } from './plugins/remark-gfm-subset.ts';

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
 * A renderer of article bodies. Two cheap tests of the Markdown, which never
 * say no to what is there, spare most bodies two of GFM's costliest
 * tokenizers (./plugins/remark-gfm-subset.ts): a body that cannot hold an
 * autolink literal is parsed without that tokenizer, and one that cannot hold
 * a table without the table tokenizer too. The HTML is the same either way.
 */
export function createBodyRenderer({
  articlesDir,
}: RenderOptions): Promise<(job: RenderJob) => Promise<RenderedBody>> {
  const fullGfm = bodyProcessor({ articlesDir });
  const withTables = bodyProcessor({ articlesDir, literals: false });
  const withoutTables = bodyProcessor({ articlesDir, literals: false, tables: false });
  const processorFor = (markdown: string) =>
    mayHaveLiteralAutolinks(markdown) ? fullGfm : mayHaveTables(markdown) ? withTables : withoutTables;

  // A promise, as the worker's setup (./render-worker.ts) and the calibration take it.
  return Promise.resolve(async ({ path, markdown, frontmatter, page }: RenderJob): Promise<RenderedBody> => {
    const found: Record<string, unknown> = { ...frontmatter, [COPY_BASE_KEY]: page };
    const file = new VFile({ value: markdown, path, data: { astro: { frontmatter: found } } });
    const html = String(await processorFor(markdown).process(file));
    const { readingMinutes } = found;
    const copy = found[COPY_KEY];
    return {
      html,
      ...(typeof copy === 'string' && { markdownBody: copy }),
      readingMinutes: typeof readingMinutes === 'number' ? readingMinutes : 0,
      markdownImages: Array.isArray(found[MARKDOWN_IMAGES_KEY])
        ? (found[MARKDOWN_IMAGES_KEY] as MarkdownImage[])
        : [],
      images: stringsOf(found[MARKED_IMAGES_KEY]),
    };
  });
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

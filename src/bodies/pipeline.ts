/** The article Markdown pipeline, as passed to Astro's unified() processor. */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { rehypeArticleImages, remarkMarkdownImages } from '../images/markdown-plugins.ts';
import { rehypeDemoteH1 } from './plugins/rehype-demote-h1.ts';
import { rehypeMarkdownCopy } from './plugins/rehype-markdown-copy.ts';
import { remarkMarkdownCopy } from './plugins/remark-markdown-copy.ts';
import { rehypeParagraphPermalinks } from './plugins/rehype-paragraph-permalinks.ts';
import { remarkGfm } from './plugins/remark-gfm-subset.ts';
import { remarkReadingTime } from './plugins/remark-reading-time.ts';
import { remarkSmartQuotes } from './plugins/remark-smart-quotes.ts';
import { sanitizePlugins } from './plugins/sanitize.ts';

type RemarkPlugins = NonNullable<UnifiedProcessorOptions['remarkPlugins']>;

/**
 * The pipeline for the articles in `articlesDir` (content/articles/), whose images/ folder holds their images.
 * `gfmWithoutLiteralTokenizer` swaps Astro's GFM for ./plugins/remark-gfm-subset.ts, for documents without autolink literals
 * (`mayHaveLiteralAutolinks`), where the two give the same HTML. `withoutRawHtml` leaves out the parsing of raw
 * HTML before the sanitizer, for documents that hold none (`mayHaveRawHtml`), where it changes nothing.
 * `withoutTables`, with `gfmWithoutLiteralTokenizer`, leaves out the table tokenizer too, for documents
 * that cannot hold a table (`mayHaveTables`).
 */
export const markdownOptions = (
  articlesDir: string,
  { gfmWithoutLiteralTokenizer = false, withoutRawHtml = false, withoutTables = false } = {},
): UnifiedProcessorOptions => ({
  // Astro's own SmartyPants runs on every document; ours skips those with nothing to change.
  smartypants: false,
  gfm: !gfmWithoutLiteralTokenizer,
  remarkPlugins: [
    ...(gfmWithoutLiteralTokenizer
      ? ([[remarkGfm, { tables: !withoutTables }]] satisfies RemarkPlugins)
      : []),
    remarkSmartQuotes,
    remarkReadingTime,
    remarkMarkdownImages,
    // Last: the copy of a plain body, from the finished Markdown tree.
    remarkMarkdownCopy,
  ],
  // Sanitize first, so that every later plugin sees only safe markup.
  // Images become figures before paragraphs are numbered, so that an image never takes a paragraph's number.
  // Paragraph ids come after the sanitizer, which would prefix them (clobbering protection).
  rehypePlugins: [
    ...sanitizePlugins(!withoutRawHtml),
    rehypeDemoteH1,
    [rehypeArticleImages, { articlesDir }],
    rehypeParagraphPermalinks,
    // Last: the copy is made from the finished body.
    rehypeMarkdownCopy,
  ],
});

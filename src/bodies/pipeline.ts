/**
 * The article body pipeline, Markdown to sanitized HTML: one unified processor,
 * built here from its packages and the project's plugins. The body renderer
 * (./render.ts) runs it; nothing else renders an article.
 *
 * The plugins leave what they find (reading time, images, the Markdown copy)
 * in the file's `data.astro.frontmatter`, where the renderer puts the front
 * matter they read (the language, the page's address).
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeArticleImages, remarkMarkdownImages } from '../images/markdown-plugins.ts';
import { rehypeDemoteH1 } from './plugins/rehype-demote-h1.ts';
import { rehypeFootnoteTargets } from './plugins/rehype-footnote-targets.ts';
import { rehypeMarkdownCopy } from './plugins/rehype-markdown-copy.ts';
import { rehypeParagraphPermalinks } from './plugins/rehype-paragraph-permalinks.ts';
import { rehypeRawWhereRaw } from './plugins/rehype-raw-where-raw.ts';
import { rehypeSmallCaps } from './plugins/rehype-small-caps.ts';
import { remarkGfmSubset } from './plugins/remark-gfm-subset.ts';
import { remarkMarkdownCopy } from './plugins/remark-markdown-copy.ts';
import { remarkReadingTime } from './plugins/remark-reading-time.ts';
import { remarkSmartQuotes } from './plugins/remark-smart-quotes.ts';
import { articleSchema } from './plugins/sanitize.ts';

export interface PipelineOptions {
  /** content/articles/, whose images/ folder holds the articles' images. */
  articlesDir: string;
  /** Whether to look for GFM tables: false only for a body that cannot hold one (`mayHaveTables`). */
  tables?: boolean;
  /**
   * Whether to look for GFM autolink literals (bare addresses, linked): false only for a body that cannot
   * hold one (`mayHaveLiteralAutolinks`). True takes remark-gfm in full, tables included.
   */
  literals?: boolean;
}

/** The processor of article bodies, frozen: `process` a VFile of the Markdown after the front matter. */
export const bodyProcessor = ({ articlesDir, tables = true, literals = true }: PipelineOptions) =>
  unified()
    .use(remarkParse)
    .use(literals ? [remarkGfm] : [[remarkGfmSubset, { tables }]])
    .use(remarkSmartQuotes)
    .use(remarkReadingTime)
    .use(remarkMarkdownImages)
    // Last of the Markdown plugins: the copy of a plain body, from the finished Markdown tree.
    .use(remarkMarkdownCopy)
    // Raw HTML goes on as `raw` nodes, parsed next, so that the sanitizer sees it as elements.
    // Footnote ids take the sanitizer's prefix, which rehypeFootnoteTargets relies on.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: articleSchema.clobberPrefix })
    .use(rehypeRawWhereRaw)
    // Sanitize first, so that every later plugin sees only safe markup.
    .use(rehypeSanitize, articleSchema)
    .use(rehypeFootnoteTargets)
    .use(rehypeDemoteH1)
    // Images become figures before paragraphs are numbered, so that an image never takes a paragraph's number.
    // Paragraph ids come after the sanitizer, which would prefix them (clobbering protection).
    .use(rehypeArticleImages, { articlesDir })
    .use(rehypeParagraphPermalinks)
    // The copy is made from the finished body; it keeps no ids, so the headings' come after it.
    .use(rehypeMarkdownCopy)
    // Ids for the headings (github-slugger's, as GitHub gives them), which links to a section use.
    .use(rehypeHeadingIds)
    // After the ids, so that a heading's id is made from its text, not its markup.
    .use(rehypeSmallCaps)
    // No raw node is left: the sanitizer drops any it is given.
    .use(rehypeStringify)
    .freeze();

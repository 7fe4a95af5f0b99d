/**
 * The site's own pages (content/pages/): plain Markdown to sanitized HTML.
 * Not the article pipeline (./pipeline.ts): these pages have no paragraph
 * permalinks, images, reading time or Markdown copies, and are few.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { articleSchema } from './plugins/sanitize.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, articleSchema)
  .use(rehypeStringify)
  .freeze();

/** A site page's Markdown body as HTML. */
export const sitePageHtml = async (markdown: string): Promise<string> =>
  String(await processor.process(markdown));

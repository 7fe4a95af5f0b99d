/** The article Markdown pipeline, as passed to Astro's unified() processor. */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { rehypeDemoteH1 } from './rehype-demote-h1.ts';
import { rehypeParagraphPermalinks } from './rehype-paragraph-permalinks.ts';
import { remarkReadingTime } from './remark-reading-time.ts';
import { remarkSmartQuotes } from './remark-smart-quotes.ts';
import { sanitizePlugins } from './sanitize.ts';

export const markdownOptions: UnifiedProcessorOptions = {
  // Astro's own SmartyPants runs on every document; ours skips those with nothing to change.
  smartypants: false,
  remarkPlugins: [remarkSmartQuotes, remarkReadingTime],
  // Sanitize first, so that every later plugin sees only safe markup.
  // Paragraph ids come after the sanitizer, which would prefix them (clobbering protection).
  rehypePlugins: [...sanitizePlugins, rehypeDemoteH1, rehypeParagraphPermalinks],
};

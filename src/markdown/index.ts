/** The article Markdown pipeline, as passed to Astro's unified() processor. */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { rehypeDemoteH1 } from './rehype-demote-h1.ts';
import { remarkReadingTime } from './remark-reading-time.ts';
import { sanitizePlugins } from './sanitize.ts';

export const markdownOptions: UnifiedProcessorOptions = {
  remarkPlugins: [remarkReadingTime],
  // Sanitize first, so that every later plugin sees only safe markup.
  rehypePlugins: [...sanitizePlugins, rehypeDemoteH1],
};

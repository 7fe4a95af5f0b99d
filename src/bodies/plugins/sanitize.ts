/**
 * Raw HTML in articles is parsed, then cut down to ordinary article markup.
 * Astro does not sanitize Markdown, and its own rehype-raw runs after user
 * plugins, so we parse raw HTML first and sanitize the result.
 */
import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Attributes no article needs, from GitHub's schema: forms and keyboard shortcuts. */
const DROPPED_ATTRIBUTES = new Set([
  'accept',
  'acceptCharset',
  'accessKey',
  'action',
  'encType',
  'method',
  'prompt',
]);

/** GitHub's schema (no script, style, iframe, event handler or javascript: URL), less forms, plus figures. */
export const articleSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input'),
    'figure',
    'figcaption',
    'cite',
    'abbr',
    'mark',
    'small',
    'time',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter(
      (attribute) => typeof attribute !== 'string' || !DROPPED_ATTRIBUTES.has(attribute),
    ),
    input: [],
    time: ['dateTime'],
    abbr: ['title'],
  },
  required: {},
  // Drop these with their contents: CSS or script text is not part of an article.
  strip: ['script', 'style', 'template'],
};

/**
 * Whether Markdown may hold raw HTML: every HTML block or inline tag, comment
 * or declaration starts with "<". Without one, parsing raw HTML (a pass of
 * parse5 over the whole tree) finds nothing to do.
 */
export const mayHaveRawHtml = (markdown: string): boolean => markdown.includes('<');

/**
 * The rehype plugins that make raw HTML in Markdown safe, in order; for a
 * document without raw HTML (`rawHtml` false), the sanitizer alone.
 */
export const sanitizePlugins = (rawHtml = true): RehypePlugins => [
  ...(rawHtml ? [rehypeRaw] : []),
  [rehypeSanitize, articleSchema],
];

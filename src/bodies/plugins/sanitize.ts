/**
 * Raw HTML in articles is parsed, then cut down to ordinary article markup:
 * the schema of the body pipeline's sanitizer (../pipeline.ts).
 */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

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

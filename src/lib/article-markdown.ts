/**
 * The Markdown copy of an article, for AI agents and anyone who wants the
 * text: a header with the metadata, then the body converted back from the
 * sanitized HTML (so nothing the sanitizer removed comes back), cleaned as for
 * feeds: no "¶" links or ids, absolute links.
 */
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { feedBody } from './feed-html.ts';
import { markdownText as escape, markdownUrl } from './markdown-text.ts';

export interface MarkdownArticle {
  title: string;
  dek: string;
  canonical: string;
  byline: string;
  source: { name: string; originalUrl?: string | undefined };
  date: string;
  formatLabel: string;
  /** The body in Markdown: {@link markdownBody} of the body HTML. */
  body: string;
}

/** The body HTML (sanitized, with relative links) as Markdown, its links made absolute against `base`. */
export const markdownBody = (html: string, base: string): string =>
  unified()
    .use(rehypeParse, { fragment: true })
    .use(feedBody, base)
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' })
    .processSync(html)
    .toString();

export function articleMarkdown(article: MarkdownArticle): string {
  const source = article.source.originalUrl
    ? `[${escape(article.source.name)}](<${markdownUrl(article.source.originalUrl)}>)`
    : escape(article.source.name);
  return [
    `# ${escape(article.title)}`,
    '',
    `> ${escape(article.dek)}`,
    '',
    `${escape(article.formatLabel)} by ${escape(article.byline)}. First published by ${source}. ${escape(article.date)}.`,
    '',
    `Permalink: <${markdownUrl(article.canonical)}>`,
    '',
    '---',
    '',
    article.body.trimEnd(),
    '',
  ].join('\n');
}

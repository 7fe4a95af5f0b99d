/**
 * The Markdown copy of an article, for AI agents and anyone who wants the
 * text: a header with the metadata, then the body converted back from the
 * sanitized HTML (so nothing the sanitizer removed comes back), cleaned as for
 * feeds: no "¶" links or ids, absolute links.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { visit } from 'unist-util-visit';
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

/**
 * The body as Markdown, from its HTML tree (left as it is), its links made
 * absolute against `base`: the tree cleaned as for feeds, then converted.
 */
export function markdownFromTree(tree: Root, base: string): string {
  const copy = structuredClone(tree);
  feedBody(base)(copy);
  // Positions are of no use here, and the converter copies the whole tree again.
  visit(copy, (node) => {
    delete node.position;
  });
  return toMarkdown(toMdast(copy), {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    extensions: [gfmToMarkdown()],
  });
}

/** The body HTML (sanitized, with relative links) as Markdown, its links made absolute against `base`. */
export const markdownBody = (html: string, base: string): string =>
  markdownFromTree(fromHtml(html, { fragment: true }), base);

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

/**
 * The Markdown copy of an article, for AI agents and anyone who wants the
 * text: a header with the metadata, then the body converted back from the
 * sanitized HTML (so nothing the sanitizer removed comes back), cleaned as for
 * feeds: no "¶" links or ids, absolute links. A body of plain Markdown, which
 * the sanitizer leaves as it is, is written from its Markdown tree instead,
 * to the same text at a third of the cost ({@link markdownFromMdast}).
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Code, Heading, InlineCode, Link, Parents, Root as MdastRoot, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { defaultHandlers, toMarkdown, type Info, type Options, type State } from 'mdast-util-to-markdown';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { visit } from 'unist-util-visit';
import { absolute, feedBody } from './feed-html.ts';
import { markdownText as escape, markdownUrl } from '../lib/markdown-text.ts';

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
  return toMarkdown(toMdast(copy), TO_MARKDOWN);
}

/** How both ways write Markdown. */
const TO_MARKDOWN: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  extensions: [gfmToMarkdown()],
};

/** HTML's white space collapsed, as the HTML route's converter does it outside <pre>. */
const collapse = (value: string): string => value.replace(/[\t\n\f\r ]+/gu, ' ');

/**
 * The body as Markdown, from its Markdown tree (left as it is), written as
 * {@link markdownFromTree} writes it from the page's HTML: links absolute
 * against `base` (as the page's HTML has them, then resolved), an h1 as the h2
 * the page shows, white space as HTML collapses it, no code meta. Only for
 * trees the HTML would give back unchanged: the caller checks that
 * (src/bodies/plugins/remark-markdown-copy.ts).
 */
export function markdownFromMdast(tree: MdastRoot, base: string): string {
  type Handle<T> = (node: T, parent: Parents | undefined, state: State, info: Info) => string;
  const heading: Handle<Heading> = (node, parent, state, info) =>
    defaultHandlers.heading(node.depth === 1 ? { ...node, depth: 2 } : node, parent, state, info);
  const text: Handle<Text> = (node, parent, state, info) =>
    defaultHandlers.text({ ...node, value: collapse(node.value) }, parent, state, info);
  const code: Handle<Code> = (node, parent, state, info) =>
    defaultHandlers.code({ ...node, meta: null }, parent, state, info);
  // With their `peek`, which tells the writer what they start with.
  const link = Object.assign<Handle<Link>, { peek: typeof defaultHandlers.link.peek }>(
    (node, parent, state, info) =>
      defaultHandlers.link({ ...node, url: absolute(normalizeUri(node.url), base) }, parent, state, info),
    { peek: defaultHandlers.link.peek },
  );
  const inlineCode = Object.assign<Handle<InlineCode>, { peek: typeof defaultHandlers.inlineCode.peek }>(
    (node, parent, state) =>
      defaultHandlers.inlineCode({ ...node, value: collapse(node.value) }, parent, state),
    { peek: defaultHandlers.inlineCode.peek },
  );
  return toMarkdown(tree, { ...TO_MARKDOWN, handlers: { heading, text, code, link, inlineCode } });
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

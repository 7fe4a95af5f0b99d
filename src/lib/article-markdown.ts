/**
 * The Markdown copy of an article, for AI agents and anyone who wants the
 * text: a header with the metadata, then the body converted back from the
 * sanitized HTML (so nothing the sanitizer removed comes back), with absolute links.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export interface MarkdownArticle {
  title: string;
  dek: string;
  canonical: string;
  byline: string;
  source: { name: string; originalUrl?: string | undefined };
  date: string;
  formatLabel: string;
  html: string;
}

/** Removes the "¶" self-links and makes links absolute against the article's URL. */
export function cleanBodyHtml(base: string) {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (
        Array.isArray(node.properties.className) &&
        node.properties.className.includes('pilcrow') &&
        parent &&
        index !== undefined
      ) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      for (const key of ['href', 'src'] as const) {
        const value = node.properties[key];
        if (typeof value === 'string') node.properties[key] = new URL(value, base).href;
      }
      delete node.properties.id;
      return undefined;
    });
  };
}

const toMarkdown = (html: string, base: string): string =>
  unified()
    .use(rehypeParse, { fragment: true })
    .use(cleanBodyHtml, base)
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' })
    .processSync(html)
    .toString();

/** Markdown-escapes a line of metadata (titles may hold "*", "[" or "#"). */
const escape = (text: string) => text.replace(/[\\`*_[\]#<>|]/gu, (char) => `\\${char}`);

export function articleMarkdown(article: MarkdownArticle): string {
  const source = article.source.originalUrl
    ? `[${escape(article.source.name)}](<${article.source.originalUrl}>)`
    : escape(article.source.name);
  return [
    `# ${escape(article.title)}`,
    '',
    `> ${escape(article.dek)}`,
    '',
    `${escape(article.formatLabel)} by ${escape(article.byline)}. First published by ${source}. ${escape(article.date)}.`,
    '',
    `Permalink: <${article.canonical}>`,
    '',
    '---',
    '',
    toMarkdown(article.html, article.canonical).trimEnd(),
    '',
  ].join('\n');
}

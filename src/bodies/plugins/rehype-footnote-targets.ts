/**
 * Footnote links that reach their notes. remark-rehype gives a footnote's call
 * and note ids with the sanitizer's prefix (`user-content-fn-1`), and links to
 * them by those ids; the sanitizer, against DOM clobbering, prefixes every id
 * again (`user-content-user-content-fn-1`), not the links. Runs after it, and
 * takes one prefix off ids that have two: what is left still has the prefix.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { articleSchema } from './sanitize.ts';

const PREFIX = articleSchema.clobberPrefix ?? '';
const TWICE = PREFIX + PREFIX;

/** Whether the body has footnotes: remark-rehype puts them last, in a `<section data-footnotes>`. */
const hasFootnotes = (tree: Root): boolean => {
  const last = tree.children.findLast((node) => node.type === 'element');
  return last?.tagName === 'section' && last.properties.dataFootnotes !== undefined;
};

export function rehypeFootnoteTargets() {
  return (tree: Root): void => {
    if (!PREFIX || !hasFootnotes(tree)) return;
    visit(tree, 'element', (node) => {
      const { id } = node.properties;
      if (typeof id === 'string' && id.startsWith(TWICE)) node.properties.id = id.slice(PREFIX.length);
    });
  };
}

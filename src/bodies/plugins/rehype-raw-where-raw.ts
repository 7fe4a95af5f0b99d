/**
 * rehype-raw, run only on a tree that holds raw HTML. Markdown's HTML reaches
 * the HTML tree as `raw` nodes (remark-rehype's `allowDangerousHtml`), and
 * rehype-raw parses the whole tree again with parse5 to bring them in: a pass
 * that has nothing to do in a body without one, and most bodies have none.
 * Deciding from the tree, not the Markdown, it cannot miss any.
 */
import type { Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

/** Whether the tree holds a `raw` node. */
export const hasRaw = (node: Root | RootContent): boolean =>
  node.type === 'raw' || ('children' in node && node.children.some(hasRaw));

export function rehypeRawWhereRaw() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root | undefined => (hasRaw(tree) ? parseRaw(tree, file) : undefined);
}

/** The headline is the page's only h1, so an h1 in an article body becomes an h2. */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeDemoteH1() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'h1') node.tagName = 'h2';
    });
  };
}

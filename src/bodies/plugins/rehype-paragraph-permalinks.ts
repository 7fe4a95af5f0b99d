/**
 * Paragraph permalinks: every body paragraph gets a stable id (`p-1`, `p-2`, …,
 * counted over the body's top-level paragraphs) and a "¶" link to itself, which
 * CSS shows on hover and keyboard focus. Plain links: they work without JavaScript.
 */
import type { Element, Root } from 'hast';

/** The id of the nth body paragraph, counting from 1. */
export const paragraphId = (n: number): string => `p-${String(n)}`;

export function rehypeParagraphPermalinks() {
  return (tree: Root): void => {
    let n = 0;
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = paragraphId(++n);
      node.properties.id = id;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['pilcrow'], href: `#${id}`, ariaLabel: `Link to paragraph ${String(n)}` },
        children: [{ type: 'text', value: '¶' }],
      };
      node.children.push({ type: 'text', value: ' ' }, link);
    }
  };
}

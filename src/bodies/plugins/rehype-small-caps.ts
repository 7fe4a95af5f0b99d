/**
 * Acronyms in small capitals, as newspapers set them: a run of two or more
 * capital letters standing as a word (CSTO, NATO, UK) becomes
 * `<span class="caps">`, which the style sheet sets in the face's small caps.
 * Only the look changes: the text, and so search, feeds' text and reader modes, stay the same.
 * Code keeps its letters as written, and a word that mixes cases (iPhone, McDONALD) is left alone.
 */
import type { ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** The class the style sheet sets in small capitals; feeds unwrap it (src/syndication/feed-html.ts). */
export const SMALL_CAPS_CLASS = 'caps';

const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
const KEEP_AS_WRITTEN = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

function split(text: string): ElementContent[] | undefined {
  const parts: ElementContent[] = [];
  let at = 0;
  for (const match of text.matchAll(ACRONYM)) {
    if (match.index > at) parts.push({ type: 'text', value: text.slice(at, match.index) });
    parts.push({
      type: 'element',
      tagName: 'span',
      properties: { className: [SMALL_CAPS_CLASS] },
      children: [{ type: 'text', value: match[0] }],
    });
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (at < text.length) parts.push({ type: 'text', value: text.slice(at) });
  return parts;
}

export function rehypeSmallCaps() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && KEEP_AS_WRITTEN.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return;
      const parts = split(node.value);
      if (!parts) return;
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return [SKIP, index + parts.length];
    });
  };
}

/**
 * The body of the article's Markdown copy, written straight from the Markdown
 * tree when the body is plain Markdown: text, headings, emphasis, links,
 * lists, quotes, code, rules and tables, nothing that the sanitizer or the
 * page's plugins change but ids and the "¶" links (which the copy drops
 * anyway). For such a body the copy from the tree is the copy from the page's
 * HTML (./rehype-markdown-copy.ts), made at a third of the cost, without
 * converting the HTML back. Any other body (raw HTML, images, footnotes,
 * references, task lists, a link the sanitizer would cut) is left to the HTML
 * route, so that nothing the sanitizer removes can reach the copy.
 */
import type { Heading, Nodes, Paragraph, Root, TableCell } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { VFile } from 'vfile';
import { markdownFromMdast } from '../../syndication/markdown-copy.ts';
import { COPY_KEY, copyWanted } from './rehype-markdown-copy.ts';
import { articleSchema } from './sanitize.ts';

/** The nodes of plain Markdown, which reach the page's HTML as they are. */
const PLAIN = new Set<Nodes['type']>([
  'root',
  'paragraph',
  'heading',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'blockquote',
  'list',
  'listItem',
  'thematicBreak',
  'break',
  'link',
  'table',
  'tableRow',
  'tableCell',
]);

const HREF_PROTOCOLS = articleSchema.protocols?.href ?? [];

/**
 * Whether the sanitizer keeps a link's address (`href`, as the HTML has it):
 * a relative one, or one of the schema's protocols. As hast-util-sanitize decides.
 */
export function keepsHref(href: string, protocols: readonly string[] = HREF_PROTOCOLS): boolean {
  const colon = href.indexOf(':');
  const before = (mark: string) => {
    const at = href.indexOf(mark);
    return at > -1 && colon > at;
  };
  if (colon < 0 || before('/') || before('?') || before('#')) return true;
  return protocols.some((protocol) => colon === protocol.length && href.startsWith(protocol));
}

/** HTML's white space, which the HTML route trims at the edges of a block. */
const EDGE_SPACE = /^[\t\n\f\r ]|[\t\n\f\r ]$/u;

/** Whether a block of text starts or ends with white space (`&#32;` at the start of a paragraph). */
function spaceAtEdge(block: Paragraph | Heading | TableCell): boolean {
  const first = block.children[0];
  const last = block.children[block.children.length - 1];
  return (
    (first?.type === 'text' && EDGE_SPACE.test(first.value.charAt(0))) ||
    (last?.type === 'text' && EDGE_SPACE.test(last.value.charAt(last.value.length - 1)))
  );
}

/**
 * Whether a node is plain Markdown that the page's HTML keeps whole, and its
 * copy from either route the same. Besides the node types, that rules out:
 * task-list items (the sanitizer drops their checkboxes); links whose address
 * the sanitizer cuts; list items holding more than paragraphs (a nested list
 * comes back from the HTML as a loose one); table rows with more or fewer
 * cells than the header (the HTML evens them out); blocks that start or end
 * with white space (the HTML route trims it).
 */
export function isPlain(node: Nodes): boolean {
  if (!PLAIN.has(node.type)) return false;
  switch (node.type) {
    case 'listItem':
      if (typeof node.checked === 'boolean' || node.children.some((child) => child.type !== 'paragraph'))
        return false;
      break;
    case 'link':
      if (!keepsHref(normalizeUri(node.url))) return false;
      break;
    case 'table':
      if (node.children.some((row) => row.children.length !== node.align?.length)) return false;
      break;
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      if (spaceAtEdge(node)) return false;
      break;
    default:
  }
  return !('children' in node) || node.children.every((child) => isPlain(child));
}

export function remarkMarkdownCopy() {
  return (tree: Root, file: VFile): void => {
    const wanted = copyWanted(file);
    if (!wanted || !isPlain(tree)) return;
    wanted.frontmatter[COPY_KEY] = markdownFromMdast(tree, wanted.base);
  };
}

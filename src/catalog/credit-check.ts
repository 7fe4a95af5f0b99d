/**
 * The check that a built article page shows every credit element its source's
 * terms require (src/catalog/terms.ts): the wording as text, the link-back and
 * the licence as links. It reads the finished HTML, so a layout that drops the
 * credit stops the build as surely as missing data does.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { CreditElement } from './terms.ts';

/** What the middleware needs to check one page: its files, for the message, and the elements. */
export interface RequiredCredit {
  /** The article's file, relative to the project root. */
  file: string;
  /** The source's file, whose terms require the credit. */
  sourceFile: string;
  elements: CreditElement[];
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The page's visible text (the body, not the head) and every link's address. */
function pageFacts(tree: Root): { text: string; hrefs: Set<string> } {
  const parts: string[] = [];
  const hrefs = new Set<string>();
  visit(tree, (node, _, parent) => {
    if (node.type === 'element') {
      const element = node;
      if (element.tagName === 'head' || element.tagName === 'script' || element.tagName === 'style')
        return 'skip';
      if (element.tagName === 'a' && typeof element.properties.href === 'string')
        hrefs.add(element.properties.href);
    } else if (node.type === 'text' && parent) {
      parts.push(node.value);
    }
    return undefined;
  });
  return { text: collapse(parts.join('')), hrefs };
}

/** Every required element the page lacks, as messages naming the article and the source's field. */
export function missingCredit(html: string, required: RequiredCredit): string[] {
  if (required.elements.length === 0) return [];
  const { text, hrefs } = pageFacts(fromHtml(html));
  return required.elements.flatMap((element) => {
    if (element.text !== undefined && !text.includes(collapse(element.text))) {
      return [
        `${required.file}: the page does not show the credit "${element.text}" that ${required.sourceFile} ${element.field} requires.`,
      ];
    }
    if (element.href !== undefined && !hrefs.has(element.href)) {
      return [
        `${required.file}: the page has no link to ${element.href}, which ${required.sourceFile} ${element.field} requires.`,
      ];
    }
    return [];
  });
}

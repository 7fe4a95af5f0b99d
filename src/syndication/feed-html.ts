/**
 * An article body as feed content. Feed readers show it out of the page, so it
 * loses what only makes sense on the page (the "¶" self-links and the ids they
 * point to, and the small-caps spans around acronyms, which need the site's
 * style sheet), and every link and image becomes absolute: readers resolve
 * relative URLs inconsistently, or against the feed's address. A <picture> is
 * reduced to its <img>: readers drop <source>s or show them badly, and load
 * everything at once, so the fallback file with its size is what they get.
 */
import type { Element, Root, Text } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { SMALL_CAPS_CLASS } from '../bodies/plugins/rehype-small-caps.ts';

/** The URL attributes that the body's sanitizer lets through (GitHub's schema: `protocols`). */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'longDesc'] as const;

/** What only a browser loading the page uses: the choice among sizes and when to load. */
const PAGE_ONLY_IMAGE_PROPERTIES = new Set(['srcSet', 'sizes', 'loading', 'decoding', 'fetchPriority']);

const isPilcrow = (node: Element): boolean =>
  node.tagName === 'a' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('pilcrow');

const isSmallCaps = (node: Element): boolean =>
  node.tagName === 'span' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes(SMALL_CAPS_CLASS);

/** `value` made absolute against `base`; a value that is no URL at all is left for the reader to ignore. */
export function absolute(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** The rehype plugin: drops "¶" links and ids, makes URLs absolute against `base`. */
export function feedBody(base: string) {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (isPilcrow(node) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        // The space that separated the "¶" from the paragraph's last word.
        const before = parent.children[index - 1];
        if (index === parent.children.length && before?.type === 'text') trimEnd(before);
        return [SKIP, index];
      }
      if (isSmallCaps(node) && parent && index !== undefined) {
        // The acronym's text, in the span's place.
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (node.tagName === 'picture' && parent && index !== undefined) {
        const img = node.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'img',
        );
        if (img) {
          img.properties = Object.fromEntries(
            Object.entries(img.properties).filter(([key]) => !PAGE_ONLY_IMAGE_PROPERTIES.has(key)),
          );
        }
        parent.children.splice(index, 1, ...(img ? [img] : []));
        // Visit the <img> in its place.
        return index;
      }
      delete node.properties.id;
      for (const key of URL_ATTRIBUTES) {
        const value = node.properties[key];
        if (typeof value === 'string') node.properties[key] = absolute(value, base);
      }
      return undefined;
    });
  };
}

function trimEnd(text: Text): void {
  text.value = text.value.trimEnd();
}

/**
 * The body HTML of an article (sanitized, with relative links) as feed content.
 * `base` is the address of the page the body was written for: relative links
 * and "#fragment" links resolve against it.
 */
export const feedHtml = (html: string, base: string): string =>
  unified()
    .use(rehypeParse, { fragment: true })
    .use(feedBody, base)
    .use(rehypeStringify)
    .processSync(html)
    .toString();

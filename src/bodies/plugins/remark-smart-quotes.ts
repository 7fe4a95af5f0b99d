/**
 * SmartyPants (straight quotes to curly ones, `--` to dashes, `...` to an
 * ellipsis), as Astro's `smartypants` option does it, but only for documents
 * that have something to change. It parses every text node with retext,
 * which was half of the time a build spent rendering Markdown; imported
 * articles already have typographic quotes (src/importer/typography.ts),
 * so for them it would change nothing.
 */
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** What SmartyPants rewrites: straight quotes, backticks, two dashes, three dots (spaced or not). */
const REWRITES = /["'`]|--|\.\s?\.\s?\./u;

export function remarkSmartQuotes(this: Processor) {
  // remark-smartypants's transformer is synchronous and ignores its callback.
  const smartypants = remarkSmartypants.call(this, {});
  return (tree: Root, file: VFile): void => {
    // The whole Markdown source is a superset of its text: no match there, none in any text node.
    if (smartypants && REWRITES.test(String(file.value))) void smartypants(tree, file, () => undefined);
  };
}

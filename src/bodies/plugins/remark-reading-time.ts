/**
 * Adds `readingMinutes` to the rendered entry's metadata, counted from the
 * article's text (not its Markdown syntax) in the article's language.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readingMinutes } from '../reading-time.ts';
import { site } from '../../site.ts';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/** Blocks that hold text themselves, rather than other blocks. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html']);

/** The text, one line per block: `toString(tree)` alone runs the last word of a block into the next. */
function articleText(tree: Root): string {
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (!TEXT_BLOCKS.has(node.type)) return;
    blocks.push(toString(node));
    return SKIP;
  });
  return blocks.join('\n');
}

export function remarkReadingTime() {
  return (tree: Root, file: VFile): void => {
    const data = file.data as AstroFileData;
    const frontmatter = (data.astro ??= {}).frontmatter ?? {};
    const language = typeof frontmatter.language === 'string' ? frontmatter.language : site.language;
    frontmatter.readingMinutes = readingMinutes(articleText(tree), language);
    data.astro.frontmatter = frontmatter;
  };
}

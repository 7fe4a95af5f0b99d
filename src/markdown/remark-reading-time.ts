/**
 * Adds `readingMinutes` to the rendered entry's metadata, counted from the
 * article's text (not its Markdown syntax) in the article's language.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { readingMinutes } from '../lib/reading-time.ts';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export function remarkReadingTime() {
  return (tree: Root, file: VFile): void => {
    const data = file.data as AstroFileData;
    const frontmatter = (data.astro ??= {}).frontmatter ?? {};
    const language = typeof frontmatter.language === 'string' ? frontmatter.language : 'en';
    frontmatter.readingMinutes = readingMinutes(toString(tree), language);
    data.astro.frontmatter = frontmatter;
  };
}

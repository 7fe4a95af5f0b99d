/**
 * The body of the article's Markdown copy, made from the finished HTML tree
 * while it is at hand, instead of from the HTML text afterwards (which would
 * mean parsing it again). Asked for by the body renderer (../render.ts), which
 * puts the page's address in the front matter under {@link COPY_BASE_KEY};
 * the copy comes back under {@link COPY_KEY}. Bodies with images are left out:
 * their copy follows their <picture>s, made at build time. So are bodies of
 * plain Markdown, whose copy ./remark-markdown-copy.ts wrote from the Markdown.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { markdownFromTree } from '../../syndication/markdown-copy.ts';
import { MARKED_IMAGES_KEY } from '../../images/markdown-plugins.ts';

/** Where the renderer puts the page's address: what relative links resolve against. */
export const COPY_BASE_KEY = 'markdownCopyBase';
/** Where the copy's body is left. */
export const COPY_KEY = 'markdownCopy';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/**
 * The copy asked for of a file, by either plugin: the front matter it goes
 * into and the page's address, or undefined when no copy is asked for (Astro's
 * own renderer, tests) or one is written already.
 */
export function copyWanted(file: VFile): { frontmatter: Record<string, unknown>; base: string } | undefined {
  const frontmatter = (file.data as AstroFileData).astro?.frontmatter;
  const base = frontmatter?.[COPY_BASE_KEY];
  if (!frontmatter || typeof base !== 'string' || typeof frontmatter[COPY_KEY] === 'string') return undefined;
  return { frontmatter, base };
}

export function rehypeMarkdownCopy() {
  return (tree: Root, file: VFile): void => {
    // Not asked for, or written from the Markdown tree already (./remark-markdown-copy.ts).
    const wanted = copyWanted(file);
    if (!wanted || wanted.frontmatter[MARKED_IMAGES_KEY] !== undefined) return;
    wanted.frontmatter[COPY_KEY] = markdownFromTree(tree, wanted.base);
  };
}

/**
 * Text and URLs written into Markdown that other programs render (the
 * Markdown copies of articles, llms.txt). Article metadata is untrusted text:
 * it must come out as the same text, never as markup, a link or an entity.
 */

/** Backslash-escapes every character that could start Markdown or HTML syntax, and folds white space. */
export const markdownText = (text: string): string =>
  text.replace(/\s+/gu, ' ').replace(/[\\`*_[\]{}#!<>|&~]/gu, (char) => `\\${char}`);

/**
 * A URL for `<…>` or `(<…>)`: serialised by the URL parser, which percent-encodes
 * spaces, quotes and angle brackets, so the URL can never end its brackets early.
 * Also encodes what the parser leaves: backslashes and parentheses.
 */
export const markdownUrl = (url: string): string =>
  new URL(url).href.replace(
    /[\\()<>\s"]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );

/**
 * Text and URLs written into Markdown that other programs render (the
 * Markdown copies of articles, llms.txt). Article metadata is untrusted text:
 * it must come out as the same text, never as markup, a link or an entity.
 */

/**
 * Backslash-escapes every character that could start Markdown or HTML syntax,
 * and folds Markdown's white space (space, tab, VT, FF and line endings) into
 * single spaces, so the text stays on one line. A list marker or a thematic break
 * counts only at the start of a line, so "-", "+" and "1." are escaped only
 * there: the text may follow "> " or "# ". NUL (which CommonMark reads as
 * U+FFFD) and lone surrogates (which UTF-8 cannot hold) are dropped.
 */
export const markdownText = (text: string): string =>
  text
    .replace(/[\0\p{Cs}]/gu, '')
    .replace(/[ \t\n\v\f\r]+/gu, ' ')
    .replace(/[\\`*_[\]{}#!<>|&~]/gu, (char) => `\\${char}`)
    .replace(/^( ?)([-+])/u, '$1\\$2')
    .replace(/^( ?\d{1,9})([.)])(?= |$)/u, '$1\\$2');

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

/**
 * Plain text as HTML source, for the places that carry HTML as a string (RSS
 * descriptions, Atom's `type="html"`). Pages are Astro's, which escapes by itself.
 */
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** No "<" or "&" left to start markup or a reference; CR kept, which the HTML parser would make a line feed. */
export const htmlText = (text: string): string =>
  text.replace(/[&<>\r]/gu, (char) => REFERENCES[char] ?? char);

/**
 * Plain text as HTML source, for the places that carry HTML as a string (RSS
 * descriptions, Atom's `type="html"`). Pages are Astro's, which escapes by itself.
 */
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** No "<" or "&" left to start markup or a reference, and no ">" to end a CDATA section. */
export const htmlText = (text: string): string => text.replace(/[&<>]/gu, (char) => REFERENCES[char] ?? char);

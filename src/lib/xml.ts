/**
 * Text written into XML 1.0 (feeds, sitemaps). Article text is untrusted:
 * whatever it holds, the document stays well-formed and the text reads back
 * the same, less the characters XML cannot carry at all.
 */

// The Char production: no C0 control but tab, LF and CR, no U+FFFE or U+FFFF,
// no lone surrogate; not even as a character reference. https://www.w3.org/TR/xml/#charsets
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids. */
const xmlChars = (text: string): string => text.replace(FORBIDDEN, '');

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const reference = (char: string): string => REFERENCES[char] ?? char;

/**
 * Character data. ">" too, so that "]]>" cannot appear; CR as a reference,
 * which a parser would otherwise read as a line feed.
 */
export const escapeXmlText = (text: string): string => xmlChars(text).replace(/[&<>\r]/gu, reference);

/**
 * A double-quoted attribute value. Tab, LF and CR as references: a parser
 * reads them as spaces when they are written as they are.
 */
export const escapeXmlAttribute = (text: string): string =>
  xmlChars(text).replace(/[&<"\t\n\r]/gu, reference);

/**
 * What goes between `<![CDATA[` and `]]>`: a section ends at the first "]]>",
 * so each is split across two sections, and so is each CR (as a reference
 * between them), which would be read as a line feed.
 */
export const xmlCdata = (text: string): string =>
  xmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[');

/**
 * Hostile text for property-based tests of the escapers: any Unicode, with
 * the pieces that break formats drawn often. Each oracle says what a format
 * can carry, written apart from the code it checks.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

/** What breaks XML, JSON in a script, HTML or Markdown, or lies at the edges of Unicode. */
export const HOSTILE_PIECES = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '</script>',
  '</SCRIPT ',
  '<!--',
  '-->',
  '&amp;',
  '&lt;',
  '&#0;',
  '<b>x</b>',
  '<img src=x onerror=alert(1)>',
  '\0',
  '\b',
  '\x1F',
  '\x7F',
  '\x85',
  '\x9F',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\v',
  '\f',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFDD0',
  '\uFFFE',
  '\uFFFF',
  '\u{1FFFE}',
  '\u{10FFFF}',
  '\uD800',
  '\uDFFF',
  '\uDBFF',
  '😀',
  '# ',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '---',
  '***',
  '> ',
  '    ',
  '[a](https://evil.example/)',
  '![i](https://evil.example/i.png)',
  '[r]: https://evil.example/',
  '<https://evil.example/>',
  'https://evil.example/',
  '*',
  '_',
  '`',
  '~~',
  '|',
  '\\',
  '=',
  'word',
] as const;

/** Any text: hostile pieces among arbitrary code points, lone surrogates and controls included. */
export const hostileText = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)) },
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(''));

/** Code points XML 1.0 allows (the Char production, https://www.w3.org/TR/xml/#charsets). */
const xmlAllows = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** The text as XML can carry it: the forbidden code points (lone surrogates among them) gone. */
export const asXml = (text: string): string =>
  Array.from(text)
    .filter((char) => xmlAllows(char.codePointAt(0) ?? 0))
    .join('');

/** Markdown's own white space (CommonMark's "whitespace character"): space, tab, LF, VT, FF, CR. */
const MARKDOWN_SPACE = /[ \t\n\v\f\r]+/gu;

/**
 * The text as one line of Markdown can carry it: no NUL (a parser reads it as
 * U+FFFD), no lone surrogate (UTF-8 cannot hold one), white space on one line.
 */
export const asMarkdownLine = (text: string): string =>
  Array.from(text)
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code !== 0 && !(code >= 0xd800 && code <= 0xdfff);
    })
    .join('')
    .replace(MARKDOWN_SPACE, ' ');

/** The characters no XML document may hold, lone surrogates aside (`isWellFormed` finds those). */
export const XML_FORBIDDEN_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/u;

/**
 * XML parsed by a strict parser (jsdom's, saxes), which holds to the Char
 * production, "]]>" in text and "<" in attributes; throws, naming `label`,
 * when the XML is not well-formed. (fast-xml-parser's XMLValidator, now
 * deprecated, lets all three through.)
 */
export function strictXml(xml: string, label = 'the XML'): Document {
  if (!xml.isWellFormed()) throw new Error(`${label} holds a lone surrogate, which UTF-8 cannot encode`);
  if (XML_FORBIDDEN_CHAR.test(xml)) throw new Error(`${label} holds a character XML forbids`);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${label} is not well-formed: ${error.textContent}\n${xml.slice(0, 2000)}`);
  return doc;
}

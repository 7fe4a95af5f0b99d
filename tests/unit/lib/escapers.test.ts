/**
 * The escapers, one per output format, against any text: what they write
 * parses in its format and reads back as the text, less only what the format
 * cannot carry.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { htmlText } from '../../../src/lib/html-text.ts';
import { scriptJson } from '../../../src/lib/json-ld.ts';
import { markdownText } from '../../../src/lib/markdown-text.ts';
import { escapeXmlAttribute, escapeXmlText, xmlCdata } from '../../../src/lib/xml.ts';
import { asMarkdownLine, asXml, hostileText, strictXml } from '../../helpers/hostile-text.ts';

const RUNS = { numRuns: 500, seed: 20261206 };
const { DOMParser } = new JSDOM('').window;

describe('XML', () => {
  it('text, an attribute value and a CDATA section read back as the text, less what XML forbids', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const doc = strictXml(
          `<a b="${escapeXmlAttribute(text)}"><t>${escapeXmlText(text)}</t><c><![CDATA[${xmlCdata(text)}]]></c></a>`,
        );
        const root = doc.documentElement;
        expect(root.getAttribute('b')).toBe(asXml(text));
        expect(root.getElementsByTagName('t')[0]?.textContent).toBe(asXml(text));
        expect(root.getElementsByTagName('c')[0]?.textContent).toBe(asXml(text));
        expect(root.getElementsByTagName('*')).toHaveLength(2);
      }),
      RUNS,
    );
  });

  it('drops a backspace, which no XML document may hold', () => {
    expect(escapeXmlText('A\bB')).toBe('AB');
    expect(strictXml(`<t>${escapeXmlText('A\x08B <&>')}</t>`).documentElement.textContent).toBe('AB <&>');
  });
});

describe('HTML text, for the HTML that feeds carry', () => {
  it('parses as the same text, with no element', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const body = new DOMParser().parseFromString(`<p>${htmlText(text)}</p>`, 'text/html').body;
        expect(body.querySelectorAll('*')).toHaveLength(1);
        // HTML reads NUL as nothing in text, and CR LF or CR as LF; a JS string keeps lone surrogates.
        expect(body.textContent).toBe(text.replaceAll('\0', '').replace(/\r\n?/gu, '\n'));
      }),
      RUNS,
    );
  });
});

describe('JSON in a script element', () => {
  it('never ends the element, and parses back to the same data', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText(3), fc.oneof(hostileText(), fc.array(hostileText()))), (data) => {
        const json = scriptJson(data);
        expect(json).not.toMatch(/<\/script|<!--|[<>&\u2028\u2029\x7F-\x9F\uFFFE\uFFFF]/iu);
        expect(json.isWellFormed()).toBe(true);
        expect(JSON.parse(json)).toEqual(data);
        // As an HTML parser reads the page: the script ends where it should, and holds the JSON whole.
        const doc = new DOMParser().parseFromString(
          `<script type="application/ld+json">${json}</script><p id="after">after</p>`,
          'text/html',
        );
        expect(doc.querySelectorAll('script')).toHaveLength(1);
        expect(doc.querySelector('script')?.textContent).toBe(json);
        expect(doc.getElementById('after')?.textContent).toBe('after');
      }),
      RUNS,
    );
  });
});

/** Every node type in a Markdown tree. */
function typesIn(node: Nodes): string[] {
  return 'children' in node ? [node.type, ...node.children.flatMap(typesIn)] : [node.type];
}

describe('Markdown text', () => {
  // Where the site writes metadata: after a heading marker, a blockquote marker, and inside a line.
  it.each([
    ['# ', ['root', 'heading']],
    ['> ', ['root', 'blockquote', 'paragraph']],
    ['Title: ', ['root', 'paragraph']],
  ])('after %j, gives the text as text and nothing else', (prefix, blocks) => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const expected = `${prefix}${asMarkdownLine(text)}`.replace(/^[#>] /u, '').replace(/^ +| +$/gu, '');
        fc.pre(expected !== '');
        const tree = fromMarkdown(`${prefix}${markdownText(text)}`);
        const types = typesIn(tree);
        expect(types.filter((type) => type !== 'text')).toEqual(blocks);
        expect(toString(tree)).toBe(expected);
      }),
      RUNS,
    );
  });
});

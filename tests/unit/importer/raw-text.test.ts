import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { findRelativeDateClue, parseDateLine } from '../../../src/importer/dates.ts';
import { ImportError } from '../../../src/importer/errors.ts';
import { looksLikeName, paragraphsOf, parseRawText } from '../../../src/importer/raw-text.ts';

const paragraphs = (raw: string) => parseRawText(raw, 'a.txt').body.children.map((node) => toString(node));

describe('parseRawText: the header', () => {
  it('reads headline, publisher, author and date', () => {
    const parsed = parseRawText(
      'Headline here\n\nWritten by The Daily\n\nAnn Smith\n\n6 March 2024\n\nBody text.\n',
      'a.txt',
    );
    expect(parsed).toMatchObject({
      title: 'Headline here',
      publisher: 'The Daily',
      authors: ['Ann Smith'],
      date: '2024-03-06',
    });
  });
  it('has no author when the line after the publisher is the body', () => {
    const parsed = parseRawText(
      'Headline\nWritten by The Daily\nThe council met on Monday to decide.\n',
      'a.txt',
    );
    expect(parsed.authors).toEqual([]);
    expect(paragraphs('Headline\nWritten by The Daily\nThe council met on Monday to decide.\n')).toEqual([
      'The council met on Monday to decide.',
    ]);
  });
  it('handles a BOM, CRLF line endings, tabs and trailing spaces', () => {
    const parsed = parseRawText(
      '\uFEFFHeadline \t\r\n\r\nWritten by  The Daily\t\r\nAnn Smith \r\n\tFirst paragraph.  \r\nSecond one.\r\n',
      'a.txt',
    );
    expect(parsed).toMatchObject({ title: 'Headline', publisher: 'The Daily', authors: ['Ann Smith'] });
    expect(parsed.body.children).toHaveLength(2);
  });
  it.each([
    ['', 'text', 'no text'],
    ['Headline only\n', 'publisher', 'Written by'],
    ['Headline\nBy someone\nBody.', 'publisher', 'Written by'],
    ['Headline\nWritten by X\nAnn Smith\n', 'body', 'no paragraphs'],
    ['Headline\nWritten by X\n\nAbout the author\nA bio.', 'body', 'no paragraphs'],
  ])('refuses %j: %s', (raw, field, message) => {
    expect(() => parseRawText(raw, 'bad.txt')).toThrow(ImportError);
    expect(() => parseRawText(raw, 'bad.txt')).toThrow(new RegExp(`^bad\\.txt: ${field}: .*${message}`));
  });
});

describe('parseRawText: the body', () => {
  it('drops the trailer from "About the author" on', () => {
    const parsed = parseRawText('H\nWritten by P\nA Writer\nOne.\nTwo.\nAbout the author\nP\n', 'a.txt');
    expect(parsed.body.children).toHaveLength(2);
    expect(parsed.dropped).toEqual(['About the author', 'P']);
  });
  it('keeps a body without a trailer whole', () => {
    expect(paragraphs('H\nWritten by P\nOne.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });
});

describe('paragraphsOf: the two layouts', () => {
  it('one paragraph per line, with or without blank lines', () => {
    expect(paragraphsOf(['One ends.', 'Two ends.', '', '', 'Three ends.'])).toEqual([
      'One ends.',
      'Two ends.',
      'Three ends.',
    ]);
  });
  it('hard-wrapped blocks are joined, and a word broken at the line end keeps its hyphen for the hyphen rules', () => {
    expect(
      paragraphsOf([
        'The first line of a para-',
        'graph goes on and on',
        'until it ends.',
        '',
        'A second para-',
        'graph.',
      ]),
    ).toEqual(['The first line of a para-graph goes on and on until it ends.', 'A second para-graph.']);
  });
  it('a dash at a line end is not a broken word', () => {
    expect(paragraphsOf(['It went on –', 'and on and on', 'to the end.'])).toEqual([
      'It went on – and on and on to the end.',
    ]);
  });
});

describe('looksLikeName', () => {
  it.each([
    ['Irina Alksnis', true],
    ['Jean-Claude Ferrand', true],
    ['Ursula von der Leyen', true],
    ['Dr. J. R. Smith', true],
    ['The council met on Monday.', false],
    ['Madonna', false],
    ['6 March 2024', false],
  ])('%j: %s', (line, expected) => {
    expect(looksLikeName(line)).toBe(expected);
  });
});

describe('parseDateLine', () => {
  it.each([
    ['6 January 2022', '2022-01-06'],
    ['January 6, 2022', '2022-01-06'],
    ['Thursday, 6 January 2022', '2022-01-06'],
    ['Jan. 6, 2022', '2022-01-06'],
    ['2022-01-06', '2022-01-06'],
    ['31 February 2022', undefined],
    ['2022-13-01', undefined],
    ['The sixth of January', undefined],
  ])('%j → %s', (line, expected) => {
    expect(parseDateLine(line)).toBe(expected);
  });
});

describe('findRelativeDateClue', () => {
  it('finds "yesterday, January 5" but dates nothing by itself', () => {
    expect(findRelativeDateClue('If yesterday, January 5, passed under the sign')).toBe(
      'yesterday, January 5',
    );
    expect(findRelativeDateClue('Nothing happened yesterday.')).toBeUndefined();
  });
});

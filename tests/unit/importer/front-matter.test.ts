import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatter } from '../../../src/importer/front-matter.ts';

describe('frontMatter', () => {
  const text = frontMatter(
    ['Imported from a.txt.'],
    [
      { key: 'title', value: 'CSTO undergoes ‘baptism of fire’: in Kazakhstan' },
      { key: 'published', value: '2022-01-06T00:00:00Z', quoted: true, comment: ['Given by the editor.'] },
      { key: 'topics', value: ['Kazakhstan', 'a, b', 'x: y', '#tag', 'true', '[x]'] },
      { key: 'dek', value: '"Quoted" start — and # not a comment' },
    ],
  );
  it('writes fields in the given order, with comments above them', () => {
    expect(text.split('\n').slice(0, 5)).toEqual([
      '---',
      '# Imported from a.txt.',
      expect.stringMatching(/^title: /u),
      '# Given by the editor.',
      'published: "2022-01-06T00:00:00Z"',
    ]);
    expect(text.endsWith('---\n')).toBe(true);
  });
  it('round-trips every value through a YAML parser, date-times as strings', () => {
    expect(parse(text.slice(4, -4))).toEqual({
      title: 'CSTO undergoes ‘baptism of fire’: in Kazakhstan',
      published: '2022-01-06T00:00:00Z',
      topics: ['Kazakhstan', 'a, b', 'x: y', '#tag', 'true', '[x]'],
      dek: '"Quoted" start — and # not a comment',
    });
  });
});

describe('frontMatter with named lists (the repair record)', () => {
  // Text a record may hold: spaces that matter, colons, commas, quotes, words YAML would read as other types.
  const awkward = [
    'facilities ), and',
    'Norway “), took',
    'note: this',
    'word:',
    ' leading',
    'trailing ',
    '“quoted”',
    '"straight"',
    "it's",
    'true',
    '2022',
    'null',
    '- dash',
    '#hash',
    'back\\slash',
  ];
  const value = {
    words: [{ published: 'collea-gues', shown: 'colleagues' }],
    spacing: awkward.map((text) => ({ published: text, shown: `${text}!` })),
    trailer: awkward,
  };
  const text = frontMatter([], [{ key: 'repairs', value, comment: ['The repair record.'] }]);

  it('round-trips every string exactly through a YAML parser', () => {
    expect(parse(text.slice(4, -4))).toEqual({ repairs: value });
  });

  it('writes one change a line, plain where plain text reads back the same', () => {
    expect(text.split('\n').slice(1, 5)).toEqual([
      '# The repair record.',
      'repairs:',
      '  words:',
      '    - { published: collea-gues, shown: colleagues }',
    ]);
  });
});

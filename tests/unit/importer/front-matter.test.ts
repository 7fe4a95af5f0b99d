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

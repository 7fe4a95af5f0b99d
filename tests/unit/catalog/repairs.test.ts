import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { repairRecord, repairSummary, type RepairRecord } from '../../../src/catalog/repairs.ts';

const record = (counts: Partial<Record<keyof RepairRecord, number>>): RepairRecord => {
  const changes = (n = 0) => Array.from({ length: n }, (_, i) => ({ published: `a-${i}`, shown: `a${i}` }));
  return {
    words: changes(counts.words),
    spacing: changes(counts.spacing),
    quotes: changes(counts.quotes),
    trailer: Array.from({ length: counts.trailer ?? 0 }, (_, i) => `line ${i}`),
  };
};

describe('repairSummary', () => {
  it.each([
    [{ words: 15, spacing: 2 }, '15 words rejoined and 2 spaces removed'],
    [{ words: 1 }, '1 word rejoined'],
    [{ spacing: 1 }, '1 space removed'],
    [{ quotes: 1 }, '1 quotation mark corrected'],
    [{ quotes: 3, trailer: 1 }, '3 quotation marks corrected and 1 line after the text left out'],
    [
      { words: 15, spacing: 1, quotes: 1, trailer: 2 },
      '15 words rejoined, 1 space removed, 1 quotation mark corrected, and 2 lines after the text left out',
    ],
  ])('%j reads “%s”', (counts, expected) => {
    expect(repairSummary(record(counts), 'en')).toBe(expected);
  });

  it('says nothing when nothing was repaired', () => {
    expect(repairSummary(record({}), 'en')).toBeUndefined();
  });
});

/** Parses `{ repairs }` as the article schema does; the issues as path and message. */
function issues(value: unknown) {
  const result = z.object({ repairs: repairRecord.optional() }).safeParse({ repairs: value });
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('the repairs field', () => {
  it('accepts a record, filling in absent kinds, and keeps its text verbatim', () => {
    const result = repairRecord.parse({ spacing: [{ published: 'it ), and', shown: 'it), and' }] });
    expect(result).toEqual({
      words: [],
      spacing: [{ published: 'it ), and', shown: 'it), and' }],
      quotes: [],
      trailer: [],
    });
  });

  it.each([
    [
      'an unknown kind',
      { word: [] },
      ['repairs', 'word'],
      /is not a known field; the fields are: words, spacing, quotes, trailer/,
    ],
    [
      'a kind that is not a list',
      { words: 'b-ut' },
      ['repairs', 'words'],
      /must be a list of rejoined words, each \{ published: …, shown: … \}/,
    ],
    [
      'a change without its shown form',
      { words: [{ published: 'b-ut' }] },
      ['repairs', 'words', 0, 'shown'],
      /is required: give the text as shown/,
    ],
    [
      'an empty published form',
      { quotes: [{ published: '', shown: '”' }] },
      ['repairs', 'quotes', 0, 'published'],
      /must not be empty: give the text as published/,
    ],
    [
      'a change that changes nothing',
      { words: [{ published: 'well-known', shown: 'well-known' }] },
      ['repairs', 'words', 0, 'shown'],
      /is the same as published \("well-known"\): a record lists only what changed/,
    ],
    [
      'a misspelt key in a change',
      { words: [{ published: 'b-ut', shown: 'but', show: 'but' }] },
      ['repairs', 'words', 0, 'show'],
      /is not a known field; the fields are: published, shown/,
    ],
    [
      'a trailer line that is not text',
      { trailer: [2022] },
      ['repairs', 'trailer', 0],
      /must be text giving a line left out after the text/,
    ],
  ])('rejects %s, naming the field and what is wrong', (_, value, path, message) => {
    const found = issues(value);
    expect(found.map((issue) => issue.path)).toEqual([path]);
    expect(found[0]?.message).toMatch(message);
  });
});

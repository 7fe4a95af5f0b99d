import { describe, expect, it } from 'vitest';
import type { HyphenDecision } from '../../../src/importer/hyphens.ts';
import { recordField, repairRecordOf } from '../../../src/importer/repair-record.ts';
import type { Repair } from '../../../src/importer/typography.ts';

const decision = (token: string, result: string): HyphenDecision => ({
  token,
  result,
  steps: [],
  review: false,
});

describe('repairRecordOf', () => {
  it('keeps only changes, in the order found: words rejoined, spaces, quotes, the trailer', () => {
    const hyphens = [
      decision('thi-nk', 'think'),
      decision('well-known', 'well-known'),
      decision('NA-TO', 'NATO'),
    ];
    const repairs: Repair[] = [
      { kind: 'quote', before: 'said "no', after: 'said “no', reason: 'straight' },
      { kind: 'space', before: 'it ), and', after: 'it), and', reason: 'space' },
      { kind: 'left-as-published', before: 'look look', after: 'look look', reason: 'doubled', review: true },
      { kind: 'space', before: 'then ( so', after: 'then (so', reason: 'space' },
    ];
    expect(repairRecordOf(hyphens, repairs, ['About the author'])).toEqual({
      words: [
        { published: 'thi-nk', shown: 'think' },
        { published: 'NA-TO', shown: 'NATO' },
      ],
      spacing: [
        { published: 'it ), and', shown: 'it), and' },
        { published: 'then ( so', shown: 'then (so' },
      ],
      quotes: [{ published: 'said "no', shown: 'said “no' }],
      trailer: ['About the author'],
    });
  });
});

describe('recordField', () => {
  it('names only the kinds present, with a comment saying what the field is', () => {
    const field = recordField({
      words: [{ published: 'b-ut', shown: 'but' }],
      spacing: [],
      quotes: [],
      trailer: [],
    });
    expect(field?.key).toBe('repairs');
    expect(field?.value).toEqual({ words: [{ published: 'b-ut', shown: 'but' }] });
    expect(field?.comment?.join(' ')).toMatch(/as published → as shown/u);
  });

  it('is absent when nothing changed', () => {
    const kept = repairRecordOf([decision('well-known', 'well-known')], [], []);
    expect(recordField(kept)).toBeUndefined();
  });
});

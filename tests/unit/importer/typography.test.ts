import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  findDoubledWords,
  QuoteRepairer,
  repairSpacing,
} from '../../../src/importer/typography.ts';

describe('collapseWhitespace', () => {
  it.each([
    ['  a \t b\u00a0 c  ', 'a b c'],
    ['one\ntwo', 'one two'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });
});

describe('repairSpacing', () => {
  it.each([
    ['medical facilities ), and', 'medical facilities), and'],
    ['in gold ( bought in 1953)', 'in gold (bought in 1953)'],
    ['a list [ sic ]', 'a list [sic]'],
    ['the long haul .', 'the long haul.'],
    ['the airport , and', 'the airport, and'],
    ['wait ... and see', 'wait ... and see'],
    ['costs .5 per cent', 'costs .5 per cent'],
    ['nothing to change.', 'nothing to change.'],
  ])('%j → %j', (input, expected) => {
    const { text, repairs } = repairSpacing(input);
    expect(text).toBe(expected);
    expect(repairs).toHaveLength(
      input === expected ? 0 : input.split(' ').length - expected.split(' ').length,
    );
  });
});

describe('QuoteRepairer', () => {
  const repair = (text: string) => new QuoteRepairer().repair(text);
  it.each([
    ['Sweden and Norway “), took', 'Sweden and Norway”), took'],
    ['"We opened the box," she said.', '“We opened the box,” she said.'],
    ['the “terrorist gangs” do', 'the “terrorist gangs” do'],
    ['said,“ he added', 'said,” he added'],
    ['the end.“', 'the end.”'],
    ['the alliance ”.', 'the alliance”.'],
    ["Russia's players' 'best' year", 'Russia’s players’ ‘best’ year'],
    ["since the '90s", 'since the ’90s'],
    ['(“quoted”)', '(“quoted”)'],
  ])('%j → %j', (input, expected) => {
    expect(repair(input)).toBe(expected);
  });

  it('carries an open quotation across the text nodes of a paragraph', () => {
    const quotes = new QuoteRepairer();
    const first = quotes.repair('He said “it is ', '', 'i');
    expect(quotes.open).toBe(true);
    expect(first + quotes.repair('done “', 'a ', '')).toBe('He said “it is done”');
  });

  it('reports each change with its context', () => {
    const quotes = new QuoteRepairer();
    quotes.repair('like in Sweden and Norway “), took to the streets');
    expect(quotes.repairs).toHaveLength(1);
    const [repair] = quotes.repairs;
    expect(repair?.kind).toBe('quote');
    expect(repair?.before).toContain('Norway “)');
    expect(repair?.after).toContain('Norway”)');
  });
});

describe('findDoubledWords', () => {
  it('lists doubled words and changes nothing', () => {
    expect(findDoubledWords('do not even look look an exaggeration').map((r) => r.before)).toEqual([
      'look look',
    ]);
    expect(findDoubledWords('The the cat')).toHaveLength(1);
    expect(findDoubledWords('a bookkeeper looked')).toEqual([]);
  });
});

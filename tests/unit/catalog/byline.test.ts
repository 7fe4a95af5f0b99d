import { describe, expect, it } from 'vitest';
import { bylineParts, bylineText, type Person } from '../../../src/catalog/byline.ts';

const person = (name: string): Person => ({
  name,
  href: `/authors/${name.toLowerCase().replaceAll(' ', '-')}/`,
});
const irina = person('Irina Alksnis');
const anna = person('Anna Smith');
const omar = person('Omar Khan');
const firm = person('Marks and Spencer');

describe('bylineParts in en-GB', () => {
  it.each([
    ['one author', [irina], [{ person: irina }]],
    ['two authors', [irina, anna], [{ person: irina }, { text: ' and ' }, { person: anna }]],
    [
      'three authors',
      [irina, anna, omar],
      [{ person: irina }, { text: ', ' }, { person: anna }, { text: ' and ' }, { person: omar }],
    ],
    ['a name containing " and "', [firm, anna], [{ person: firm }, { text: ' and ' }, { person: anna }]],
    ['no authors', [], []],
  ])('%s', (_name, people, expected) => {
    expect(bylineParts(people, 'en-GB')).toEqual(expected);
  });

  it('links each name to its own page', () => {
    const people = bylineParts([irina, anna], 'en-GB').flatMap((part) =>
      'person' in part ? [part.person] : [],
    );
    expect(people.map((p) => p.href)).toEqual(['/authors/irina-alksnis/', '/authors/anna-smith/']);
  });
});

describe('bylineText in en-GB', () => {
  it.each([
    [['Irina Alksnis'], 'Irina Alksnis'],
    [['Irina Alksnis', 'Anna Smith'], 'Irina Alksnis and Anna Smith'],
    [['Irina Alksnis', 'Anna Smith', 'Omar Khan'], 'Irina Alksnis, Anna Smith and Omar Khan'],
  ])('%j → %j', (names, expected) => {
    expect(bylineText(names, 'en-GB')).toBe(expected);
  });
});

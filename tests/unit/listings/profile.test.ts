import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { authorFacts, sourceFacts, type Profiled } from '../../../src/listings/profile.ts';

const ann = { name: 'Ann Author' };
const ben = { name: 'Ben Writer' };
const daily = { name: 'Daily Example' };
const gazette = { name: 'The Harbour Gazette' };

const article = (date: string, authors: Profiled['authors'], source: Profiled['source']): Profiled => ({
  published: zoned(`${date}T09:00:00+01:00`),
  authors,
  source,
});

describe('authorFacts', () => {
  it('counts the articles, spans their dates oldest to newest, and names each first publisher once', () => {
    const facts = authorFacts(
      [
        article('2024-06-28', [ann], gazette),
        article('2023-03-03', [ann, ben], daily),
        article('2024-01-10', [ann], gazette),
      ],
      'Broadsheet',
      'en-GB',
    );
    expect(facts.span).toBe('3 articles on Broadsheet, from 3 March 2023 to 28 June 2024.');
    expect(facts.company).toBe('First published by Daily Example and The Harbour Gazette.');
  });

  it('says "one article" and gives one date when there is one', () => {
    const facts = authorFacts([article('2022-01-06', [ann], daily)], 'Broadsheet', 'en-GB');
    expect(facts.span).toBe('One article on Broadsheet, 6 January 2022.');
  });

  it('groups thousands as the locale does', () => {
    const many = Array.from({ length: 1200 }, () => article('2024-05-01', [ann], daily));
    expect(authorFacts(many, 'Broadsheet', 'en-GB').span).toMatch(
      /^1,200 articles on Broadsheet, 1 May 2024\.$/,
    );
  });
});

describe('sourceFacts', () => {
  it('names every author of the source’s articles, once each, in order', () => {
    const facts = sourceFacts(
      [article('2024-06-01', [ben], daily), article('2024-06-02', [ann, ben], daily)],
      'Broadsheet',
      'en-GB',
    );
    expect(facts.span).toBe('2 articles on Broadsheet, from 1 June 2024 to 2 June 2024.');
    expect(facts.company).toBe('By Ann Author and Ben Writer.');
  });

  it('has nothing to say of an empty list but that', () => {
    expect(sourceFacts([], 'Broadsheet', 'en-GB')).toEqual({
      span: 'No articles on Broadsheet yet.',
      company: undefined,
    });
  });
});

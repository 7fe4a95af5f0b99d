import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import {
  findPermalinkProblems,
  formatLedger,
  parseLedger,
  redirectsOf,
  type PermalinkArticle,
} from '../../../src/catalog/permalinks.ts';

const article = (over: Partial<PermalinkArticle> = {}): PermalinkArticle => ({
  file: 'content/articles/a.md',
  title: 'A',
  path: '/2022/01/06/new-slug/',
  published: zoned('2022-01-06T00:00:00Z'),
  aliases: [],
  ...over,
});

describe('the ledger', () => {
  it('round-trips, sorted, without duplicates or comments', () => {
    const text = formatLedger(['/b/', '/a/', '/b/']);
    expect(parseLedger(text)).toEqual(['/a/', '/b/']);
    expect(text.startsWith('#')).toBe(true);
  });
  it('accepts URLs that still resolve, directly or through an alias', () => {
    expect(findPermalinkProblems(['/2022/01/06/new-slug/'], [article()])).toEqual([]);
    expect(findPermalinkProblems(['/2022/01/06/old-slug/'], [article({ aliases: ['old-slug'] })])).toEqual(
      [],
    );
    expect(findPermalinkProblems(['/old/path/'], [article({ aliases: ['/old/path/'] })])).toEqual([]);
  });
  it('fails on a published URL that would stop resolving, and says how to fix it', () => {
    const problems = findPermalinkProblems(['/2022/01/06/old-slug/'], [article()]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/content\/permalinks\.txt: \/2022\/01\/06\/old-slug\/ .*aliases/u);
  });
  it('fails on an alias that is another article’s URL or its own', () => {
    const other = article({ file: 'content/articles/b.md', path: '/2022/01/06/other/' });
    expect(findPermalinkProblems([], [article({ aliases: ['other'] }), other])[0]).toMatch(
      /aliases\[0\] "other".*b\.md/u,
    );
    expect(findPermalinkProblems([], [article({ aliases: ['new-slug'] })])[0]).toMatch(/own URL/u);
  });
});

describe('redirectsOf', () => {
  it('turns bare-slug aliases into paths on the same date', () => {
    expect(redirectsOf([article({ aliases: ['old-slug', '/x/y/'] })])).toEqual([
      { from: '/2022/01/06/old-slug/', to: '/2022/01/06/new-slug/', title: 'A' },
      { from: '/x/y/', to: '/2022/01/06/new-slug/', title: 'A' },
    ]);
  });
});

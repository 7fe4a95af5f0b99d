import { describe, expect, it } from 'vitest';
import { type ArticleFacts, ContentError, findCatalogProblems } from '../../../src/catalog/rules.ts';

const article = (file: string, facts: Partial<ArticleFacts> = {}): ArticleFacts => ({
  file: `content/articles/${file}.md`,
  slug: file,
  published: '2022-01-06T09:30:00+05:00',
  authors: ['irina-alksnis'],
  source: 'the-frontier-post',
  ...facts,
});

const catalog = (...articles: ArticleFacts[]) => ({
  articles,
  authors: ['anna-smith', 'irina-alksnis'],
  sources: ['the-frontier-post'],
});

describe('findCatalogProblems', () => {
  it.each([
    ['no articles', catalog()],
    ['one article', catalog(article('csto'))],
    ['two authors', catalog(article('csto', { authors: ['irina-alksnis', 'anna-smith'] }))],
    [
      'one slug on two dates',
      catalog(
        article('a', { slug: 'csto' }),
        article('b', { slug: 'csto', published: '2022-01-07T09:30:00Z' }),
      ),
    ],
    ['two slugs on one date', catalog(article('csto'), article('kazakhstan'))],
  ])('finds nothing wrong with %s', (_name, input) => {
    expect(findCatalogProblems(input)).toEqual([]);
  });

  it('reports an unknown author by file, field and fix', () => {
    const [problem, ...rest] = findCatalogProblems(
      catalog(article('csto', { authors: ['irina-alksnis', 'irina-alksis'] })),
    );
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/articles\/csto\.md: authors\[1\] "irina-alksis" is not an author/);
    expect(problem).toMatch(
      /Add content\/authors\/irina-alksis\.yaml, or use one of: anna-smith, irina-alksnis/,
    );
  });

  it('reports an unknown source by file, field and fix', () => {
    const [problem, ...rest] = findCatalogProblems(catalog(article('csto', { source: 'frontier' })));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/articles\/csto\.md: source "frontier" is not a source/);
    expect(problem).toMatch(/Add content\/sources\/frontier\.yaml, or use one of: the-frontier-post/);
  });

  it.each([
    ['the same date-time', '2022-01-06T09:30:00+05:00', '2022-01-06T09:30:00+05:00'],
    // Jan 5 19:30 and Jan 7 04:00 in UTC; both Jan 6 where they were published.
    ['one calendar date in two offsets', '2022-01-06T00:30:00+05:00', '2022-01-06T23:00:00-05:00'],
  ])('reports two articles with one URL (%s), naming both files', (_name, first, second) => {
    const a = article('a', { slug: 'csto', published: first });
    const b = article('b', { slug: 'csto', published: second });
    for (const input of [catalog(a, b), catalog(b, a)]) {
      const [problem, ...rest] = findCatalogProblems(input);
      expect(rest).toEqual([]);
      expect(problem).toMatch(/^content\/articles\/b\.md: slug "csto"/);
      expect(problem).toContain('/2022/01/06/csto/');
      expect(problem).toContain('content/articles/a.md');
      expect(problem).toMatch(/different slug/);
    }
  });

  it('reports every problem, in file order', () => {
    const problems = findCatalogProblems(
      catalog(article('b', { source: 'nobody' }), article('a', { authors: ['nobody'] })),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md: authors\[0\]/),
      expect.stringMatching(/^content\/articles\/b\.md: source/),
    ]);
  });
});

describe('ContentError', () => {
  it.each([
    [['a.md: one'], 'The content has 1 problem:\n- a.md: one'],
    [['a.md: one', 'b.md: two'], 'The content has 2 problems:\n- a.md: one\n- b.md: two'],
  ])('lists %j', (problems, message) => {
    const error = new ContentError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.message).toBe(message);
    expect(error.problems).toEqual(problems);
  });
});

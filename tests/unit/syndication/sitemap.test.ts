import { describe, expect, it } from 'vitest';
import { lastmodByUrl } from '../../../src/syndication/sitemap.ts';

const site = new URL('https://news.example.org/');

describe('lastmodByUrl', () => {
  it.each([
    [
      'published, when never updated',
      { slug: 'a', published: '2022-01-06T09:30:00+05:00' },
      '2022-01-06T09:30:00+05:00',
    ],
    [
      'published, when updated is undefined',
      { slug: 'a', published: '2022-01-06T09:30:00+05:00', updated: undefined },
      '2022-01-06T09:30:00+05:00',
    ],
    [
      'updated, when there is one',
      { slug: 'a', published: '2022-01-06T09:30:00+05:00', updated: '2022-01-08T12:00:00Z' },
      '2022-01-08T12:00:00Z',
    ],
  ])('uses %s', (_name, article, lastmod) => {
    expect(lastmodByUrl([article], site)).toEqual(
      new Map([['https://news.example.org/2022/01/06/a/', lastmod]]),
    );
  });

  it('keys each article by its absolute URL, dated in its own offset', () => {
    const map = lastmodByUrl(
      [
        { slug: 'early', published: '2022-01-06T00:30:00+05:00' },
        { slug: 'late', published: '2022-01-06T23:00:00-05:00', updated: '2022-01-07T10:00:00-05:00' },
      ],
      site,
    );
    expect([...map]).toEqual([
      ['https://news.example.org/2022/01/06/early/', '2022-01-06T00:30:00+05:00'],
      ['https://news.example.org/2022/01/06/late/', '2022-01-07T10:00:00-05:00'],
    ]);
  });

  it('is empty without articles', () => {
    expect(lastmodByUrl([], site).size).toBe(0);
  });
});

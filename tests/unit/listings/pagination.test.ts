import { describe, expect, it } from 'vitest';
import {
  articleCount,
  authorListing,
  homeListing,
  listingMeta,
  sourceListing,
} from '../../../src/listings/listing.ts';
import { listingPaths, PAGE_SIZE, paginate } from '../../../src/listings/pagination.ts';
import { pagePath, pageParam } from '../../../src/lib/urls.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('pages by 20 by default', () => {
    expect(PAGE_SIZE).toBe(20);
    expect(paginate(range(45)).map((page) => page.items.length)).toEqual([20, 20, 5]);
  });

  it.each([
    [0, 20, [0]],
    [1, 20, [1]],
    [19, 20, [19]],
    [20, 20, [20]],
    [21, 20, [20, 1]],
    [40, 20, [20, 20]],
    [41, 20, [20, 20, 1]],
    [7, 3, [3, 3, 1]],
    [3, 1, [1, 1, 1]],
  ])('%i items by %i make pages of %j', (count, perPage, sizes) => {
    const pages = paginate(range(count), perPage);
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    expect(pages.flatMap((page) => page.items)).toEqual(range(count));
    for (const page of pages) expect(page.count).toBe(count);
  });

  it('numbers pages from 1 and links each to its neighbours, the first and the last', () => {
    expect(paginate(range(45))).toMatchObject([
      { number: 1, total: 3, count: 45, first: 1, last: 3, prev: undefined, next: 2, label: 'Page 1 of 3' },
      { number: 2, total: 3, count: 45, first: 1, last: 3, prev: 1, next: 3, label: 'Page 2 of 3' },
      { number: 3, total: 3, count: 45, first: 1, last: 3, prev: 2, next: undefined, label: 'Page 3 of 3' },
    ]);
  });

  it('keeps the items’ order', () => {
    const [first, second] = paginate(['c', 'a', 'b'], 2);
    expect(first.items).toEqual(['c', 'a']);
    expect(second?.items).toEqual(['b']);
  });

  it('has one empty first page for no items, so the listing’s address still exists', () => {
    expect(paginate([])).toEqual([
      {
        items: [],
        number: 1,
        total: 1,
        count: 0,
        first: 1,
        last: 1,
        prev: undefined,
        next: undefined,
        label: 'Page 1 of 1',
      },
    ]);
  });

  it('does not change its input', () => {
    const items = Object.freeze(range(5));
    paginate(items, 2);
    expect(items).toEqual(range(5));
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s items per page', (perPage) => {
    expect(() => paginate(range(3), perPage)).toThrow(/whole number/);
  });
});

describe('pagePath', () => {
  it.each([
    ['/', 1, '/'],
    ['/', 2, '/page/2/'],
    ['/', 12, '/page/12/'],
    ['/topics/kazakhstan/', 1, '/topics/kazakhstan/'],
    ['/topics/kazakhstan/', 2, '/topics/kazakhstan/page/2/'],
    ['/topics/казахстан/', 3, '/topics/казахстан/page/3/'],
    ['/authors/ann-author/', 2, '/authors/ann-author/page/2/'],
    ['/archive/2022/01/', 2, '/archive/2022/01/page/2/'],
  ])('page of %s number %i is %s', (base, n, expected) => {
    expect(pagePath(base, n)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects page %s', (n) => {
    expect(() => pagePath('/', n)).toThrow(/whole numbers from 1/);
  });

  it.each(['', 'topics/x/', '/topics/x'])('rejects the base path %j', (base) => {
    expect(() => pagePath(base, 2)).toThrow(/starts and ends with "\/"/);
  });
});

describe('listingMeta', () => {
  const site = new URL('https://news.example.org/');
  const listing = {
    title: 'Kazakhstan',
    description: 'Articles on Kazakhstan.',
    path: '/topics/kazakhstan/',
  };
  const pages = paginate(range(45));

  it('gives the first page the listing’s own title, description and address', () => {
    expect(listingMeta(listing, pages[0], site)).toEqual({
      title: 'Kazakhstan',
      description: 'Articles on Kazakhstan.',
      canonical: 'https://news.example.org/topics/kazakhstan/',
      preview: { type: 'website', url: 'https://news.example.org/topics/kazakhstan/', language: 'en' },
    });
  });

  it('gives a later page its own canonical URL, and says which page it is', () => {
    const meta = listingMeta(
      { ...listing, alternates: [{ type: 'application/rss+xml', href: '/feed.xml' }] },
      pages[1] ?? pages[0],
      site,
    );
    expect(meta).toEqual({
      title: 'Kazakhstan, page 2 of 3',
      description: 'Articles on Kazakhstan. Page 2 of 3.',
      canonical: 'https://news.example.org/topics/kazakhstan/page/2/',
      preview: { type: 'website', url: 'https://news.example.org/topics/kazakhstan/page/2/', language: 'en' },
      alternates: [{ type: 'application/rss+xml', href: '/feed.xml' }],
    });
  });

  it('lets the first page alone differ as the listing’s front', () => {
    const front = { ...listing, front: { description: 'All about Kazakhstan.', type: 'profile' as const } };
    expect(listingMeta(front, pages[0], site)).toMatchObject({
      title: 'Kazakhstan',
      description: 'All about Kazakhstan.',
      preview: { type: 'profile' },
    });
    expect(listingMeta(front, pages[1] ?? pages[0], site)).toMatchObject({
      title: 'Kazakhstan, page 2 of 3',
      description: 'Articles on Kazakhstan. Page 2 of 3.',
      preview: { type: 'website' },
    });
  });

  it('percent-encodes a topic slug in any script in the canonical URL', () => {
    const meta = listingMeta({ ...listing, path: '/topics/日本の政治/' }, pages[0], site);
    expect(meta.canonical).toBe(
      'https://news.example.org/topics/%E6%97%A5%E6%9C%AC%E3%81%AE%E6%94%BF%E6%B2%BB/',
    );
  });
});

describe('the listings of the home page, authors and sources', () => {
  const site = new URL('https://news.example.org/');
  const [first, second = first] = paginate(range(25));

  it('titles the home page with the site’s name alone, and its later pages as the latest articles', () => {
    expect(listingMeta(homeListing(), first, site).title).toBeUndefined();
    expect(listingMeta(homeListing(), second, site).title).toBe('Latest articles, page 2 of 2');
  });

  it('describes an author’s profile by their bio, and their later pages and feeds by what they list', () => {
    const author = { name: 'Ann Author', path: '/authors/ann-author/', bio: 'Ann covers courts.' };
    expect(listingMeta(authorListing(author), first, site)).toMatchObject({
      description: 'Ann covers courts.',
      preview: { type: 'profile' },
    });
    expect(listingMeta(authorListing(author), second, site)).toMatchObject({
      description: 'Articles by Ann Author on Broadsheet. Page 2 of 2.',
      preview: { type: 'website' },
    });
    expect(authorListing(author).description).toBe('Articles by Ann Author on Broadsheet.');
    expect(listingMeta(authorListing({ ...author, bio: undefined }), first, site).description).toBe(
      'Articles by Ann Author on Broadsheet.',
    );
  });

  it('describes a source by its own description where it has one', () => {
    const source = { name: 'The Daily', path: '/sources/the-daily/' };
    expect(listingMeta(sourceListing(source), first, site).description).toBe(
      'Articles first published by The Daily, on Broadsheet.',
    );
    expect(
      listingMeta(sourceListing({ ...source, description: 'A daily paper.' }), first, site).description,
    ).toBe('A daily paper.');
  });
});

describe('pageParam and listingPaths', () => {
  it.each([
    [1, undefined],
    [2, 'page/2'],
    [12, 'page/12'],
  ])('page %i has the rest parameter %j', (n, param) => {
    expect(pageParam(n)).toBe(param);
  });

  it('gives every page of a listing its parameters and props, page 1 at the listing’s own address', () => {
    const paths = listingPaths(range(45), { slug: 'ann' }, { name: 'Ann' });
    expect(paths.map((path) => path.params)).toEqual([
      { slug: 'ann', page: undefined },
      { slug: 'ann', page: 'page/2' },
      { slug: 'ann', page: 'page/3' },
    ]);
    expect(paths.map(({ props }) => [props.name, props.page.number, props.page.items.length])).toEqual([
      ['Ann', 1, 20],
      ['Ann', 2, 20],
      ['Ann', 3, 5],
    ]);
  });

  it('gives an empty listing its first page', () => {
    expect(listingPaths([], {}, {}).map((path) => path.params)).toEqual([{ page: undefined }]);
  });
});

describe('articleCount', () => {
  it.each([
    [0, '0 articles'],
    [1, '1 article'],
    [2, '2 articles'],
    [1200, '1,200 articles'],
  ])('%i is %j', (n, text) => {
    expect(articleCount(n)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import {
  absoluteUrl,
  articleParams,
  articlePath,
  authorPath,
  canonicalUrl,
  requireSite,
  sourcePath,
} from '../../../src/lib/urls.ts';

const site = new URL('https://news.example.org/');

describe('articleParams and articlePath', () => {
  it.each([
    ['2022-01-06T09:30:00Z', 'csto', { year: '2022', month: '01', day: '06' }],
    ['2022-12-31T23:59:59Z', 'year-end', { year: '2022', month: '12', day: '31' }],
    // Jan 5 19:30 in UTC, but the editor's own calendar says Jan 6.
    ['2022-01-06T00:30:00+05:00', 'early', { year: '2022', month: '01', day: '06' }],
    // Jan 7 04:00 in UTC, but Jan 6 where it was published.
    ['2022-01-06T23:00:00-05:00', 'late', { year: '2022', month: '01', day: '06' }],
    ['2024-02-29T12:00:00+14:00', 'leap', { year: '2024', month: '02', day: '29' }],
  ])('%s with slug %s', (published, slug, date) => {
    const parts = { slug, published: zoned(published) };
    expect(articleParams(parts)).toEqual({ ...date, slug });
    expect(articlePath(parts)).toBe(`/${date.year}/${date.month}/${date.day}/${slug}/`);
  });
});

describe('authorPath and sourcePath', () => {
  it.each([
    ['authorPath', authorPath, 'irina-alksnis', '/authors/irina-alksnis/'],
    ['sourcePath', sourcePath, 'the-frontier-post', '/sources/the-frontier-post/'],
  ])('%s(%j) is %j', (_name, path, slug, expected) => {
    expect(path(slug)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/', 'https://news.example.org/'],
    ['/2022/01/06/csto/', 'https://news.example.org/2022/01/06/csto/'],
    ['/sitemap-index.xml', 'https://news.example.org/sitemap-index.xml'],
    ['/authors/a/?page=2', 'https://news.example.org/authors/a/?page=2'],
  ])('%s on the site is %s', (path, expected) => {
    expect(absoluteUrl(path, site)).toBe(expected);
  });

  it.each(['/a:b/', '/javascript:alert(1)', '/http://evil.example/', '//evil.example/'])(
    'keeps the odd path %s on the site origin',
    (path) => {
      expect(new URL(absoluteUrl(path, site)).origin).toBe(site.origin);
    },
  );

  it.each(['', 'csto/', '2022/01/06/csto/', 'https://evil.example/'])(
    'rejects %j, which has no leading "/"',
    (path) => {
      expect(() => absoluteUrl(path, site)).toThrow(/start with "\/"/);
    },
  );
});

describe('canonicalUrl', () => {
  it.each([
    ['/2022/01/06/csto/', undefined, 'https://news.example.org/2022/01/06/csto/'],
    ['/2022/01/06/csto/', 'https://publisher.example/csto', 'https://publisher.example/csto'],
  ])('%s with override %s is %s', (path, override, expected) => {
    expect(canonicalUrl(path, site, override)).toBe(expected);
  });
});

describe('requireSite', () => {
  it('returns the configured site', () => {
    expect(requireSite(site)).toBe(site);
  });

  it('throws when no site is configured, naming where to set it', () => {
    expect(() => requireSite(undefined)).toThrow(/site.*astro\.config\.mjs|astro\.config\.mjs.*site/);
  });
});

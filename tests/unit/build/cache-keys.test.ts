/** Cache keys for incremental builds: the same data gives the same key, and any change a new one. */
import { describe, expect, test } from 'vitest';
import { cacheKey, fingerprint, withCacheKeys } from '../../../src/build/cache-keys.ts';

/** Enough of a catalogue article for the keys: an entry and a path, and data worked out from the file. */
const article = (overrides: Record<string, unknown> = {}) => ({
  entry: { id: 'a1', digest: 'd1' },
  path: '/2024/05/01/a/',
  title: 'A headline',
  html: '<p>Body.</p>',
  authors: [{ name: 'Ann Author', path: '/authors/ann/' }],
  ...overrides,
});

describe('fingerprint', () => {
  test('equal articles share one; each field, the digest and the id change it', () => {
    const base = fingerprint(article());
    expect(fingerprint(article())).toBe(base);
    for (const change of [
      { title: 'Another headline' },
      { html: '<p>Body, corrected.</p>' },
      { authors: [{ name: 'Ann B. Author', path: '/authors/ann/' }] },
      { entry: { id: 'a1', digest: 'd2' } },
      { entry: { id: 'a2', digest: 'd1' } },
    ]) {
      expect(fingerprint(article(change)), JSON.stringify(change)).not.toBe(base);
    }
  });
});

describe('cacheKey', () => {
  test('a page listing articles changes key when one of them changes, or the list does', () => {
    const list = [article(), article({ entry: { id: 'a2', digest: 'x' }, path: '/b/' })];
    const key = cacheKey({ page: { number: 1, items: list } });
    expect(cacheKey({ page: { number: 1, items: [article(), list[1]] } })).toBe(key);
    expect(cacheKey({ page: { number: 1, items: [article({ title: 'New' }), list[1]] } })).not.toBe(key);
    expect(cacheKey({ page: { number: 1, items: [list[1], list[0]] } })).not.toBe(key);
    expect(cacheKey({ page: { number: 2, items: list } })).not.toBe(key);
    // What a component reads for itself counts too.
    expect(cacheKey({ page: { number: 1, items: list } }, ['related'])).not.toBe(key);
  });

  test('Maps and Sets count by their contents, where JSON would see {}', () => {
    expect(cacheKey({ m: new Map([['a', 1]]) })).not.toBe(cacheKey({ m: new Map([['a', 2]]) }));
    expect(cacheKey({ s: new Set(['a']) })).not.toBe(cacheKey({ s: new Set(['b']) }));
  });

  test('a function in the props is an error, not a key that ignores it', () => {
    expect(() => cacheKey({ render: () => 'x' })).toThrow(/"render" is a function/);
  });

  test('withCacheKeys keys each path by its props', () => {
    const paths = withCacheKeys([
      { params: { slug: 'a' }, props: { n: 1 } },
      { params: { slug: 'b' }, props: { n: 2 } },
    ]);
    expect(paths.map((path) => path.cacheKey)).toEqual([cacheKey({ n: 1 }), cacheKey({ n: 2 })]);
    expect(paths[0]?.params).toEqual({ slug: 'a' });
  });
});

import { describe, expect, it } from 'vitest';
import { documentTitle, headTags, type HeadTag, type PageMeta } from '../../src/lib/head.ts';
import { site } from '../../src/site.ts';

const description: HeadTag = { tag: 'meta', attrs: { name: 'description', content: 'A standfirst.' } };
const favicon: HeadTag = { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' } };
const canonical: HeadTag = { tag: 'link', attrs: { rel: 'canonical', href: 'https://news.example.org/a/' } };
const noindex: HeadTag = { tag: 'meta', attrs: { name: 'robots', content: 'noindex' } };

describe('headTags', () => {
  it.each<[string, Omit<PageMeta, 'description'>, HeadTag[]]>([
    ['neither canonical nor noindex', {}, [description, favicon]],
    ['a canonical URL', { canonical: 'https://news.example.org/a/' }, [description, favicon, canonical]],
    ['noindex', { noindex: true }, [description, favicon, noindex]],
    ['noindex: false', { noindex: false }, [description, favicon]],
    ['an empty canonical URL', { canonical: '' }, [description, favicon]],
    [
      'both',
      { canonical: 'https://news.example.org/a/', noindex: true },
      [description, favicon, canonical, noindex],
    ],
  ])('a page with %s', (_name, meta, expected) => {
    expect(headTags({ description: 'A standfirst.', ...meta })).toEqual(expected);
  });
});

describe('documentTitle', () => {
  it.each([
    ['CSTO undergoes baptism of fire', `CSTO undergoes baptism of fire – ${site.name}`],
    [undefined, site.name],
    ['', site.name],
  ])('%j → %j', (title, expected) => {
    expect(documentTitle(title)).toBe(expected);
  });

  it('names the site Broadsheet', () => {
    expect(documentTitle()).toBe('Broadsheet');
  });
});

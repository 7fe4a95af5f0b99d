import { describe, expect, it } from 'vitest';
import {
  documentTitle,
  feedAlternates,
  headTags,
  type HeadTag,
  type PageMeta,
} from '../../../src/head/head.ts';
import { site } from '../../../src/site.ts';

const description: HeadTag = { tag: 'meta', attrs: { name: 'description', content: 'A standfirst.' } };
const favicon: HeadTag = { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' } };
const canonical: HeadTag = { tag: 'link', attrs: { rel: 'canonical', href: 'https://news.example.org/a/' } };
const noindex: HeadTag = { tag: 'meta', attrs: { name: 'robots', content: 'noindex' } };
// Every page ends with its theme colour for each scheme.
const themeColors: HeadTag[] = [
  { tag: 'meta', attrs: { name: 'theme-color', content: '#fbf9f4', media: '(prefers-color-scheme: light)' } },
  { tag: 'meta', attrs: { name: 'theme-color', content: '#141416', media: '(prefers-color-scheme: dark)' } },
];

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
    expect(headTags({ description: 'A standfirst.', ...meta })).toEqual([...expected, ...themeColors]);
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

describe('link previews', () => {
  const preview = {
    type: 'article' as const,
    url: 'https://news.example.org/a/',
    language: 'en-GB',
    image: { url: 'https://news.example.org/og/a.png', width: 1200, height: 630, alt: 'Alt text' },
    article: {
      publishedTime: '2022-01-06T00:00:00Z',
      modifiedTime: '2022-01-07T00:00:00Z',
      authors: ['https://news.example.org/authors/a/', 'https://news.example.org/authors/b/'],
      section: 'Opinion',
      tags: ['Kazakhstan', 'CSTO'],
    },
  };
  const tags = headTags({ title: 'Headline', description: 'A standfirst.', preview });
  const property = (name: string) =>
    tags.filter((t) => t.attrs.property === name).map((t) => t.attrs.content);
  const named = (name: string) => tags.filter((t) => t.attrs.name === name).map((t) => t.attrs.content);

  it('gives Open Graph its title, description, type, url, site name and locale', () => {
    expect(property('og:title')).toEqual(['Headline']);
    expect(property('og:description')).toEqual(['A standfirst.']);
    expect(property('og:type')).toEqual(['article']);
    expect(property('og:url')).toEqual(['https://news.example.org/a/']);
    expect(property('og:site_name')).toEqual([site.name]);
    expect(property('og:locale')).toEqual(['en_GB']);
  });
  it('describes the image with its size and alt text, for Open Graph and X', () => {
    expect(property('og:image')).toEqual(['https://news.example.org/og/a.png']);
    expect(property('og:image:width')).toEqual(['1200']);
    expect(property('og:image:height')).toEqual(['630']);
    expect(property('og:image:alt')).toEqual(['Alt text']);
    expect(named('twitter:card')).toEqual(['summary_large_image']);
    expect(named('twitter:image:alt')).toEqual(['Alt text']);
  });
  it('keeps published and modified times apart, one article:author and article:tag each', () => {
    expect(property('article:published_time')).toEqual(['2022-01-06T00:00:00Z']);
    expect(property('article:modified_time')).toEqual(['2022-01-07T00:00:00Z']);
    expect(property('article:author')).toHaveLength(2);
    expect(property('article:tag')).toEqual(['Kazakhstan', 'CSTO']);
    expect(property('article:section')).toEqual(['Opinion']);
  });
  it('uses a small card without an image', () => {
    const plain = headTags({
      description: 'x',
      preview: { type: 'website', url: 'https://a.example/', language: 'en' },
    });
    expect(plain.find((t) => t.attrs.name === 'twitter:card')?.attrs.content).toBe('summary');
  });
  it('writes robots directives unless the page is noindex', () => {
    expect(headTags({ description: 'x', robots: 'max-image-preview:large' })).toContainEqual({
      tag: 'meta',
      attrs: { name: 'robots', content: 'max-image-preview:large' },
    });
    expect(
      headTags({ description: 'x', robots: 'max-image-preview:large', noindex: true }).filter(
        (t) => t.attrs.name === 'robots',
      ),
    ).toEqual([noindex]);
  });
});

describe('feedAlternates', () => {
  it('announces RSS, Atom and JSON Feed for a scope', () => {
    expect(feedAlternates('/authors/a/', 'A').map((a) => [a.type, a.href])).toEqual([
      ['application/rss+xml', '/authors/a/feed.xml'],
      ['application/atom+xml', '/authors/a/atom.xml'],
      ['application/feed+json', '/authors/a/feed.json'],
    ]);
  });
});

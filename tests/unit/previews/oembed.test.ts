import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { oembedDocument, oembedJson } from '../../../src/previews/oembed.ts';

const origin = new URL('https://news.example.org/');
const article = {
  title: 'A headline & more',
  slug: 'a-headline',
  published: zoned('2024-05-01T09:00:00+02:00'),
  authors: [
    { name: 'Ann Author', path: '/authors/ann-author/' },
    { name: 'Ben Writer', path: '/authors/ben-writer/' },
  ],
};

describe('oembedDocument', () => {
  it('is a version 1.0 link with the title, byline, provider and preview image', () => {
    expect(oembedDocument(article, 'Ann Author and Ben Writer', origin)).toEqual({
      version: '1.0',
      type: 'link',
      title: 'A headline & more',
      author_name: 'Ann Author and Ben Writer',
      author_url: 'https://news.example.org/authors/ann-author/',
      provider_name: 'Broadsheet',
      provider_url: 'https://news.example.org/',
      thumbnail_url: 'https://news.example.org/og/2024/05/01/a-headline.png',
      thumbnail_width: 1200,
      thumbnail_height: 675,
    });
  });
  it('refuses an article without an author, naming it', () => {
    expect(() => oembedDocument({ ...article, authors: [] }, '', origin)).toThrow(/A headline & more/u);
  });
  it('is written as JSON that parses back to itself', () => {
    const document = oembedDocument(article, 'Ann Author', origin);
    expect(JSON.parse(oembedJson(document))).toEqual(document);
  });
});

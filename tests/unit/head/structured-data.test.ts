import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import {
  breadcrumbs,
  newsArticle,
  profilePage,
  type ArticleFacts,
} from '../../../src/head/structured-data.ts';

const origin = new URL('https://news.example.org/');
const facts: ArticleFacts = {
  slug: 'a-slug',
  published: zoned('2022-01-06T09:30:00+05:00'),
  title: 'Headline </script><script>alert(1)</script>',
  dek: 'A dek & more',
  canonical: 'https://news.example.org/2022/01/06/a-slug/',
  authors: [
    { name: 'Irina Alksnis', path: '/authors/irina-alksnis/', kind: 'person' },
    { name: 'The Desk', path: '/authors/the-desk/', kind: 'organization' },
  ],
  source: {
    name: 'The Frontier Post',
    url: 'https://thefrontierpost.com/',
    path: '/sources/the-frontier-post/',
  },
  originalUrl: 'https://thefrontierpost.com/a/',
  formatLabel: 'Opinion',
  topics: ['Kazakhstan'],
  language: 'en',
};

describe('newsArticle', () => {
  const data = newsArticle(facts, origin);
  it('is a top-level NewsArticle, the exact type Safari Reader and Mastodon read', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data).not.toHaveProperty('@graph');
  });
  it('says "opinion" with genre and articleSection', () => {
    expect(data).toMatchObject({ genre: 'Opinion', articleSection: 'Opinion' });
  });
  it('keeps dates with their time zone, and dateModified falls back to datePublished', () => {
    expect(data).toMatchObject({
      datePublished: '2022-01-06T09:30:00+05:00',
      dateModified: '2022-01-06T09:30:00+05:00',
    });
    expect(newsArticle({ ...facts, updated: zoned('2022-01-07T10:00:00Z') }, origin).dateModified).toBe(
      '2022-01-07T10:00:00Z',
    );
  });
  it('names authors as Person or Organization objects with their page', () => {
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Irina Alksnis', url: 'https://news.example.org/authors/irina-alksnis/' },
      { '@type': 'Organization', name: 'The Desk', url: 'https://news.example.org/authors/the-desk/' },
    ]);
  });
  it('has three images, 16:9 (the link preview’s), 4:3 and 1:1', () => {
    expect(data.image).toEqual([
      'https://news.example.org/og/2022/01/06/a-slug.png',
      'https://news.example.org/og/2022/01/06/a-slug-4x3.png',
      'https://news.example.org/og/2022/01/06/a-slug-1x1.png',
    ]);
  });
  it('credits the original and its publisher', () => {
    expect(data.isBasedOn).toMatchObject({ url: 'https://thefrontierpost.com/a/' });
    expect(data.sourceOrganization).toMatchObject({ '@type': 'Organization', name: 'The Frontier Post' });
    expect(newsArticle({ ...facts, originalUrl: undefined }, origin)).not.toHaveProperty('isBasedOn');
  });
});

describe('breadcrumbs and profilePage', () => {
  it('numbers breadcrumb items from 1', () => {
    const list = breadcrumbs([
      { name: 'Home', url: 'https://a.example/' },
      { name: 'B', url: 'https://a.example/b/' },
    ]);
    expect(list).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [{ position: 1 }, { position: 2 }],
    });
  });
  it('describes an author page as a ProfilePage about the author', () => {
    const page = profilePage(
      {
        name: 'Irina Alksnis',
        path: '/authors/irina-alksnis/',
        kind: 'person',
        links: [{ url: 'https://x.example/ia' }],
      },
      origin,
    );
    expect(page).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Irina Alksnis', sameAs: ['https://x.example/ia'] },
    });
  });
});

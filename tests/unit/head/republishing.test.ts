import { describe, expect, it } from 'vitest';
import { headTags } from '../../../src/head/head.ts';
import { fediverseCreatorTags, indexingTags } from '../../../src/head/republishing.ts';
import { copyright, newsMediaOrganization, sourceOrganization } from '../../../src/head/identity.ts';

const metaNamed = (tags: ReturnType<typeof headTags>, name: string) =>
  tags.filter((tag) => tag.tag === 'meta' && tag.attrs.name === name).map((tag) => tag.attrs.content);

describe('indexingTags', () => {
  it.each([
    ['index', [], []],
    ['news-noindex', ['noindex'], []],
    ['noindex-google', ['noindex'], ['noindex']],
  ] as const)(
    '%s: googlebot-news %j, googlebot %j, and never a general robots noindex',
    (policy, news, google) => {
      const tags = headTags({
        description: 'd',
        robots: 'max-image-preview:large',
        extra: indexingTags(policy),
      });
      expect(metaNamed(tags, 'googlebot-news')).toEqual(news);
      expect(metaNamed(tags, 'googlebot')).toEqual(google);
      expect(metaNamed(tags, 'robots')).toEqual(['max-image-preview:large']);
    },
  );
});

describe('fediverseCreatorTags', () => {
  it('gives one tag per author with a handle, none for the others', () => {
    expect(
      fediverseCreatorTags([{ fediverse: '@ann@mastodon.social' }, {}, { fediverse: '@ben@social.example' }]),
    ).toEqual([
      { tag: 'meta', attrs: { name: 'fediverse:creator', content: '@ann@mastodon.social' } },
      { tag: 'meta', attrs: { name: 'fediverse:creator', content: '@ben@social.example' } },
    ]);
  });
});

describe('identity in structured data', () => {
  const origin = new URL('https://news.example.org/');
  it('the site is a NewsMediaOrganization with its three policy pages', () => {
    expect(newsMediaOrganization(origin)).toMatchObject({
      '@type': 'NewsMediaOrganization',
      name: 'Broadsheet',
      publishingPrinciples: 'https://news.example.org/about/publishing-principles/',
      correctionsPolicy: 'https://news.example.org/about/corrections/',
      actionableFeedbackPolicy: 'https://news.example.org/about/feedback/',
    });
  });
  it('a source is an Organization, with sameAs only when it has profiles', () => {
    expect(sourceOrganization({ name: 'D', url: 'https://d.example/', sameAs: [] })).toEqual({
      '@type': 'Organization',
      name: 'D',
      url: 'https://d.example/',
    });
    expect(
      sourceOrganization({ name: 'D', url: 'https://d.example/', sameAs: ['https://social.example/@d'] })
        .sameAs,
    ).toEqual(['https://social.example/@d']);
  });
  it('copyright only from known terms: the licence’s address, and a named holder with the year', () => {
    expect(copyright('unknown', 2022)).toEqual({});
    const terms = {
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      credit: {},
      edits: 'allowed',
    } as const;
    expect(copyright(terms, 2022)).toEqual({ license: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(
      copyright({ ...terms, licence: { byPermission: '2024-01-01' }, copyrightHolder: 'D Ltd' }, 2022),
    ).toEqual({
      copyrightHolder: { '@type': 'Organization', name: 'D Ltd' },
      copyrightYear: 2022,
    });
  });
});

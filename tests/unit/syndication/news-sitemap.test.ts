import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { newsLanguage, newsSitemapPages, newsSitemapXml, recentNews } from '../../../src/syndication/news-sitemap.ts';

describe('recentNews', () => {
  const now = new Date('2024-05-03T12:00:00Z');
  const at = (text: string) => ({ published: zoned(text) });
  it('keeps what was published in the 48 hours before the build, and nothing from the future', () => {
    const articles = [
      at('2024-05-03T11:00:00Z'),
      at('2024-05-01T12:00:00Z'),
      at('2024-05-01T11:59:59Z'),
      at('2024-05-03T13:00:00Z'),
    ];
    expect(recentNews(articles, now)).toEqual([articles[0], articles[1]]);
  });
});

describe('newsSitemapPages', () => {
  it('splits at 1,000 and always gives at least one file', () => {
    expect(newsSitemapPages([])).toEqual([[]]);
    expect(newsSitemapPages(Array.from({ length: 2001 }, (_, i) => i)).map((page) => page.length)).toEqual([
      1000, 1000, 1,
    ]);
  });
});

describe('newsSitemapXml', () => {
  it('is well-formed XML in the news namespace, with text escaped', () => {
    const xml = newsSitemapXml(
      [
        {
          url: 'https://a.example/x/?a=1&b=2',
          title: 'Q&A <b>',
          language: 'en-GB',
          published: zoned('2024-05-03T11:00:00+01:00'),
        },
      ],
      'Broadsheet',
    );
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      urlset: { url: { loc: string; 'news:news': Record<string, unknown> } };
    };
    expect(parsed.urlset.url.loc).toBe('https://a.example/x/?a=1&b=2');
    expect(parsed.urlset.url['news:news']).toMatchObject({
      'news:title': 'Q&A <b>',
      'news:publication_date': '2024-05-03T11:00:00+01:00',
      'news:publication': { 'news:language': 'en' },
    });
  });
  it('is valid when empty', () => {
    expect(new XMLParser().parse(newsSitemapXml([], 'Broadsheet'))).toHaveProperty('urlset');
  });
  it.each([
    ['en-GB', 'en'],
    ['ru', 'ru'],
    ['zh-Hant', 'zh-tw'],
    ['zh', 'zh-cn'],
  ])('language %s → %s', (tag, code) => {
    expect(newsLanguage(tag)).toBe(code);
  });
});

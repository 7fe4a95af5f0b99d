import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { groupTopics, topicLinks, topicSlug, TopicError } from '../../../src/catalog/topics.ts';
import { topicPath } from '../../../src/lib/urls.ts';

describe('topicSlug', () => {
  it.each([
    ['Kazakhstan', 'kazakhstan'],
    ['Казахстан', 'казахстан'],
    ['日本の政治', '日本の政治'],
    ['Ärzte ohne Grenzen', 'ärzte-ohne-grenzen'],
    ['CSTO', 'csto'],
    ['Covid-19', 'covid-19'],
    ['  Russia  ', 'russia'],
    ['U.S. politics', 'u-s-politics'],
    ['Rock & roll / pop', 'rock-roll-pop'],
    ['“Quoted”', 'quoted'],
    ['Trade — and tariffs', 'trade-and-tariffs'],
    ['snake_case', 'snake-case'],
    ['🇺🇦 Ukraine', 'ukraine'],
    ['Côte d’Ivoire', 'côte-d-ivoire'],
    ['Ελλάδα', 'ελλάδα'],
    ['ΟΔΟΣ', 'οδος'],
    ['العراق', 'العراق'],
    ['עברית', 'עברית'],
    ['대한민국', '대한민국'],
    // Devanagari vowel signs and the virama are combining marks: they stay.
    ['हिन्दी', 'हिन्दी'],
    ['G20 2024', 'g20-2024'],
    ['٢٠٢٤', '٢٠٢٤'],
    // Invisible characters are dropped, not turned into hyphens.
    ['Ärz\u00adte', 'ärzte'],
    ['می\u200cخواهم', 'میخواهم'],
    // The Turkish dotless ı stays apart from i.
    ['Kırgızistan', 'kırgızistan'],
  ])('%j → %j', (name, slug) => {
    expect(topicSlug(name)).toBe(slug);
  });

  it.each([
    ['case', ['Kazakhstan', 'kazakhstan', 'KAZAKHSTAN', 'KaZaKhStAn']],
    ['Cyrillic case', ['Казахстан', 'КАЗАХСТАН', 'казахстан']],
    ['composed and decomposed', ['Ärzte ohne Grenzen', 'A\u0308rzte ohne Grenzen', 'ÄRZTE OHNE GRENZEN']],
    ['sharp s', ['Straße', 'STRASSE', 'strasse']],
    ['Greek final sigma', ['ΟΔΟΣ', 'οδος', 'Οδος']],
    ['Hangul jamo and syllables', ['\u1112\u1161\u11ab', '한']],
    ['spacing and punctuation', ['Middle East', 'Middle-East', 'middle  east', 'Middle — East']],
  ])('names that differ only in %s share a slug', (_, names) => {
    expect(new Set(names.map(topicSlug)).size).toBe(1);
  });

  it('keeps names apart that differ in letters', () => {
    expect(topicSlug('Kazakhstan')).not.toBe(topicSlug('Казахстан'));
    expect(topicSlug('Arzte')).not.toBe(topicSlug('Ärzte'));
    expect(topicSlug('kız')).not.toBe(topicSlug('kiz'));
  });

  it('gives a slug in NFC with no upper case, no space and no URL delimiter', () => {
    for (const name of ['A\u0308rzte', 'İstanbul', 'Who? What#Where/When%', 'ǅemal']) {
      const slug = topicSlug(name);
      expect(slug).toBe(slug.normalize('NFC'));
      expect(slug).toBe(slug.toLowerCase());
      expect(slug).not.toMatch(/[\s/?#%]|^-|-$|--/u);
    }
  });

  it.each(['!!!', '—', '🙂', '\u200b', '. . .'])('rejects %j, naming it', (name) => {
    expect(() => topicSlug(name)).toThrow(TopicError);
    expect(() => topicSlug(name)).toThrow(`Topic "${name}"`);
  });

  it('makes a path that percent-encodes as a browser encodes it', () => {
    const path = topicPath(topicSlug('Казахстан'));
    expect(path).toBe('/topics/казахстан/');
    expect(new URL(path, 'https://news.example.org/').pathname).toBe(
      '/topics/%D0%BA%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD/',
    );
    expect(decodeURIComponent(encodeURI(path))).toBe(path);
  });
});

describe('topicLinks', () => {
  it('lists an article’s topics once each, in its own first spelling', () => {
    expect(topicLinks(['Kazakhstan', 'CSTO', 'kazakhstan', 'A\u0308rzte'])).toEqual([
      { name: 'Kazakhstan', slug: 'kazakhstan', path: '/topics/kazakhstan/' },
      { name: 'CSTO', slug: 'csto', path: '/topics/csto/' },
      { name: 'Ärzte', slug: 'ärzte', path: '/topics/ärzte/' },
    ]);
  });
});

describe('groupTopics', () => {
  const article = (path: string, published: string, topics: string[]) => ({
    path,
    published: zoned(published),
    topics,
  });
  // Given newest first, as the catalogue gives them.
  const newer = article('/2024/05/02/b/', '2024-05-02T09:00:00Z', ['kazakhstan', 'Казахстан']);
  const older = article('/2024/05/01/a/', '2024-05-01T09:00:00Z', ['Kazakhstan', 'CSTO', 'KAZAKHSTAN']);
  const oldest = article('/2024/04/30/z/', '2024-04-30T09:00:00Z', ['日本の政治', 'csto']);

  it('groups by slug, names each topic by its first spelling and lists articles newest first', () => {
    expect(groupTopics([newer, older, oldest])).toEqual([
      { name: 'CSTO', slug: 'csto', path: '/topics/csto/', articles: [older, oldest] },
      { name: 'kazakhstan', slug: 'kazakhstan', path: '/topics/kazakhstan/', articles: [newer, older] },
      { name: 'Казахстан', slug: 'казахстан', path: '/topics/казахстан/', articles: [newer] },
      { name: '日本の政治', slug: '日本の政治', path: '/topics/日本の政治/', articles: [oldest] },
    ]);
  });

  it('lists articles newest first whatever order they come in, and names topics by that order', () => {
    const topics = groupTopics([oldest, older, newer]);
    const kazakhstan = topics.find((topic) => topic.slug === 'kazakhstan');
    expect(kazakhstan?.name).toBe('Kazakhstan');
    expect(kazakhstan?.articles).toEqual([newer, older]);
    expect(topics.map((topic) => topic.slug)).toEqual(['csto', 'kazakhstan', 'казахстан', '日本の政治']);
  });

  it('lists an article once under a topic it names twice', () => {
    const [topic] = groupTopics([older]).filter((t) => t.slug === 'kazakhstan');
    expect(topic?.articles).toEqual([older]);
  });

  it('breaks date ties by path, so the order never depends on the input', () => {
    const a = article('/2024/05/01/a/', '2024-05-01T09:00:00Z', ['X']);
    const b = article('/2024/05/01/b/', '2024-05-01T09:00:00Z', ['x']);
    expect(groupTopics([b, a])[0]?.articles).toEqual([a, b]);
    expect(groupTopics([a, b])[0]?.articles).toEqual([a, b]);
  });

  it('has no topics for articles without any', () => {
    expect(groupTopics([article('/2024/05/01/a/', '2024-05-01T09:00:00Z', [])])).toEqual([]);
    expect(groupTopics([])).toEqual([]);
  });

  it('fails on a topic with no letters or digits, naming the topic and the article', () => {
    const bad = article('/2024/05/01/a/', '2024-05-01T09:00:00Z', ['Russia', '???']);
    expect(() => groupTopics([bad])).toThrow(TopicError);
    expect(() => groupTopics([bad])).toThrow(/^\/2024\/05\/01\/a\/: Topic "\?\?\?" has no letters or digits/);
  });
});

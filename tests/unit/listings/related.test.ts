import { describe, expect, it } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { relatedReading, RELATED_LIMIT, type Relatable } from '../../../src/listings/related.ts';

const ann = { slug: 'ann-author', name: 'Ann Author' };
const ben = { slug: 'ben-writer', name: 'Ben Writer' };
const cat = { slug: 'cat-critic', name: 'Cat Critic' };
const daily = { slug: 'daily-example', name: 'Daily Example' };
const weekly = { slug: 'weekly-example', name: 'Weekly Example' };

/** Article `day` of May 2024: a later day is newer. */
const article = (
  day: number,
  authors: Relatable['authors'],
  source: Relatable['source'],
  topics: string[] = [],
): Relatable => ({
  path: `/2024/05/${String(day).padStart(2, '0')}/story-${String(day)}/`,
  published: zoned(`2024-05-${String(day).padStart(2, '0')}T09:00:00Z`),
  authors,
  source,
  topics,
});

const paths = (list: Relatable[]) => list.map((a) => a.path);

describe('relatedReading', () => {
  it('names the authors, the source and the topics its lists are about', () => {
    const self = article(1, [ann, ben], daily, ['Kazakhstan', 'CSTO', 'kazakhstan']);
    const related = relatedReading(self, [self]);
    expect(related.byAuthors.names).toEqual(['Ann Author', 'Ben Writer']);
    expect(related.fromSource.names).toEqual(['Daily Example']);
    expect(related.onTopics.names).toEqual(['Kazakhstan', 'CSTO']);
  });

  it('has three empty lists for an article with nothing related', () => {
    const self = article(1, [ann], daily, ['Kazakhstan']);
    const other = article(2, [ben], weekly, ['Japan']);
    const related = relatedReading(self, [other, self]);
    expect([related.byAuthors, related.fromSource, related.onTopics].map((list) => list.articles)).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('lists up to three by the same author, newest first, never the article itself', () => {
    const self = article(10, [ann], daily);
    const byAnn = [1, 3, 5, 7, 12].map((day) => article(day, [ann], weekly));
    const related = relatedReading(self, [self, ...byAnn, article(20, [ben], weekly)]);
    expect(RELATED_LIMIT).toBe(3);
    expect(paths(related.byAuthors.articles)).toEqual(paths([byAnn[4], byAnn[3], byAnn[2]] as Relatable[]));
  });

  it('counts an article by any of several authors', () => {
    const self = article(10, [ann, ben], daily);
    const byBen = article(9, [ben], weekly);
    const byAnn = article(8, [ann], weekly);
    const byBoth = article(7, [ben, ann], weekly);
    const byCat = article(11, [cat], weekly);
    const related = relatedReading(self, [byCat, self, byBen, byAnn, byBoth]);
    expect(related.byAuthors.articles).toEqual([byBen, byAnn, byBoth]);
  });

  it('does not repeat in a later list what an earlier one shows', () => {
    const self = article(10, [ann], daily, ['Kazakhstan']);
    // Ann's, from the same source, on the same topic: shown once, under the authors.
    const all = article(9, [ann], daily, ['Kazakhstan']);
    const sourceAndTopic = article(8, [ben], daily, ['kazakhstan']);
    const topicOnly = article(7, [cat], weekly, ['KAZAKHSTAN']);
    const related = relatedReading(self, [self, all, sourceAndTopic, topicOnly]);
    expect(related.byAuthors.articles).toEqual([all]);
    expect(related.fromSource.articles).toEqual([sourceAndTopic]);
    expect(related.onTopics.articles).toEqual([topicOnly]);
  });

  it('fills a later list past the articles already shown, down to older ones', () => {
    const self = article(20, [ann], daily, ['Kazakhstan']);
    // The seven newest are Ann's and from Daily, all on the topic; three more are on the topic only.
    const shared = [19, 18, 17, 16, 15, 14, 13].map((day) => article(day, [ann], daily, ['Kazakhstan']));
    const topicOnly = [3, 2, 1].map((day) => article(day, [ben], weekly, ['Kazakhstan']));
    const related = relatedReading(self, [self, ...shared, ...topicOnly]);
    expect(paths(related.byAuthors.articles)).toEqual(paths(shared.slice(0, 3)));
    expect(paths(related.fromSource.articles)).toEqual(paths(shared.slice(3, 6)));
    expect(paths(related.onTopics.articles)).toEqual(
      paths([shared[6], topicOnly[0], topicOnly[1]] as Relatable[]),
    );
  });

  it('merges the lists of several topics newest first', () => {
    const self = article(20, [ann], daily, ['Kazakhstan', 'Japan']);
    const kz = [10, 4].map((day) => article(day, [ben], weekly, ['Kazakhstan']));
    const jp = [8, 6].map((day) => article(day, [ben], weekly, ['Japan']));
    const related = relatedReading(self, [self, ...kz, ...jp]);
    expect(paths(related.onTopics.articles)).toEqual(paths([kz[0], jp[0], jp[1]] as Relatable[]));
  });

  it('finds the article in the list by its path when given a copy', () => {
    const self = article(10, [ann], daily);
    const other = article(9, [ann], daily);
    const related = relatedReading({ ...self }, [self, other]);
    expect(related.byAuthors.articles).toEqual([other]);
  });

  it('takes the list in any order, and a smaller limit', () => {
    const self = article(10, [ann], daily);
    const others = [1, 2, 3, 4, 5].map((day) => article(day, [ann], daily));
    const related = relatedReading(self, [...others, self], 2);
    expect(paths(related.byAuthors.articles)).toEqual(paths([others[4], others[3]] as Relatable[]));
    expect(paths(related.fromSource.articles)).toEqual(paths([others[2], others[1]] as Relatable[]));
  });

  it('agrees with a plain scan of the whole list on generated sites', () => {
    // A small deterministic generator (a linear congruential one), so failures can be replayed.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const people = [ann, ben, cat];
    const sources = [daily, weekly];
    const topics = ['Kazakhstan', 'kazakhstan', 'Japan', 'Trade', 'Казахстан'];
    for (let site = 0; site < 30; site++) {
      const articles = Array.from({ length: 5 + random(40) }, (_, i) =>
        article(
          1 + (i % 28),
          [...new Set([people[random(3)], people[random(3)]])].filter((p) => p !== undefined),
          sources[random(2)] ?? daily,
          topics.filter(() => random(3) === 0),
        ),
      ).map((a, i) => ({ ...a, path: `${a.path}${String(i)}/` }));
      const sorted = [...articles].sort(
        (a, b) => b.published.epochMs - a.published.epochMs || a.path.localeCompare(b.path, 'en'),
      );
      for (const self of articles) {
        const shown = new Set([self.path]);
        const scan = (related: (a: Relatable) => boolean) => {
          const found = sorted.filter((a) => !shown.has(a.path) && related(a)).slice(0, RELATED_LIMIT);
          for (const a of found) shown.add(a.path);
          return paths(found);
        };
        const fold = (names: readonly string[]) => names.map((name) => name.toLowerCase());
        const expected = [
          scan((a) => a.authors.some((x) => self.authors.some((y) => x.slug === y.slug))),
          scan((a) => a.source.slug === self.source.slug),
          scan((a) => fold(a.topics).some((t) => fold(self.topics).includes(t))),
        ];
        const related = relatedReading(self, articles);
        expect(
          [related.byAuthors, related.fromSource, related.onTopics].map((list) => paths(list.articles)),
        ).toEqual(expected);
      }
    }
  });
});

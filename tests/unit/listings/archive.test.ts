import { describe, expect, it } from 'vitest';
import { archive, monthName } from '../../../src/listings/archive.ts';
import { zoned } from '../../../src/lib/dates.ts';
import { archiveIndexPath, archiveParams, archivePath } from '../../../src/lib/urls.ts';

const article = (path: string, published: string) => ({ path, published: zoned(published) });

describe('archive paths', () => {
  it.each([
    [2022, undefined, '/archive/2022/'],
    [2022, 1, '/archive/2022/01/'],
    [2024, 12, '/archive/2024/12/'],
  ])('archivePath(%i, %s) is %s', (year, month, path) => {
    expect(archivePath(year, month)).toBe(path);
  });

  it('has route parameters that match the path', () => {
    expect(archiveParams(2022, 1)).toEqual({ year: '2022', month: '01' });
    expect(archiveIndexPath()).toBe('/archive/');
  });
});

describe('archive', () => {
  const may2 = article('/2024/05/02/b/', '2024-05-02T09:00:00Z');
  const may1 = article('/2024/05/01/a/', '2024-05-01T09:00:00Z');
  const april = article('/2024/04/30/z/', '2024-04-30T09:00:00Z');
  const dec = article('/2023/12/31/y/', '2023-12-31T23:00:00Z');

  it('groups by year and month, newest first, with counts', () => {
    expect(archive([may1, dec, may2, april])).toEqual([
      {
        year: 2024,
        path: '/archive/2024/',
        count: 3,
        months: [
          { year: 2024, month: 5, path: '/archive/2024/05/', articles: [may2, may1] },
          { year: 2024, month: 4, path: '/archive/2024/04/', articles: [april] },
        ],
      },
      {
        year: 2023,
        path: '/archive/2023/',
        count: 1,
        months: [{ year: 2023, month: 12, path: '/archive/2023/12/', articles: [dec] }],
      },
    ]);
  });

  it('files an article by the calendar date it was published on, as its URL does', () => {
    // 1 May in Almaty, still 30 April in UTC.
    const early = article('/2024/05/01/early/', '2024-05-01T02:00:00+05:00');
    // 30 April in New York, already 1 May in UTC.
    const late = article('/2024/04/30/late/', '2024-04-30T22:00:00-04:00');
    const [year] = archive([early, late]);
    expect(year?.months.map((m) => [m.month, m.articles])).toEqual([
      [5, [early]],
      [4, [late]],
    ]);
  });

  it('is empty without articles', () => {
    expect(archive([])).toEqual([]);
  });
});

describe('monthName', () => {
  it.each([
    [1, false, 'January'],
    [5, false, 'May'],
    [12, true, 'December 2024'],
  ])('month %i (with the year: %s) is %s', (month, withYear, name) => {
    expect(monthName({ year: 2024, month }, 'en-GB', withYear)).toBe(name);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildTime,
  calendarDate,
  displayDate,
  isPast,
  newestFirst,
  parseZonedDateTime,
  zoned,
} from '../../../src/lib/dates.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('parseZonedDateTime accepts', () => {
  it.each([
    // text, year, month, day, offset minutes
    ['2022-01-06T09:30:00Z', 2022, 1, 6, 0],
    ['2022-01-06T09:30:00+05:00', 2022, 1, 6, 300],
    ['2022-01-06T00:30:00+05:00', 2022, 1, 6, 300], // Jan 5 in UTC
    ['2022-01-06T23:30:00-03:30', 2022, 1, 6, -210], // Jan 7 in UTC
    ['2022-01-06T09:30Z', 2022, 1, 6, 0], // no seconds
    ['2022-01-06T09:30:15.5+01:00', 2022, 1, 6, 60],
    ['2022-01-06T09:30:15.123+01:00', 2022, 1, 6, 60],
    ['2022-01-06T09:30:15.1239Z', 2022, 1, 6, 0], // more digits than milliseconds
    ['2022-01-31T23:59:59.9999Z', 2022, 1, 31, 0], // the last instant of a month
    ['2024-02-29T12:00:00Z', 2024, 2, 29, 0], // leap day
    ['2022-01-06T12:00:00+14:00', 2022, 1, 6, 840],
    ['2022-01-06T12:00:00-14:00', 2022, 1, 6, -840],
  ])('%s', (text, year, month, day, offsetMinutes) => {
    expect(parseZonedDateTime(text)).toEqual({
      ok: true,
      value: { text, epochMs: Date.parse(text), year, month, day, offsetMinutes },
    });
  });
});

describe('parseZonedDateTime rejects', () => {
  it.each([
    ['2022-01-06', /no time and time zone/],
    ['2022-01-06T09:30:00', /no time zone/],
    ['2022-01-06T09:30', /no time zone/],
    ['2022-02-30T09:30:00Z', /not a real date/],
    ['2023-02-29T09:30:00Z', /not a real date/],
    ['2022-13-01T09:30:00Z', /not a real date/],
    ['2022-01-06T24:00:00Z', /not a real date and time/],
    ['2022-01-06T09:60:00Z', /not a real date and time/],
    ['2022-01-06T09:30:60Z', /not a real date and time/],
    ['2022-01-06T09:30:00+14:30', /offset outside -14:00 to \+14:00/],
    ['2022-01-06T09:30:00-15:00', /offset outside -14:00 to \+14:00/],
    ['2022-01-06T09:30:00+05:60', /offset outside/],
    ['', /not an ISO 8601 date-time/],
    ['yesterday', /not an ISO 8601 date-time/],
    ['6 January 2022', /not an ISO 8601 date-time/],
    ['2022-01-06 09:30:00Z', /not an ISO 8601 date-time/],
    ['2022-01-06T09:30:00+0500', /not an ISO 8601 date-time/],
    ['2022-1-6T09:30:00Z', /not an ISO 8601 date-time/],
  ])('%j', (text, reason) => {
    const result = parseZonedDateTime(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    expect(result.reason).toContain(`"${text}"`);
  });
});

describe('zoned', () => {
  it('returns the parsed value', () => {
    expect(zoned('2022-01-06T09:30:00+05:00')).toMatchObject({ day: 6, offsetMinutes: 300 });
  });

  it('throws the reason for an invalid value', () => {
    expect(() => zoned('2022-01-06')).toThrow(/"2022-01-06" has no time and time zone/);
  });
});

describe('calendarDate and displayDate use the date in its own offset', () => {
  it.each([
    ['2022-01-06T09:30:00Z', '2022-01-06', '6 January 2022'],
    ['2022-01-06T00:30:00+05:00', '2022-01-06', '6 January 2022'],
    ['2022-01-06T23:30:00-08:00', '2022-01-06', '6 January 2022'],
    ['2021-12-31T23:59:59+14:00', '2021-12-31', '31 December 2021'],
    ['2024-02-29T00:00:00Z', '2024-02-29', '29 February 2024'],
  ])('%s is %s, "%s"', (text, iso, display) => {
    expect(calendarDate(zoned(text))).toBe(iso);
    expect(displayDate(zoned(text), 'en-GB')).toBe(display);
  });
});

describe('isPast', () => {
  const date = zoned('2022-01-06T09:30:00+05:00'); // 04:30 UTC
  it.each([
    ['2022-01-06T04:29:59.999Z', false],
    ['2022-01-06T04:30:00.000Z', true],
    ['2022-01-06T04:30:00.001Z', true],
    ['2023-01-01T00:00:00.000Z', true],
  ])('at %s: %s', (now, expected) => {
    expect(isPast(date, new Date(now))).toBe(expected);
  });
});

describe('newestFirst', () => {
  interface Item {
    key: string;
    at: string;
  }
  const items: Item[] = [
    { key: 'old', at: '2022-01-05T12:00:00Z' },
    { key: 'b-tie', at: '2022-01-06T15:00:00+05:00' }, // 10:00 UTC
    { key: 'a-tie', at: '2022-01-06T10:00:00Z' },
    { key: 'west', at: '2022-01-05T23:00:00-12:00' }, // Jan 6 11:00 UTC: newer, though dated Jan 5
    { key: 'newest', at: '2022-01-07T09:00:00Z' },
  ];
  const expected = ['newest', 'west', 'a-tie', 'b-tie', 'old'];
  const order = (list: readonly Item[]) =>
    newestFirst(
      list,
      (item) => zoned(item.at),
      (item) => item.key,
    ).map((item) => item.key);
  const permutations = (list: readonly Item[]): Item[][] =>
    list.length <= 1
      ? [[...list]]
      : list.flatMap((item, i) => permutations(list.toSpliced(i, 1)).map((rest) => [item, ...rest]));

  it('sorts newest first, ties by key, whatever the input order', () => {
    const orders = permutations(items);
    expect(orders).toHaveLength(120);
    for (const list of orders) expect(order(list)).toEqual(expected);
  });

  it('does not reorder its input', () => {
    const list = [...items];
    order(list);
    expect(list).toEqual(items);
  });
});

describe('buildTime', () => {
  it.each([
    ['2022-01-06T09:30:00+05:00', '2022-01-06T04:30:00.000Z'],
    ['2022-01-06T00:00:00Z', '2022-01-06T00:00:00.000Z'],
  ])('pins "now" to %s', (value, iso) => {
    expect(buildTime(value).toISOString()).toBe(iso);
    vi.stubEnv('BROADSHEET_NOW', value);
    expect(buildTime().toISOString()).toBe(iso);
  });

  it.each([undefined, ''])('is the current time when BROADSHEET_NOW is %j', (value) => {
    vi.stubEnv('BROADSHEET_NOW', value);
    const before = Date.now();
    const now = buildTime().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it.each(['2022-01-06', 'tomorrow', '2022-01-06T09:30:00'])('rejects BROADSHEET_NOW=%j by name', (value) => {
    expect(() => buildTime(value)).toThrow(/^BROADSHEET_NOW: .*"/);
    vi.stubEnv('BROADSHEET_NOW', value);
    expect(() => buildTime()).toThrow(`BROADSHEET_NOW: "${value}"`);
  });
});

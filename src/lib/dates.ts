/**
 * Dates as editors write them: ISO 8601 date-times with an explicit time zone
 * offset, such as `2022-01-06T09:30:00+05:00`. The offset is kept, because an
 * article's calendar date (in its URL and its dateline) is the date where it was
 * published, not the date in UTC.
 */
import { cached } from './intl-cache.ts';

/** A validated date-time with its original offset. */
export interface ZonedDateTime {
  /** The text as written, e.g. `2022-01-06T09:30:00+05:00`. */
  readonly text: string;
  /** The instant, in milliseconds since the Unix epoch. */
  readonly epochMs: number;
  /** Calendar date in the written offset. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Offset from UTC in minutes (east is positive). */
  readonly offsetMinutes: number;
}

export type ParseResult = { ok: true; value: ZonedDateTime } | { ok: false; reason: string };

const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An example that editors can copy, used in error messages. */
export const ZONED_EXAMPLE = '2022-01-06T09:30:00+05:00';

/** Parses an ISO 8601 date-time that must carry a time zone (`Z` or `±hh:mm`). */
export function parseZonedDateTime(text: string): ParseResult {
  const m = ZONED.exec(text);
  if (!m) {
    const reason = /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? `"${text}" has no time and time zone; write a date-time such as "${ZONED_EXAMPLE}"`
      : /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)
        ? `"${text}" has no time zone; add "Z" or an offset such as "+05:00"`
        : `"${text}" is not an ISO 8601 date-time with a time zone, such as "${ZONED_EXAMPLE}"`;
    return { ok: false, reason };
  }
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // Whole milliseconds, truncated as Date.parse does: rounding could carry into the next day.
  const ms = Number(frac.slice(1, 4).padEnd(3, '0'));
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const local = new Date(localMs);
  const calendarOk =
    local.getUTCFullYear() === year && local.getUTCMonth() === month - 1 && local.getUTCDate() === day;
  if (!calendarOk || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `"${text}" is not a real date and time` };
  }
  if (Math.abs(offsetMinutes) > 14 * 60 || Number(zone.slice(4, 6)) > 59) {
    return { ok: false, reason: `"${text}" has a time zone offset outside -14:00 to +14:00` };
  }
  return {
    ok: true,
    value: { text, epochMs: localMs - offsetMinutes * 60_000, year, month, day, offsetMinutes },
  };
}

/** Like {@link parseZonedDateTime}, for values already validated by the content schema. */
export function zoned(text: string): ZonedDateTime {
  const result = parseZonedDateTime(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** The calendar date, `YYYY-MM-DD`, in the date-time's own offset. */
export function calendarDate(date: ZonedDateTime): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The date for readers, e.g. "6 January 2022", in the date-time's own calendar date. */
export function displayDate(date: ZonedDateTime, locale: string): string {
  return cached(
    longDates,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(Date.UTC(date.year, date.month - 1, date.day));
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/** Has the moment passed? Articles dated in the future are scheduled, not published. */
export const isPast = (date: ZonedDateTime, now: Date): boolean => date.epochMs <= now.getTime();

/** Newest first; ties broken by the given key so that the order never depends on input order. */
export function newestFirst<T>(
  items: readonly T[],
  date: (item: T) => ZonedDateTime,
  key: (item: T) => string,
): T[] {
  return [...items].sort((a, b) => date(b).epochMs - date(a).epochMs || key(a).localeCompare(key(b), 'en'));
}

/**
 * The build's idea of "now", which decides what is scheduled. `BROADSHEET_NOW`
 * (an ISO date-time) pins it, for tests and for reproducing a past build.
 */
export function buildTime(value: string | undefined = process.env.BROADSHEET_NOW): Date {
  if (!value) return new Date();
  const result = parseZonedDateTime(value);
  if (!result.ok) throw new Error(`BROADSHEET_NOW: ${result.reason}.`);
  return new Date(result.value.epochMs);
}

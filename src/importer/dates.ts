/**
 * Dates as raw articles print them: "6 January 2022", "January 6, 2022",
 * "Thursday, 6 January 2022" or "2022-01-06". Only real calendar dates pass.
 */
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, 'iu');
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'iu');
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const monthNumber = (name: string) =>
  MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', ''))) + 1;

/** The date a line gives, as YYYY-MM-DD, or undefined when the line is not a date. */
export function parseDateLine(line: string): string | undefined {
  const text = line.trim();
  let match = ISO.exec(text);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_FIRST.exec(text);
  if (match) return calendarDate(Number(match[3]), monthNumber(match[2] ?? ''), Number(match[1]));
  match = MONTH_FIRST.exec(text);
  if (match) return calendarDate(Number(match[3]), monthNumber(match[1] ?? ''), Number(match[2]));
  return undefined;
}

/**
 * "yesterday, January 5": a clue to when the text was written, for the editor
 * to weigh. Never used as a date by itself: the year is not given.
 */
export function findRelativeDateClue(text: string): string | undefined {
  const pattern = new RegExp(
    `\\b(?:yesterday|today|tomorrow|last night),?\\s+(?:\\(?${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})`,
    'iu',
  );
  return pattern.exec(text)?.[0];
}

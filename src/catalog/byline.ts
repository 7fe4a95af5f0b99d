/** Bylines: names joined as a reader expects ("A, B and C"), each linked to its page. */
import { cached } from '../lib/intl-cache.ts';

const lists = new Map<string, Intl.ListFormat>();
const listFormat = (locale: string) =>
  cached(lists, locale, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));

export interface Person {
  name: string;
  href: string;
}

/** A piece of a byline: a linked name, or the text between names. */
export type BylinePart = { person: Person } | { text: string };

/** Splits a list of people into linked names and the locale's separators. */
export function bylineParts(people: readonly Person[], locale: string): BylinePart[] {
  const format = listFormat(locale);
  // Format indices rather than names, so that a name containing a separator stays whole.
  return format.formatToParts(people.map((_, i) => String(i))).map((part) => {
    const person = part.type === 'element' ? people[Number(part.value)] : undefined;
    return person ? { person } : { text: part.value };
  });
}

/** The names as plain text, e.g. "Irina Alksnis and Anna Smith". */
export const bylineText = (names: readonly string[], locale: string): string =>
  listFormat(locale).format(names);

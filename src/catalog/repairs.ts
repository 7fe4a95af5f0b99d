/**
 * The repair record: what the importer changed of the text as its publisher
 * printed it (src/importer/repair-record.ts writes it into the front matter),
 * its schema, and the note that tells readers about it. Pure Zod and strings,
 * so it is unit-tested without Astro.
 */
import { z } from 'astro/zod';
import { strictObject } from './fields.ts';

/** One change: the text as the publisher printed it and as this site shows it. */
export interface Change {
  published: string;
  shown: string;
}

export interface RepairRecord {
  /** Words broken at a line end in print and rejoined ("collea-gues" → "colleagues"). */
  words: Change[];
  /** Stray spaces removed, with a few words around them. */
  spacing: Change[];
  /** Quotation marks set right, with a few words around them. */
  quotes: Change[];
  /** Lines of the publisher's page after the text ("About the author"), left out. */
  trailer: string[];
}

export const REPAIR_KINDS = ['words', 'spacing', 'quotes'] as const;

/** Verbatim text: not trimmed, since a space may be the very thing that changed. */
const verbatim = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is required: give ${what}` : `must be text giving ${what}`,
    })
    .min(1, { error: `must not be empty: give ${what}` });

const change = strictObject({
  /** The text as published, damage and all. */
  published: verbatim('the text as published'),
  /** The text as this site shows it. */
  shown: verbatim('the text as shown'),
}).superRefine((data, ctx) => {
  if (data.published === data.shown)
    ctx.addIssue({
      code: 'custom',
      path: ['shown'],
      message: `is the same as published ("${data.shown}"): a record lists only what changed`,
    });
});

const changes = (what: string) =>
  z.array(change, { error: `must be a list of ${what}, each { published: …, shown: … }` }).default([]);

/** The schema of the `repairs` front-matter field. */
export const repairRecord = strictObject({
  words: changes('rejoined words'),
  spacing: changes('spacing repairs'),
  quotes: changes('quotation-mark repairs'),
  trailer: z
    .array(verbatim('a line left out after the text'), {
      error: 'must be a list of the lines left out after the text',
    })
    .default([]),
});

const count = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** The record in a phrase, from its counts, only the kinds present: "15 words rejoined and 1 space removed". */
export function repairSummary(record: RepairRecord, language: string): string | undefined {
  const parts = [
    record.words.length && count(record.words.length, 'word rejoined', 'words rejoined'),
    record.spacing.length && count(record.spacing.length, 'space removed', 'spaces removed'),
    record.quotes.length &&
      count(record.quotes.length, 'quotation mark corrected', 'quotation marks corrected'),
    record.trailer.length &&
      count(record.trailer.length, 'line after the text left out', 'lines after the text left out'),
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return undefined;
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
}

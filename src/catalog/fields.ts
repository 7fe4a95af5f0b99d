/**
 * Field validators for the content schemas, with messages that tell an editor
 * how to fix the file. Pure Zod, so they are unit-tested without Astro.
 */
import { z } from 'astro/zod';
import { parseZonedDateTime, ZONED_EXAMPLE } from '../lib/dates.ts';

/** How an editor would name the kind of value they wrote. */
function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'string') return `text ("${value}")`;
  return typeof value === 'object' ? 'a set of fields' : `a ${typeof value} (${JSON.stringify(value)})`;
}

/** Message for a missing or mistyped value: says what the field needs. */
const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `is required: give ${what}` : `must be ${what}, not ${kindOf(issue.input)}`;

/**
 * An object whose unknown fields are errors, each reported under its own name
 * with the list of fields that are allowed (so a typo is easy to spot).
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z
    .looseObject(shape)
    .superRefine(
      (data, ctx) => {
        for (const key of Object.keys(data)) {
          if (!known.includes(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `is not a known field; the fields are: ${known.join(', ')}`,
            });
          }
        }
      },
      // Report unknown fields even when other fields are wrong too.
      { when: () => true },
    )
    .transform((data) => data as z.output<z.ZodObject<Shape>>);
}

/** Non-empty text on one line, such as a headline or a name. */
export const text = (what: string) =>
  z
    .string({ error: expected(`text giving ${what}`) })
    .trim()
    .min(1, { error: `must not be empty: give ${what}` });

/** Lowercase ASCII words joined by single hyphens; it becomes part of a URL. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = (what: string) =>
  z.string({ error: expected(what) }).regex(SLUG_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid slug: use lowercase a-z, 0-9 and single hyphens, e.g. "csto-undergoes-baptism-of-fire-in-kazakhstan"`,
  });

/**
 * An ISO 8601 date-time with a time zone, kept as the text the editor wrote.
 * YAML turns an unquoted date-time into a Date and loses its offset, so it must be quoted.
 */
export const zonedDateTime = (what: string) =>
  z
    .union([z.string(), z.date()], {
      error: expected(`${what} as a quoted date-time with a time zone, e.g. "${ZONED_EXAMPLE}"`),
    })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        ctx.addIssue({
          code: 'custom',
          message: `must be in quotes, e.g. "${ZONED_EXAMPLE}": unquoted, YAML reads it as a date and drops its time zone`,
        });
        return z.NEVER;
      }
      const parsed = parseZonedDateTime(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason });
        return z.NEVER;
      }
      return value;
    });

/** An absolute http(s) URL. */
export const webUrl = (what: string) =>
  z.string({ error: expected(what) }).refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length > 0;
      } catch {
        return false;
      }
    },
    { error: (issue) => `"${String(issue.input)}" is not an absolute http(s) URL: give ${what}` },
  );

/** A well-formed BCP 47 language tag such as `en`, `en-GB` or `ru`. */
export const languageTag = z.string({ error: expected('a BCP 47 language tag such as "en" or "ru"') }).refine(
  (value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: (issue) => `"${String(issue.input)}" is not a BCP 47 language tag such as "en", "en-GB" or "ru"` },
);

/** An earlier address of an article: a bare slug, or a site path starting and ending with "/". */
export const alias = z
  .string({ error: expected('an earlier slug or site path') })
  .refine((value) => SLUG_PATTERN.test(value) || /^\/(?:[\w~.%-]+\/)+$/.test(value), {
    error: (issue) =>
      `"${String(issue.input)}" is neither a slug nor a site path such as "/2022/01/06/old-slug/"`,
  });

/** The article formats Broadsheet lays out, and the label each shows readers. */
export const FORMATS = { news: 'News', opinion: 'Opinion', analysis: 'Analysis' } as const;
export type Format = keyof typeof FORMATS;
export const format = z.enum(Object.keys(FORMATS) as [Format, ...Format[]], {
  error: (issue) =>
    `${issue.input === undefined ? 'is required' : `${JSON.stringify(issue.input)} is not a format`}: use one of ${Object.keys(FORMATS).join(', ')}`,
});

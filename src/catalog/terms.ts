/**
 * What a republisher owes each source: its terms as data (licence, required
 * credit, edits, canonical), how search engines are asked to index the copies
 * (`indexing`), and the checks that a page can honour them. Pure Zod and plain
 * functions, unit-tested without Astro. docs/features.md#republication-policy
 * says why the default is `news-noindex`.
 */
import { z } from 'astro/zod';
import { strictObject, text, webUrl } from './fields.ts';

/**
 * How search engines are asked to treat a republished article:
 * - `index`: no indexing tag; the article may go to the Google News sitemap;
 * - `news-noindex`: `<meta name="googlebot-news" content="noindex">`, left out of the
 *   news sitemap, still in Search (Google News' advice for syndicated copies);
 * - `noindex-google`: `googlebot-news` and `googlebot` noindex: out of Google News and Search.
 * Never a general `robots` noindex, which would drop every other search engine too.
 */
export const INDEXING = ['index', 'news-noindex', 'noindex-google'] as const;
export type Indexing = (typeof INDEXING)[number];
export const DEFAULT_INDEXING: Indexing = 'news-noindex';

export const indexing = z.enum(INDEXING, {
  error: (issue) =>
    `${issue.input === undefined ? 'is required' : `${JSON.stringify(issue.input)} is not an indexing policy`}: use one of ${INDEXING.join(', ')} (the default is ${DEFAULT_INDEXING})`,
});

/** A calendar date, "2024-05-01"; YAML reads it unquoted as a Date, which is as good here. */
const calendarDate = (what: string) =>
  z
    .union([z.string(), z.date()], { error: `must be ${what} as a date, e.g. "2024-05-01"` })
    .transform((value, ctx) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (!/^\d{4}-\d{2}-\d{2}$/u.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
        ctx.addIssue({
          code: 'custom',
          message: `"${text}" is not a date such as "2024-05-01": give ${what}`,
        });
        return z.NEVER;
      }
      return text;
    });

/** A licence by name and address (e.g. a Creative Commons licence). */
const namedLicence = strictObject({
  /** The licence's name as its publisher gives it, e.g. "CC BY 4.0". */
  name: text('the licence’s name'),
  /** Where the licence is published. */
  url: webUrl('the licence’s address'),
});

/** Permission given by the publisher, and when. */
const permission = strictObject({
  /** The date the publisher gave permission. */
  byPermission: calendarDate('the date the publisher gave permission'),
});

export type Licence = z.output<typeof namedLicence> | z.output<typeof permission>;

/** `{ name, url }` or `{ byPermission: date }`: which one is told by the fields given. */
const licence = z.unknown().transform((value, ctx): Licence => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `${value === undefined ? 'is required' : 'is malformed'}: give a licence ({ name, url }) or a permission ({ byPermission: "2024-05-01" })`,
    });
    return z.NEVER;
  }
  const parsed = ('byPermission' in value ? permission : namedLicence).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/** Where the required credit must link. */
export const LINK_BACK = ['original', 'home'] as const;
export type LinkBack = (typeof LINK_BACK)[number];

const credit = strictObject({
  /** The words the publisher requires on the page, exactly. */
  wording: text('the credit’s wording, as the publisher requires it').optional(),
  /** A link the publisher requires: to the original article, or to its home page. */
  linkBack: z
    .enum(LINK_BACK, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not a link-back: use "original" (the article at the publisher) or "home" (the publisher’s home page)`,
    })
    .optional(),
});

/** Whether the text may be edited beyond repairing print-layout damage. */
export const EDITS = ['layout-repair-only', 'allowed'] as const;

/** A source's terms, as its licence or agreement states them. */
export const knownTerms = strictObject({
  licence,
  /** The credit the publisher requires on every republished article; none when not given. */
  credit: credit.default({}),
  /** Whether edits beyond print-layout repair are allowed. */
  edits: z.enum(EDITS, {
    error: (issue) =>
      `${issue.input === undefined ? 'is required' : `${JSON.stringify(issue.input)} is not allowed`}: use ${EDITS.join(' or ')}`,
  }),
  /**
   * `original` when the terms require a canonical link to the publisher's copy; without it an
   * article may not have a cross-domain canonical.
   */
  canonical: z
    .literal('original', {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not allowed: write canonical: original only when the terms require a canonical link to the original, else leave it out`,
    })
    .optional(),
  /** Who holds the copyright, as the terms name them. */
  copyrightHolder: text('who holds the copyright').optional(),
});
export type KnownTerms = z.output<typeof knownTerms>;

/** `unknown` when nothing is known of the terms (say so in a comment too); the defaults apply. */
export const UNKNOWN_TERMS = 'unknown';
export type Terms = KnownTerms | typeof UNKNOWN_TERMS;

/**
 * `unknown`, or the terms in full; an object's own issues are passed on with their
 * paths, so the message names the field that is wrong (a union would only say neither fits).
 */
export const terms = z
  .unknown()
  .transform((value, ctx): Terms => {
    if (value === undefined || value === UNKNOWN_TERMS) return UNKNOWN_TERMS;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be "${UNKNOWN_TERMS}" or the terms (licence, credit, edits, canonical, copyrightHolder), not ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    const parsed = knownTerms.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  })
  .default(UNKNOWN_TERMS);

/** A fediverse handle, "@user@server", as Mastodon's `fediverse:creator` wants it. */
const HANDLE = /^@([A-Za-z0-9_][A-Za-z0-9_.-]*)@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})$/u;
export const fediverseHandle = z
  .string({ error: 'must be a fediverse handle such as "@ann@mastodon.social"' })
  .refine((value) => HANDLE.test(value), {
    error: (issue) =>
      `"${String(issue.input)}" is not a fediverse handle: write "@user@server", e.g. "@ann@mastodon.social" (the server in lower case, without https://)`,
  });

/** The indexing policy of an article: its own, else its source's, else the default. */
export const effectiveIndexing = (article: Indexing | undefined, source: Indexing | undefined): Indexing =>
  article ?? source ?? DEFAULT_INDEXING;

/** One thing a page must show for its source's credit: text, or a link. */
export interface CreditElement {
  /** Where it is required: the source file's field. */
  field: string;
  /** Text the page must contain. */
  text?: string;
  /** An address the page must link to. */
  href?: string;
}

/** What a page must show to honour its source's terms: none when the terms are unknown. */
export function requiredCredit(
  source: { url: string; terms: Terms },
  originalUrl: string | undefined,
): CreditElement[] {
  if (source.terms === UNKNOWN_TERMS) return [];
  const { credit, licence: given } = source.terms;
  const elements: CreditElement[] = [];
  if (credit.wording !== undefined) elements.push({ field: 'terms.credit.wording', text: credit.wording });
  if (credit.linkBack === 'home') elements.push({ field: 'terms.credit.linkBack', href: source.url });
  if (credit.linkBack === 'original' && originalUrl !== undefined)
    elements.push({ field: 'terms.credit.linkBack', href: originalUrl });
  if ('url' in given) elements.push({ field: 'terms.licence', href: given.url });
  return elements;
}

/** What an article needs of the catalogue to be checked against its source's terms. */
export interface TermsFacts {
  /** The article's file, relative to the project root. */
  file: string;
  originalUrl?: string | undefined;
  canonicalUrl?: string | undefined;
  source: { file: string; terms: Terms };
}

/** Every way an article's data cannot honour its source's terms, each naming files and fields. */
export function termsProblems({ file, originalUrl, canonicalUrl, source }: TermsFacts): string[] {
  const problems: string[] = [];
  const known = source.terms === UNKNOWN_TERMS ? undefined : source.terms;
  if (known?.credit.linkBack === 'original' && originalUrl === undefined) {
    problems.push(
      `${file}: originalUrl is required: ${source.file} terms.credit.linkBack requires a link to the original article. Give its address at the publisher.`,
    );
  }
  if (canonicalUrl !== undefined && known?.canonical !== 'original') {
    problems.push(
      `${file}: canonicalUrl is not allowed: ${source.file} terms do not require a canonical link to the original (terms.canonical: original). A republished copy is kept out of Google News by indexing instead; remove canonicalUrl.`,
    );
  }
  if (known?.canonical === 'original' && canonicalUrl === undefined && originalUrl === undefined) {
    problems.push(
      `${file}: originalUrl is required: ${source.file} terms.canonical requires a canonical link to the original article.`,
    );
  }
  return problems;
}

/** The cross-domain canonical the terms require, if any: the article's own override, else the original. */
export function requiredCanonical(
  terms: Terms,
  originalUrl: string | undefined,
  canonicalUrl: string | undefined,
): string | undefined {
  if (terms === UNKNOWN_TERMS || terms.canonical !== 'original') return undefined;
  return canonicalUrl ?? originalUrl;
}

/**
 * One import, planned without touching the disk: the input's bytes in, the
 * files to write and the report out. The CLI (scripts/import.ts) decides
 * whether the files may be written.
 */
import { basename, extname } from 'node:path';
import slugify from '@sindresorhus/slugify';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { calendarDate, parseZonedDateTime, zoned } from '../lib/dates.ts';
import { FORMATS, SLUG_PATTERN } from '../catalog/fields.ts';
import { site } from '../site.ts';
import { findRelativeDateClue, parseDateLine } from './dates.ts';
import { parseDecisions } from './decisions.ts';
import { ImportError } from './errors.ts';
import { frontMatter, type Field } from './front-matter.ts';
import type { HyphenDecision, Lexicon } from './hyphens.ts';
import { parseHtml, type GivenFacts } from './html.ts';
import { isEnglish } from './language.ts';
import type { ParsedArticle } from './parsed.ts';
import { parseRawText } from './raw-text.ts';
import { repairArticle } from './repair.ts';
import { recordField, repairRecordOf } from './repair-record.ts';
import type { Repair } from './typography.ts';

/** What the editor may say about an article that its source does not. */
export interface ImportOptions {
  /** YYYY-MM-DD or an ISO date-time with a time zone. */
  published?: string;
  format?: string;
  topics?: string[];
  originalUrl?: string;
  /** The publisher's home page, for a new source entry. */
  sourceUrl?: string;
  language?: string;
  slug?: string;
  dek?: string;
  /** The publisher's name, when the page does not give it (or gives it wrongly). */
  sourceName?: string;
  /** The authors' names, when the page does not give them. */
  authors?: string[];
  /** The editor's hyphen decisions file for this input, when there is one (decisions.ts). */
  decisions?: { file: string; text: string };
}

export interface PlannedFile {
  /** Path relative to the content directory, e.g. "articles/2022-01-06-slug.md". */
  path: string;
  kind: 'article' | 'author' | 'source';
  content: string;
}

export interface ImportReport {
  file: string;
  kind: 'text' | 'html';
  title: string;
  slug: string;
  published: string;
  authors: string[];
  source: string;
  /** Every hyphenated token, with the decision and its reason. */
  hyphens: HyphenDecision[];
  /** Spacing and quotation-mark repairs, and what was left as published. */
  repairs: Repair[];
  /** Facts that were inferred or given by the editor, not by the source. */
  inferred: string[];
  /** Lines dropped after the body. */
  dropped: string[];
  /** How many decisions an editor should check. */
  review: number;
  /** What the importer left alone and why (a language it cannot repair). */
  notes: string[];
}

export interface ImportPlan {
  files: PlannedFile[];
  report: ImportReport;
}

/** What the plan needs to know of the content directory. */
export interface ContentState {
  has(path: string): boolean;
}

const HTML = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/iu;

/** Decodes the input, refusing binary files, other encodings and empty files. */
export function decodeInput(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0))
    throw new ImportError(file, 'file', 'is binary, not text; give a .txt or .html file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(file, 'file', 'is not valid UTF-8 text; save it as UTF-8 and try again');
  }
  if (text.trim() === '') throw new ImportError(file, 'file', 'is empty');
  return text;
}

export function parseInput(
  text: string,
  file: string,
  given: GivenFacts = {},
): { kind: 'text' | 'html'; parsed: ParsedArticle } {
  const html =
    ['.html', '.htm'].includes(extname(file).toLowerCase()) || HTML.test(text.replace(/^\uFEFF/u, ''));
  return html
    ? { kind: 'html', parsed: parseHtml(text, file, given) }
    : { kind: 'text', parsed: parseRawText(text, file) };
}

const MIDNIGHT = 'T00:00:00Z';

function resolvePublished(parsed: ParsedArticle, options: ImportOptions, file: string, bodyText: string) {
  const given = options.published ?? parsed.date;
  const clue = findRelativeDateClue(bodyText);
  if (given === undefined) {
    const hint = clue ? ` (the text says “${clue}”)` : '';
    throw new ImportError(file, 'published', `the source gives no date${hint}; pass --published YYYY-MM-DD`);
  }
  const comment: string[] = [];
  if (options.published !== undefined) {
    comment.push(
      parsed.date === undefined
        ? 'Given by the editor: the source carries no date.'
        : `Given by the editor; the source gives ${parsed.date}.`,
    );
    if (parsed.date === undefined && clue) comment.push(`The text says “${clue}”.`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/u.test(given)) {
    const day = parseDateLine(given);
    if (day === undefined)
      throw new ImportError(file, 'published', `"${given}" is not a date in the calendar`);
    comment.push('The time of day is not given; midnight UTC stands in for it, so only the date is shown.');
    return { value: `${day}${MIDNIGHT}`, comment };
  }
  const result = parseZonedDateTime(given);
  if (!result.ok) throw new ImportError(file, 'published', result.reason);
  return { value: given, comment };
}

function webUrl(value: string, file: string, field: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // reported below
  }
  throw new ImportError(file, field, `"${value}" is not an http(s) address`);
}

function checkSlug(value: string, file: string, what: string): string {
  if (!SLUG_PATTERN.test(value)) {
    throw new ImportError(
      file,
      'slug',
      `${what} gives "${value}", which is not a slug of a-z, 0-9 and hyphens; pass --slug`,
    );
  }
  return value;
}

/** The first sentence of the body, for a dek when the source gives none. */
export function firstSentence(text: string, language: string): string {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const first = segmenter.segment(text)[Symbol.iterator]().next();
  return first.done ? text : first.value.segment.trim();
}

const stringifyBody = (body: Root) =>
  unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' })
    .stringify(body);

const PROVENANCE = (file: string) => [
  `Imported from ${basename(file)} by \`npm run import\`. The text is the source’s,`,
  'word for word; only print-layout damage is repaired (see the README, “Importing articles”).',
];

/** Plans the import of one file. Throws an ImportError for bad input. */
export function planImport(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
  lexicon: Lexicon,
  content: ContentState,
): ImportPlan {
  const given: GivenFacts = {
    ...(options.sourceName !== undefined && { publisher: options.sourceName }),
    ...(options.authors !== undefined && { authors: options.authors }),
  };
  const { kind, parsed } = parseInput(decodeInput(bytes, file), file, given);
  if (given.publisher !== undefined) parsed.publisher = given.publisher;
  if (given.authors !== undefined) parsed.authors = given.authors;
  const overrides = options.decisions && {
    file: options.decisions.file,
    decisions: parseDecisions(options.decisions.text, options.decisions.file),
  };
  // English, not the site's language: the repairs (hyphens.ts' lexicon) read English text.
  const language = options.language ?? parsed.language ?? 'en';
  try {
    Intl.getCanonicalLocales(language);
  } catch {
    throw new ImportError(
      file,
      'language',
      `"${language}" is not a BCP 47 language tag such as "en" or "en-GB"`,
    );
  }
  const notes: string[] = [];
  // The repairs know English only: in another language a hyphen or a quotation mark
  // is left as published ("Abonnez-vous" stays), since nothing can prove it damage.
  const { title, report: repairs } = isEnglish(language)
    ? repairArticle(parsed.title, parsed.body, lexicon, overrides)
    : { title: parsed.title, report: { hyphens: [], repairs: [] } };
  if (overrides) {
    const found = new Set(repairs.hyphens.map((decision) => decision.token));
    for (const token of overrides.decisions.keys())
      if (!found.has(token))
        throw new ImportError(
          overrides.file,
          `decisions: “${token}”`,
          `does not occur in ${basename(file)}; write the token as the report shows it`,
        );
  }
  if (!isEnglish(language))
    notes.push(
      `language ${language}: no repairs; the importer reads only English, so every hyphen, space and quotation mark is kept as published`,
    );
  const body = stringifyBody(parsed.body);
  const firstParagraph = parsed.body.children.find((node) => node.type === 'paragraph');

  const format = options.format ?? 'news';
  if (!Object.hasOwn(FORMATS, format))
    throw new ImportError(
      file,
      'format',
      `"${format}" is not a format: use one of ${Object.keys(FORMATS).join(', ')}`,
    );
  const slug = checkSlug(
    options.slug ?? slugify(title, { decamelize: false }),
    file,
    options.slug !== undefined ? '--slug' : 'the headline',
  );
  const published = resolvePublished(parsed, options, file, toString(parsed.body));
  const givenUrl = options.originalUrl ?? parsed.originalUrl;
  const originalUrl = givenUrl === undefined ? undefined : webUrl(givenUrl, file, 'originalUrl');
  const inferred: string[] = [];
  if (given.publisher !== undefined)
    inferred.push(`source: ${given.publisher}, given by the editor (--source-name)`);
  if (given.authors !== undefined)
    inferred.push(`authors: ${given.authors.join(', ')}, given by the editor (--author)`);

  let dek = options.dek ?? parsed.dek;
  let dekComment: string[] = [];
  if (options.dek !== undefined)
    dekComment = [`Written by ${site.name}’s editors; the source gives no standfirst.`];
  if (dek === undefined) {
    dek = firstSentence(toString(firstParagraph), language);
    if (dek === '')
      throw new ImportError(file, 'dek', 'the body has no paragraph to take a standfirst from; pass --dek');
    dekComment = ['The article’s own first sentence; the source gives no standfirst.'];
  }
  dek = dek.trim();

  const files: PlannedFile[] = [];
  const sourceSlug = checkSlug(
    slugify(parsed.publisher, { decamelize: false }),
    file,
    'the publisher’s name',
  );
  const organisation = parsed.authors.length === 0;
  const authorNames = organisation ? [parsed.publisher] : parsed.authors;
  const authorSlugs = authorNames.map((name) =>
    checkSlug(slugify(name, { decamelize: false }), file, `the author’s name “${name}”`),
  );
  if (organisation)
    inferred.push(
      `authors: the source names no author, so the publisher, ${parsed.publisher}, is the author`,
    );
  authorNames.forEach((name, i) => {
    const path = `authors/${authorSlugs[i] ?? ''}.yaml`;
    if (content.has(path)) return;
    const comment = organisation
      ? ['The source names no author: the publisher is credited as the author, as an organisation.']
      : ['Only what the source gives: the byline. No biography or profile links are known.'];
    const fields: Field[] = [
      { key: 'name', value: name },
      { key: 'slug', value: authorSlugs[i] ?? '' },
      ...(organisation ? [{ key: 'kind', value: 'organization' }] : []),
    ];
    files.push({ path, kind: 'author', content: yamlDocument(comment, fields) });
  });

  const sourcePath = `sources/${sourceSlug}.yaml`;
  if (!content.has(sourcePath)) {
    let url = options.sourceUrl === undefined ? undefined : webUrl(options.sourceUrl, file, 'sourceUrl');
    const comment: string[] = [];
    if (url === undefined && originalUrl !== undefined) {
      url = new URL('/', originalUrl).href;
      comment.push('Inferred: the home page of the site the original article is on.');
      inferred.push(`source url: ${url}, the home page of the original article's site`);
    }
    if (url === undefined) {
      throw new ImportError(
        file,
        'sourceUrl',
        `${parsed.publisher} is a new source and its home page is unknown; pass --source-url or --original-url`,
      );
    }
    files.push({
      path: sourcePath,
      kind: 'source',
      content: yamlDocument(comment, [
        { key: 'name', value: parsed.publisher },
        { key: 'slug', value: sourceSlug },
        { key: 'url', value: url },
      ]),
    });
  }

  const topics = options.topics ?? [];
  const fields: Field[] = [
    { key: 'title', value: title },
    { key: 'dek', value: dek, comment: dekComment },
    { key: 'slug', value: slug },
    { key: 'published', value: published.value, comment: published.comment, quoted: true },
    ...(parsed.updated !== undefined &&
    parsed.updated !== published.value &&
    parseZonedDateTime(parsed.updated).ok
      ? [{ key: 'updated', value: parsed.updated, quoted: true }]
      : []),
    { key: 'authors', value: authorSlugs },
    { key: 'source', value: sourceSlug },
    ...(originalUrl === undefined ? [] : [{ key: 'originalUrl', value: originalUrl }]),
    {
      key: 'format',
      value: format,
      ...(options.format === undefined && {
        comment: [
          `${site.name}’s default; the source does not say. Change it if the piece is opinion or analysis.`,
        ],
      }),
    },
    {
      key: 'topics',
      value: topics,
      ...(topics.length > 0 && {
        comment: [`Filed by ${site.name}’s editors from what the text is about; the source gives no topics.`],
      }),
    },
    {
      key: 'language',
      value: language,
      ...(options.language === undefined &&
        parsed.language === undefined && { comment: ['Assumed: the importer reads English text.'] }),
    },
  ];
  // A saved page's dropped elements are page furniture, not lines of the text as published.
  const record = recordField(
    repairRecordOf(repairs.hyphens, repairs.repairs, kind === 'text' ? parsed.dropped : []),
  );
  if (record) fields.push(record);
  for (const field of fields)
    if (field.comment?.length && field.key !== 'format')
      inferred.push(`${field.key}: ${field.comment.join(' ')}`);

  const articlePath = `articles/${calendarDate(zoned(published.value))}-${slug}.md`;
  files.unshift({
    path: articlePath,
    kind: 'article',
    content: `${frontMatter(PROVENANCE(file), fields)}\n${body}`,
  });

  const hyphenReview = repairs.hyphens.filter((decision) => decision.review).length;
  const report: ImportReport = {
    file,
    kind,
    title,
    slug,
    published: published.value,
    authors: authorSlugs,
    source: sourceSlug,
    hyphens: repairs.hyphens,
    repairs: repairs.repairs,
    inferred,
    dropped: parsed.dropped,
    review: hyphenReview + repairs.repairs.filter((repair) => repair.review).length,
    notes,
  };
  return { files, report };
}

function yamlDocument(comment: string[], fields: Field[]): string {
  const text = frontMatter(comment, fields);
  // Front matter without its fences is a YAML document.
  return text.replace(/^---\n/u, '').replace(/---\n$/u, '');
}

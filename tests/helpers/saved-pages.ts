/**
 * The saved-page corpus (tests/fixtures/saved-pages, see its README) run through
 * the importer's plan, as `npm run import` runs it, and scored against each
 * page's truth: word-level recall and precision of the article text, whether
 * the byline was found, and whether a page that must be refused was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import slugify from '@sindresorhus/slugify';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { ImportError } from '../../src/importer/errors.ts';
import type { Lexicon } from '../../src/importer/hyphens.ts';
import { planImport, type ImportOptions, type ImportReport } from '../../src/importer/plan.ts';
import { ROOT } from './project.ts';

export const SAVED_PAGES = join(ROOT, 'tests/fixtures/saved-pages');

export interface Truth {
  /** What the page reproduces: json-ld, byline, furniture, live-blog, gallery, shape, language, options, refuse. */
  kind: string;
  title: string | null;
  /** The byline as a reader sees it; empty when the page names nobody. */
  authors: string[];
  /** The article's text, block by block (paragraphs, headings, list items). */
  paragraphs: string[];
  /** For a page that must be refused: a part of the refusal's message. */
  refuse?: string;
  /** What the editor passes on the command line for this page. */
  options?: { sourceName?: string; sourceUrl?: string };
}

export interface Score {
  name: string;
  truth: Truth;
  /** The refusal's message, or undefined when the page was imported. */
  refusal?: string;
  /** An error that is not an ImportError: a crash. */
  crash?: string;
  recall: number;
  precision: number;
  /** Words of the truth, words extracted, words shared. */
  counts: { truth: number; extracted: number; shared: number };
  /** Undefined when the truth names no author. */
  bylineFound?: boolean;
  report?: ImportReport;
  text?: string;
}

export function fixtures(): { name: string; dir: string; truth: Truth }[] {
  return readdirSync(SAVED_PAGES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(SAVED_PAGES, name);
      return { name, dir, truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth };
    });
}

/** Words as a reader compares them: lower case, without the punctuation around them, hyphens kept. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘]/gu, "'")
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

function shared(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1);
  let n = 0;
  for (const word of a) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      n += 1;
      counts.set(word, left - 1);
    }
  }
  return n;
}

/** The body text of a planned article file: its Markdown after the front matter, as plain blocks. */
function bodyText(content: string): string {
  const markdown = content.replace(/^---\n[\s\S]*?\n---\n/u, '');
  const blocks: string[] = [];
  visit(fromMarkdown(markdown), (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      blocks.push(toString(node));
      return 'skip';
    }
    return undefined;
  });
  return blocks.join('\n');
}

export function scorePage(name: string, dir: string, truth: Truth, lexicon: Lexicon): Score {
  const file = join(dir, 'page.html');
  const options: ImportOptions = {
    published: '2024-01-01',
    sourceUrl: truth.options?.sourceUrl ?? 'https://publisher.example/',
    ...(truth.options?.sourceName !== undefined && { sourceName: truth.options.sourceName }),
  };
  const want = words(truth.paragraphs.join('\n'));
  const empty = { recall: 0, precision: 0, counts: { truth: want.length, extracted: 0, shared: 0 } };
  let plan;
  try {
    plan = planImport(file, readFileSync(file), options, lexicon, { has: () => false });
  } catch (error) {
    if (error instanceof ImportError) return { name, truth, refusal: error.message, ...empty };
    return { name, truth, crash: String(error), ...empty };
  }
  const text = bodyText(plan.files[0]?.content ?? '');
  const got = words(text);
  const common = shared(want, got);
  const wantAuthors = truth.authors.map((author) => slugify(author, { decamelize: false }));
  return {
    name,
    truth,
    recall: want.length === 0 ? 1 : common / want.length,
    precision: got.length === 0 ? 0 : common / got.length,
    counts: { truth: want.length, extracted: got.length, shared: common },
    ...(wantAuthors.length > 0 && {
      bylineFound:
        JSON.stringify([...plan.report.authors].sort()) === JSON.stringify([...wantAuthors].sort()),
    }),
    report: plan.report,
    text,
  };
}

/** Recall and precision over all words of a group (micro-averaged), and the share of bylines found. */
export function summarise(scores: Score[]) {
  const imported = scores.filter((score) => score.truth.refuse === undefined);
  const sum = (pick: (score: Score) => number) => imported.reduce((total, score) => total + pick(score), 0);
  const withByline = imported.filter((score) => score.bylineFound !== undefined);
  return {
    pages: scores.length,
    recall:
      sum((s) => s.counts.shared) /
      Math.max(
        1,
        sum((s) => s.counts.truth),
      ),
    precision:
      sum((s) => s.counts.shared) /
      Math.max(
        1,
        sum((s) => s.counts.extracted),
      ),
    bylines: withByline.filter((score) => score.bylineFound).length / Math.max(1, withByline.length),
    bylinePages: withByline.length,
    /** Pages whose truth says "refuse", and how many of them were refused. */
    toRefuse: scores.length - imported.length,
    refused: scores.filter((score) => score.truth.refuse !== undefined && score.refusal !== undefined).length,
  };
}

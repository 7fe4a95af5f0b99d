/**
 * Applies the print-layout repairs to a parsed article: line-break hyphens,
 * spacing and quotation marks, in every text node of the body and in the
 * headline. Everything else is left as it was; apparent mistakes are listed.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { EditorDecisions } from './decisions.ts';
import {
  articleEvidence,
  decideToken,
  editorDecision,
  HYPHENATED,
  type ArticleEvidence,
  type HyphenDecision,
  type Lexicon,
} from './hyphens.ts';
import { findDoubledWords, QuoteRepairer, repairSpacing, type Repair } from './typography.ts';

export interface RepairReport {
  /** Every hyphenated token and what was decided, in reading order. */
  hyphens: HyphenDecision[];
  /** Spacing and quotation-mark repairs, and what was left as published. */
  repairs: Repair[];
}

/** An editor's decisions file: where it is, and published token → form to print. */
export interface Overrides {
  file: string;
  decisions: EditorDecisions;
}

interface Context {
  lexicon: Lexicon;
  evidence: ArticleEvidence;
  report: RepairReport;
  overrides: Overrides | undefined;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentence of `text` around `index`, for the report: where an editor finds the token. */
function sentenceAt(text: string, index: number): string {
  const segment = sentences.segment(text).containing(index);
  return (segment?.segment ?? text).trim();
}

function repairHyphens(text: string, context: Context): string {
  return text.replace(HYPHENATED, (token, index: number) => {
    const form = context.overrides?.decisions.get(token);
    const decision =
      form === undefined
        ? decideToken(token, context.lexicon, context.evidence)
        : editorDecision(token, form, context.overrides?.file ?? '');
    if (decision.review) decision.sentence = sentenceAt(text, index);
    context.report.hyphens.push(decision);
    return decision.result;
  });
}

/** Repairs one block (a paragraph or heading): its text nodes share the state of open quotations. */
function repairBlock(texts: Text[], context: Context): void {
  const quotes = new QuoteRepairer();
  texts.forEach((node, i) => {
    const spaced = repairSpacing(repairHyphens(node.value, context));
    context.report.repairs.push(...spaced.repairs);
    node.value = quotes.repair(spaced.text, texts[i - 1]?.value.at(-1) ?? '', texts[i + 1]?.value[0] ?? '');
  });
  context.report.repairs.push(...quotes.repairs);
  context.report.repairs.push(...findDoubledWords(texts.map((node) => node.value).join('')));
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Repairs the headline and body in place and returns the new headline and the report. */
export function repairArticle(
  title: string,
  body: Root,
  lexicon: Lexicon,
  overrides?: Overrides,
): { title: string; report: RepairReport } {
  const report: RepairReport = { hyphens: [], repairs: [] };
  const context: Context = {
    lexicon,
    evidence: articleEvidence(`${title}\n${toString(body, { includeImageAlt: false })}`),
    report,
    overrides,
  };
  const heading: Text = { type: 'text', value: title };
  repairBlock([heading], context);
  visit(body, (node: Nodes) => {
    if (!BLOCKS.has(node.type)) return undefined;
    const texts: Text[] = [];
    visit(node as Parent, 'text', (text: Text) => {
      texts.push(text);
    });
    repairBlock(texts, context);
    return 'skip';
  });
  return { title: heading.value, report };
}

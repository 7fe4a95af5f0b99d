/**
 * Scores the importer's hyphen decisions on the hyphen corpus: each article is
 * damaged (hyphen-damage.ts), repaired as an import repairs it (repair.ts),
 * and every decision compared with the answer the damage left.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { HyphenDecision, Lexicon } from '../../src/importer/hyphens.ts';
import { repairArticle } from '../../src/importer/repair.ts';
import {
  damageArticle,
  readCorpusArticle,
  type CorpusArticle,
  type DamagedArticle,
  type TokenKind,
} from './hyphen-damage.ts';
import { ROOT } from './project.ts';

export const HYPHEN_CORPUS = join(ROOT, 'tests/fixtures/hyphen-corpus');
/** The seed the corpus is scored with; scripts/score-hyphens.ts takes others. */
export const DEFAULT_SEED = 25;

export interface Outcome {
  article: string;
  token: string;
  expected: string;
  got: string;
  kind: TokenKind;
  decision: HyphenDecision | undefined;
}

export interface Score {
  total: number;
  right: number;
  broken: { total: number; right: number };
  compound: { total: number; right: number };
  misses: Outcome[];
}

/** The articles of one part of the corpus ("tuning" or "holdout"), by file name. */
export function readCorpus(part: string, dir = HYPHEN_CORPUS): CorpusArticle[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, part)).filter((name) => name.endsWith('.md'));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((name) => readCorpusArticle(name.slice(0, -3), readFileSync(join(dir, part, name), 'utf8')));
}

/** The body as the text importer gives it to the repairs: one text node per paragraph. */
function bodyOf(paragraphs: string[]): Root {
  return {
    type: 'root',
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
}

/** Repairs one damaged article and pairs each decision with its answer. */
export function outcomes(article: DamagedArticle, lexicon: Lexicon): Outcome[] {
  const { report } = repairArticle(article.title, bodyOf(article.paragraphs), lexicon);
  if (report.hyphens.length !== article.tokens.length)
    throw new Error(
      `${article.name}: the importer found ${report.hyphens.length} hyphenated tokens, the key has ${article.tokens.length}`,
    );
  return article.tokens.map((want, i) => {
    const decision = report.hyphens[i];
    return {
      article: article.name,
      token: want.token,
      expected: want.expected,
      got: decision?.result ?? '(none)',
      kind: want.kind,
      decision,
    };
  });
}

export function score(all: Outcome[]): Score {
  const of = (kind: TokenKind) => {
    const some = all.filter((o) => o.kind === kind);
    return { total: some.length, right: some.filter((o) => o.got === o.expected).length };
  };
  const misses = all.filter((o) => o.got !== o.expected);
  return {
    total: all.length,
    right: all.length - misses.length,
    broken: of('broken'),
    compound: of('compound'),
    misses,
  };
}

/** Damages and scores a set of articles with one seed. */
export function scoreArticles(articles: CorpusArticle[], lexicon: Lexicon, seed = DEFAULT_SEED): Score {
  return score(articles.flatMap((article) => outcomes(damageArticle(article, seed), lexicon)));
}

const percent = (right: number, total: number) =>
  total === 0 ? 'n/a' : `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;

/** The score as lines for a terminal or a commit message; misses grouped by kind. */
export function formatScore(result: Score): string[] {
  const lines = [
    `overall: ${percent(result.right, result.total)}`,
    `broken words repaired: ${percent(result.broken.right, result.broken.total)}`,
    `compounds kept: ${percent(result.compound.right, result.compound.total)}`,
  ];
  for (const kind of ['broken', 'compound'] as const) {
    const misses = result.misses.filter((m) => m.kind === kind);
    if (misses.length === 0) continue;
    lines.push(kind === 'broken' ? 'broken words missed:' : 'compounds missed:');
    for (const miss of misses) {
      const reasons = miss.decision?.steps
        .map((s) => `${s.action} (${s.confidence}): ${s.reason}`)
        .join('; ');
      lines.push(`  ${miss.article}: ${miss.token} → ${miss.got}, want ${miss.expected}; ${reasons ?? ''}`);
    }
  }
  return lines;
}

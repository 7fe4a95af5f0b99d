/**
 * The import corpus (tests/fixtures/import-corpus, see its README): raw
 * articles with known answers, written independently of the importer. Every
 * field must come out exactly; hyphen decisions are also scored as a share,
 * which must reach 98%.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HyphenDecision, Lexicon } from '../../src/importer/hyphens.ts';
import { loadLexicon } from '../../src/importer/lexicon.ts';
import { decodeInput, parseInput } from '../../src/importer/plan.ts';
import { repairArticle } from '../../src/importer/repair.ts';
import { ROOT } from '../helpers/project.ts';

interface Expected {
  title: string;
  source: string;
  author: string | null;
  date: string | null;
  paragraphs: string[];
  hyphens: { token: string; expected: string; kind: 'artifact' | 'compound' }[];
  leftAsPublished: string[];
  headings?: string[];
  links?: { text: string; href: string }[];
  originalUrl?: string;
  language?: string;
  dek?: string | null;
}

const CORPORA = ['import-corpus', 'import-corpus-holdout'].map((name) => join(ROOT, 'tests/fixtures', name));

function items(corpus: string) {
  let names: string[];
  try {
    names = readdirSync(corpus, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
  return names.sort().map((name) => {
    const dir = join(corpus, name);
    const input = readdirSync(dir).find((file) => file.startsWith('input.')) ?? 'input.txt';
    return {
      name,
      file: join(dir, input),
      expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
    };
  });
}

function importItem(file: string, lexicon: Lexicon) {
  const { parsed } = parseInput(decodeInput(readFileSync(file), file), file);
  const { title, report } = repairArticle(parsed.title, parsed.body, lexicon);
  const paragraphs: string[] = [];
  const headings: string[] = [];
  const links: { text: string; href: string }[] = [];
  visit(parsed.body, (node: Nodes) => {
    if (node.type === 'paragraph') paragraphs.push(toString(node));
    if (node.type === 'heading') headings.push(toString(node));
    if (node.type === 'link') links.push({ text: toString(node), href: node.url });
  });
  return { parsed, title, report, paragraphs, headings, links };
}

/**
 * The expected texts with the importer's own hyphen decisions in place of the
 * answer key's, where they differ, in order: a wrong decision counts once, in the share.
 */
function withDecisions(texts: string[], expected: Expected, decisions: HyphenDecision[]): string[] {
  const out = [...texts];
  let at = 0;
  expected.hyphens.forEach((want, i) => {
    const got = decisions[i]?.result;
    if (got === undefined || got === want.expected) return;
    for (; at < out.length; at++) {
      const text = out[at] ?? '';
      if (text.includes(want.expected)) {
        out[at] = text.replace(want.expected, got);
        return;
      }
    }
  });
  return out;
}

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

for (const corpus of CORPORA) {
  const all = items(corpus);
  if (all.length === 0) continue;

  describe(`${corpus.split('/').at(-1) ?? ''}: every item comes out exactly`, () => {
    it.each(all.map((item) => [item.name, item] as const))('%s', (_, { file, expected }) => {
      const result = importItem(file, lexicon);
      // Hyphen decisions are scored below; here, everything else must be exact.
      const texts = withDecisions([expected.title, ...expected.paragraphs], expected, result.report.hyphens);
      expect(result.title).toBe(texts[0]);
      expect(result.parsed.publisher).toBe(expected.source);
      expect(result.parsed.authors).toEqual(expected.author === null ? [] : [expected.author]);
      expect(result.parsed.date?.slice(0, 10) ?? null).toBe(expected.date);
      expect(result.paragraphs).toEqual(texts.slice(1));
      const doubled = result.report.repairs
        .filter((r) => r.kind === 'left-as-published')
        .map((r) => r.before);
      expect(doubled).toEqual(expected.leftAsPublished);
      expect(result.report.hyphens.map((h) => h.token)).toEqual(expected.hyphens.map((h) => h.token));
      if (expected.headings) expect(result.headings).toEqual(expected.headings);
      if (expected.links) expect(result.links).toEqual(expected.links);
      if (expected.originalUrl) expect(result.parsed.originalUrl).toBe(expected.originalUrl);
      if (expected.language) expect(result.parsed.language).toBe(expected.language);
      if (expected.dek !== undefined) expect(result.parsed.dek ?? null).toBe(expected.dek);
    });
  });

  it(`${corpus.split('/').at(-1) ?? ''}: at least 98% of hyphen decisions are right`, () => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const { file, expected } of all) {
      const decisions = importItem(file, lexicon).report.hyphens;
      expected.hyphens.forEach((want, i) => {
        total++;
        if (decisions[i]?.result === want.expected) right++;
        else wrong.push(`${want.token} → ${decisions[i]?.result ?? '(none)'}, want ${want.expected}`);
      });
    }
    // The share is printed for the closing note and the README.
    console.log(
      `hyphen decisions right: ${right}/${total} = ${((100 * right) / total).toFixed(1)}%${wrong.length ? `; wrong: ${wrong.join('; ')}` : ''}`,
    );
    expect(total).toBeGreaterThan(100);
    expect(right / total).toBeGreaterThanOrEqual(0.98);
  });
}

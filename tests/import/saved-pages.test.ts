/**
 * The saved-page corpus (tests/fixtures/saved-pages): every page either imports
 * its article's text and byline, or is refused with a clear message when its
 * truth says it must be; none crashes. Recall, precision and the share of
 * bylines found are scored per kind of page and over all, against the targets
 * of issue 25: recall >= 95%, precision >= 90%, bylines >= 90%.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/importer/hyphens.ts';
import { loadLexicon } from '../../src/importer/lexicon.ts';
import { fixtures, scorePage, summarise, words, type Score } from '../helpers/saved-pages.ts';
import { ROOT } from '../helpers/project.ts';

const ALL = fixtures();
let lexicon: Lexicon;
const scores = new Map<string, Score>();

beforeAll(async () => {
  lexicon = await loadLexicon();
  for (const { name, dir, truth } of ALL) scores.set(name, scorePage(name, dir, truth, lexicon));
});

const scoreOf = (name: string): Score => {
  const score = scores.get(name);
  if (score === undefined) throw new Error(`no score for ${name}`);
  return score;
};

describe('saved pages: the right text or a clear refusal', () => {
  it('holds at least 30 pages, with pages to refuse and pages in four other languages', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(30);
    expect(ALL.filter((f) => f.truth.refuse !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(ALL.filter((f) => f.truth.kind === 'language').length).toBeGreaterThanOrEqual(4);
  });

  it.each(ALL.map((f) => [f.name] as const))('%s', (name) => {
    const score = scoreOf(name);
    expect(score.crash).toBeUndefined();
    if (score.truth.refuse !== undefined) {
      // A refusal names the file and the field, says why, and (for the body) what to try.
      expect(score.refusal).toMatch(/page\.html: (?:body|file): /u);
      expect(score.refusal).toContain(score.truth.refuse);
      if (score.refusal?.includes('not imported')) expect(score.refusal).toContain('Try:');
      return;
    }
    expect(score.refusal).toBeUndefined();
    // The right text: nearly all of the article, and little else.
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBeGreaterThanOrEqual(0.85);
    if (score.bylineFound !== undefined) expect(score.bylineFound).toBe(true);
  });

  it('meets the targets per kind and overall, and writes the table', () => {
    const kinds = [...new Set(ALL.map((f) => f.truth.kind))].sort();
    const rows = [...kinds, 'all'].map((kind) => {
      const group = [...scores.values()].filter((s) => kind === 'all' || s.truth.kind === kind);
      return { kind, ...summarise(group) };
    });
    mkdirSync(join(ROOT, 'tests/.output'), { recursive: true });
    writeFileSync(join(ROOT, 'tests/.output/saved-pages.json'), `${JSON.stringify(rows, null, 2)}\n`);
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    console.log(
      rows
        .map(
          (row) =>
            `${row.kind}: ${row.pages} pages` +
            (row.pages > row.toRefuse
              ? `, recall ${percent(row.recall)}, precision ${percent(row.precision)}, bylines ${percent(row.bylines)} of ${row.bylinePages}`
              : '') +
            (row.toRefuse > 0 ? `, refused ${row.refused} of ${row.toRefuse}` : ''),
        )
        .join('\n'),
    );
    const all = rows.at(-1);
    expect(all?.recall).toBeGreaterThanOrEqual(0.95);
    expect(all?.precision).toBeGreaterThanOrEqual(0.9);
    expect(all?.bylines).toBeGreaterThanOrEqual(0.9);
    expect(all?.refused).toBe(all?.toRefuse);
  });

  it('keeps the hyphens of pages in other languages, and says it repaired nothing', () => {
    const french = scoreOf('28-french-lang');
    expect(words(french.text ?? '')).toEqual(
      expect.arrayContaining(['abonnez-vous', 'peut-être', 'saint-aubin-sur-loire']),
    );
    expect(french.text).not.toMatch(/Abonnezvous|Peutêtre/u);
    for (const name of [
      '28-french-lang',
      '29-french-og-locale',
      '30-spanish-content-language',
      '31-german-itemprop',
      '32-czech-byline',
    ]) {
      const report = scoreOf(name).report;
      expect(report?.hyphens).toEqual([]);
      expect(report?.notes.join(' ')).toMatch(/^language [a-z]{2}(?:-[A-Z]{2})?: no repairs/u);
    }
  });

  it('repairs English pages as before', () => {
    expect(scoreOf('01-graph-id-references').report?.notes).toEqual([]);
  });
});

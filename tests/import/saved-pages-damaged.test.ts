/**
 * No input ever ends in anything but an import or an ImportError: the saved
 * pages, cut short, cut open, re-marked and broken mid-tag (as a failed save or
 * a bad copy leaves them), go through the importer's plan. fast-check draws the
 * damage from a fixed seed, so a failure names the same case every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ImportError } from '../../src/importer/errors.ts';
import type { Lexicon } from '../../src/importer/hyphens.ts';
import { loadLexicon } from '../../src/importer/lexicon.ts';
import { planImport } from '../../src/importer/plan.ts';
import { fixtures } from '../helpers/saved-pages.ts';

const PAGES = fixtures().map(({ dir }) => readFileSync(join(dir, 'page.html'), 'utf8'));
let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

type Damage = (html: string, at: number, length: number) => string;
const DAMAGE: Damage[] = [
  (html, at) => html.slice(0, at),
  (html, at) => html.slice(at),
  (html, at, length) => html.slice(0, at) + html.slice(at + length),
  (html, at) => `${html.slice(0, at)}<${html.slice(at)}`,
  (html) => html.replaceAll('<p>', '<p class="ad-slot">'),
  (html) => html.replace(/<\/?(?:html|head|body)[^>]*>/giu, ''),
];

it('imports or refuses every damaged page, never throws anything else', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: PAGES.length - 1 }),
      fc.integer({ min: 0, max: DAMAGE.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 2000 }),
      (page, damage, where, length) => {
        const html = PAGES[page] ?? '';
        const damaged = DAMAGE[damage]?.(html, Math.floor(where * html.length), length) ?? html;
        try {
          planImport(
            'damaged.html',
            new TextEncoder().encode(damaged),
            { published: '2024-01-01', sourceUrl: 'https://publisher.example/' },
            lexicon,
            { has: () => false },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      },
    ),
    { numRuns: 300, seed: 25 },
  );
});

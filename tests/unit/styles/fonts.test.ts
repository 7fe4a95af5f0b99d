/**
 * The committed text face (src/styles/fonts/, written by `npm run fonts`): every
 * face the style sheet names exists, covers the characters its unicode-range
 * promises, and keeps the features the design uses; every fallback face has
 * its metrics overridden, so that swapping the web font in moves nothing.
 */
import { create } from 'fontkitten';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../helpers/project.ts';

const STYLES = join(ROOT, 'src/styles');
const css = readFileSync(join(STYLES, 'fonts.css'), 'utf8');
const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body = '']) =>
  Object.fromEntries(
    [...body.matchAll(/([a-z-]+):\s*([^;]+);/g)].map(([, name = '', value = '']) => [name, value.trim()]),
  ),
);
const webFaces = faces.filter((face) => face.src?.startsWith('url('));
const fallbackFaces = faces.filter((face) => face.src?.startsWith('local('));

/** Every code point of a CSS unicode-range such as `U+0020-007E, U+20AC`. */
function codePoints(range: string): number[] {
  return range.split(',').flatMap((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/, '').split('-');
    const start = parseInt(from, 16);
    return Array.from({ length: parseInt(to, 16) - start + 1 }, (_, i) => start + i);
  });
}

/** What the test reads of a font: fontkitten parses these tables but does not type them. */
interface FontTables {
  GSUB: { featureList: { tag: string }[] };
  directory: { tables: Record<string, unknown> };
  hasGlyphForCodePoint(code: number): boolean;
}

const fontOf = (src: string): { file: string; font: FontTables } => {
  const file = /url\('\.\/([^']+)'\)/.exec(src)?.[1] ?? '';
  return { file, font: create(readFileSync(join(STYLES, file))) as unknown as FontTables };
};

describe('the text face', () => {
  test('has a regular, an italic and a semibold text cut and a display cut', () => {
    expect(webFaces.map((face) => [face['font-family'], face['font-weight'], face['font-style']])).toEqual([
      ["'Source Serif Text'", '400', 'normal'],
      ["'Source Serif Text'", '400', 'italic'],
      ["'Source Serif Text'", '600 700', 'normal'],
      ["'Source Serif Display'", '600 700', 'normal'],
    ]);
  });

  test.each(webFaces.map((face) => [face.src ?? '', face] as const))(
    '%s swaps in, covers its whole unicode-range, and keeps its figures, small caps (roman) and kerning',
    (src, face) => {
      expect(face['font-display']).toBe('swap');
      const { font } = fontOf(src);
      const missing = codePoints(face['unicode-range'] ?? '')
        .filter((code) => !(code >= 0x7f && code < 0xa0))
        .filter((code) => !font.hasGlyphForCodePoint(code));
      expect(missing.map((code) => code.toString(16))).toEqual([]);
      const features = new Set(font.GSUB.featureList.map((feature) => feature.tag));
      for (const feature of ['onum', 'lnum', 'tnum', 'liga']) expect(features).toContain(feature);
      // Adobe's italic has no small capitals; engines draw an italic acronym's from its capitals.
      if (face['font-style'] === 'normal')
        for (const feature of ['smcp', 'c2sc']) expect(features).toContain(feature);
      expect(Object.keys(font.directory.tables)).toContain('GPOS');
    },
  );

  test('each cut is small enough for a phone: under 40 KB', () => {
    for (const face of webFaces) {
      const { file } = fontOf(face.src ?? '');
      expect(readFileSync(join(STYLES, file)).length, file).toBeLessThan(40_000);
    }
  });

  test('every fallback face is fitted to the face it stands in for', () => {
    expect(fallbackFaces.length).toBeGreaterThanOrEqual(6);
    for (const face of fallbackFaces) {
      expect(face['font-family'], face.src).toMatch(/^"Source Serif (Text|Display) Fallback: /);
      expect(face['size-adjust'], face.src).toMatch(/^\d+(\.\d+)?%$/);
      expect(face['ascent-override'], face.src).toMatch(/^\d+(\.\d+)?%$/);
      expect(face['descent-override'], face.src).toMatch(/^\d+(\.\d+)?%$/);
    }
  });

  test('the families put the web face first and the fitted fallbacks before the plain ones', () => {
    for (const name of ['--text-face', '--display-face']) {
      const stack = new RegExp(`${name}: ([^;]+);`).exec(css)?.[1]?.split(', ') ?? [];
      const fitted = stack.findIndex((family) => family.includes('Fallback:'));
      expect(stack[0], name).toMatch(/^"Source Serif (Text|Display)"$/);
      expect(fitted, name).toBe(1);
      expect(stack.at(-1), name).toBe('serif');
    }
  });
});

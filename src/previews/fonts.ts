/**
 * Fonts for the preview images: of the installed @fontsource packages, only the
 * subset files whose `unicode-range` covers the card's text, in weights 400 and
 * 700. A character that no installed font covers is an error, never a blank box.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { site } from '../site.ts';

/** The font packages drawn with, first choice first. Install a package and add it here to draw another script. */
export const FONT_PACKAGES: readonly string[] = ['@fontsource/noto-serif'];

/** The weights the images use: 400 for the byline and dateline, 700 for the site name, kicker and headline. */
export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** One subset file of a font package, as its stylesheet declares it. */
export interface FontFace {
  /** The subset's own family name, `noto-serif-latin`: each subset is a family of its own, tried in turn for each character. */
  family: string;
  weight: FontWeight;
  /** `<package>@<version>/files/<file>.woff`: names the glyphs exactly, for cache keys and messages. */
  name: string;
  /** Absolute path of the `.woff` file. */
  file: string;
  /** Inclusive code point ranges; the whole of Unicode when the stylesheet gives none, as in CSS. */
  ranges: readonly (readonly [number, number])[];
}

const require = createRequire(import.meta.url);

/** `U+0000-00FF,U+0131,U+1F??` → inclusive ranges ([CSS Fonts 4 §4.5](https://www.w3.org/TR/css-fonts-4/#unicode-range-desc)). */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/iu.exec(part);
      if (!m?.[1]) throw new Error(`Not a unicode-range: "${part}"`);
      const [, start, end] = m;
      if (start.includes('?')) {
        return [parseInt(start.replaceAll('?', '0'), 16), parseInt(start.replaceAll('?', 'F'), 16)];
      }
      return [parseInt(start, 16), parseInt(end ?? start, 16)];
    });
}

/**
 * The normal-style `@font-face` rules of a @fontsource stylesheet (`400.css`),
 * with their WOFF file.
 */
export function parseFontFaces(css: string, packageDir: string, packageId: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const style = /font-style:\s*(\w+)/u.exec(block)?.[1] ?? 'normal';
    const weight = Number(/font-weight:\s*(\d+)/u.exec(block)?.[1] ?? 400);
    const woff = /url\(\s*['"]?([^'")]+\.woff)['"]?\s*\)\s*format\(\s*['"]woff['"]\s*\)/u.exec(block)?.[1];
    const range = /unicode-range:\s*([^;}]+)/u.exec(block)?.[1];
    if (!woff || style !== 'normal' || !isWeight(weight)) continue;
    const path = woff.replace(/^\.\//u, '');
    faces.push({
      family: basename(path).replace(/-\d+-normal\.woff$/u, ''),
      weight,
      name: `${packageId}/${path}`,
      file: join(packageDir, path),
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    });
  }
  return faces;
}

const isWeight = (n: number): n is FontWeight => (FONT_WEIGHTS as readonly number[]).includes(n);

const installed = new Map<string, FontFace[]>();

/** Every subset file of the installed packages, in the two weights. */
export function installedFaces(packages: readonly string[] = FONT_PACKAGES): FontFace[] {
  return packages.flatMap((pkg) => {
    let faces = installed.get(pkg);
    if (!faces) {
      const manifest = require.resolve(`${pkg}/package.json`);
      const dir = dirname(manifest);
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
      // A package without a weight leaves it to Skia's nearest weight.
      faces = FONT_WEIGHTS.map((weight) => join(dir, `${String(weight)}.css`))
        .filter((css) => existsSync(css))
        .flatMap((css) => parseFontFaces(readFileSync(css, 'utf8'), dir, `${pkg}@${version}`));
      installed.set(pkg, faces);
    }
    return faces;
  });
}

const covers = (face: FontFace, codePoint: number): boolean =>
  face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);

/**
 * For each list of packages, each character's faces (in each weight, the first
 * face that covers it, the one Skia draws it with), or null when none covers
 * it: found once, as every card asks again.
 */
const facesByCharacter = new Map<string, Map<number, FontFace[] | null>>();

function facesOf(
  codePoint: number,
  known: Map<number, FontFace[] | null>,
  packages: readonly string[],
): FontFace[] | null {
  let found = known.get(codePoint);
  if (found === undefined) {
    const faces = installedFaces(packages);
    found = faces.some((face) => covers(face, codePoint))
      ? FONT_WEIGHTS.flatMap(
          (weight) => faces.find((face) => face.weight === weight && covers(face, codePoint)) ?? [],
        )
      : null;
    known.set(codePoint, found);
  }
  return found;
}

/**
 * The subset files that draw `text`, in both weights: for each character, the
 * first installed face that covers it. Throws when no installed font covers a
 * character, naming it, the `label` (the article) and a package that would.
 */
export function fontsFor(
  text: string,
  label: string,
  language: string = site.language,
  packages: readonly string[] = FONT_PACKAGES,
): FontFace[] {
  const key = packages.join('\n');
  let known = facesByCharacter.get(key);
  if (!known) {
    known = new Map();
    facesByCharacter.set(key, known);
  }
  const used = new Set<FontFace>();
  const missing: number[] = [];
  for (const char of new Set(text)) {
    const codePoint = char.codePointAt(0) ?? 0;
    const faces = facesOf(codePoint, known, packages);
    if (faces) for (const face of faces) used.add(face);
    else missing.push(codePoint);
  }
  if (missing.length > 0) throw new Error(missingMessage(missing, label, language, packages));
  return installedFaces(packages).filter((face) => used.has(face));
}

/** Which @fontsource package draws a script, by a character of it (and the language, for Han). */
const SCRIPT_PACKAGES: [script: string, test: RegExp, pkg: (language: string) => string][] = [
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u, () => '@fontsource/noto-serif-jp'],
  ['Korean Hangul', /\p{Script=Hangul}/u, () => '@fontsource/noto-serif-kr'],
  ['Han characters', /\p{Script=Han}/u, hanPackage],
  ['Arabic', /\p{Script=Arabic}/u, () => '@fontsource/noto-naskh-arabic'],
  ['Hebrew', /\p{Script=Hebrew}/u, () => '@fontsource/noto-sans-hebrew'],
  ['Thai', /\p{Script=Thai}/u, () => '@fontsource/noto-serif-thai'],
  ['Devanagari', /\p{Script=Devanagari}/u, () => '@fontsource/noto-sans-devanagari'],
  ['Bengali', /\p{Script=Bengali}/u, () => '@fontsource/noto-sans-bengali'],
  ['Tamil', /\p{Script=Tamil}/u, () => '@fontsource/noto-sans-tamil'],
  ['Armenian', /\p{Script=Armenian}/u, () => '@fontsource/noto-sans-armenian'],
  ['Georgian', /\p{Script=Georgian}/u, () => '@fontsource/noto-sans-georgian'],
  ['emoji', /\p{Extended_Pictographic}/u, () => '@fontsource/noto-emoji'],
];

function hanPackage(language: string): string {
  const tag = language.toLowerCase();
  if (tag.startsWith('ja')) return '@fontsource/noto-serif-jp';
  if (tag.startsWith('ko')) return '@fontsource/noto-serif-kr';
  if (/^zh-(hk|mo)\b/u.test(tag)) return '@fontsource/noto-serif-hk';
  if (/^zh-(tw|hant)\b/u.test(tag)) return '@fontsource/noto-serif-tc';
  return '@fontsource/noto-serif-sc';
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function missingMessage(
  missing: number[],
  label: string,
  language: string,
  packages: readonly string[],
): string {
  const shown = missing.slice(0, 12);
  const list = shown.map((cp) => `“${String.fromCodePoint(cp)}” (${hex(cp)})`).join(', ');
  const more = missing.length > shown.length ? ` and ${String(missing.length - shown.length)} more` : '';
  const advice = new Map<string, string>();
  let unknown = 0;
  for (const cp of missing) {
    const char = String.fromCodePoint(cp);
    const match = SCRIPT_PACKAGES.find(([, test]) => test.test(char));
    if (match) advice.set(match[2](language), match[0]);
    else unknown += 1;
  }
  const where = 'add it to FONT_PACKAGES in src/previews/fonts.ts';
  const known = [...advice.keys()];
  const fix = [
    ...[...advice].map(([pkg, script]) => `${pkg} covers ${script}.`),
    ...(known.length > 0 ? [`Install it (npm install ${known.join(' ')}) and ${where}.`] : []),
    ...(unknown > 0
      ? [
          `Find a @fontsource package that covers ${known.length > 0 ? 'the others' : 'them'} ` +
            `(https://fontsource.org/), install it and ${where}.`,
        ]
      : []),
  ].join(' ');
  return (
    `${label}: cannot draw the preview image: no installed font (${packages.join(', ')}) ` +
    `covers ${list}${more}. ${fix}`
  );
}

/**
 * `npm run fonts`: writes the site's type, Source Serif 4 from Adobe's own
 * `source-serif` package cut down to what Broadsheet sets, and the @font-face
 * rules that load it: src/styles/fonts/*.woff2 and src/styles/fonts.css. Both
 * are committed; run this again only to change the face, the cuts or the characters.
 *
 * Adobe's files, not Google's: the Google Fonts cut of Source Serif 4 has no
 * small capitals, no old-style figures and no kerning. Each face gets fallback
 * faces (Times New Roman, Liberation Serif, DejaVu Serif) whose metrics are
 * overridden to match it, so that swapping the web font in moves nothing.
 * docs/design.md and docs/decisions/024-self-hosted-text-face.md have the rest.
 */
import { createFontStack, type FontMetrics } from '@capsizecss/core';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import tinos from '@capsizecss/metrics/tinos';
import { fromBuffer } from '@capsizecss/unpack';
import { fromFile } from '@capsizecss/unpack/fs';
import { create } from 'fontkitten';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const PACKAGE = dirname(createRequire(import.meta.url).resolve('source-serif/package.json'));
const DEJAVU_SERIF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

/**
 * What to keep: Basic Latin, Latin-1, Latin Extended-A and the punctuation and
 * signs of English and European news text. Each face's unicode-range is then
 * what its cut really holds, so that a character the face lacks (Ŧ, ‱) comes
 * from a fallback face instead of showing as a blank.
 */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];
/** The CSS unicode-range of a set of code points, as runs. */
function unicodeRange(codes: number[]): string {
  const runs: [number, number][] = [];
  for (const code of [...codes].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && code === last[1] + 1) last[1] = code;
    else runs.push([code, code]);
  }
  return runs.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(', ');
}
function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}
const wanted = new Set(
  RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)),
);
const TEXT = String.fromCodePoint(...wanted);

/** The OpenType features the CSS asks for, and those every Latin text needs; the rest are dropped. */
const FEATURES = [
  'kern',
  'liga',
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'onum',
  'lnum',
  'pnum',
  'tnum',
  'smcp',
  'c2sc',
  'case',
];

// subset-font 2.9 takes `keepFeatures`; its @types (2.3) predate it.
const SUBSET_OPTIONS: Parameters<typeof subsetFont>[2] & { keepFeatures: string[] } = {
  targetFormat: 'woff2',
  keepFeatures: FEATURES,
};

interface Face {
  family: string;
  adobeName: string;
  file: string;
  weight: string;
  style: 'normal' | 'italic';
}
/** Text cuts for running text; the Display cut, drawn for large sizes, for headlines. */
const FACES: Face[] = [
  {
    family: 'Source Serif Text',
    adobeName: 'SourceSerif4-Regular',
    file: 'text-regular.woff2',
    weight: '400',
    style: 'normal',
  },
  {
    family: 'Source Serif Text',
    adobeName: 'SourceSerif4-It',
    file: 'text-italic.woff2',
    weight: '400',
    style: 'italic',
  },
  {
    family: 'Source Serif Text',
    adobeName: 'SourceSerif4-Semibold',
    file: 'text-semibold.woff2',
    weight: '600 700',
    style: 'normal',
  },
  {
    family: 'Source Serif Display',
    adobeName: 'SourceSerif4Display-Semibold',
    file: 'display-semibold.woff2',
    weight: '600 700',
    style: 'normal',
  },
];

let dejaVu: FontMetrics;
try {
  dejaVu = await fromFile(DEJAVU_SERIF);
} catch {
  console.error(
    `npm run fonts: cannot read ${DEJAVU_SERIF}; install it with \`sudo apt-get install fonts-dejavu-core\`.`,
  );
  process.exit(1);
}
// Liberation Serif is drawn on Tinos's metrics, which match Times New Roman's.
const fallbacks: FontMetrics[] = [
  timesNewRoman,
  {
    ...tinos,
    familyName: 'Liberation Serif',
    fullName: 'Liberation Serif',
    postscriptName: 'LiberationSerif',
  },
  dejaVu,
];

const rules: string[] = [];
const stacks = new Map<string, string>();
for (const face of FACES) {
  const original = readFileSync(join(PACKAGE, 'WOFF2/TTF', `${face.adobeName}.ttf.woff2`));
  const cut = await subsetFont(original, TEXT, SUBSET_OPTIONS);
  writeFileSync(join(ROOT, 'src/styles/fonts', face.file), cut);
  console.log(
    `${face.file}: ${original.length.toLocaleString('en')} → ${cut.length.toLocaleString('en')} bytes`,
  );
  rules.push(`@font-face {
  font-family: '${face.family}';
  src: url('./fonts/${face.file}') format('woff2');
  font-weight: ${face.weight};
  font-style: ${face.style};
  font-display: swap;
  unicode-range: ${unicodeRange((create(cut) as { characterSet: number[] }).characterSet.filter((code) => wanted.has(code)))};
}`);
  // One set of fallback faces per family, fitted to its regular (text) or semibold (display) cut.
  if (!stacks.has(face.family) && face.style === 'normal') {
    const metrics = { ...(await fromBuffer(cut)), familyName: face.family };
    const { fontFamily, fontFaces } = createFontStack([metrics, ...fallbacks]);
    stacks.set(face.family, fontFamily);
    rules.push(fontFaces.trim());
  }
}

const css = `/* Generated by \`npm run fonts\` (scripts/fonts.ts): do not edit by hand. */
:root {
  --text-face: ${stacks.get('Source Serif Text')}, serif;
  --display-face: ${stacks.get('Source Serif Display')}, serif;
}
${rules.join('\n')}
`;
writeFileSync(join(ROOT, 'src/styles/fonts.css'), css);
console.log('src/styles/fonts.css written');

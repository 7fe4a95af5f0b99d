/**
 * The print-layout damage model of issue 25, as a deterministic, seeded
 * generator, for the hyphen corpus (tests/fixtures/hyphen-corpus, see its README):
 * - each paragraph is wrapped at a column width drawn per article from 28 to 45;
 * - about 35% of the words that overflow a line are split, at a random position
 *   with at least one letter on each side, in about 30% of splits at a syllable
 *   boundary; names and acronyms are split too, but not numbers, tokens with
 *   digits, URLs, contractions or words that already hold a hyphen;
 * - the lines are joined again with the hyphen left inside the word, and a few
 *   stray spaces go before closing brackets and quotes.
 * The same seed and article always give the same damage.
 */
import { HYPHENATED } from '../../src/importer/hyphens.ts';

export interface CorpusArticle {
  /** The file's name without .md, e.g. "01-kelmarsh-flood-scheme". */
  name: string;
  title: string;
  /** The `<!-- domain; spelling -->` line's text. */
  note: string;
  paragraphs: string[];
}

export type TokenKind = 'broken' | 'compound';

export interface KeyedToken {
  /** The hyphenated token as damaged, e.g. "thi-nk" or "well-known". */
  token: string;
  /** What the importer must make of it: the word as written. */
  expected: string;
  kind: TokenKind;
}

export interface DamagedArticle {
  name: string;
  title: string;
  paragraphs: string[];
  /** Every hyphenated token of the title and body, in reading order, with its answer. */
  tokens: KeyedToken[];
}

/** Reads a corpus file: `# Headline`, a `<!-- … -->` line, then paragraphs separated by blank lines. */
export function readCorpusArticle(name: string, text: string): CorpusArticle {
  const blocks = text
    .replace(/\r\n?/gu, '\n')
    .split(/\n\s*\n/u)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  const [head = '', ...rest] = blocks;
  const [titleLine = '', ...noteLines] = head.split('\n');
  if (!titleLine.startsWith('# ')) throw new Error(`${name}: the first line must be "# Headline"`);
  let note = noteLines.join(' ').trim();
  let paragraphs = rest;
  if (note === '' && rest[0]?.startsWith('<!--')) [note = '', ...paragraphs] = rest;
  if (!/^<!--.*-->$/u.test(note))
    throw new Error(`${name}: the second line must be a <!-- domain; spelling --> comment`);
  return {
    name,
    title: titleLine.slice(2).trim(),
    note: note.slice(4, -3).trim(),
    paragraphs: paragraphs.map((p) => p.replace(/\s*\n\s*/gu, ' ')),
  };
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: the article's own seed from the corpus seed and its name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return h >>> 0;
}

export const SPLIT_SHARE = 0.35;
export const SYLLABLE_SHARE = 0.3;
export const STRAY_SPACE_SHARE = 0.15;

/** Letters only, between optional leading and trailing punctuation: what a line break may split. */
const SPLITTABLE = /^(\P{L}*)(\p{L}{2,})(\P{L}*)$/u;
const VOWEL = /[aeiouyAEIOUY]/u;

/** Where a word may be split; none for numbers, codes with digits, URLs, contractions and hyphenated words. */
function splittable(word: string): { before: string; core: string; after: string } | undefined {
  if (/[\p{N}'’@/-]|\.\p{L}/u.test(word)) return undefined;
  const match = SPLITTABLE.exec(word);
  if (!match) return undefined;
  const [, before = '', core = '', after = ''] = match;
  return { before, core, after };
}

/** Positions between a vowel and a consonant, or between two consonants: rough syllable boundaries. */
function syllableBoundaries(core: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < core.length; i++) {
    const a = VOWEL.test(core[i - 1] ?? '');
    const b = VOWEL.test(core[i] ?? '');
    if ((a && !b) || (!a && !b)) out.push(i);
  }
  return out;
}

interface DamagedWord {
  text: string;
  /** Where the line-break hyphen went in text, or -1. */
  hyphenAt: number;
}

function damageParagraph(paragraph: string, width: number, next: () => number): DamagedWord[] {
  const words = paragraph.split(' ').filter((w) => w !== '');
  const out: DamagedWord[] = [];
  let line = 0;
  for (const word of words) {
    if (line === 0 || line + 1 + word.length <= width) {
      out.push({ text: word, hyphenAt: -1 });
      line += (line === 0 ? 0 : 1) + word.length;
      continue;
    }
    // The word overflows the line.
    const parts = splittable(word);
    if (parts && next() < SPLIT_SHARE) {
      const { before, core, after } = parts;
      const boundaries = syllableBoundaries(core);
      const at =
        next() < SYLLABLE_SHARE && boundaries.length > 0
          ? (boundaries[Math.floor(next() * boundaries.length)] ?? 1)
          : 1 + Math.floor(next() * (core.length - 1));
      out.push({
        text: `${before}${core.slice(0, at)}-${core.slice(at)}${after}`,
        hyphenAt: before.length + at,
      });
      line = core.length - at + after.length;
    } else {
      out.push({ text: word, hyphenAt: -1 });
      line = word.length;
    }
  }
  return out;
}

/** A stray space before some closing brackets and quotation marks, as print copies show. */
function straySpaces(text: string, next: () => number): string {
  return text.replace(/(?<=\S)([)\]”’"])(?=[\s,.;:]|$)/gu, (mark) =>
    next() < STRAY_SPACE_SHARE ? ` ${mark}` : mark,
  );
}

/** The hyphenated tokens of a word, each with its answer. */
function keyTokens({ text, hyphenAt }: DamagedWord): KeyedToken[] {
  return [...text.matchAll(HYPHENATED)].map((match) => {
    const start = match.index;
    const token = match[0];
    const broken = hyphenAt > start && hyphenAt < start + token.length;
    const local = hyphenAt - start;
    return broken
      ? { token, expected: token.slice(0, local) + token.slice(local + 1), kind: 'broken' }
      : { token, expected: token, kind: 'compound' };
  });
}

/** Damages one article, deterministically for a given seed. */
export function damageArticle(article: CorpusArticle, seed: number): DamagedArticle {
  const next = random(hash(`${seed}:${article.name}`));
  const width = 28 + Math.floor(next() * 18);
  const tokens: KeyedToken[] = keyTokens({ text: article.title, hyphenAt: -1 });
  const paragraphs = article.paragraphs.map((paragraph) => {
    const words = damageParagraph(paragraph, width, next);
    tokens.push(...words.flatMap(keyTokens));
    return straySpaces(words.map((w) => w.text).join(' '), next);
  });
  return { name: article.name, title: article.title, paragraphs, tokens };
}

import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32, syntheticContent } from '../../../scripts/bench/synthetic.ts';
import {
  countWords,
  plainWordCount,
  readingMinutes,
  readingTimeLabel,
  segmenterWordCount,
  WORDS_PER_MINUTE,
} from '../../../src/bodies/reading-time.ts';

/** `count` distinct-looking English words separated by single spaces. */
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Hello', 1],
    ['Hello, world!', 2],
    ['The CSTO undergoes its baptism of fire.', 7],
    ['yes — no – maybe', 3],
    ['yes—no', 2],
    ['— – - … ! ? , . ; : " \' ( )', 0],
    ["Don't panic.", 2],
    ['In 2022, 3.5 million people', 5],
    ['Привет, мир', 2],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it.each([
    ['zh', '我是学生'],
    ['ja', '東京は日本の首都です'],
  ])('counts words in %s text written without spaces', (language, text) => {
    // Split at spaces, this would be one word.
    expect(countWords(text, language)).toBeGreaterThan(1);
  });
});

/** Every character `plainWordCount` counts without ICU: those it does not return undefined for. */
const KNOWN = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).filter(
  (char) => plainWordCount(char) !== undefined,
);

/** A few characters of each kind, for exhaustive short strings. */
const SAMPLE = [
  'a',
  'Z',
  'é',
  'ſ',
  '0',
  '9',
  ':',
  '.',
  "'",
  '’',
  '‘',
  ',',
  ';',
  ' ',
  '\n',
  '—',
  '“',
  '-',
  '!',
  '\u00a0',
];

function* strings(alphabet: readonly string[], length: number): Generator<string> {
  if (length === 0) {
    yield '';
    return;
  }
  for (const head of strings(alphabet, length - 1)) for (const char of alphabet) yield head + char;
}

/** The body's text, as the reading-time plugin sees it: without Markdown's syntax. */
const bodyText = (markdown: string) => toString(fromMarkdown(markdown.replace(/^---\n[\s\S]*?\n---\n/u, '')));

describe('plainWordCount, against ICU', () => {
  it('knows ASCII, Latin-1 and Latin Extended-A letters, and the common marks', () => {
    for (const char of [
      'a',
      'Z',
      '7',
      'é',
      'ß',
      'Ł',
      'ſ',
      ' ',
      '\n',
      '’',
      '“',
      '—',
      '…',
      ':',
      ',',
      '£',
      '€',
      '°',
    ]) {
      expect(KNOWN).toContain(char);
    }
    for (const char of ['_', '\u00ad', '\u0308', 'я', '東', '\ud83d']) expect(KNOWN).not.toContain(char);
  });

  it('gives up on text with any character it does not know', () => {
    for (const text of ['snake_case', 'soft\u00adhyphen', 'nai\u0308ve', 'Привет', '東京', 'a 🙂 b']) {
      expect(plainWordCount(text)).toBeUndefined();
      expect(countWords(text)).toBe(segmenterWordCount(text));
    }
  });

  it('gives ICU’s count for each character it knows, between letters, digits and alone', () => {
    for (const char of KNOWN) {
      for (const text of [
        char,
        char + char,
        `a${char}b`,
        `1${char}2`,
        `a${char}1`,
        `1${char}a`,
        `ab${char}${char}cd`,
      ]) {
        expect([text, plainWordCount(text)]).toEqual([text, segmenterWordCount(text)]);
      }
    }
  });

  it('gives ICU’s count for every string of up to four sample characters', () => {
    let checked = 0;
    for (let length = 0; length <= 4; length += 1) {
      for (const text of strings(SAMPLE, length)) {
        if (plainWordCount(text) !== segmenterWordCount(text))
          expect.fail(
            `${JSON.stringify(text)}: ${String(plainWordCount(text))} against ICU's ${String(segmenterWordCount(text))}`,
          );
        checked += 1;
      }
    }
    expect(checked).toBe(1 + 20 + 20 ** 2 + 20 ** 3 + 20 ** 4);
  });

  it('gives ICU’s count for random strings of the characters it knows', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 5000; i += 1) {
      const length = 1 + Math.floor(random() * 60);
      const text = Array.from({ length }, () => KNOWN[Math.floor(random() * KNOWN.length)]).join('');
      expect([text, plainWordCount(text)]).toEqual([text, segmenterWordCount(text)]);
    }
  });

  it('counts the synthetic bodies itself, and them and the real articles as ICU does', () => {
    const dir = join(import.meta.dirname, '../../../content/articles');
    const real = readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => readFileSync(join(dir, file), 'utf8'));
    const synthetic = Object.entries(syntheticContent(60))
      .filter(([path]) => path.startsWith('articles/'))
      .map(([, markdown]) => markdown);
    expect(real.length).toBeGreaterThan(0);
    // As the page has it, after the smart quotes.
    const text = (markdown: string) =>
      bodyText(markdown).replace(/'/gu, '’').replace(/"(\S)/gu, '“$1').replace(/"/gu, '”');
    // The benchmark's bodies are made of the characters it knows: it is what their build counts with.
    for (const markdown of synthetic) expect(plainWordCount(text(markdown))).toBeDefined();
    for (const body of [...real, ...synthetic].map(text)) {
      expect(countWords(body)).toBe(segmenterWordCount(body));
    }
  });
});

describe('readingMinutes', () => {
  it.each([
    ['empty text', '', 0],
    ['punctuation only', '— … !', 0],
    ['one word', 'Hello', 1],
    ['1×WPM words', words(WORDS_PER_MINUTE), 1],
    ['1×WPM + 1 words', words(WORDS_PER_MINUTE + 1), 2],
    ['2×WPM words', words(2 * WORDS_PER_MINUTE), 2],
    ['2×WPM + 1 words', words(2 * WORDS_PER_MINUTE + 1), 3],
    ['5×WPM words', words(5 * WORDS_PER_MINUTE), 5],
    ['5×WPM + 1 words', words(5 * WORDS_PER_MINUTE + 1), 6],
  ])('%s', (_name, text, expected) => {
    expect(readingMinutes(text)).toBe(expected);
  });

  it('does not count punctuation between words', () => {
    const text = Array.from({ length: WORDS_PER_MINUTE }, (_, i) => `word${i} —`).join(' ');
    expect(readingMinutes(text)).toBe(1);
  });
});

describe('readingTimeLabel', () => {
  it.each([
    [1, '1 min read'],
    [4, '4 min read'],
    [12, '12 min read'],
  ])('%i → %j', (minutes, label) => {
    expect(readingTimeLabel(minutes)).toBe(label);
  });
});

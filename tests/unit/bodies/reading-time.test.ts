import { describe, expect, it } from 'vitest';
import {
  countWords,
  readingMinutes,
  readingTimeLabel,
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

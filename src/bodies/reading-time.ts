/** Reading time, from the words of an article's text. */
import { site } from '../site.ts';

/** Adult silent reading speed for non-fiction in English (Brysbaert 2019: 238 wpm). */
export const WORDS_PER_MINUTE = 238;

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Counts words as the language's own word breaker (ICU's, through `Intl.Segmenter`) sees them,
 * so that text written without spaces (Chinese, Japanese) is counted too.
 */
export function countWords(text: string, language: string = site.language): number {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

/** Whole minutes to read, rounded up; at least one minute for any text with words. */
export function readingMinutes(text: string, language: string = site.language): number {
  const words = countWords(text, language);
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** "4 min read". */
export const readingTimeLabel = (minutes: number): string => `${minutes} min read`;

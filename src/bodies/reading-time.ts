/** Reading time, from the words of an article's text. */
import { site } from '../site.ts';

/** Adult silent reading speed for non-fiction in English (Brysbaert 2019: 238 wpm). */
export const WORDS_PER_MINUTE = 238;

const segmenters = new Map<string, Intl.Segmenter>();

/** Counts words as the language's own word breaker (ICU's) sees them, so that CJK text is counted too. */
export function segmenterWordCount(text: string, language: string = site.language): number {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

/*
 * The characters of ordinary English text, by their part in Unicode's word
 * boundaries (UAX #29, https://www.unicode.org/reports/tr29/#Word_Boundary_Rules):
 * letters and digits make words, and some marks join two letters ("don't",
 * "U.S", "a:b") or two digits ("3.5", "1,000") into one. Anything not listed
 * (underscores, soft hyphens, combining marks, other scripts) is UNKNOWN.
 */
const UNKNOWN = 0;
const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
/** Joins letters: the colon, the middle dot (MidLetter). */
const JOINS_LETTERS = 4;
/** Joins letters or digits: full stop, apostrophes (MidNumLet, Single_Quote). */
const JOINS_BOTH = 5;
/** Joins digits: comma, semicolon (MidNum). */
const JOINS_DIGITS = 6;

const CLASSES = new Uint8Array(0x180);
for (let code = 0x09; code <= 0x0d; code += 1) CLASSES[code] = OTHER;
for (let code = 0x20; code <= 0x7e; code += 1) CLASSES[code] = OTHER;
for (let code = 0x30; code <= 0x39; code += 1) CLASSES[code] = DIGIT;
for (let code = 0x41; code <= 0x5a; code += 1) CLASSES[code] = LETTER;
for (let code = 0x61; code <= 0x7a; code += 1) CLASSES[code] = LETTER;
CLASSES[0x5f] = UNKNOWN; // "_" joins words to anything (ExtendNumLet)
CLASSES[0x3a] = JOINS_LETTERS; // :
CLASSES[0x2e] = JOINS_BOTH; // .
CLASSES[0x27] = JOINS_BOTH; // '
CLASSES[0x2c] = JOINS_DIGITS; // ,
CLASSES[0x3b] = JOINS_DIGITS; // ;
// Latin-1's letters but × and ÷, and all of Latin Extended-A.
for (let code = 0xc0; code < 0x180; code += 1)
  CLASSES[code] = code === 0xd7 || code === 0xf7 ? OTHER : LETTER;
// Latin-1's no-break space, signs and symbols (£, §, °, ², ½ …), but for its three letters and the middle dot, which joins letters.
for (let code = 0xa0; code < 0xc0; code += 1) CLASSES[code] = OTHER;
CLASSES[0xaa] = LETTER; // ª
CLASSES[0xb5] = LETTER; // µ
CLASSES[0xba] = LETTER; // º
CLASSES[0xb7] = JOINS_LETTERS; // ·
CLASSES[0xad] = UNKNOWN; // the soft hyphen, which UAX #29 passes over inside a word (Format)
CLASSES[0xb8] = UNKNOWN; // the cedilla, which ICU counts as a letter

function classOf(code: number): number {
  if (code < 0x180) return CLASSES[code] ?? UNKNOWN;
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
      return JOINS_BOTH;
    case 0x2013: // –
    case 0x2014: // —
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2026: // …
    case 0x20ac: // €
      return OTHER;
    default:
      return UNKNOWN;
  }
}

/**
 * The words of `text` by the rules of UAX #29, if every character of it is
 * one the table above knows; undefined otherwise. On such text it counts what
 * ICU counts, eight times faster (0.04 ms against 0.34 ms for a synthetic
 * body of the build benchmark): a letter or digit starts a word unless it
 * follows a letter or digit, or a mark that joins it to one of its own kind.
 */
export function plainWordCount(text: string): number | undefined {
  let words = 0;
  let before = OTHER;
  let twoBefore = OTHER;
  for (let i = 0; i < text.length; i += 1) {
    const kind = classOf(text.charCodeAt(i));
    if (kind === UNKNOWN) return undefined;
    if (kind === LETTER || kind === DIGIT) {
      const joined =
        before === LETTER ||
        before === DIGIT ||
        (twoBefore === kind &&
          (before === JOINS_BOTH || before === (kind === LETTER ? JOINS_LETTERS : JOINS_DIGITS)));
      if (!joined) words += 1;
    }
    twoBefore = before;
    before = kind;
  }
  return words;
}

/** English: the languages whose word breaker is ICU's default, with no tailoring, for the characters above. */
const PLAIN_COUNT_LANGUAGE = /^en(?:-|$)/iu;

/**
 * Counts words as the language's own word breaker sees them (so CJK text is
 * counted too); English text of the common characters by `plainWordCount`,
 * which gives the same count without a segment object for every word and space.
 */
export function countWords(text: string, language: string = site.language): number {
  return (
    (PLAIN_COUNT_LANGUAGE.test(language) ? plainWordCount(text) : undefined) ??
    segmenterWordCount(text, language)
  );
}

/** Whole minutes to read, rounded up; at least one minute for any text with words. */
export function readingMinutes(text: string, language: string = site.language): number {
  const words = countWords(text, language);
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** "4 min read". */
export const readingTimeLabel = (minutes: number): string => `${minutes} min read`;

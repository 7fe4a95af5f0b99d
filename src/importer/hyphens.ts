/**
 * Line-break hyphens: a word broken across a line in print ("collea-gues")
 * is rejoined; a real compound ("well-known", "post-Soviet") keeps its hyphen.
 *
 * The principle: never produce a form that nothing supports. A join must
 * yield a form attested by the article itself (written unbroken elsewhere, or
 * a part of another compound), the word lists, the names lists or the
 * frequency data (see attestation() below and lexicon.ts). When nothing
 * attests the joined form, the text stays as published and the decision is
 * flagged for review: a stray hyphen an editor can see is better than a word
 * nobody wrote.
 *
 * Within that rule each hyphen is decided from evidence, in order of strength:
 * 1. closed classes: the letter compounds ("e-mail", "T-shirt", "U-turn"; any
 *    other single letter before a word is damage: "t-his", "w-hen"), and
 *    second parts that make compounds with the word before ("-based", "-led");
 * 2. the article itself: the joined word written unbroken elsewhere, or the
 *    same hyphenated form repeated (print breaks are never repeated);
 * 3. the shape of the halves: numbers, capitals, acronyms, names;
 * 4. the word lists: is each half a word, is the joined form a word, is the
 *    hyphenated form a known compound ("long-standing");
 * 5. what each half is: a prefix (anti-, post-, re-), a function word
 *    ("no" + "thing"), a verb and its particle ("build" + "up"), and how
 *    common the joined word is in English, which tells "report" (a word that a
 *    line break cut after "re") from "prewar" (a rare closed form of a real
 *    compound).
 * A decision the evidence does not settle is marked for review, never made
 * silently; where it must still be made, the default is the one measured
 * right more often on the hyphen corpus (docs/decisions/031-hyphen-review-default.md).
 */

/** The word knowledge the decisions need; see lexicon.ts for the real one. */
export interface Lexicon {
  /** Is this a word, in British or American spelling, with its capitalisation? */
  isWord(word: string): boolean;
  /** How often the word occurs in English, per million words (0 when unknown). */
  perMillion(word: string): number;
  /** Is this lowercase word used in written English (a frequency list of written text)? */
  isWritten(word: string): boolean;
  /** Is this a given name, surname or place name? */
  isName(word: string): boolean;
  /** Is this hyphenated form a compound of the dictionary ("long-standing")? */
  isCompound(hyphenated: string): boolean;
  /** Is this (uninflected) word a verb? */
  isVerb(word: string): boolean;
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
  /** How often the word is a whole part of another hyphenated token ("Okafor" in "Okafor-Reyes"). */
  inCompound(word: string): number;
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
  /** For a review item: the token with its uncertain steps decided the other way. */
  alternative?: string;
  /** For a review item: the sentence it stands in, as published (set by repair.ts). */
  sentence?: string;
  /** True when an editor's decisions file settled it (decisions.ts). */
  editor?: boolean;
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
  'ship hood ness ment less ful fully dom wise ward wards able ible man men woman women ion ions ant ants ance ence'.split(
    ' ',
  ),
);
/** Number words, which make compound adjectives with the next word: "one-time", "second-hand", "two-year". */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand first second third fourth fifth half single double triple multi'.split(
    ' ',
  ),
);
/** Adverb particles that make hyphenated nouns from verbs: "build-up", "stand-off", "take-over". */
const PARTICLES = new Set('up off out down over in on back away about'.split(' '));

/**
 * The closed class of letter compounds: a single letter, then a word. Any
 * other single letter before a word is a word split after its first letter.
 */
export const LETTER_COMPOUNDS = new Set(
  [
    'a-list b-list c-list d-list z-list b-side a-level o-level t-level a-team',
    'a-bomb h-bomb n-bomb b-movie e-mail e-book e-reader e-commerce e-cigarette e-bike e-scooter e-waste',
    'e-petition e-voting e-sports e-ticket e-learning e-government e-wallet e-money e-visa e-passport',
    'g-string g-spot g-force t-shirt t-bone t-junction t-cell b-cell t-bar u-turn u-boat u-bend s-bend',
    'v-neck v-sign v-shaped u-shaped s-shaped l-shaped t-shaped x-shaped y-shaped x-ray x-rated',
    'x-axis y-axis z-axis d-day v-day k-pop k-drama j-pop y-fronts c-section c-suite i-beam',
    'g-man t-rex f-word n-word c-word q-tip e-coli',
  ]
    .join(' ')
    .split(' '),
);
/** Established compounds whose halves are not words, which the dictionary lacks. */
const OTHER_COMPOUNDS = new Set('wi-fi hi-fi sci-fi lo-fi hi-tech hi-res'.split(' '));
/**
 * Second parts that make compounds with the word or name before them:
 * "Leeds-based", "Labour-led", "state-backed", "AI-using".
 */
export const SECOND_PARTS = new Set(
  'based led backed using owned run funded born bred made style friendly free wide related linked focused focussed oriented driven sized like speaking controlled sponsored listed registered affiliated dominated held occupied built inspired themed bound specific centric era winning bound'.split(
    ' ',
  ),
);

/** Per-million frequency above which a joined word is common, below which it is rare. */
export const COMMON_PER_MILLION = 4;
export const COMMON_PREFIXED_PER_MILLION = 1;
export const RARE_PER_MILLION = 0.1;
export const RARE_PREFIXED_PER_MILLION = 0.5;

const VOWELS = /^[aeiou]/i;
const isUpper = (s: string) => /^\p{Lu}+$/u.test(s);
const isCapitalised = (s: string) => /^\p{Lu}\p{Ll}/u.test(s);
const hasDigit = (s: string) => /\p{N}/u.test(s);

/**
 * Hunspell accepts every letter and many two-letter abbreviations ("ed", "er",
 * "st"), which a line break leaves as the ends of words: as halves of a token,
 * only these one- and two-letter words count.
 */
const SHORT_WORDS = new Set(
  'a i an as at be by do go he if in is it me my no of on or so to up us we ox ad tv uk us eu un ok'.split(
    ' ',
  ),
);

function isWord(lexicon: Lexicon, word: string): boolean {
  if (word.length <= 2 && !isUpper(word)) return SHORT_WORDS.has(word.toLowerCase());
  return lexicon.isWord(word);
}

/** "Kraków" → "Krakow": the word lists mostly write names and loans without accents. */
const withoutAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

const quote = (s: string) => `“${s}”`;

/**
 * Why the joined form may be written, or undefined when nothing attests it.
 * Capitalised and all-capital forms are matched exactly; lowercase ones also
 * against written English.
 */
export function attestation(joined: string, lexicon: Lexicon, article: ArticleEvidence): string | undefined {
  if (article.unbroken(joined) > 0) return `${quote(joined)} is written unbroken elsewhere in the article`;
  const plain = withoutAccents(joined);
  if (isWord(lexicon, joined) || isWord(lexicon, plain)) return `${quote(joined)} is a word`;
  if (isCapitalised(joined) && (lexicon.isName(joined) || lexicon.isName(plain)))
    return `${quote(joined)} is a name in the names lists`;
  if (joined === joined.toLowerCase() && lexicon.isWritten(joined))
    return `${quote(joined)} is a word of written English`;
  if (article.inCompound(joined) > 0) return `${quote(joined)} is part of another compound in the article`;
  return undefined;
}

/** The forms a dictionary lists a word under: "T-shirts" under "T-shirt", "e-mailed" under "e-mail". */
function baseForms(word: string): string[] {
  const forms = [word];
  for (const [ending, base] of [
    ['ies', 'y'],
    ['es', ''],
    ['s', ''],
    ['ed', ''],
    ['d', ''],
    ['ing', ''],
  ] as const)
    if (word.length > ending.length + 2 && word.toLowerCase().endsWith(ending))
      forms.push(word.slice(0, -ending.length) + base);
  return forms;
}

/** Is the hyphenated form a closed-class or dictionary compound, in any inflection? */
function knownCompound(left: string, right: string, lexicon: Lexicon): boolean {
  return baseForms(right).some((base) => {
    const form = `${left}-${base}`.toLowerCase();
    return LETTER_COMPOUNDS.has(form) || OTHER_COMPOUNDS.has(form) || lexicon.isCompound(form);
  });
}

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
  /** Joins when the joined form is attested, else keeps the text as published. */
  const joinIfAttested = (confidence: Confidence, why: string): HyphenStep => {
    const attested = attestation(joined, lexicon, article);
    return attested
      ? step('join', confidence, `${why}; ${attested}`)
      : step('keep', 'uncertain', `${why}, but nothing attests ${quote(joined)}: kept as published`);
  };

  if (hasDigit(left) || hasDigit(right)) return step('keep', 'certain', 'a number is part of it');
  if (left.length === 1 && knownCompound(left, right, lexicon))
    return step(
      'keep',
      'certain',
      `${quote(token)} is one of the letter compounds, like “e-mail” and “U-turn”`,
    );

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
  if (
    repeated > 1 &&
    (leftIsWord || PREFIXES.has(left.toLowerCase())) &&
    rightIsWord &&
    !(joinedIsWord && common)
  ) {
    return step(
      'keep',
      'likely',
      `${quote(token)} or a form of it is hyphenated ${repeated} times in the article`,
    );
  }
  if (isUpper(left) && isUpper(right) && (joined.length > 2 || joinedIsWord)) {
    if (joinedIsWord) return step('join', 'certain', `${quote(joined)} is a known acronym`);
    if (leftIsWord && rightIsWord) {
      return step(
        'keep',
        'likely',
        `${quote(left)} and ${quote(right)} are both known: a pair of abbreviations`,
      );
    }
    return step(
      'keep',
      'uncertain',
      `capitals on both sides, but nothing attests ${quote(joined)}: kept as published`,
    );
  }
  if (/^\p{Lu}$/u.test(right))
    return step('keep', 'certain', `a single capital after ${quote(left)}: a name like “Jay-Z”`);
  if (isCapitalised(right) || (isUpper(right) && right.length > 1)) {
    return isCapitalised(left) || isUpper(left)
      ? step('keep', 'certain', 'both parts are capitalised: a compound name')
      : step('keep', 'certain', `a capitalised word after ${quote(left)}: a compound with a proper name`);
  }
  if (SECOND_PARTS.has(right.toLowerCase()) && !joinedIsWord)
    return step('keep', 'certain', `${quote(`-${right}`)} makes a compound with the word before it`);
  if (left.length === 1)
    return joinIfAttested(
      'certain',
      `${quote(token)} is not a letter compound: a single letter split from its word`,
    );
  if (knownCompound(left, right, lexicon) && !FUNCTION_WORDS.has(left.toLowerCase()))
    return step('keep', 'likely', `${quote(token)} is a compound in the dictionary`);

  if (isCapitalised(left) || isUpper(left)) {
    // "Bradford" is a name, "Filmmaker" a word at the start of a sentence.
    const name = !isWord(lexicon, joined.toLowerCase());
    if (name && lexicon.isName(joined))
      return step('join', 'likely', `${quote(joined)} is a name in the names lists`);
    if (name && joinedIsWord) return step('join', 'likely', `${quote(joined)} is a name in the word list`);
    if (!leftIsWord) return joinIfAttested('likely', `${quote(left)} is not a word: a name split in two`);
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
  const ending = right.toLowerCase();
  // "travel-ling", "plan-ned": a doubled consonant and an ending.
  const doubled = ending.startsWith(lower.at(-1) ?? '-') && /^.(?:ing|ed|er|ers|est)$/u.test(ending);
  if ((doubled || baseForms(ending).some((base) => SUFFIXES.has(base))) && joinedIsWord) {
    return step('join', 'certain', `${quote(right)} is a suffix here; ${quote(joined)} is a word`);
  }

  if (!joinedIsWord) {
    if (leftIsWord && rightIsWord) {
      return step('keep', 'certain', `${quote(left)} and ${quote(right)} are words; ${quote(joined)} is not`);
    }
    if (prefix && rightIsWord)
      return step('keep', 'certain', `the prefix ${quote(left)}- before the word ${quote(right)}`);
    const fragment = rightIsWord ? left : right;
    return joinIfAttested('uncertain', `${quote(fragment)} is not a word, so not part of a compound`);
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
  if (PARTICLES.has(right.toLowerCase()) && lexicon.isVerb(lower)) {
    return step(
      'keep',
      'likely',
      `the verb ${quote(left)} and the particle ${quote(right)}: a noun like “build-up”`,
    );
  }
  // A compound does not end in a function word ("seas-on", "rug-by"); particles are decided above.
  if (FUNCTION_WORDS.has(right.toLowerCase()) || SHORT_WORDS.has(right.toLowerCase())) {
    return step(
      'join',
      'likely',
      `${quote(right)} is a function word, not the second part of a compound; ${quote(joined)} is a word`,
    );
  }
  if (NUMBER_WORDS.has(lower) && !common) {
    return step('keep', 'likely', `the number word ${quote(left)} before a word: a compound like “two-year”`);
  }
  return byFrequency(step, left, right, joined, frequency, prefix);
}

/**
 * Where the evidence is even ("filmmaker" and "film-maker" are both English),
 * the measured default (docs/decisions/031-hyphen-review-default.md): a prefix
 * or a second part that is a participle or an agent noun ("-breaking",
 * "-grown", "-maker") keeps its hyphen; two nouns ("rail-way") are joined.
 */
const PARTICIPLE_OR_AGENT = /(?:ing|ed|en|er|ers|own)$/u;
export function reviewDefault(right: string, prefix: boolean): 'join' | 'keep' {
  return prefix || PARTICIPLE_OR_AGENT.test(right) ? 'keep' : 'join';
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
  return step(
    reviewDefault(right, prefix),
    'uncertain',
    `${parts} ${quote(joined)} is neither rare nor common (${per}): both forms are English`,
  );
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
  const review = steps.some((s) => s.confidence === 'uncertain');
  if (!review) return { token, result, steps, review };
  // The other reading: each uncertain step decided the other way, the rest as decided.
  const alternative = parts.slice(1).reduce((form, right, i) => {
    const step = steps[i];
    const join = step?.confidence === 'uncertain' ? step.action === 'keep' : step?.action === 'join';
    return join ? form + right : `${form}-${right}`;
  }, parts[0] ?? '');
  return { token, result, steps, review, alternative };
}

/** A decision an editor made in a decisions file: the form to print, hyphen by hyphen. */
export function editorDecision(token: string, form: string, file: string): HyphenDecision {
  const parts = token.split('-');
  const steps: HyphenStep[] = [];
  let at = (parts[0] ?? '').length;
  for (let i = 1; i < parts.length; i++) {
    const right = parts[i] ?? '';
    const join = form[at] !== '-';
    steps.push({
      left: parts[i - 1] ?? '',
      right,
      action: join ? 'join' : 'keep',
      confidence: 'certain',
      reason: `the editor’s decision in ${file}`,
    });
    at += (join ? 0 : 1) + right.length;
  }
  return { token, result: form, steps, review: false, editor: true };
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
  const tokens: string[] = [];
  const plain = text.replace(HYPHENATED, (token) => {
    tokens.push(token);
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
  // The parts of hyphenated tokens, counted only when a decision asks (few do).
  let parts: { exact: Map<string, number>; folded: Map<string, number> } | undefined;
  const partsOf = () => {
    if (parts) return parts;
    parts = { exact: new Map(), folded: new Map() };
    for (const part of tokens.flatMap((token) => token.split('-'))) {
      parts.exact.set(part, (parts.exact.get(part) ?? 0) + 1);
      parts.folded.set(part.toLowerCase(), (parts.folded.get(part.toLowerCase()) ?? 0) + 1);
    }
    return parts;
  };
  // Capitalised or all-capital words must match exactly ("CSTO"); lowercase ones in any case.
  const lookup = (word: string, exactly: Map<string, number>, anyCase: Map<string, number>) =>
    word === word.toLowerCase() ? (anyCase.get(word) ?? 0) : (exactly.get(word) ?? 0);
  return {
    unbroken: (word) => lookup(word, exact, folded),
    inCompound: (word) => lookup(word, partsOf().exact, partsOf().folded),
    hyphenated(left, right) {
      const [l, r] = [left.toLowerCase(), right.toLowerCase()];
      // The same break twice can be chance; the hyphen kept across two forms of a word is a choice.
      const family = pairs.filter(([a, b]) => a === l && sameStem(b, r));
      return new Set(family.map(([, b]) => b)).size > 1 ? family.length : 0;
    },
  };
}

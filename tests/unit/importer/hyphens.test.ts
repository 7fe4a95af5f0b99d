import { describe, expect, it } from 'vitest';
import { articleEvidence, decideStep, decideToken, type Lexicon } from '../../../src/importer/hyphens.ts';

/** A small word list with frequencies per million, standing in for the real lexicon. */
function lexicon(words: Record<string, number>): Lexicon {
  return {
    isWord: (word) => word in words || word.toLowerCase() in words,
    perMillion: (word) => words[word.toLowerCase()] ?? 0,
    isWritten: () => false,
    isName: () => false,
    isCompound: () => false,
    isVerb: (word) => ['take', 'build'].includes(word),
  };
}

const none = articleEvidence('');

describe('decideStep: one hyphen, from the evidence', () => {
  const words = lexicon({
    colleagues: 20,
    well: 500,
    known: 80,
    no: 900,
    thing: 300,
    nothing: 400,
    post: 30,
    war: 90,
    prewar: 0.1,
    report: 60,
    port: 20,
    re: 5,
    elected: 10,
    reelected: 0.3,
    co: 5,
    operate: 5,
    cooperate: 10,
    take: 800,
    over: 900,
    takeover: 0.5,
    fort: 10,
    night: 400,
    fortnight: 0.9,
    apprentice: 1,
    ship: 50,
    apprenticeship: 0.1,
    dis: 1.5,
    used: 300,
    disused: 0.1,
    Bradford: 0,
    brad: 1,
    ford: 2,
    sub: 7,
    division: 5,
    subdivision: 0.57,
    out: 3800,
    put: 400,
    output: 1.4,
    Kazakh: 0,
    NATO: 5,
    US: 100,
    UK: 50,
    e: 0,
    mail: 40,
  });
  it.each([
    ['collea', 'gues', 'join', '“colleagues” is a word; “gues” is not'],
    ['well', 'known', 'keep', '“wellknown” is not'],
    ['no', 'thing', 'join', 'function word'],
    ['re', 'port', 'join', 'common word'],
    ['re', 'elected', 'keep', 'same vowel'],
    ['co', 'operate', 'keep', 'same vowel'],
    ['pre', 'war', 'keep', 'rare'],
    ['take', 'over', 'keep', 'particle'],
    ['fort', 'night', 'join', 'neither rare nor common'],
    ['apprentice', 'ship', 'join', 'suffix'],
    ['dis', 'used', 'join', 'written closed'],
    ['Brad', 'ford', 'join', 'name in the word list'],
    ['out', 'put', 'join', 'common word'],
    ['Ka', 'zakh', 'join', 'name in the word list'],
    ['NA', 'TO', 'join', 'known acronym'],
    ['US', 'UK', 'keep', 'pair of abbreviations'],
    ['anti', 'Russian', 'keep', 'proper name'],
    ['Franco', 'German', 'keep', 'both parts are capitalised'],
    ['e', 'mail', 'keep', 'letter compounds'],
    ['24', 'hour', 'keep', 'number'],
  ] as const)('%s-%s: %s (%s)', (left, right, action, reason) => {
    const step = decideStep(left, right, words, none);
    expect(step.action).toBe(action);
    expect(step.reason).toContain(reason);
  });

  it('flags a decision the evidence does not settle for review', () => {
    expect(decideStep('fort', 'night', words, none).confidence).toBe('uncertain');
    // Nothing attests “xqzv”: the text stays as published.
    expect(decideStep('xq', 'zv', words, none)).toMatchObject({ action: 'keep', confidence: 'uncertain' });
  });

  it('trusts the article: a word written unbroken elsewhere is joined', () => {
    const step = decideStep('well', 'known', words, articleEvidence('It is wellknown here.'));
    expect(step).toMatchObject({ action: 'join', confidence: 'certain' });
  });

  it('trusts the article: a compound hyphenated again, in any form, keeps its hyphen', () => {
    const evidence = articleEvidence('He re-signs today; he re-signed last year.');
    expect(decideStep('re', 'signed', lexicon({ re: 5, signed: 20, resigned: 3 }), evidence).action).toBe(
      'keep',
    );
    expect(decideStep('re', 'signed', lexicon({ re: 5, signed: 20, resigned: 3 }), none).action).toBe('join');
  });

  it('does not count a repeated break of a non-word as a compound', () => {
    const evidence = articleEvidence('individ-ual and individ-ual');
    expect(decideStep('individ', 'ual', lexicon({ individual: 50 }), evidence).action).toBe('join');
  });

  it('matches capitalised words exactly and lowercase words in any case', () => {
    const evidence = articleEvidence('The CSTO met. Nothing happened.');
    expect(evidence.unbroken('CSTO')).toBe(1);
    expect(evidence.unbroken('Csto')).toBe(0);
    expect(evidence.unbroken('nothing')).toBe(1);
  });
});

describe('decideToken: every hyphen of a token, left to right', () => {
  const words = lexicon({ anti: 1, russian: 10, Russian: 10, mother: 100, in: 9000, law: 100, rus: 0 });
  it('rejoins the broken part of a compound and keeps the compound', () => {
    const decision = decideToken('anti-Rus-sian', words, none);
    expect(decision.result).toBe('anti-Russian');
    expect(decision.steps.map((s) => s.action)).toEqual(['keep', 'join']);
  });
  it('keeps a compound of three words', () => {
    expect(decideToken('mother-in-law', words, none).result).toBe('mother-in-law');
  });
  it('marks the token for review when any step is uncertain', () => {
    expect(decideToken('qx-zv', words, none).review).toBe(true);
    expect(decideToken('mother-in-law', words, none).review).toBe(false);
  });
});

describe('the letter compounds: a closed class; any other single letter is damage', () => {
  const words = lexicon({
    mail: 40,
    email: 30,
    shirt: 20,
    shirts: 10,
    turn: 300,
    ray: 10,
    list: 100,
    movie: 200,
    string: 30,
    when: 2000,
    hen: 2,
    this: 5000,
    his: 3000,
    for: 8000,
    or: 3000,
    she: 3000,
    he: 9000,
    ant: 1,
    ants: 1,
    wants: 300,
  });
  it.each([
    'e-mail',
    'e-mails',
    'T-shirt',
    'T-shirts',
    'U-turn',
    'X-ray',
    'x-rays',
    'A-list',
    'B-movie',
    'G-string',
  ])('%s keeps its hyphen', (token) => {
    const decision = decideToken(token, words, none);
    expect(decision.result).toBe(token);
    expect(decision.steps[0]?.reason).toContain('letter compounds');
  });
  it.each([
    ['w-hen', 'when'],
    ['t-his', 'this'],
    ['T-his', 'This'],
    ['f-or', 'for'],
    ['s-he', 'she'],
    ['w-ants', 'wants'],
  ])('%s is a split word: %s', (token, word) => {
    expect(decideToken(token, words, none)).toMatchObject({ result: word, review: false });
  });
  it('keeps a single letter before a fragment when nothing attests the joined form', () => {
    expect(decideToken('q-zxv', words, none)).toMatchObject({ result: 'q-zxv', review: true });
  });
});

describe('second parts that make compounds: -based, -led, -backed, -using', () => {
  const words = lexicon({
    state: 300,
    based: 50,
    led: 40,
    backed: 10,
    using: 200,
    called: 500,
    cal: 0,
    ai: 0,
  });
  it.each(['Harrogate-based', 'Labour-led', 'state-backed', 'AI-using', 'London-based', 'US-led'])(
    '%s keeps its hyphen',
    (token) => {
      const decision = decideToken(token, words, none);
      expect(decision.result).toBe(token);
      expect(decision.review).toBe(false);
    },
  );
  it('still joins a word whose end only looks like one ("cal-led" → "called")', () => {
    expect(decideToken('cal-led', words, none).result).toBe('called');
  });
});

describe('never a form that nothing supports', () => {
  const words = lexicon({ jay: 5, fella: 1, roc: 0 });
  it.each(['Jay-Z', 'Roc-A-Fella', 'WTHK-TV', 'KX-TG'])('%s is kept as published', (token) => {
    expect(decideToken(token, words, none).result).toBe(token);
  });
  it('joins a name that the names lists attest, and flags one they do not', () => {
    const names: Lexicon = { ...words, isName: (word) => word === 'Okafor' };
    expect(decideToken('Oka-for', names, none)).toMatchObject({ result: 'Okafor', review: false });
    expect(decideToken('Zyx-wob', names, none)).toMatchObject({ result: 'Zyx-wob', review: true });
  });
  it('joins a name that the article writes as part of a compound', () => {
    const evidence = articleEvidence('Darnell Okafor-Reyes returned. Oka-for said little.');
    expect(decideToken('Oka-for', words, evidence).result).toBe('Okafor');
  });
});

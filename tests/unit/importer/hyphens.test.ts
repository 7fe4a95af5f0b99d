import { describe, expect, it } from 'vitest';
import { articleEvidence, decideStep, decideToken, type Lexicon } from '../../../src/importer/hyphens.ts';

/** A small word list with frequencies per million, standing in for the real lexicon. */
function lexicon(words: Record<string, number>): Lexicon {
  return {
    isWord: (word) => word in words || word.toLowerCase() in words,
    perMillion: (word) => words[word.toLowerCase()] ?? 0,
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
    ['e', 'mail', 'keep', 'single letter'],
    ['24', 'hour', 'keep', 'number'],
  ] as const)('%s-%s: %s (%s)', (left, right, action, reason) => {
    const step = decideStep(left, right, words, none);
    expect(step.action).toBe(action);
    expect(step.reason).toContain(reason);
  });

  it('flags a decision the evidence does not settle for review', () => {
    expect(decideStep('fort', 'night', words, none).confidence).toBe('uncertain');
    expect(decideStep('xq', 'zv', words, none)).toMatchObject({ action: 'join', confidence: 'uncertain' });
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

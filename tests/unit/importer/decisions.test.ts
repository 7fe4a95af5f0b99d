import { describe, expect, it } from 'vitest';
import { decisionsPath, parseDecisions } from '../../../src/importer/decisions.ts';
import { editorDecision } from '../../../src/importer/hyphens.ts';

describe('the editor’s decisions file', () => {
  it('sits next to the input, whatever its extension', () => {
    expect(decisionsPath('inbox/story.txt')).toBe('inbox/story.decisions.yaml');
    expect(decisionsPath('inbox/page.html')).toBe('inbox/page.decisions.yaml');
    expect(decisionsPath('inbox.d/notes')).toBe('inbox.d/notes.decisions.yaml');
  });

  it('maps keep, join and a form to the form to print', () => {
    const decisions = parseDecisions(
      'in-form: keep\nfort-night: join\nanti-Rus-sian: anti-Russian\n',
      'd.yaml',
    );
    expect([...decisions]).toEqual([
      ['in-form', 'in-form'],
      ['fort-night', 'fortnight'],
      ['anti-Rus-sian', 'anti-Russian'],
    ]);
  });

  it('reads an empty file as no decisions', () => {
    expect(parseDecisions('# nothing yet\n', 'd.yaml').size).toBe(0);
  });

  it.each([
    ['in-form: inforn\n', 'd.yaml: decisions: “in-form”: “inforn” is neither keep, join nor “in-form”'],
    ['in-form: in--form\n', 'd.yaml: decisions: “in-form”: “in--form” is neither keep'],
    ['inform: keep\n', 'd.yaml: decisions: “inform”: is not a hyphenated word as published'],
    ['in-form: true\n', 'd.yaml: decisions: “in-form”: must be keep, join or the form to print, not true'],
    ['[in-form]\n', 'd.yaml: decisions: must be a mapping'],
    ['in-form: keep\n  : :\n', 'd.yaml: decisions: is not valid YAML'],
  ])('refuses %j, naming the file and the entry', (text, message) => {
    expect(() => parseDecisions(text, 'd.yaml')).toThrow(message);
  });

  it('becomes a decision step by step, certain, with the file as its reason', () => {
    const decision = editorDecision('anti-Rus-sian', 'anti-Russian', 'd.yaml');
    expect(decision).toMatchObject({ result: 'anti-Russian', review: false, editor: true });
    expect(decision.steps.map((s) => [s.action, s.confidence])).toEqual([
      ['keep', 'certain'],
      ['join', 'certain'],
    ]);
    expect(decision.steps[0]?.reason).toBe('the editor’s decision in d.yaml');
  });
});

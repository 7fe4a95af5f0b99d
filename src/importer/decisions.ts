/**
 * An editor's hyphen decisions for one input, in a small YAML file next to it
 * (`story.txt` → `story.decisions.yaml`), honoured on every re-import:
 *
 *   well-known: keep          # the hyphen stays
 *   Kazakhs-tani: join        # every hyphen of the token goes
 *   anti-Rus-sian: anti-Russian   # the form to print: the token less some hyphens
 *
 * Keys are tokens as published (as the report shows them); an entry applies to
 * every occurrence. See docs/importer.md, "Overriding a decision".
 */
import { parse } from 'yaml';
import { ImportError } from './errors.ts';
import { HYPHENATED } from './hyphens.ts';

/** The file that holds the editor's decisions for an input file. */
export function decisionsPath(input: string): string {
  return `${input.replace(/\.[^./\\]+$/u, '')}.decisions.yaml`;
}

/** Published token → the form to print. */
export type EditorDecisions = ReadonlyMap<string, string>;

/** Reads a decisions file; every problem names the file and the entry. */
export function parseDecisions(text: string, file: string): EditorDecisions {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ImportError(
      file,
      'decisions',
      `is not valid YAML (${(error as Error).message.split('\n')[0] ?? ''})`,
    );
  }
  if (data === null || data === undefined) return new Map();
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ImportError(
      file,
      'decisions',
      'must be a mapping of published forms to keep, join or a form, one a line',
    );
  const decisions = new Map<string, string>();
  for (const [token, value] of Object.entries(data)) {
    const field = `decisions: “${token}”`;
    if (!new RegExp(`^${HYPHENATED.source}$`, 'u').test(token))
      throw new ImportError(file, field, 'is not a hyphenated word as published, such as “well-known”');
    if (typeof value !== 'string')
      throw new ImportError(
        file,
        field,
        `must be keep, join or the form to print, not ${JSON.stringify(value)}`,
      );
    const form = value === 'keep' ? token : value === 'join' ? token.replaceAll('-', '') : value;
    // Only hyphens may go: the editor decides line breaks, not spelling.
    const letters = (s: string) => s.replaceAll('-', '');
    if (letters(form) !== letters(token) || !isSubsequence(form, token))
      throw new ImportError(
        file,
        field,
        `“${value}” is neither keep, join nor “${token}” with some of its hyphens removed`,
      );
    decisions.set(token, form);
  }
  return decisions;
}

/** Is `form` the token with some hyphens removed (and nothing else changed)? */
function isSubsequence(form: string, token: string): boolean {
  let i = 0;
  for (const char of token) {
    if (form[i] === char) i++;
    else if (char !== '-') return false;
  }
  return i === form.length;
}

/**
 * Spacing and quotation marks, the print-layout repairs besides hyphens.
 * Each function changes only what it reports; nothing else in the text moves.
 */

/** One change the importer made, or chose not to make, with the text around it. */
export interface Repair {
  kind: 'hyphen' | 'space' | 'quote' | 'left-as-published';
  /** The text as found, e.g. "Norway “)". */
  before: string;
  /** The text as published, e.g. "Norway”)". */
  after: string;
  /** Why, in a sentence an editor can check. */
  reason: string;
  /** Set when the evidence did not settle it: an editor should look. */
  review?: boolean;
}

/** Tabs, runs of spaces and non-breaking spaces become one space; ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** The change with a word or two either side, cut at spaces, for the report. */
function around(text: string, start: number, end: number): string {
  const from = start <= 16 ? 0 : text.indexOf(' ', start - 16) + 1;
  const stop = text.lastIndexOf(' ', end + 16);
  return text.slice(from, end + 16 >= text.length || stop < end ? undefined : stop).trim();
}

/**
 * No space before a closing bracket, comma or full stop; none after an opening
 * bracket. An ellipsis and a decimal point (" .5") are left alone.
 */
export function repairSpacing(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const fixed = text.replace(/(?<=\S) +(?=[)\],]|\.(?![.\d]))|(?<=[([]) +/gu, (spaces, offset: number) => {
    const before = around(text, offset, offset + spaces.length);
    repairs.push({
      kind: 'space',
      before,
      after: before.replace(/(?<=\S) +(?=[)\],.])|(?<=[([]) +/u, ''),
      reason:
        text[offset - 1] === '(' || text[offset - 1] === '['
          ? 'a space after an opening bracket'
          : `a space before “${text[offset + spaces.length] ?? ''}”`,
    });
    return '';
  });
  return { text: fixed, repairs };
}

const DOUBLE = new Set(['"', '“', '”', '„']);
/** What may follow a closing quotation mark. */
const AFTER_CLOSING = /[\s)\]},.;:!?…–—-]/u;
/** What can follow a closing mark but never an opening one. */
const CLOSING_PUNCTUATION = /[)\]},.;:!?]/u;
/** What may come before an opening quotation mark. */
const BEFORE_OPENING = /[\s([{–—-]/u;

/**
 * Quotation marks: straight quotes become typographic ones, and a mark that
 * closes a quotation becomes a closing mark even when printed as an opening one
 * ("Norway “)" → "Norway”)"), losing a stray space before it. Whether a mark
 * opens or closes is read from its neighbours and, when they do not tell,
 * from whether a quotation is open. `open` carries that state between the text
 * nodes of one paragraph.
 */
export class QuoteRepairer {
  open = false;
  readonly repairs: Repair[] = [];

  /** Repairs one run of text; `before` and `after` are the characters around it in its paragraph. */
  repair(text: string, before = '', after = ''): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const char = text[i] ?? '';
      const prev = i > 0 ? (out.at(-1) ?? '') : before;
      const next = i + 1 < text.length ? (text[i + 1] ?? '') : after;
      if (DOUBLE.has(char)) {
        const closes = this.closes(prev, next);
        const mark = char === '„' ? char : closes ? '”' : '“';
        this.open = !closes;
        // "Norway “)": a spaced mark that closes a quotation belongs to the word before it.
        if (closes && prev === ' ' && !/[\p{L}\p{N}]/u.test(next)) {
          out = out.slice(0, -1);
          this.note(around(text, i - 1, i + 1), ` ${char}`, mark, 'a space before a closing quotation mark');
        } else if (char !== mark) {
          const reason =
            char === '"'
              ? 'a straight quotation mark made typographic'
              : `the mark ${closes ? 'closes' : 'opens'} a quotation`;
          this.note(around(text, i, i + 1), char, mark, reason);
        }
        out += mark;
      } else if (char === "'") {
        // An apostrophe or closing quote after a letter, digit or stop ("Russia's", "players'"),
        // an apostrophe before a decade ("'90s"), otherwise an opening single quote.
        const decade = /^\d\ds/u.test(text.slice(i + 1));
        const mark = /[\p{L}\p{N}.,!?]/u.test(prev) || decade ? '’' : '‘';
        this.note(around(text, i, i + 1), char, mark, 'a straight quotation mark made typographic');
        out += mark;
      } else {
        out += char;
      }
    }
    return out;
  }

  private closes(prev: string, next: string): boolean {
    const afterWord = prev !== '' && !BEFORE_OPENING.test(prev);
    const beforeWord = next !== '' && !AFTER_CLOSING.test(next);
    if (afterWord && !beforeWord) return true;
    if (beforeWord && !afterWord) return false;
    // Spaced on the left: before a closing bracket or a stop, or at the end, no quotation can open.
    if (!afterWord && (next === '' || CLOSING_PUNCTUATION.test(next))) return true;
    // Otherwise the open quotation decides.
    return this.open;
  }

  private note(context: string, from: string, to: string, reason: string): void {
    this.repairs.push({ kind: 'quote', before: context, after: context.replace(from, to), reason });
  }
}

/** Doubled words ("look look"): kept, and listed for the editor. */
export function findDoubledWords(text: string): Repair[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}])([\p{L}\p{N}’']+) \1(?![\p{L}\p{N}])/giu)].map(([words]) => ({
    kind: 'left-as-published',
    before: words,
    after: words,
    reason: 'a doubled word, kept as the source printed it',
    review: true,
  }));
}

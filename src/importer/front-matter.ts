/**
 * YAML front matter in Broadsheet's house order, with a comment above any
 * field that is inferred or supplied by the editor rather than given by the
 * source. Date-times are always quoted: YAML would otherwise turn them into
 * dates and lose their offsets.
 */
import { parse, stringify } from 'yaml';

/** A list item: text, or a small mapping such as `{ published: …, shown: … }`. */
export type Item = string | Readonly<Record<string, string>>;
/** Text, a list of text, or named lists (the repair record). */
export type Value = string | string[] | Readonly<Record<string, readonly Item[]>>;

export interface Field {
  key: string;
  value: Value;
  /** Lines of comment written above the field. */
  comment?: string[];
  /** Write the value in double quotes whatever it is. */
  quoted?: boolean;
}

const scalar = (value: string, quoted = false) =>
  quoted ? JSON.stringify(value) : stringify(value, { lineWidth: 0, defaultStringType: 'PLAIN' }).trimEnd();

/** Flow-style list items must also survive the flow context (commas, brackets). */
const flowItem = (value: string) =>
  /[,[\]{}#&*!|>'"%@`]|^[-?:]|: /u.test(value) ? JSON.stringify(value) : scalar(value);

/** Verbatim text in a flow collection: quoted unless plain words that YAML reads back as the same text. */
const verbatimItem = (value: string) =>
  /^[\p{L}\p{N}][^,[\]{}#:"'\n]*(?<!\s)$/u.test(value) && parse(value) === value
    ? value
    : JSON.stringify(value);

/** Named lists as a block mapping: lists of text in flow style, lists of mappings one per line. */
function namedLists(lists: Readonly<Record<string, readonly Item[]>>): string[] {
  return Object.entries(lists).flatMap(([name, items]) =>
    items.every((item) => typeof item === 'string')
      ? [`  ${name}: [${items.map(verbatimItem).join(', ')}]`]
      : [
          `  ${name}:`,
          ...items.map((item) =>
            typeof item === 'string'
              ? `    - ${verbatimItem(item)}`
              : `    - { ${Object.entries(item)
                  .map(([key, value]) => `${key}: ${verbatimItem(value)}`)
                  .join(', ')} }`,
          ),
        ],
  );
}

export function frontMatter(header: string[], fields: readonly Field[]): string {
  const lines = ['---', ...header.map((line) => `# ${line}`)];
  for (const { key, value, comment = [], quoted } of fields) {
    lines.push(...comment.map((line) => `# ${line}`));
    if (typeof value === 'object' && !Array.isArray(value)) {
      lines.push(`${key}:`, ...namedLists(value));
      continue;
    }
    lines.push(
      `${key}: ${Array.isArray(value) ? `[${value.map(flowItem).join(', ')}]` : scalar(value, quoted)}`,
    );
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

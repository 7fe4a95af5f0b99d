/**
 * YAML front matter in Broadsheet's house order, with a comment above any
 * field that is inferred or supplied by the editor rather than given by the
 * source. Date-times are always quoted: YAML would otherwise turn them into
 * dates and lose their offsets.
 */
import { stringify } from 'yaml';

export type Value = string | string[];

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

export function frontMatter(header: string[], fields: readonly Field[]): string {
  const lines = ['---', ...header.map((line) => `# ${line}`)];
  for (const { key, value, comment = [], quoted } of fields) {
    lines.push(...comment.map((line) => `# ${line}`));
    lines.push(
      `${key}: ${Array.isArray(value) ? `[${value.map(flowItem).join(', ')}]` : scalar(value, quoted)}`,
    );
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

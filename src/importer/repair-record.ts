/**
 * The repair record an import writes into the article's front matter: every
 * change made to the text as published, for readers to see (the article page
 * lists it; src/catalog/repairs.ts reads it back). Only changes: hyphens kept
 * and doubled words left as published are the report's, not the record's.
 */
import type { Change, RepairRecord } from '../catalog/repairs.ts';
import type { Field, Item } from './front-matter.ts';
import type { HyphenDecision } from './hyphens.ts';
import type { Repair } from './typography.ts';

export function repairRecordOf(
  hyphens: readonly HyphenDecision[],
  repairs: readonly Repair[],
  trailer: readonly string[],
): RepairRecord {
  const changed = (kind: Repair['kind']) =>
    repairs
      .filter((repair) => repair.kind === kind && repair.before !== repair.after)
      .map((repair) => ({ published: repair.before, shown: repair.after }));
  return {
    words: hyphens
      .filter((decision) => decision.result !== decision.token)
      .map((decision) => ({ published: decision.token, shown: decision.result })),
    spacing: changed('space'),
    quotes: changed('quote'),
    trailer: [...trailer],
  };
}

const COMMENT = [
  'The repair record: what the importer changed of the text as published, as published → as shown,',
  'each list in reading order: words rejoined, spaces removed, quotation marks set right, lines left',
  'out after the text. The article page lists it for readers (docs/importer.md, “The repair record”).',
];

/** The `repairs` front-matter field, with only the kinds present; none when nothing changed. */
export function recordField(record: RepairRecord): Field | undefined {
  const changes = (list: readonly Change[]) => list.map(({ published, shown }) => ({ published, shown }));
  const all: [keyof RepairRecord, readonly Item[]][] = [
    ['words', changes(record.words)],
    ['spacing', changes(record.spacing)],
    ['quotes', changes(record.quotes)],
    ['trailer', record.trailer],
  ];
  const sections = all.filter(([, items]) => items.length > 0);
  if (sections.length === 0) return undefined;
  return { key: 'repairs', value: Object.fromEntries<readonly Item[]>(sections), comment: COMMENT };
}

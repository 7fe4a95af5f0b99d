import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendRows, BUILD_COLUMNS, csvField } from '../../../scripts/bench/results.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  dirs.push(dir);
  return join(dir, 'build.csv');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [12.5, '12.5'],
    [undefined, ''],
    [Number.NaN, ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('appendRows', () => {
  it('writes the header once, then one line per row, each cell under its column', () => {
    const path = scratch();
    appendRows(path, [{ date: '2026-12-06', articles: 1000, cold_s: '18.6' }]);
    appendRows(path, [{ date: '2026-12-07', articles: 10000, exit_s: '0.1', commit: 'abc,1' }]);
    const [header, first, second, end] = readFileSync(path, 'utf8').split('\n');
    expect(header?.split(',')).toEqual([...BUILD_COLUMNS]);
    const cell = (line: string | undefined, column: (typeof BUILD_COLUMNS)[number]) =>
      line?.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/u)[BUILD_COLUMNS.indexOf(column)];
    expect(cell(first, 'date')).toBe('2026-12-06');
    expect(cell(first, 'articles')).toBe('1000');
    expect(cell(first, 'cold_s')).toBe('18.6');
    expect(cell(first, 'warm_s')).toBe('');
    expect(cell(second, 'commit')).toBe('"abc,1"');
    expect(cell(second, 'exit_s')).toBe('0.1');
    expect(first?.split(',')).toHaveLength(BUILD_COLUMNS.length);
    expect(end).toBe('');
  });

  it('makes the folder of a new file', () => {
    const path = join(scratch(), '..', 'new', 'build.csv');
    appendRows(path, [{ articles: 1 }]);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(BUILD_COLUMNS.join(','));
  });

  it('refuses a file whose header is not the one it writes, and leaves it as it was', () => {
    const path = scratch();
    writeFileSync(path, 'date,cold\n2026-01-01,1\n');
    expect(() => {
      appendRows(path, [{ date: '2026-12-06' }]);
    }).toThrow(/build\.csv: the first line is not the header bench:build writes/u);
    expect(readFileSync(path, 'utf8')).toBe('date,cold\n2026-01-01,1\n');
  });
});

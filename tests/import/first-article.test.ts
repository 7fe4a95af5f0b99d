/** Importing the first article's raw text reproduces the committed Markdown byte for byte. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/project.ts';

const ARTICLE = 'content/articles/2022-01-06-csto-undergoes-baptism-of-fire-in-kazakhstan.md';

it('the importer reproduces the committed first article exactly', () => {
  const result = spawnSync(
    process.execPath,
    [
      'scripts/import.ts',
      '--stdout',
      '--published',
      '2022-01-06',
      '--format',
      'opinion',
      '--topics',
      'Kazakhstan,CSTO,Russia',
      '--original-url',
      'https://thefrontierpost.com/csto-undergoes-baptism-of-fire-in-kazakhstan/',
      'tests/fixtures/raw/000_995030a6f9111d80.txt',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(result.stderr).toContain('collea-gues → colleagues');
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(readFileSync(join(ROOT, ARTICLE), 'utf8'));
});

it('the raw fixture is the shared source, unchanged', () => {
  const shared = join(ROOT, '../shared/source/000_995030a6f9111d80.txt');
  let source: Buffer;
  try {
    source = readFileSync(shared);
  } catch {
    // A clone outside the workspace has no ../shared; the fixture is then the only copy.
    return;
  }
  expect(readFileSync(join(ROOT, 'tests/fixtures/raw/000_995030a6f9111d80.txt')).equals(source)).toBe(true);
});

/** The digest of a module and what it imports: it changes exactly when that code or the lockfile does. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { moduleGraph, relativeImports, sourceDigest } from '../../../src/build/source-digest.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-digest-'));
  await writeFile(
    join(dir, 'entry.ts'),
    "import { a } from './a.ts';\nimport 'node:fs';\nexport * from './b.ts';\n",
  );
  await writeFile(join(dir, 'a.ts'), "import type { B } from './b.ts';\nexport const a = 1;\n");
  await writeFile(join(dir, 'b.ts'), 'export const b = 2;\n');
  await writeFile(join(dir, 'unrelated.ts'), 'export const c = 3;\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('relativeImports and moduleGraph', () => {
  test('follow relative imports and re-exports, not packages or built-ins', () => {
    expect(
      relativeImports("import x from './x.ts';\nexport { y } from \"../y.ts\";\nimport 'z';", '/p/q/m.ts'),
    ).toEqual(['/p/q/x.ts', '/p/y.ts']);
    expect(moduleGraph(join(dir, 'entry.ts')).sort()).toEqual(
      ['a.ts', 'b.ts', 'entry.ts'].map((file) => join(dir, file)),
    );
  });

  test('a missing import is an error naming it', () => {
    expect(() => moduleGraph(join(dir, 'missing.ts'))).toThrow(/missing\.ts, which does not exist/);
  });
});

describe('sourceDigest', () => {
  test('changes when a module of the graph or the lockfile changes, not when another file does', async () => {
    const entry = join(dir, 'entry.ts');
    const first = sourceDigest(entry);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(sourceDigest(entry)).toBe(first);

    await writeFile(join(dir, 'unrelated.ts'), 'export const c = 4;\n');
    expect(sourceDigest(entry)).toBe(first);

    await writeFile(join(dir, 'b.ts'), 'export const b = 3;\n');
    const second = sourceDigest(entry);
    expect(second).not.toBe(first);

    await writeFile(join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
    expect(sourceDigest(entry)).not.toBe(second);
  });
});

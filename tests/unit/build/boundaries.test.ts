/**
 * The folder boundaries of docs/architecture.md are lint rules (eslint.config.js): code in each folder is linted
 * here as if it stood there, with an import that crosses the boundary and one that does not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/project.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The messages of no-restricted-imports for `code` as the file at `path` (a .mjs file: no type information needed). */
async function crossings(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['src/build/probe.mjs'],
    ['src/bodies/probe.mjs'],
    ['src/bodies/plugins/probe.mjs'],
    ['src/previews/probe.mjs'],
    ['src/importer/probe.mjs'],
    ['scripts/probe.mjs'],
    ['src/lib/probe.mjs'],
    ['src/client/probe.mjs'],
  ])('%s may not import an astro:* module', async (path) => {
    expect(
      await crossings(path, "import { getCollection } from 'astro:content';\nexport { getCollection };\n"),
    ).toEqual([expect.stringMatching(/outside Vite/u)]);
  });

  it('pages and the catalogue may import astro:* modules', async () => {
    expect(
      await crossings('src/catalog/probe.mjs', "export { getCollection } from 'astro:content';\n"),
    ).toEqual([]);
  });

  it('src/lib imports no domain folder and no Node module', async () => {
    expect(
      await crossings('src/lib/probe.mjs', "export { getCatalog } from '../catalog/catalog.ts';\n"),
    ).toEqual([expect.stringMatching(/imports no domain folder/u)]);
    expect(await crossings('src/lib/probe.mjs', "export { readFileSync } from 'node:fs';\n")).toEqual([
      expect.stringMatching(/is pure/u),
    ]);
    expect(await crossings('src/lib/probe.mjs', "export { zoned } from './dates.ts';\n")).toEqual([]);
  });

  it('browser scripts import no Node module', async () => {
    expect(await crossings('src/client/probe.mjs', "export { readFileSync } from 'node:fs';\n")).toEqual([
      expect.stringMatching(/runs in browsers/u),
    ]);
    expect(await crossings('src/build/probe.mjs', "export { readFileSync } from 'node:fs';\n")).toEqual([]);
  });
});

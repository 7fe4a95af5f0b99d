/** Every internal link of the built site resolves: pages, feeds, sitemaps, llms.txt and _redirects. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { expect, test } from 'vitest';
import { findBrokenLinks, readsText } from '../helpers/link-check.ts';
import { resolveSiteUrl } from '../../src/site.ts';
import { DIST } from '../helpers/project.ts';

/** Every file of dist/ by its path relative to dist/, with the text of those the checker reads. */
async function builtFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(DIST, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(DIST, path).split(sep).join('/');
    files.set(file, readsText(file) ? await readFile(path, 'utf8') : '');
  }
  return files;
}

test('no internal link or #fragment in dist/ points to nothing', async () => {
  const files = await builtFiles();
  const { checked, broken } = findBrokenLinks(files, resolveSiteUrl());
  // Every page links to the home page, its feeds and more: a handful would mean the checker read nothing.
  expect(checked).toBeGreaterThan(files.size);
  // One line per broken URL, with the files it is in: a broken link in the header is on every page.
  const byLink = Map.groupBy(broken, ({ url, problem }) => `${url} ${problem}`);
  const lines = [...byLink].map(([link, found]) => {
    const files = found.map(({ file }) => file);
    const more = files.length > 3 ? `, and ${String(files.length - 3)} more` : '';
    return `${link}\n    in ${files.slice(0, 3).join(', ')}${more}`;
  });
  expect(lines, `${String(broken.length)} broken links:\n${lines.join('\n')}`).toEqual([]);
});

/** Every built page is valid HTML, by the W3C's Nu Html Checker, run once over all of them. */
import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { DIST } from '../helpers/project.ts';
import { checkHtml } from '../helpers/vnu.ts';

test('every built page passes the Nu Html Checker without errors', async () => {
  const pages = (await readdir(DIST, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  expect(pages.length).toBeGreaterThan(5);
  const { errors, unchecked, status } = checkHtml(DIST, pages);
  expect(unchecked, 'vnu did not check these pages (is the locale UTF-8? try LC_ALL=C.UTF-8)').toEqual([]);
  expect(errors, `${String(errors.length)} HTML errors:\n${errors.join('\n')}`).toEqual([]);
  expect(status).toBe(0);
});

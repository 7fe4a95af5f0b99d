/**
 * Reader modes: Firefox Reader View runs Mozilla Readability; Safari Reader
 * works alike. On the built article they must find the headline, byline, date,
 * source and the whole body, and nothing else.
 */
import { Readability } from '@mozilla/readability';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, expect, test } from 'vitest';
import { DIST } from '../helpers/project.ts';

const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';

let result: ReturnType<Readability['parse']>;
let body: string[];
beforeAll(async () => {
  const html = await readFile(join(DIST, PERMALINK, 'index.html'), 'utf8');
  const page = new JSDOM(html, { url: `https://broadsheet.example${PERMALINK}` }).window.document;
  body = [...page.querySelectorAll('article .body > p')].map((p) => (p.firstChild?.textContent ?? '').trim());
  result = new Readability(page).parse();
});

test('finds the headline, the byline, the date and the site', () => {
  expect(result?.title).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan');
  expect(result?.byline).toContain('Irina Alksnis');
  expect(result?.publishedTime).toBe('2022-01-06T00:00:00Z');
  expect(result?.siteName).toBe('Broadsheet');
});

test('keeps the whole body, every paragraph in order', () => {
  const text = result?.textContent ?? '';
  expect(body).toHaveLength(11);
  let from = 0;
  for (const paragraph of body) {
    const at = text.indexOf(paragraph, from);
    expect(at, paragraph.slice(0, 40)).toBeGreaterThanOrEqual(from);
    from = at + paragraph.length;
  }
});

test('names the source, and leaves out navigation, share links, topics and the footer', () => {
  const text = result?.textContent ?? '';
  expect(text).toContain('The Frontier Post');
  for (const chrome of [
    'Skip to content',
    'Share',
    'WhatsApp',
    'Copy link',
    'Permalink:',
    'Topics',
    'JSON Feed',
    'Dark theme',
  ]) {
    expect(text, chrome).not.toContain(chrome);
  }
});

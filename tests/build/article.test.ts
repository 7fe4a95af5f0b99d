/**
 * The first article, as built: the source text word for word with its
 * print-layout damage repaired, and the metadata around it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveSiteUrl } from '../../src/site.ts';
import { DIST, ROOT, readPage, textOf } from '../helpers/project.ts';

const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const RAW = join(ROOT, 'tests/fixtures/raw/000_995030a6f9111d80.txt');

/**
 * The editor's reading of the raw text: every piece of print-layout damage and
 * its repair. Words broken at a line end are rejoined; a closing quote printed
 * as an opening one is turned; stray spaces before closing marks go.
 */
const REPAIRS: [damaged: string, repaired: string][] = [
  ['collea-gues', 'colleagues'],
  ['(CS-TO)', '(CSTO)'],
  ['Arme-nia', 'Armenia'],
  ['Norway “)', 'Norway”)'],
  ['facilities )', 'facilities)'],
  ['co-urse', 'course'],
  ['Ka-zakh', 'Kazakh'],
  ['aut-omatically', 'automatically'],
  ['fina-nce', 'finance'],
  ['C-STO', 'CSTO'],
  ['bapti-sm', 'baptism'],
  ['b-ut', 'but'],
  ['A-sian', 'Asian'],
  ['no-thing', 'nothing'],
  ['yesterd-ay', 'yesterday'],
  ['NA-TO', 'NATO'],
  ['thi-nk', 'think'],
];
/** Real compounds, which keep their hyphen. */
const COMPOUNDS = ['well-known', 'lightning-fast', 'post-Soviet', 'anti-Russian'];

/** The raw body: the lines between the author's name and the site's "About the author" trailer. */
function rawParagraphs(raw: string): string[] {
  const lines = raw.split('\n').map((line) => line.trim());
  const start = lines.indexOf('Irina Alksnis') + 1;
  const end = lines.indexOf('About the author');
  return lines.slice(start, end).filter(Boolean);
}

/** A paragraph's text without its "¶" self-link. */
function proseOf(paragraph: Element): string {
  const copy = paragraph.cloneNode(true) as Element;
  for (const link of copy.querySelectorAll('.pilcrow')) link.remove();
  return textOf(copy);
}

let page: Document;
let paragraphs: string[];
beforeAll(async () => {
  page = await readPage(DIST, PERMALINK);
  paragraphs = [...page.querySelectorAll('article .body p')].map(proseOf);
});

describe('the body', () => {
  test('is the eleven paragraphs of the source with every repair made, and nothing else changed', async () => {
    let expected = rawParagraphs(await readFile(RAW, 'utf8')).join('\n');
    for (const [damaged, repaired] of REPAIRS) {
      expect(expected, `"${damaged}" should occur once in the source`).toContain(damaged);
      expected = expected.replace(damaged, repaired);
    }
    expect(paragraphs).toHaveLength(11);
    expect(paragraphs).toEqual(expected.split('\n'));
  });

  test('has no hyphenated word left but the real compounds', () => {
    const hyphenated = paragraphs.join(' ').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [];
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const word of hyphenated) expect(COMPOUNDS).toContain(word);
  });

  test('has no space before a closing mark, and its quotation marks pair up', () => {
    const text = paragraphs.join('\n');
    expect(text).not.toMatch(/\s[)\]”’,.;:]/);
    expect(text.match(/“/g)?.length).toBe(text.match(/”/g)?.length);
  });

  test('every paragraph has a stable id and a "¶" link to itself', () => {
    const nodes = [...page.querySelectorAll('article .body > p')];
    expect(nodes).toHaveLength(11);
    nodes.forEach((node, i) => {
      expect(node.id).toBe(`p-${String(i + 1)}`);
      const links = node.querySelectorAll('a.pilcrow');
      expect(links).toHaveLength(1);
      expect(links[0]?.getAttribute('href')).toBe(`#${node.id}`);
      expect(links[0]?.textContent).toBe('¶');
      expect(links[0]?.getAttribute('aria-label')).toMatch(/paragraph \d+/u);
    });
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  });

  test('leaves out the site chrome after the article', () => {
    const body = textOf(page.querySelector('article .body'));
    expect(body).not.toContain('About the author');
    expect(body).not.toContain('The Frontier Post');
  });
});

describe('the metadata', () => {
  const site = resolveSiteUrl();

  test('kicker, headline with its curly quotes, and dek', () => {
    const header = page.querySelector('article header');
    expect(textOf(header?.querySelector('.kicker'))).toBe('Opinion');
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(header?.querySelector('h1'))).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan');
    expect(textOf(header?.querySelector('.dek'))).toBe(
      'Russian paratroopers have begun to carry out a peacekeeping mission in the Republic of Kazakhstan.',
    );
  });

  test('byline links to the author page', () => {
    const byline = page.querySelector('.byline');
    expect(textOf(byline)).toBe('By Irina Alksnis');
    expect(byline?.querySelector('a')?.getAttribute('href')).toBe('/authors/irina-alksnis/');
  });

  test('source credit links to the source page and the original', () => {
    const credit = page.querySelector('.source');
    expect(textOf(credit)).toMatch(/^Originally published by The Frontier Post/);
    const hrefs = [...(credit?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      '/sources/the-frontier-post/',
      'https://thefrontierpost.com/csto-undergoes-baptism-of-fire-in-kazakhstan/',
    ]);
  });

  test('dateline gives the inferred date as a machine-readable time, and a reading time', () => {
    const time = page.querySelector('.dateline time.published');
    expect(time?.getAttribute('datetime')).toMatch(/^2022-01-06T/);
    expect(textOf(time)).toBe('6 January 2022');
    // The body has some 860 words: between 3 and 5 minutes at any common reading speed.
    expect(textOf(page.querySelector('.dateline'))).toMatch(/\b[3-5] min read\b/);
    // The article has no `updated`, so no "Updated" note.
    expect(page.querySelector('.dateline time.updated')).toBeNull();
  });

  test('topics are listed', () => {
    expect([...page.querySelectorAll('.topics li')].map((li) => textOf(li))).toEqual([
      'Kazakhstan',
      'CSTO',
      'Russia',
    ]);
  });

  test('head: language, title, description, canonical and favicon', () => {
    expect(page.documentElement.lang).toBe('en');
    expect(page.title).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan – Broadsheet');
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      textOf(page.querySelector('.dek')),
    );
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      new URL(PERMALINK, site).href,
    );
    expect(page.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/favicon.svg');
  });

  test('needs no JavaScript: its scripts are structured data, the theme set-up and enhancement modules', () => {
    const scripts = [...page.querySelectorAll('script')];
    expect(scripts.filter((script) => script.type === 'application/ld+json')).toHaveLength(2);
    const classic = scripts.filter((script) => script.type === '');
    // The one classic script applies a remembered theme before paint, and only that.
    expect(classic).toHaveLength(1);
    expect(classic[0]?.textContent).toContain("localStorage.getItem('theme')");
    for (const script of scripts) expect(['application/ld+json', 'module', '']).toContain(script.type);
  });
});

/**
 * The first article's repair note, as built: its counts are the content file's
 * record, and its list shows each change as published → as shown, where the
 * published forms are the source's and the shown forms are the page's text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, DIST, makeSite, ROOT, readPage, textOf } from '../helpers/project.ts';

const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const ARTICLE = join(ROOT, 'content/articles/2022-01-06-csto-undergoes-baptism-of-fire-in-kazakhstan.md');
const RAW = join(ROOT, 'tests/fixtures/raw/000_995030a6f9111d80.txt');

interface Record {
  words: { published: string; shown: string }[];
  spacing: { published: string; shown: string }[];
  quotes: { published: string; shown: string }[];
  trailer: string[];
}

let page: Document;
let record: Record;
let raw: string;
let bodyText: string;
beforeAll(async () => {
  page = await readPage(DIST, PERMALINK);
  const front = /^---\n([\s\S]*?\n)---\n/u.exec(await readFile(ARTICLE, 'utf8'))?.[1] ?? '';
  record = (parse(front) as { repairs: Record }).repairs;
  raw = await readFile(RAW, 'utf8');
  bodyText = [page.querySelector('article h1'), ...page.querySelectorAll('article .body p')]
    .map((node) => textOf(node))
    .join('\n');
});

const changesOf = (list: Element | null) =>
  [...(list?.querySelectorAll('li') ?? [])].map((item) => ({
    published: item.querySelector('del')?.textContent ?? '',
    shown: item.querySelector('ins')?.textContent ?? '',
  }));

describe('the repair note', () => {
  test('follows the source note, outside the article that reader modes and search take', () => {
    const note = page.querySelector('details.repair-note');
    const sourceNote = page.querySelector('.source-note');
    expect(note).not.toBeNull();
    expect(sourceNote && note && sourceNote.compareDocumentPosition(note) & 4).toBe(4);
    expect(note?.closest('article, [data-pagefind-body]')).toBeNull();
    // Closed until the reader asks: a disclosure, no script.
    expect(note?.hasAttribute('open')).toBe(false);
    expect(note?.firstElementChild?.tagName).toBe('SUMMARY');
  });

  test('counts what the content file records, in words', () => {
    const summary = textOf(page.querySelector('.repair-note summary'));
    expect(record.words).toHaveLength(15);
    expect(summary).toMatch(/^Print-layout damage repaired: .*; see what changed$/u);
    expect(summary).toContain(`${String(record.words.length)} words rejoined`);
    expect(summary).toContain(`${String(record.spacing.length)} space removed`);
    expect(summary).toContain(`${String(record.quotes.length)} quotation mark corrected`);
    expect(summary).toContain(`${String(record.trailer.length)} lines after the text left out`);
  });

  test('lists the 15 rejoined words: shown as the page has them, published as the source printed them', () => {
    const words = changesOf(page.querySelector('.repair-note ol[data-kind="words"]'));
    expect(words).toEqual(record.words);
    expect(words).toHaveLength(15);
    const bodyWords = new Set(bodyText.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu));
    for (const { published, shown } of words) {
      expect(bodyWords, shown).toContain(shown);
      expect(bodyWords, published).not.toContain(published);
      expect(raw, published).toContain(published);
    }
  });

  test('lists the spacing and quotation-mark fixes and the trailer as in the record and the source', () => {
    const spacing = changesOf(page.querySelector('.repair-note ol[data-kind="spacing"]'));
    const quotes = changesOf(page.querySelector('.repair-note ol[data-kind="quotes"]'));
    expect(spacing).toEqual(record.spacing);
    expect(quotes).toEqual(record.quotes);
    const flat = raw.replace(/\s+/gu, ' ');
    for (const { published, shown } of [...spacing, ...quotes]) {
      expect(flat, published).toContain(published);
      expect(bodyText.replace(/\s+/gu, ' '), shown).toContain(shown);
      expect(bodyText, published).not.toContain(published);
    }
    const trailer = [...page.querySelectorAll('.repair-note ol[data-kind="trailer"] li')].map(textOf);
    expect(trailer).toEqual(record.trailer);
    for (const line of trailer) expect(raw.split('\n').map((l) => l.trim())).toContain(line);
  });
});

describe('the text as shown elsewhere', () => {
  test('the Markdown copy and the JSON-LD carry no published form', async () => {
    const copy = await readFile(join(DIST, PERMALINK.replace(/\/$/u, '.md')), 'utf8');
    const jsonLd = [...page.querySelectorAll('script[type="application/ld+json"]')]
      .map((script) => script.textContent)
      .join('\n');
    expect(copy).toContain('colleagues');
    for (const { published } of record.words) {
      expect(copy).not.toContain(published);
      expect(jsonLd).not.toContain(published);
    }
  });
});

describe('a bad record', () => {
  test('stops the build, naming the file, the field and what is wrong', async () => {
    const bad = validArticle({
      repairs: { words: [{ published: 'b-ut' }, { published: 'well-known', shown: 'well-known' }] },
    });
    const root = await makeSite('repair-record-bad', { ...people, 'articles/bad.md': markdown(bad) });
    const { status, output } = buildSite(root);
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/bad.md');
    expect(output).toMatch(/repairs\.words\.0\.shown: is required: give the text as shown/u);
    expect(output).toMatch(
      /repairs\.words\.1\.shown: is the same as published \("well-known"\): a record lists only what changed/u,
    );
  }, 300_000);
});

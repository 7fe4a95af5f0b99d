/**
 * Bad content stops the build with an error that names the file, the field
 * and the fix, and leaves no half-written site behind.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { data, markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, makeSite } from '../helpers/project.ts';

interface Case {
  name: string;
  /** Content files besides the authors and sources in `people`. */
  files: Record<string, string | Uint8Array>;
  /** The file the error must name, relative to the fixture root. */
  file: string;
  /** What the message must say about the field and the fix. */
  says: RegExp[];
}

const article = (overrides: Record<string, unknown>) => markdown(validArticle(overrides));
const without = (field: string) =>
  markdown(Object.fromEntries(Object.entries(validArticle()).filter(([key]) => key !== field)));

/** The line of `text` that contains `part`, counting from 1. */
const lineOf = (text: string, part: string): number =>
  text.split('\n').findIndex((line) => line.includes(part)) + 1;

const IMAGE_ARTICLE = markdown(validArticle(), 'A paragraph.\n\n![A harbour](./images/missing.jpg)');
const UNUSABLE_IMAGES = markdown(
  validArticle(),
  [
    'A paragraph.',
    '![On another site](https://elsewhere.example/harbour.jpg)',
    '![Outside the image folder](../../src/secret.jpg)',
    '![An animation](./images/animated.gif)',
    '<p><img src="images/raw-html.png" alt="In raw HTML"></p>',
  ].join('\n\n'),
);
/** The smallest GIF: one transparent pixel. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const cases: Case[] = [
  {
    name: 'missing title',
    files: { 'articles/bad.md': without('title') },
    file: 'content/articles/bad.md',
    says: [/title: is required: give .*headline/],
  },
  {
    name: 'title is a number',
    files: { 'articles/bad.md': article({ title: 42 }) },
    file: 'content/articles/bad.md',
    says: [/title: must be text .*not a number/],
  },
  {
    name: 'empty dek',
    files: { 'articles/bad.md': article({ dek: '  ' }) },
    file: 'content/articles/bad.md',
    says: [/dek: must not be empty/],
  },
  {
    name: 'unknown field',
    files: { 'articles/bad.md': article({ colour: 'red' }) },
    file: 'content/articles/bad.md',
    says: [/colour: is not a known field; the fields are: title, dek/],
  },
  {
    name: 'unquoted date-time',
    files: {
      'articles/bad.md': article({}).replace('"2024-05-01T09:00:00+02:00"', '2024-05-01T09:00:00+02:00'),
    },
    file: 'content/articles/bad.md',
    says: [/published: must be in quotes/],
  },
  {
    name: 'date without a time zone',
    files: { 'articles/bad.md': article({ published: '2024-05-01T09:00:00' }) },
    file: 'content/articles/bad.md',
    says: [/published: .*has no time zone; add "Z" or an offset/],
  },
  {
    name: 'impossible date',
    files: { 'articles/bad.md': article({ published: '2024-02-30T09:00:00Z' }) },
    file: 'content/articles/bad.md',
    says: [/published: .*not a real date/],
  },
  {
    name: 'updated before published',
    files: { 'articles/bad.md': article({ updated: '2024-04-01T09:00:00Z' }) },
    file: 'content/articles/bad.md',
    says: [/updated: is before published/],
  },
  {
    name: 'unknown format',
    files: { 'articles/bad.md': article({ format: 'editorial' }) },
    file: 'content/articles/bad.md',
    says: [/format: "editorial" is not a format: use one of news, opinion, analysis/],
  },
  {
    name: 'slug with a slash',
    files: { 'articles/bad.md': article({ slug: '../etc/passwd' }) },
    file: 'content/articles/bad.md',
    says: [/slug: .* is not a valid slug: use lowercase/],
  },
  {
    name: 'no authors',
    files: { 'articles/bad.md': article({ authors: [] }) },
    file: 'content/articles/bad.md',
    says: [/authors: must name at least one author/],
  },
  {
    name: 'unknown author',
    files: { 'articles/bad.md': article({ authors: ['nobody'] }) },
    file: 'content/articles/bad.md',
    says: [
      /authors\[0\] "nobody" is not an author\. Add content\/authors\/nobody\.yaml, or use one of: ann-author, ben-writer/,
    ],
  },
  {
    name: 'unknown source',
    files: { 'articles/bad.md': article({ source: 'nowhere' }) },
    file: 'content/articles/bad.md',
    says: [/source "nowhere" is not a source\. Add content\/sources\/nowhere\.yaml/],
  },
  {
    name: 'script URL as original',
    files: { 'articles/bad.md': article({ originalUrl: 'javascript:alert(1)' }) },
    file: 'content/articles/bad.md',
    says: [/originalUrl: .* is not an absolute http\(s\) URL/],
  },
  {
    name: 'bad language tag',
    files: { 'articles/bad.md': article({ language: 'english please' }) },
    file: 'content/articles/bad.md',
    says: [/language: .* is not a BCP 47 language tag/],
  },
  {
    name: 'two articles at one URL',
    files: {
      'articles/a-first.md': article({}),
      'articles/b-second.md': article({ published: '2024-05-01T20:00:00+02:00' }),
    },
    file: 'content/articles/b-second.md',
    says: [
      /slug "a-valid-headline" and its published date give \/2024\/05\/01\/a-valid-headline\/, already the URL of content\/articles\/a-first\.md\. Give one of the two a different slug/,
    ],
  },
  {
    name: 'author without a name',
    files: { 'authors/zed.yaml': data({ slug: 'zed' }) },
    file: 'content/authors/zed.yaml',
    says: [/name: is required/],
  },
  {
    name: 'source without a URL',
    files: { 'sources/bad.yaml': data({ name: 'Bad', slug: 'bad' }) },
    file: 'content/sources/bad.yaml',
    says: [/url: is required: give the publisher’s home page/],
  },
  {
    name: 'slug with dots',
    files: { 'articles/bad.md': article({ slug: '..hidden.page' }) },
    file: 'content/articles/bad.md',
    says: [/slug: "\.\.hidden\.page" is not a valid slug/],
  },
  {
    name: 'time zone out of range',
    files: { 'articles/bad.md': article({ published: '2024-05-01T09:00:00+25:00' }) },
    file: 'content/articles/bad.md',
    says: [/published: .*\+25:00/],
  },
  {
    name: 'empty topic',
    files: { 'articles/bad.md': article({ topics: ['Kazakhstan', ' '] }) },
    file: 'content/articles/bad.md',
    says: [/topics\.1: must not be empty/],
  },
  {
    name: 'topics not a list',
    files: { 'articles/bad.md': article({ topics: 'Kazakhstan' }) },
    file: 'content/articles/bad.md',
    says: [/topics: must be a list of topic names/],
  },
  {
    name: 'draft not a boolean',
    files: { 'articles/bad.md': article({ draft: 'yes' }) },
    file: 'content/articles/bad.md',
    says: [/draft: must be true or false/],
  },
  {
    name: 'front matter that is not YAML',
    files: { 'articles/bad.md': '---\ntitle: [unclosed\ndek: "x\n---\n\nBody.\n' },
    file: 'content/articles/bad.md',
    says: [/YAML|front ?matter/i],
  },
  {
    name: 'an empty file',
    files: { 'articles/bad.md': '' },
    file: 'content/articles/bad.md',
    says: [/title: is required/],
  },
  {
    name: 'invalid UTF-8',
    // "Caf" then 0xC3 0x28: a two-byte sequence cut short, as from a Latin-1 file.
    files: {
      'articles/bad.md': Buffer.concat([
        Buffer.from(article({})),
        Buffer.from([0x43, 0x61, 0x66, 0xc3, 0x28, 0x0a]),
      ]),
    },
    file: 'content/articles/bad.md',
    says: [/is not valid UTF-8/],
  },
  {
    name: 'a 10 MB article',
    files: { 'articles/bad.md': markdown(validArticle(), 'A sentence of the body. '.repeat(440_000)) },
    file: 'content/articles/bad.md',
    says: [/body: is 10\.\d MB; an article body may be at most 1 MB/],
  },
  {
    name: 'alias that is another article’s URL',
    files: {
      'articles/a-first.md': article({}),
      'articles/b-second.md': article({ slug: 'second', aliases: ['a-valid-headline'] }),
    },
    file: 'content/articles/b-second.md',
    says: [
      /aliases\[0\] "a-valid-headline" gives \/2024\/05\/01\/a-valid-headline\/, which is already used by content\/articles\/a-first\.md/,
    ],
  },
  {
    name: 'missing body image',
    files: { 'articles/bad.md': IMAGE_ARTICLE },
    file: 'content/articles/bad.md',
    says: [
      new RegExp(
        `content/articles/bad\\.md:${String(lineOf(IMAGE_ARTICLE, 'missing.jpg'))}:1: the image "\\./images/missing\\.jpg" does not exist: there is no content/articles/images/missing\\.jpg`,
      ),
    ],
  },
  {
    name: 'body images that may not be used',
    files: { 'articles/bad.md': UNUSABLE_IMAGES, 'articles/images/animated.gif': GIF },
    file: 'content/articles/bad.md',
    says: [
      new RegExp(
        `bad\\.md:${String(lineOf(UNUSABLE_IMAGES, 'elsewhere'))}:1: the image "https://elsewhere\\.example/harbour\\.jpg" is on another site.*save it in content/articles/images/`,
      ),
      new RegExp(
        `bad\\.md:${String(lineOf(UNUSABLE_IMAGES, 'secret'))}:1: the image "\\.\\./\\.\\./src/secret\\.jpg" is outside images/`,
      ),
      new RegExp(
        `bad\\.md:${String(lineOf(UNUSABLE_IMAGES, 'animated'))}:1: the image "\\./images/animated\\.gif" is not a JPEG, PNG or WebP file`,
      ),
      /bad\.md: the image "images\/raw-html\.png" does not exist/,
    ],
  },
];

describe('each bad input stops the build with a clear error and writes nothing', () => {
  test.each(cases)('$name', async ({ name, files, file, says }) => {
    const root = await makeSite(`bad-${name.replace(/\W+/g, '-')}`, {
      ...people,
      // Every site has one good article, so a bad one cannot hide behind an empty site.
      ...(Object.keys(files).some((f) => f.startsWith('articles/'))
        ? {}
        : { 'articles/good.md': article({}) }),
      ...files,
    });
    const { status, output } = buildSite(root, { BROADSHEET_NOW: '2024-06-01T00:00:00Z' });
    expect(status, output).not.toBe(0);
    expect(output).toContain(file);
    for (const pattern of says) expect(output).toMatch(pattern);
    // The message, not a stack trace of the site's internals.
    expect(output).not.toMatch(/Stack trace:|^\s+at .+:\d+:\d+\)?$/mu);
    expect(existsSync(join(root, 'dist')), 'no dist/ is written').toBe(false);
    expect(existsSync(join(root, '.dist-staging')), 'no staging folder is left').toBe(false);
  });
});

test('a failed build leaves the last good dist/ exactly as it was', async () => {
  const root = await makeSite('bad-after-good', { ...people, 'articles/good.md': article({}) });
  expect(buildSite(root).status).toBe(0);
  const index = join(root, 'dist/index.html');
  const before = await readFile(index, 'utf8');
  await writeFile(join(root, 'content/articles/bad.md'), article({ slug: 'second', authors: ['nobody'] }));
  const { status, output } = buildSite(root);
  expect(status).not.toBe(0);
  expect(output).toContain('dist/ was left as it was');
  expect(await readFile(index, 'utf8')).toBe(before);
  expect(existsSync(join(root, 'dist/2024/05/01/second'))).toBe(false);
});

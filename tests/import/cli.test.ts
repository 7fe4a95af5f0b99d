/**
 * `npm run import` as an editor runs it: scripts/import.ts as a process, from the
 * repository root, against a temporary content directory (never content/).
 * Exit codes, messages, the files on disk and what the site's schema makes of them.
 * Each test has its own directories, so the imports run concurrently.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  listFiles,
  parseMarkdown,
  readMarkdown,
  readTree,
  readYaml,
  removeTempDirs,
  runImport,
  snapshot,
  tempDir,
  type CliResult,
} from '../helpers/import-cli.ts';
import { buildSite, makeSite, readPage, ROOT, textOf } from '../helpers/project.ts';

const RAW = 'tests/fixtures/raw/000_995030a6f9111d80.txt';
const RAW_ARTICLE = 'articles/2022-01-06-csto-undergoes-baptism-of-fire-in-kazakhstan.md';
const RAW_URL = 'https://thefrontierpost.com/csto-undergoes-baptism-of-fire-in-kazakhstan/';
/** What the raw article needs besides itself: it carries no date, and its source is new. */
const RAW_ARGS = ['--published', '2022-01-06', '--original-url', RAW_URL];

const CORPUS = 'tests/fixtures/import-corpus';
const HTML_01 = `${CORPUS}/html-01-bus-fare-cap-jsonld/input.html`;
const HTML_01_ARTICLE = 'articles/2024-04-09-bus-fares-across-wessex-to-be-capped-at-2-under-county-plan.md';
const HTML_02 = `${CORPUS}/html-02-seed-library-meta-author/input.html`;

interface Expected {
  title: string;
  source: string;
  author: string | null;
  date: string | null;
  dek?: string | null;
  originalUrl?: string;
  language?: string;
  headings?: string[];
  links?: { text: string; href: string }[];
}

const expectedOf = (item: string) =>
  JSON.parse(readFileSync(join(ROOT, CORPUS, item, 'expected.json'), 'utf8')) as Expected;

/** The text items of the corpus, each with its answer key. */
const TEXT_ITEMS = readdirSync(join(ROOT, CORPUS), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d/u.test(entry.name))
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({ name, file: `${CORPUS}/${name}/input.txt`, expected: expectedOf(name) }));

/** Runs the importer with `--content-dir dir` first. */
const importInto = (dir: string, ...args: string[]): Promise<CliResult> =>
  runImport(['--content-dir', dir, ...args]);

/** How the importer prints a path: relative to the repository root, where it runs. */
const shown = (dir: string, path: string) => relative(ROOT, join(dir, path));

/** Writes a small input file into a fresh temporary directory and returns its path. */
function input(name: string, content: string | Uint8Array): string {
  const path = join(tempDir('broadsheet-input-'), name);
  writeFileSync(path, content);
  return path;
}

/** A raw text in the print-copy layout, with a date line so that no --published is needed. */
const rawText = ({
  title = 'Council approves three new cycle lanes',
  publisher = 'The Daily Example',
  author = 'Ann Author',
  date = '2024-05-01',
  body = 'The council approved three new cycle lanes on Tuesday. Work on the first starts in June.',
} = {}) => `${title}\n\nWritten by ${publisher}\n\n${author}\n\n${date}\n\n${body}\n`;

/** An author and a source that already exist, with text the importer would not write. */
const EXISTING = {
  'authors/irina-alksnis.yaml': 'name: Irina Alksnis\nslug: irina-alksnis\nbio: Written by hand.\n',
  'sources/the-frontier-post.yaml':
    'name: The Frontier Post\nslug: the-frontier-post\nurl: https://thefrontierpost.com/\ndescription: By hand.\n',
};

/** A content directory holding the given files. */
function contentDir(files: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterAll(removeTempDirs);

describe.concurrent('a normal import', () => {
  it('writes the article, a new author and a new source, and prints them and every repair', async () => {
    const dir = contentDir();
    const result = await importInto(dir, ...RAW_ARGS, RAW);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    expect(listFiles(dir)).toEqual([
      RAW_ARTICLE,
      'authors/irina-alksnis.yaml',
      'sources/the-frontier-post.yaml',
    ]);
    const {
      data: { repairs, ...data },
      body,
    } = readMarkdown(join(dir, RAW_ARTICLE));
    expect(repairs).toBeDefined();
    expect(data).toEqual({
      title: 'CSTO undergoes ‘baptism of fire’ in Kazakhstan',
      dek: 'Russian paratroopers have begun to carry out a peacekeeping mission in the Republic of Kazakhstan.',
      slug: 'csto-undergoes-baptism-of-fire-in-kazakhstan',
      published: '2022-01-06T00:00:00Z',
      authors: ['irina-alksnis'],
      source: 'the-frontier-post',
      originalUrl: RAW_URL,
      format: 'news',
      topics: [],
      language: 'en',
    });
    expect(body).toContain('they will be joined by colleagues from other countries');
    expect(body).not.toMatch(/collea-gues|CS-TO|About the author/u);
    expect(readYaml(join(dir, 'authors/irina-alksnis.yaml'))).toEqual({
      name: 'Irina Alksnis',
      slug: 'irina-alksnis',
    });
    expect(readYaml(join(dir, 'sources/the-frontier-post.yaml'))).toEqual({
      name: 'The Frontier Post',
      slug: 'the-frontier-post',
      url: 'https://thefrontierpost.com/',
    });

    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${RAW}:`);
    for (const path of listFiles(dir)) expect(lines).toContain(`  wrote ${shown(dir, path)}`);
    expect(result.stdout).toContain('join collea-gues → colleagues: “colleagues” is a word');
    expect(result.stdout).toContain('keep well-known → well-known');
    expect(result.stdout).toContain('“facilities ), and” → “facilities), and”: a space before “)”');
    expect(result.stdout).toContain('REVIEW “look look”: a doubled word, kept as the source printed it');
    expect(result.stdout).toContain('dropped after the body: 2 lines, from “About the author”');
  });

  it('writes the repair record: each change to the text as published, as published → as shown', async () => {
    const dir = contentDir();
    const result = await importInto(dir, ...RAW_ARGS, RAW);
    expect(result.status, result.stderr).toBe(0);
    const pairs = (list: string) =>
      list.split(' ').map((pair) => {
        const [published, shown] = pair.split('>');
        return { published, shown };
      });
    // The editor's reading of the raw text: each word broken at a line end, in reading order.
    const words = pairs(
      'collea-gues>colleagues CS-TO>CSTO Arme-nia>Armenia co-urse>course Ka-zakh>Kazakh ' +
        'aut-omatically>automatically fina-nce>finance C-STO>CSTO bapti-sm>baptism b-ut>but ' +
        'A-sian>Asian no-thing>nothing yesterd-ay>yesterday NA-TO>NATO thi-nk>think',
    );
    expect(readMarkdown(join(dir, RAW_ARTICLE)).data.repairs).toEqual({
      words,
      spacing: [{ published: 'facilities ), and', shown: 'facilities), and' }],
      quotes: [{ published: 'and Norway “), took to the', shown: 'and Norway”), took to the' }],
      trailer: ['About the author', 'The Frontier Post'],
    });
  });

  it('writes no repair record when nothing was repaired', async () => {
    const dir = contentDir();
    const result = await importInto(
      dir,
      '--source-url',
      'https://daily.example/',
      input('clean.txt', rawText()),
    );
    expect(result.status, result.stderr).toBe(0);
    const [article] = listFiles(dir).filter((path) => path.startsWith('articles/'));
    const text = readFileSync(join(dir, article ?? ''), 'utf8');
    expect(parseMarkdown(text).data).not.toHaveProperty('repairs');
    expect(text).not.toContain('repair record');
  });

  it('writes only the article when its author and source exist, and leaves them as they were', async () => {
    const dir = contentDir(EXISTING);
    const before = snapshot(dir);
    // An existing source needs no address: neither --original-url nor --source-url.
    const result = await importInto(dir, '--published', '2022-01-06', RAW);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(listFiles(dir)).toEqual([...Object.keys(before), RAW_ARTICLE].sort());
    for (const [path, bytes] of Object.entries(before)) expect(snapshot(dir)[path]).toBe(bytes);
    expect(result.stdout).toContain(`  wrote ${shown(dir, RAW_ARTICLE)}`);
    expect(result.stdout).not.toMatch(/wrote .*(authors|sources)\//u);
    expect(readMarkdown(join(dir, RAW_ARTICLE)).data).toMatchObject({
      authors: ['irina-alksnis'],
      source: 'the-frontier-post',
    });
  });

  describe('every text item of the corpus', () => {
    it.each(TEXT_ITEMS.map((item) => [item.name, item] as const))('%s', async (_, { file, expected }) => {
      const dir = contentDir();
      const date = expected.date ?? '2024-01-31';
      const args = [
        '--source-url',
        'https://publisher.example/',
        ...(expected.date === null ? ['--published', date] : []),
        file,
      ];
      const result = await importInto(dir, ...args);
      expect(result.status, result.stderr).toBe(0);

      const articles = listFiles(dir).filter((path) => path.startsWith('articles/'));
      expect(articles).toHaveLength(1);
      const { data } = readMarkdown(join(dir, articles[0] ?? ''));
      expect(articles[0]).toBe(`articles/${date}-${String(data.slug)}.md`);
      expect(data.title).toBe(expected.title);
      expect(data.published).toBe(`${date}T00:00:00Z`);

      const authors = data.authors as string[];
      expect(authors).toHaveLength(1);
      const author = readYaml(join(dir, `authors/${authors[0] ?? ''}.yaml`));
      // Without an author line the publisher is credited, as an organisation.
      expect(author).toEqual({
        name: expected.author ?? expected.source,
        slug: authors[0],
        ...(expected.author === null && { kind: 'organization' }),
      });
      expect(readYaml(join(dir, `sources/${String(data.source)}.yaml`))).toEqual({
        name: expected.source,
        slug: data.source,
        url: 'https://publisher.example/',
      });
    });
  });
});

describe.concurrent('--stdout, --dry-run and --force', () => {
  it('--stdout prints the document that an import would write, and writes nothing', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--stdout', ...RAW_ARGS, RAW);
    expect(result.status).toBe(0);
    expect(listFiles(dir)).toEqual([]);
    expect(parseMarkdown(result.stdout).data.slug).toBe('csto-undergoes-baptism-of-fire-in-kazakhstan');
    // The report goes to standard error, so that standard output is the document alone.
    expect(result.stderr).toContain('collea-gues → colleagues');
    expect(result.stderr).toContain(`  would write ${shown(dir, RAW_ARTICLE)}`);

    const written = contentDir();
    expect((await importInto(written, ...RAW_ARGS, RAW)).status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(written, RAW_ARTICLE), 'utf8'));
  });

  it('--dry-run says what it would write and every repair, and writes nothing', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--dry-run', ...RAW_ARGS, RAW);
    expect(result.status).toBe(0);
    expect(listFiles(dir)).toEqual([]);
    for (const path of [RAW_ARTICLE, 'authors/irina-alksnis.yaml', 'sources/the-frontier-post.yaml'])
      expect(result.stdout).toContain(`  would write ${shown(dir, path)}\n`);
    expect(result.stdout).not.toMatch(/^\s*wrote /mu);
    expect(result.stdout).toContain('join collea-gues → colleagues');
  });

  describe('an article that exists already', () => {
    const HAND_EDITED = '---\ntitle: Edited by hand\n---\n\nDo not lose this.\n';
    const existing = () => contentDir({ ...EXISTING, [RAW_ARTICLE]: HAND_EDITED });

    it.each([
      ['a plain import', [] as string[]],
      ['a dry run (it must not promise a write that the real run refuses)', ['--dry-run']],
    ])('is refused by %s with exit 1, byte for byte unchanged', async (_, flags) => {
      const dir = existing();
      const before = snapshot(dir);
      const result = await importInto(dir, ...flags, ...RAW_ARGS, RAW);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        `error: ${RAW}: slug: ${shown(dir, RAW_ARTICLE)} already exists; pass --force to replace it`,
      );
      expect(result.stderr).toContain('Nothing written: 1 of 1 input failed.');
      expect(snapshot(dir)).toEqual(before);
    });

    it('is replaced with --force, and the existing author and source stay as they were', async () => {
      const dir = existing();
      const before = snapshot(dir);
      const result = await importInto(dir, '--force', ...RAW_ARGS, RAW);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`  wrote ${shown(dir, RAW_ARTICLE)}`);
      expect(listFiles(dir)).toEqual(Object.keys(before).sort());
      const after = snapshot(dir);
      for (const path of Object.keys(EXISTING)) expect(after[path]).toBe(before[path]);
      expect(readMarkdown(join(dir, RAW_ARTICLE)).data.title).toBe(
        'CSTO undergoes ‘baptism of fire’ in Kazakhstan',
      );
    });

    it('is printed by --stdout, which writes nothing and so needs no --force', async () => {
      const dir = existing();
      const before = snapshot(dir);
      const result = await importInto(dir, '--stdout', ...RAW_ARGS, RAW);
      expect(result.status).toBe(0);
      expect(parseMarkdown(result.stdout).data.title).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan');
      expect(snapshot(dir)).toEqual(before);
    });
  });
});

describe.concurrent('--report json', () => {
  interface HyphenStep {
    action: string;
    confidence: string;
    reason: string;
  }
  interface JsonReport {
    imports: {
      file: string;
      kind: string;
      title: string;
      slug: string;
      published: string;
      authors: string[];
      source: string;
      hyphens: { token: string; result: string; review: boolean; steps: HyphenStep[] }[];
      repairs: { kind: string; before: string; after: string; reason: string; review?: boolean }[];
      inferred: string[];
      dropped: string[];
      review: number;
      files: { path: string; kind: string; written: boolean }[];
    }[];
  }

  it('prints the decisions, repairs and inferred facts as JSON, and nothing else on standard output', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--report', 'json', ...RAW_ARGS, RAW);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.imports).toHaveLength(1);
    const [only] = report.imports;
    if (only === undefined) throw new Error('no import in the report');

    expect(only).toMatchObject({
      file: RAW,
      kind: 'text',
      title: 'CSTO undergoes ‘baptism of fire’ in Kazakhstan',
      slug: 'csto-undergoes-baptism-of-fire-in-kazakhstan',
      published: '2022-01-06T00:00:00Z',
      authors: ['irina-alksnis'],
      source: 'the-frontier-post',
      dropped: ['About the author', 'The Frontier Post'],
    });
    expect(only.hyphens[0]).toMatchObject({ token: 'collea-gues', result: 'colleagues' });
    expect(only.hyphens).toContainEqual(
      expect.objectContaining({ token: 'post-Soviet', result: 'post-Soviet' }),
    );
    expect(only.hyphens).toHaveLength(21);
    for (const hyphen of only.hyphens) {
      expect(hyphen.steps.length, hyphen.token).toBeGreaterThan(0);
      for (const step of hyphen.steps) {
        expect(['join', 'keep']).toContain(step.action);
        expect(step.reason.trim(), hyphen.token).not.toBe('');
        expect(step.confidence, hyphen.token).not.toBe('');
      }
    }
    expect(only.repairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'space', before: 'facilities ), and', after: 'facilities), and' }),
        expect.objectContaining({ kind: 'quote', before: 'and Norway “), took to the' }),
        expect.objectContaining({ kind: 'left-as-published', before: 'look look', review: true }),
      ]),
    );
    expect(only.review).toBeGreaterThanOrEqual(1);
    expect(only.inferred).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^source url: https:\/\/thefrontierpost\.com\//u),
        expect.stringMatching(/^dek: The article’s own first sentence/u),
        expect.stringMatching(/^published: Given by the editor.*“yesterday, January 5”/u),
        expect.stringMatching(/^language: Assumed/u),
      ]),
    );
    expect(only.files).toEqual([
      { path: shown(dir, RAW_ARTICLE), kind: 'article', written: true },
      { path: shown(dir, 'authors/irina-alksnis.yaml'), kind: 'author', written: true },
      { path: shown(dir, 'sources/the-frontier-post.yaml'), kind: 'source', written: true },
    ]);
    expect(listFiles(dir)).toHaveLength(3);
    // The human-readable report moves to standard error.
    expect(result.stderr).toContain('join collea-gues → colleagues');
  });

  it('with --dry-run marks every file as not written, and writes none', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--report', 'json', '--dry-run', ...RAW_ARGS, RAW);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.imports[0]?.files.map((file) => file.written)).toEqual([false, false, false]);
    expect(listFiles(dir)).toEqual([]);
  });

  it('prints no JSON when an input fails', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--report', 'json', RAW);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: ${RAW}: published:`);
  });
});

describe.concurrent('metadata options', () => {
  const cases: {
    name: string;
    args: string[];
    article: string;
    data: Record<string, unknown>;
    source?: string;
  }[] = [
    {
      name: '--published YYYY-MM-DD: midnight UTC, and the file says so',
      args: RAW_ARGS,
      article: RAW_ARTICLE,
      data: { published: '2022-01-06T00:00:00Z' },
    },
    {
      name: '--published with a time and offset, kept as given; the file name has the local date',
      args: ['--published', '2022-01-06T23:30:00-05:00', '--original-url', RAW_URL],
      article: RAW_ARTICLE,
      data: { published: '2022-01-06T23:30:00-05:00' },
    },
    {
      name: '--original-url with a space: written percent-encoded',
      args: ['--published', '2022-01-06', '--original-url', 'https://news.example/a b/'],
      article: RAW_ARTICLE,
      data: { originalUrl: 'https://news.example/a%20b/' },
    },
    {
      name: '--format opinion',
      args: [...RAW_ARGS, '--format', 'opinion'],
      article: RAW_ARTICLE,
      data: { format: 'opinion' },
    },
    {
      name: '--format analysis',
      args: [...RAW_ARGS, '--format', 'analysis'],
      article: RAW_ARTICLE,
      data: { format: 'analysis' },
    },
    {
      name: '--topics, trimmed',
      args: [...RAW_ARGS, '--topics', 'Kazakhstan, CSTO ,Russia'],
      article: RAW_ARTICLE,
      data: { topics: ['Kazakhstan', 'CSTO', 'Russia'] },
    },
    {
      name: '--original-url, whose site becomes the new source’s home page',
      args: ['--published', '2022-01-06', '--original-url', 'https://news.example/world/csto?id=7'],
      article: RAW_ARTICLE,
      data: { originalUrl: 'https://news.example/world/csto?id=7' },
      source: 'https://news.example/',
    },
    {
      name: '--source-url, for a new source, with no original URL',
      args: ['--published', '2022-01-06', '--source-url', 'https://frontier.example/'],
      article: RAW_ARTICLE,
      data: { originalUrl: undefined },
      source: 'https://frontier.example/',
    },
    {
      name: '--language',
      args: [...RAW_ARGS, '--language', 'en-GB'],
      article: RAW_ARTICLE,
      data: { language: 'en-GB' },
    },
    {
      name: '--slug, which names the file too',
      args: [...RAW_ARGS, '--slug', 'csto-in-kazakhstan'],
      article: 'articles/2022-01-06-csto-in-kazakhstan.md',
      data: { slug: 'csto-in-kazakhstan' },
    },
    {
      name: '--dek',
      args: [...RAW_ARGS, '--dek', 'Peacekeepers arrive within half a day.'],
      article: RAW_ARTICLE,
      data: { dek: 'Peacekeepers arrive within half a day.' },
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, { args, article, data, source }) => {
    const dir = contentDir();
    const result = await importInto(dir, ...args, RAW);
    expect(result.status, result.stderr).toBe(0);
    expect(listFiles(dir)).toContain(article);
    const written = readMarkdown(join(dir, article)).data;
    for (const [key, value] of Object.entries(data)) expect(written[key], key).toEqual(value);
    if (source !== undefined) expect(readYaml(join(dir, 'sources/the-frontier-post.yaml')).url).toBe(source);
  });

  it('--content-dir relative to the working directory', async () => {
    const dir = contentDir();
    const result = await runImport(['--content-dir', relative(ROOT, dir), ...RAW_ARGS, RAW]);
    expect(result.status, result.stderr).toBe(0);
    expect(listFiles(dir)).toContain(RAW_ARTICLE);
    expect(result.stdout).toContain(`  wrote ${shown(dir, RAW_ARTICLE)}`);
  });

  const bad: [option: string, args: string[], field: string, message: string][] = [
    [
      '--published 2022-13-45',
      ['--published', '2022-13-45'],
      'published',
      '"2022-13-45" is not a date in the calendar',
    ],
    [
      '--published 2022-02-30',
      ['--published', '2022-02-30'],
      'published',
      '"2022-02-30" is not a date in the calendar',
    ],
    ['--published 6 January 2022', ['--published', '6 January 2022'], 'published', 'is not an ISO 8601'],
    ['--published with no zone', ['--published', '2022-01-06T09:30:00'], 'published', 'has no time zone'],
    ['--format bogus', ['--format', 'bogus'], 'format', '"bogus" is not a format: use one of news,'],
    ['--format constructor', ['--format', 'constructor'], 'format', '"constructor" is not a format'],
    ['--format __proto__', ['--format', '__proto__'], 'format', '"__proto__" is not a format'],
    ['--original-url not a URL', ['--original-url', 'not a url'], 'originalUrl', 'is not an http(s) address'],
    ['--original-url ftp:', ['--original-url', 'ftp://x.example/a'], 'originalUrl', 'not an http(s) address'],
    ['--source-url not a URL', ['--source-url', 'home page'], 'sourceUrl', 'is not an http(s) address'],
    ['--language en_GB', ['--language', 'en_GB'], 'language', 'is not a BCP 47 language tag'],
    ['--language with spaces', ['--language', 'british english'], 'language', 'is not a BCP 47'],
    ['--slug with capitals and spaces', ['--slug', 'Bad Slug'], 'slug', '"Bad Slug", which is not a slug'],
    ['--slug ending in a hyphen', ['--slug', 'bad-'], 'slug', 'is not a slug of a-z, 0-9 and hyphens'],
    ['--slug empty', ['--slug', ''], 'slug', '--slug gives ""'],
  ];

  it.each(bad)('%s: exit 1, the file and field named, nothing written', async (_, args, field, message) => {
    const dir = contentDir();
    const defaults = ['--published', '2022-01-06', '--source-url', 'https://thefrontierpost.com/'];
    const result = await importInto(dir, ...defaults, ...args, RAW);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^error: ${RAW}: ${field}: `, 'mu'));
    expect(result.stderr).toContain(message);
    expect(listFiles(dir)).toEqual([]);
  });

  it('a source with no date and no --published: exit 1, naming "published" and the text’s clue', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--original-url', RAW_URL, RAW);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `error: ${RAW}: published: the source gives no date (the text says “yesterday, January 5”); pass --published YYYY-MM-DD`,
    );
    expect(listFiles(dir)).toEqual([]);
  });

  it('a new source with no address: exit 1, naming "sourceUrl"', async () => {
    const dir = contentDir();
    const result = await importInto(dir, '--published', '2022-01-06', RAW);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `error: ${RAW}: sourceUrl: The Frontier Post is a new source and its home page is unknown`,
    );
    expect(listFiles(dir)).toEqual([]);
  });
});

describe.concurrent('usage errors exit 2', () => {
  const OTHER = `${CORPUS}/02-nato-ministers-wrapped/input.txt`;
  const cases: [name: string, args: string[], message: string][] = [
    ['no files', [], 'error: no input file given'],
    ['an unknown option', ['--bogus', RAW], "error: Unknown option '--bogus'"],
    [
      'an option without its value',
      [RAW, '--published'],
      "error: Option '--published <value>' argument missing",
    ],
    ['--report xml', ['--report', 'xml', RAW], 'error: --report takes "json", not "xml"'],
    ['--stdout with --report json', ['--stdout', '--report', 'json', RAW], 'both print to standard output'],
    [
      '--slug with two files',
      ['--slug', 'x', RAW, OTHER],
      'error: --slug applies to one file, but 2 were given',
    ],
    ['--stdout with two files', ['--stdout', RAW, OTHER], 'error: --stdout applies to one file'],
    [
      '--original-url with two files',
      ['--original-url', RAW_URL, RAW, OTHER],
      '--original-url applies to one',
    ],
    ['--dek with two files', ['--dek', 'A dek.', RAW, OTHER], 'error: --dek applies to one file'],
    ['an empty topic', ['--topics', 'a,,b', RAW], 'error: --topics has an empty topic'],
    ['an empty --dek', ['--dek', '  ', ...RAW_ARGS, RAW], 'error: --dek is empty'],
  ];

  it.each(cases)('%s', async (_, args, message) => {
    const dir = contentDir();
    const result = await importInto(dir, ...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run import -- [options] <file>...');
    expect(listFiles(dir)).toEqual([]);
  });

  it.each(['--help', '-h'])('%s exits 0 and prints the usage on standard output', async (flag) => {
    const result = await runImport([flag]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: npm run import -- \[options\] <file>\.\.\./u);
    for (const option of [
      '--stdout',
      '--dry-run',
      '--force',
      '--report json',
      '--published <date>',
      '--format <format>',
      '--topics <a,b,c>',
      '--original-url <url>',
      '--source-url <url>',
      '--language <tag>',
      '--slug <slug>',
      '--dek <text>',
      '--content-dir <dir>',
    ])
      expect(result.stdout).toContain(`\n  ${option} `);
    expect(result.stdout).toContain('Exit codes: 0 done, 1 bad input (nothing written), 2 usage.');
  });
});

describe.concurrent('bad input exits 1, says what is wrong with which file, and writes nothing', () => {
  const NO_ARTICLE_PAGE = `<!doctype html>
<html lang="en"><head><title>Home | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-05-01T09:00:00+01:00">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<footer>© The Daily Example</footer></body></html>
`;
  const cases: [name: string, file: () => string, field: string, message: string][] = [
    [
      'a binary file',
      () => input('photo.txt', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d, 0x0a)),
      'file',
      'is binary, not text',
    ],
    [
      'invalid UTF-8',
      () => input('latin1.txt', Buffer.from(rawText({ author: 'Zoë Author' }), 'latin1')),
      'file',
      'is not valid UTF-8 text',
    ],
    ['an empty file', () => input('empty.txt', ''), 'file', 'is empty'],
    ['white space only', () => input('blank.txt', ' \n\t\r\n  \n'), 'file', 'is empty'],
    [
      'no “Written by” line',
      () => input('no-byline.txt', 'A headline\n\nSome body text.\nMore body text.\n'),
      'publisher',
      'expected a “Written by <publisher>” line after the headline “A headline”',
    ],
    [
      'a header with no body',
      () =>
        input('header-only.txt', 'A headline\n\nWritten by The Daily Example\n\nAnn Author\n\n2024-05-01\n'),
      'body',
      'no paragraphs after the header',
    ],
    [
      'an HTML page with no article',
      () => input('home.html', NO_ARTICLE_PAGE),
      'body',
      'no article text found in the page',
    ],
    [
      'an HTML page that names no publisher',
      () =>
        input(
          'bare.html',
          '<!doctype html><html><head><title>T</title></head><body><p>Text.</p></body></html>',
        ),
      'publisher',
      'the page does not name its publisher',
    ],
    [
      'a missing file',
      () => join(tempDir('broadsheet-input-'), 'missing.txt'),
      'file',
      'cannot be read (ENOENT)',
    ],
    ['a directory', () => tempDir('broadsheet-input-'), 'file', 'cannot be read (EISDIR)'],
  ];

  /** Every option an input might need, so that only the input can be wrong. */
  const ALL_BUT_THE_INPUT = ['--published', '2024-05-01', '--source-url', 'https://daily.example/'];

  it.each(cases)('%s', async (_, file, field, message) => {
    const dir = contentDir();
    const path = file();
    const result = await importInto(dir, ...ALL_BUT_THE_INPUT, path);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: ${path}: ${field}: ${message}`);
    expect(result.stderr).toContain('Nothing written: 1 of 1 input failed.');
    expect(listFiles(dir)).toEqual([]);
  });
});

describe.concurrent('no half-written content', () => {
  it('a bad second input: exit 1, and the content directory is unchanged, without temporary files', async () => {
    const dir = contentDir(EXISTING);
    const before = snapshot(dir);
    const bad = input('bad.txt', 'A headline\n\nno byline here\n');
    const good = input('good.txt', rawText());
    const result = await importInto(dir, '--source-url', 'https://daily.example/', good, bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${bad}: publisher:`);
    expect(result.stderr).not.toContain(`error: ${good}`);
    expect(result.stderr).toContain('Nothing written: 1 of 2 inputs failed.');
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('an existing article refuses the whole run: the other input is not written either', async () => {
    const dir = contentDir({ ...EXISTING, [RAW_ARTICLE]: 'hand-edited\n' });
    const before = snapshot(dir);
    const good = input('good.txt', rawText());
    const result = await importInto(
      dir,
      '--published',
      '2022-01-06',
      '--source-url',
      'https://daily.example/',
      good,
      RAW,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${RAW}: slug:`);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['the same file twice', () => RAW],
    ['a copy of the file', () => input('copy.txt', readFileSync(join(ROOT, RAW)))],
  ])('two inputs that give the same article (%s): exit 1, nothing written', async (_, second) => {
    const dir = contentDir();
    const copy = second();
    const result = await importInto(
      dir,
      '--published',
      '2022-01-06',
      '--source-url',
      'https://thefrontierpost.com/',
      RAW,
      copy,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${copy}: slug: gives the same article as ${RAW}: ${RAW_ARTICLE}`);
    expect(result.stderr).toContain('Nothing written: 1 of 2 inputs failed.');
    expect(listFiles(dir)).toEqual([]);
  });

  it('a content directory that cannot be written: exit 1 with a message, no files and no temporary files', async () => {
    // "authors" is a file, so the author's folder cannot be made.
    const dir = contentDir({ authors: 'not a folder\n' });
    const before = snapshot(dir);
    const result = await importInto(dir, ...RAW_ARGS, RAW);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: cannot write ${shown(dir, 'authors')} (EEXIST)`);
    expect(result.stderr).not.toMatch(/^\s+at /mu);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe.concurrent('several inputs', () => {
  it('show progress on standard error; an author and a source shared by two inputs are written once', async () => {
    const dir = contentDir();
    const files = [
      input('cycle-lanes.txt', rawText()),
      input(
        'library.txt',
        rawText({
          title: 'Library opens on Sundays',
          body: 'The central library will open on Sundays from next month. Opening hours are from ten to four.',
        }),
      ),
      input(
        'bridge.txt',
        rawText({
          title: 'Old bridge to close for repairs',
          author: 'Ben Writer',
          date: '2024-05-02',
          body: 'The old bridge will close for six weeks of repairs. A ferry will run in the meantime.',
        }),
      ),
    ];
    const result = await importInto(dir, '--source-url', 'https://daily.example/', ...files);
    expect(result.status, result.stderr).toBe(0);

    const progress = result.stderr.split('\n').filter((line) => /^\[\d\/\d\]/u.test(line));
    expect(progress).toEqual(files.map((file, i) => `[${i + 1}/3] ${file}`));
    expect(result.stdout).not.toContain('[1/3]');

    expect(listFiles(dir)).toEqual([
      'articles/2024-05-01-council-approves-three-new-cycle-lanes.md',
      'articles/2024-05-01-library-opens-on-sundays.md',
      'articles/2024-05-02-old-bridge-to-close-for-repairs.md',
      'authors/ann-author.yaml',
      'authors/ben-writer.yaml',
      'sources/the-daily-example.yaml',
    ]);
    const count = (path: string) => result.stdout.split(`  wrote ${shown(dir, path)}\n`).length - 1;
    expect(count('authors/ann-author.yaml')).toBe(1);
    expect(count('sources/the-daily-example.yaml')).toBe(1);
    expect(count('authors/ben-writer.yaml')).toBe(1);
    for (const file of files) expect(result.stdout).toContain(`${file}:\n`);
  });

  it('the corpus’s HTML page and text item from one publisher share one new source', async () => {
    const dir = contentDir();
    const text = `${CORPUS}/03-council-leisure-centre/input.txt`;
    const result = await importInto(dir, HTML_01, text);
    expect(result.status, result.stderr).toBe(0);
    expect(listFiles(dir).filter((path) => path.startsWith('sources/'))).toEqual([
      'sources/the-wessex-gazette.yaml',
    ]);
    // The page's canonical URL gives the home page, which the text item then shares.
    expect(readYaml(join(dir, 'sources/the-wessex-gazette.yaml')).url).toBe(
      'https://www.wessexgazette.example/',
    );
    for (const article of listFiles(dir).filter((path) => path.startsWith('articles/')))
      expect(readMarkdown(join(dir, article)).data.source).toBe('the-wessex-gazette');
  });
});

describe.concurrent('a saved web page', () => {
  it('html-01: title, author, date-time with offset, canonical URL, language, dek and a structured body', async () => {
    const expected = expectedOf('html-01-bus-fare-cap-jsonld');
    const dir = contentDir();
    const result = await importInto(dir, HTML_01);
    expect(result.status, result.stderr).toBe(0);
    expect(listFiles(dir)).toEqual([
      HTML_01_ARTICLE,
      'authors/tom-fairweather.yaml',
      'sources/the-wessex-gazette.yaml',
    ]);

    const { data, body } = readMarkdown(join(dir, HTML_01_ARTICLE));
    expect(data).toMatchObject({
      title: expected.title,
      dek: expected.dek,
      published: '2024-04-09T07:30:00+01:00',
      updated: '2024-04-09T11:05:12+01:00',
      authors: ['tom-fairweather'],
      source: 'the-wessex-gazette',
      originalUrl: expected.originalUrl,
      language: 'en-GB',
      format: 'news',
    });
    expect(expected.originalUrl).not.toContain('utm_');
    expect(readYaml(join(dir, 'authors/tom-fairweather.yaml'))).toEqual({
      name: expected.author,
      slug: 'tom-fairweather',
    });

    const lines = body.split('\n');
    for (const heading of expected.headings ?? []) expect(lines).toContain(`## ${heading}`);
    expect(expected.headings).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('- '))).toEqual([
      '- they must keep existing timetables in place for the full two years;',
      '- they must display the capped fare **clearly** at stops and on board;',
      '- they must share anonymised ticket data with the council every month.',
    ]);
    expect(body).toContain(
      '\n> A simple, well-publicised fare is the best marketing a bus network can have.',
    );
    expect(expected.links?.length).toBe(3);
    for (const { text, href } of expected.links ?? []) expect(body).toContain(`[${text}](${href})`);
    expect(body).not.toMatch(/\]\((?!https?:\/\/)/u);
    expect(body).toContain('operators will be paid');
    expect(body).not.toMatch(/oper-ators|cookie|newsletter/iu);
    expect(result.stdout).toContain('join oper-ators → operators');
  });

  it('html-02: an evening time with an offset files the article under the publisher’s local date', async () => {
    const dir = contentDir();
    const result = await importInto(dir, HTML_02);
    expect(result.status, result.stderr).toBe(0);
    const articles = listFiles(dir).filter((path) => path.startsWith('articles/'));
    expect(articles).toEqual([
      'articles/2023-10-27-how-a-branch-librarys-seed-drawer-grew-into-a-citywide-network.md',
    ]);
    expect(readMarkdown(join(dir, articles[0] ?? '')).data).toMatchObject({
      published: '2023-10-27T21:45:00-05:00',
      authors: ['maria-delgado'],
      language: 'en-US',
    });
  });
});

// Builds run one at a time: each uses both cores.
describe('imported articles pass the site’s own schema', () => {
  const builds = [
    {
      name: 'raw text',
      site: 'import-cli-text',
      args: [...RAW_ARGS, '--format', 'opinion', '--topics', 'Kazakhstan,CSTO,Russia', RAW],
      page: '2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/',
      title: 'CSTO undergoes ‘baptism of fire’ in Kazakhstan',
    },
    {
      name: 'a saved web page',
      site: 'import-cli-html',
      args: [HTML_01],
      page: '2024/04/09/bus-fares-across-wessex-to-be-capped-at-2-under-county-plan/',
      title: 'Bus fares across Wessex to be capped at £2 under county plan',
    },
  ];

  it.each(builds.map((b) => [b.name, b] as const))('%s: the site builds and has the page', async (_, b) => {
    const dir = contentDir();
    const result = await importInto(dir, ...b.args);
    expect(result.status, result.stderr).toBe(0);
    const root = await makeSite(b.site, readTree(dir));
    const build = buildSite(root);
    expect(build.status, build.output).toBe(0);
    const page = join(root, 'dist', b.page, 'index.html');
    expect(existsSync(page), `${page} is missing`).toBe(true);
    const document = await readPage(join(root, 'dist'), b.page);
    expect(textOf(document.querySelector('h1'))).toBe(b.title);
  });
});

describe.concurrent('hyphen decisions: the report in context, and the editor’s decisions file', () => {
  const ITEM = `${CORPUS}/01-csto-central-asia/input.txt`;
  /** The corpus item copied to a temporary directory, with a decisions file next to it when given. */
  function withDecisions(decisions?: string): string {
    const file = input('story.txt', readFileSync(join(ROOT, ITEM)));
    if (decisions !== undefined) writeFileSync(join(file, '..', 'story.decisions.yaml'), decisions);
    return file;
  }
  const ARGS = ['--source-url', 'https://publisher.example/', '--published', '2022-01-31'];

  it('lists every uncertain decision with its sentence, both forms and the evidence', async () => {
    const result = await importInto(contentDir(), '--dry-run', ...ARGS, withDecisions());
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const review = lines.filter((line) => line.trimStart().startsWith('REVIEW keep Kazakhs-tani'));
    expect(review).toHaveLength(1);
    expect(review[0]).toContain('nothing attests “Kazakhstani”');
    const at = lines.indexOf(review[0] ?? '');
    expect(lines[at + 1]).toBe(
      '      in: “Kazakhs-tani officials, for their part, insist that the invitation was a one-off measure and no-thing more.”',
    );
    expect(lines[at + 2]).toBe('      printed: Kazakhs-tani; the other reading: Kazakhstani');
    expect(result.stdout).toContain('story.decisions.yaml and import again');
  });

  it('--report json gives each review item its sentence and the other reading', async () => {
    const result = await importInto(contentDir(), '--dry-run', '--report', 'json', ...ARGS, withDecisions());
    expect(result.status, result.stderr).toBe(0);
    const { imports } = JSON.parse(result.stdout) as {
      imports: { hyphens: { token: string; review: boolean; sentence?: string; alternative?: string }[] }[];
    };
    const review = imports[0]?.hyphens.filter((h) => h.review) ?? [];
    expect(review.length).toBeGreaterThan(0);
    for (const item of review) {
      expect(item.sentence).toContain(item.token);
      expect(item.alternative).not.toBe(undefined);
    }
  });

  it('honours the decisions file on re-import: keep, join and a given form', async () => {
    const dir = contentDir();
    const file = withDecisions(
      '# the editor checked the original\nKazakhs-tani: join\nfort-night: keep\nTok-ayev: Tokayev\n',
    );
    const first = await importInto(dir, ...ARGS, file);
    expect(first.status, first.stderr).toBe(0);
    const [article] = listFiles(dir).filter((path) => path.startsWith('articles/'));
    const body = readMarkdown(join(dir, article ?? '')).body;
    expect(body).toContain('Kazakhstani officials, for their part');
    expect(body).toContain('within a fort-night.');
    expect(body).toContain('President Kassym-Jomart Tokayev asked');
    expect(first.stdout).toContain('join Kazakhs-tani → Kazakhstani: the editor’s decision in');
    expect(first.stdout).toContain('hyphens decided by the editor in story.decisions.yaml: 3');
    // A re-import, as an editor runs it after changing the text, gives the same decisions.
    const again = await importInto(dir, '--force', ...ARGS, file);
    expect(again.status, again.stderr).toBe(0);
    expect(readMarkdown(join(dir, article ?? '')).body).toBe(body);
  });

  it.each([
    [
      'a value that is neither keep, join nor the token less hyphens',
      'Kazakhs-tani: Kazakhstan\n',
      '“Kazakhs-tani”',
      '“Kazakhstan” is neither keep, join nor “Kazakhs-tani” with some of its hyphens removed',
    ],
    [
      'a key that is no hyphenated token',
      'Kazakhstani: join\n',
      '“Kazakhstani”',
      'is not a hyphenated word as published',
    ],
    [
      'a token the article does not hold',
      'Kazakh-stan: join\n',
      '“Kazakh-stan”',
      'does not occur in story.txt',
    ],
    [
      'a value that is not text',
      'fort-night: [keep]\n',
      '“fort-night”',
      'must be keep, join or the form to print',
    ],
  ])('refuses %s, naming the file and the entry', async (_, decisions, entry, message) => {
    const dir = contentDir();
    const file = withDecisions(decisions);
    const result = await importInto(dir, ...ARGS, file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `error: ${join(file, '..', 'story.decisions.yaml')}: decisions: ${entry}: ${message}`,
    );
    expect(listFiles(dir)).toEqual([]);
  });

  it('refuses a decisions file that is not a YAML mapping', async () => {
    const file = withDecisions('- Kazakhs-tani\n');
    const result = await importInto(contentDir(), ...ARGS, file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('story.decisions.yaml: decisions: must be a mapping');
  });
});

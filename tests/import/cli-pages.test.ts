/**
 * `npm run import` on saved pages (tests/fixtures/saved-pages) as an editor runs
 * it: a page that crashed before imports, a page that is not an article is
 * refused in one clear line and nothing is written, the editor supplies the
 * publisher and author a page lacks, and a page in French is not repaired.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, readYaml, removeTempDirs, runImport, tempDir } from '../helpers/import-cli.ts';

const PAGES = 'tests/fixtures/saved-pages';
const page = (name: string) => `${PAGES}/${name}/page.html`;
const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at /mu);
};

afterAll(removeTempDirs);

describe.concurrent('saved pages through the command line', () => {
  it('imports the page whose <html> class once crashed Readability', async () => {
    const dir = tempDir();
    const result = await runImport([
      '--content-dir',
      dir,
      '--source-url',
      'https://metro.example/',
      page('22-html-class-furniture'),
    ]);
    noStackTrace(result.stderr);
    expect(result.status).toBe(0);
    expect(listFiles(dir)).toContain('authors/zoe-hartley.yaml');
  });

  it('refuses a page whose text is its footer in one line that says what to try, and writes nothing', async () => {
    const dir = tempDir();
    const result = await runImport([
      '--content-dir',
      dir,
      '--source-url',
      'https://money.example/',
      page('18-tiny-text-long-footer'),
    ]);
    expect(result.status).toBe(1);
    noStackTrace(result.stderr);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/18-tiny-text-long-footer\/page\.html: body: not imported: .* Try: /u);
    expect(listFiles(dir)).toEqual([]);
  });

  it('asks for --source-name when the page names no publisher, then uses it and --author', async () => {
    const dir = tempDir();
    const refused = await runImport(['--content-dir', dir, page('33-no-publisher-option')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/publisher: .*--source-name "<publisher>"/u);
    const result = await runImport([
      '--content-dir',
      dir,
      '--source-name',
      'Fenmouth Evening Post',
      '--source-url',
      'https://fenmouth.example/',
      '--author',
      'Priya Natarajan',
      '--published',
      '2024-02-12',
      page('33-no-publisher-option'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readYaml(join(dir, 'sources/fenmouth-evening-post.yaml'))).toMatchObject({
      name: 'Fenmouth Evening Post',
      url: 'https://fenmouth.example/',
    });
    expect(listFiles(dir).filter((path) => path.startsWith('authors/'))).toEqual([
      'authors/priya-natarajan.yaml',
    ]);
    expect(result.stdout).toContain('given by the editor (--source-name)');
  });

  it('keeps a French page’s hyphens and says it repaired nothing', async () => {
    const result = await runImport([
      '--stdout',
      '--source-url',
      'https://echo.example/',
      page('28-french-lang'),
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Abonnez-vous');
    expect(result.stdout).toContain('Peut-être');
    expect(result.stderr).toMatch(/language fr: no repairs/u);
  });
});

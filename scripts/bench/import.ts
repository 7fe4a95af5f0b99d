/**
 * npm run bench:import [-- --articles N]
 * Imports N articles (default 1,000) made from the import corpus, through the
 * real CLI into a temporary content directory, and prints articles per second.
 * Target: at least 200 per second on the 2-core CI machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = new URL('../../', import.meta.url).pathname;
const CORPUS = join(ROOT, 'tests/fixtures/import-corpus');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--articles must be a positive whole number, not "${values.articles}"`);
  process.exit(2);
}

/** The corpus inputs, each with the headline that makes its slug. */
async function samples(): Promise<{ name: string; text: string; title: string }[]> {
  const items = (await readdir(CORPUS, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    items.map(async (name) => {
      const input = name.startsWith('html-') ? 'input.html' : 'input.txt';
      const { title } = JSON.parse(await readFile(join(CORPUS, name, 'expected.json'), 'utf8')) as {
        title: string;
      };
      return {
        name: `${name}.${input.split('.')[1] ?? 'txt'}`,
        text: await readFile(join(CORPUS, name, input), 'utf8'),
        title,
      };
    }),
  );
}

const work = await mkdtemp(join(tmpdir(), 'broadsheet-bench-import-'));
try {
  const inputs = await samples();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const sample = inputs[i % inputs.length];
    if (sample === undefined) throw new Error('the import corpus is empty');
    // A numbered headline gives every copy its own slug.
    const file = join(work, `${String(i).padStart(5, '0')}-${sample.name}`);
    const numbered = sample.name.endsWith('.html')
      ? sample.text.split(sample.title).join(`${sample.title} ${i}`)
      : sample.text.replace(/^([\uFEFF\s]*[^\r\n]*?)([ \t]*\r?\n)/u, `$1 ${i}$2`);
    await writeFile(file, numbered);
    files.push(file);
  }
  const args = [
    'scripts/import.ts',
    '--content-dir',
    join(work, 'content'),
    '--published',
    '2024-01-01',
    '--source-url',
    'https://publisher.example/',
    ...files,
  ];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(
      result.stderr
        .split('\n')
        .filter((line) => line.startsWith('error'))
        .slice(0, 10)
        .join('\n'),
    );
    throw new Error(`the import failed with exit code ${String(result.status)}`);
  }
  const written = (await readdir(join(work, 'content/articles'))).length;
  const rate = count / seconds;
  console.log(
    `imported ${count} articles (${inputs.length} corpus inputs, text and HTML) through the CLI, ${written} files written`,
  );
  console.log(
    `wall time ${seconds.toFixed(2)} s including start-up and the word list, ${rate.toFixed(0)} articles/s (target ≥ 200)`,
  );
  if (rate < 200) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}

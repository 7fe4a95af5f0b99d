/**
 * npm run import -- [options] <file>...
 * Turns raw article text or a saved web page into a Markdown copy in content/.
 * Every input is checked before anything is written; a failed import writes nothing.
 * Exit codes: 0 done, 1 bad input, 2 usage.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decisionsPath } from '../src/importer/decisions.ts';
import { ImportError } from '../src/importer/errors.ts';
import { loadLexicon } from '../src/importer/lexicon.ts';
import { planImport, type ImportOptions, type ImportPlan } from '../src/importer/plan.ts';
import { formatReport } from '../src/importer/report.ts';

const USAGE = `Usage: npm run import -- [options] <file>...

Imports raw article text (.txt) or saved article pages (.html) into content/.
An editor's hyphen decisions in <input>.decisions.yaml, next to the input, are honoured.

Options:
  --stdout               print the Markdown document; write nothing (one file only)
  --dry-run              report what would be written and every repair; write nothing
  --force                replace an article that already exists
  --report json          print the repairs and decisions as JSON on standard output
  --published <date>     publication date, YYYY-MM-DD or an ISO date-time with time zone
  --format <format>      news (default), opinion or analysis
  --topics <a,b,c>       topics, separated by commas
  --original-url <url>   the article's address at its publisher (one file only)
  --source-url <url>     the publisher's home page, for a new source
  --source-name <name>   the publisher's name, when the page does not give it
  --author <name>        an author's name, when the page does not give it (repeat for each)
  --language <tag>       BCP 47 language tag (default: the page's, else en)
  --slug <slug>          the URL slug (default: from the headline; one file only)
  --dek <text>           the standfirst (default: the page's, else the first sentence; one file only)
  --content-dir <dir>    where content lives (default: content)
  -h, --help             show this help

Exit codes: 0 done, 1 bad input (nothing written), 2 usage.`;

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stdout: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        report: { type: 'string' },
        published: { type: 'string' },
        format: { type: 'string' },
        topics: { type: 'string' },
        'original-url': { type: 'string' },
        'source-url': { type: 'string' },
        'source-name': { type: 'string' },
        author: { type: 'string', multiple: true },
        language: { type: 'string' },
        slug: { type: 'string' },
        dek: { type: 'string' },
        'content-dir': { type: 'string', default: 'content' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length === 0) throw new UsageError('no input file given');
  if (values.report !== undefined && values.report !== 'json')
    throw new UsageError(`--report takes "json", not "${values.report}"`);
  if (values.stdout && values.report !== undefined)
    throw new UsageError('--stdout and --report json both print to standard output; choose one');
  const single = (['stdout', 'original-url', 'slug', 'dek'] as const).filter(
    (name) => values[name] !== undefined && values[name] !== false,
  );
  if (positionals.length > 1 && single.length > 0)
    throw new UsageError(
      `--${single.join(', --')} applies to one file, but ${positionals.length} were given`,
    );
  if (values.dek?.trim() === '')
    throw new UsageError('--dek is empty; give the standfirst, or leave --dek out to use the first sentence');
  if (values['source-name']?.trim() === '')
    throw new UsageError('--source-name is empty; give the publisher’s name');
  const authors = values.author?.map((name) => name.trim());
  if (authors?.some((name) => name === '')) throw new UsageError('--author is empty; give the author’s name');
  const topics = values.topics?.split(',').map((topic) => topic.trim());
  if (topics?.some((topic) => topic === ''))
    throw new UsageError('--topics has an empty topic; separate topics with single commas');
  const options: ImportOptions = {
    ...(values.published !== undefined && { published: values.published }),
    ...(values.format !== undefined && { format: values.format }),
    ...(topics !== undefined && { topics }),
    ...(values['original-url'] !== undefined && { originalUrl: values['original-url'] }),
    ...(values['source-url'] !== undefined && { sourceUrl: values['source-url'] }),
    ...(values.language !== undefined && { language: values.language }),
    ...(values.slug !== undefined && { slug: values.slug }),
    ...(values.dek !== undefined && { dek: values.dek }),
    ...(values['source-name'] !== undefined && { sourceName: values['source-name'].trim() }),
    ...(authors !== undefined && { authors }),
  };
  return { files: positionals, options, contentDir: resolve(values['content-dir']), flags: values };
}

/** Writes every file to a temporary name first, then renames them all: no half-written file is ever visible. */
async function writeAll(files: { path: string; content: string }[]): Promise<void> {
  const temps: [string, string][] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
      temps.push([temp, file.path]);
      await writeFile(temp, file.content);
    }
    for (const [temp, path] of temps) await rename(temp, path);
  } catch (error) {
    await Promise.all(temps.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  const command = parseCommandLine(argv);
  if (command === undefined) {
    console.log(USAGE);
    return 0;
  }
  const { files, options, contentDir, flags } = command;
  const json = flags.report === 'json';
  // Human-readable output goes to stderr when stdout carries a document or JSON.
  const say = (line: string) => {
    if (flags.stdout || json) console.error(line);
    else console.log(line);
  };
  const lexicon = await loadLexicon();
  const content = { has: (path: string) => existsSync(join(contentDir, path)) };

  const plans: ImportPlan[] = [];
  const errors: string[] = [];
  const claimed = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    if (files.length > 1) console.error(`[${i + 1}/${files.length}] ${file}`);
    try {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new ImportError(
          file,
          'file',
          `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
      // An author or source planned by an earlier input of this run is not new to a later one.
      const planned = { has: (path: string) => content.has(path) || claimed.has(path) };
      // The editor's hyphen decisions, next to the input, are honoured on every import.
      const decisionsFile = decisionsPath(file);
      const decisions = existsSync(decisionsFile)
        ? { file: decisionsFile, text: await readFile(decisionsFile, 'utf8') }
        : undefined;
      const plan = planImport(file, bytes, { ...options, ...(decisions && { decisions }) }, lexicon, planned);
      const article = plan.files[0];
      // A dry run refuses what the real run would refuse; only --stdout prints regardless.
      if (article && content.has(article.path) && !flags.force && !flags.stdout) {
        throw new ImportError(
          file,
          'slug',
          `${relative('.', join(contentDir, article.path))} already exists; pass --force to replace it`,
        );
      }
      for (const planned of plan.files) {
        const other = claimed.get(planned.path);
        if (other !== undefined && planned.kind === 'article')
          throw new ImportError(file, 'slug', `gives the same article as ${other}: ${planned.path}`);
        claimed.set(planned.path, file);
      }
      plans.push(plan);
    } catch (error) {
      // No input ever ends in a stack trace: an error nobody foresaw still names its file.
      errors.push(
        error instanceof ImportError
          ? error.message
          : `${file}: unexpected error: ${(error as Error).message || String(error)}`,
      );
    }
  }
  if (errors.length > 0) {
    for (const message of errors) console.error(`error: ${message}`);
    console.error(
      `Nothing written: ${errors.length} of ${files.length} input${files.length === 1 ? '' : 's'} failed.`,
    );
    return 1;
  }

  // A new author or source shared by several inputs is written once.
  const seen = new Set<string>();
  const toWrite = plans.flatMap((plan) =>
    plan.files.filter((file) => !seen.has(file.path) && seen.add(file.path)),
  );
  const verb = flags.stdout || flags['dry-run'] ? 'would write' : 'wrote';
  if (flags.stdout) process.stdout.write(plans[0]?.files[0]?.content ?? '');
  else if (!flags['dry-run']) {
    try {
      await writeAll(toWrite.map((file) => ({ path: join(contentDir, file.path), content: file.content })));
    } catch (error) {
      const { code, path } = error as NodeJS.ErrnoException;
      console.error(
        `error: cannot write ${path ? relative('.', path) : contentDir} (${code ?? String(error)})`,
      );
      console.error('Nothing written.');
      return 1;
    }
  }

  for (const plan of plans) {
    say(`${plan.report.file}:`);
    for (const file of plan.files.filter((f) => toWrite.includes(f)))
      say(`  ${verb} ${relative('.', join(contentDir, file.path))}`);
    for (const line of formatReport(plan.report)) say(line);
    for (const note of plan.report.notes) say(`  ${note}`);
  }
  if (json) {
    const output = plans.map((plan) => ({
      ...plan.report,
      files: plan.files
        .filter((f) => toWrite.includes(f))
        .map((f) => ({
          path: relative('.', join(contentDir, f.path)),
          kind: f.kind,
          written: verb === 'wrote',
        })),
    }));
    console.log(JSON.stringify({ imports: output }, null, 2));
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`error: ${(error as Error).message || String(error)}; nothing written`);
    process.exitCode = 1;
  }
}

/**
 * npm run bench:lighthouse
 * Lighthouse with its default config (mobile form factor, simulated throttling)
 * in the installed Chromium, against `astro preview`, for the newest article,
 * the home page and the article's first author page. Prints the four category
 * scores with CLS, LCP and TBT, and every audit that scored below 1. Writes
 * each page's JSON and HTML report to tests/.output/lighthouse/.
 * Builds first (scripts/build.ts) if dist/ is missing. Exits 1 when a category
 * is under 100 or CLS is above 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../tests/helpers/browser.ts';
import { startPreview, type Preview } from '../../tests/helpers/preview.ts';
import { ensureBuilt, ROOT, samplePages } from './site.ts';

const OUTPUT = join(ROOT, 'tests/.output/lighthouse');
const KINDS = new Set(['article', 'home', 'author']);
const CATEGORIES = [
  ['performance', 'performance'],
  ['accessibility', 'accessibility'],
  ['best-practices', 'best practices'],
  ['seo', 'SEO'],
] as const;

let chromePath: string;
try {
  chromePath = findChromium();
} catch (error) {
  console.error(
    `bench:lighthouse runs Lighthouse in Chromium. ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

ensureBuilt();
const pages = samplePages().filter(([kind]) => KINDS.has(kind));

interface Row {
  kind: string;
  path: string;
  scores: (number | null)[];
  cls: number;
  lcp: number;
  tbt: number;
  /** Audits with a score below 1: its id, title, score and whether a category counts it. */
  below: { id: string; title: string; score: number; display: string; weighted: boolean }[];
  /** Best-practices audits that are informative only (never scored), with what they found. */
  notes: { title: string; findings: string[] }[];
  warnings: string[];
}

function summarise(kind: string, path: string, lhr: Result): Row {
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  // An audit with weight 0 in every category (insights, diagnostics) is shown but does not move a score.
  const weighted = new Set(
    Object.values(lhr.categories).flatMap((category) =>
      category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id),
    ),
  );
  const below = Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score ?? 0,
      display: audit.displayValue ?? '',
      weighted: weighted.has(audit.id),
    }));
  const notes = (lhr.categories['best-practices']?.auditRefs ?? []).flatMap((ref) => {
    const audit = lhr.audits[ref.id];
    if (audit?.scoreDisplayMode !== 'informative' || audit.details?.type !== 'table') return [];
    const findings = audit.details.items.flatMap((item) =>
      typeof item.description === 'string' ? [item.description] : [],
    );
    return findings.length > 0 ? [{ title: audit.title, findings }] : [];
  });
  return {
    kind,
    path,
    scores: CATEGORIES.map(([id]) => {
      const score = lhr.categories[id]?.score;
      return typeof score === 'number' ? Math.round(score * 100) : null;
    }),
    cls: metric('cumulative-layout-shift'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    below,
    notes,
    warnings: lhr.runWarnings,
  };
}

const rows: Row[] = [];
let preview: Preview | undefined;
let chrome: LaunchedChrome | undefined;
try {
  preview = await startPreview(ROOT);
  chrome = await launch({ chromePath, chromeFlags: ['--headless', ...CHROMIUM_ARGS], logLevel: 'error' });
  mkdirSync(OUTPUT, { recursive: true });
  for (const [kind, path] of pages) {
    const url = new URL(path, preview.url).href;
    console.log(`Lighthouse: ${kind} ${url}`);
    // No config: Lighthouse's default, a mobile device with simulated throttling.
    const result = await lighthouse(url, { port: chrome.port, output: ['json', 'html'], logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}.`);
    const [json, html] = result.report;
    if (json !== undefined) writeFileSync(join(OUTPUT, `${kind}.report.json`), json);
    if (html !== undefined) writeFileSync(join(OUTPUT, `${kind}.report.html`), html);
    if (result.lhr.runtimeError) {
      throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
    }
    rows.push(summarise(kind, path, result.lhr));
  }
} finally {
  chrome?.kill();
  await preview?.stop();
}

const score = (value: number | null) => (value === null ? 'n/a' : String(value));
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
console.log(`\n| page | ${CATEGORIES.map(([, label]) => label).join(' | ')} | CLS | LCP | TBT |`);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.kind} \`${row.path}\` | ${row.scores.map(score).join(' | ')} | ${row.cls === 0 ? '0' : row.cls.toFixed(4)} | ${ms(row.lcp)} | ${ms(row.tbt)} |`,
  );
}
console.log(
  '\nLighthouse default config: mobile form factor, simulated throttling (slow 4G, 4× CPU slowdown).',
);

for (const row of rows) {
  if (row.below.length === 0) {
    console.log(`\n${row.kind}: every audit scored 1.`);
    continue;
  }
  console.log(`\n${row.kind}: audits below 1`);
  for (const audit of row.below) {
    const note = audit.weighted ? '' : ' (weight 0: counts towards no category score)';
    console.log(
      `  ${audit.score.toFixed(2)}  ${audit.id}: ${audit.title}${audit.display ? ` (${audit.display})` : ''}${note}`,
    );
  }
}
// The same on every page, as they come from the server's headers: shown once, from the first page.
const notes = rows[0]?.notes ?? [];
if (notes.length > 0) {
  console.log('\nUnscored best-practices findings (informative audits), on the first page:');
  for (const note of notes) console.log(`  ${note.title}: ${note.findings.join(' ')}`);
}
for (const row of rows)
  for (const warning of row.warnings) console.log(`\n${row.kind}: Lighthouse warns: ${warning}`);
console.log(`\nReports: ${join('tests/.output/lighthouse', '<page>.report.{json,html}')}`);

const failed = rows.filter(
  (row) => row.scores.some((value) => value === null || value < 100) || !(row.cls === 0),
);
if (rows.length < KINDS.size || failed.length > 0) {
  if (rows.length < KINDS.size)
    console.error(`Measured ${String(rows.length)} of ${String(KINDS.size)} pages.`);
  for (const row of failed) console.error(`${row.kind}: a category is under 100 or CLS is above 0.`);
  process.exitCode = 1;
}

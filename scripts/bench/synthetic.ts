/**
 * Synthetic content for the build benchmark: N articles, with their authors and
 * sources, made from a fixed seed so that every run builds the same site.
 * Article i is the same whatever N, so a smaller run is a prefix of a larger one.
 *
 * As a command, writes the files into a content folder, to look at or build by hand:
 *   node scripts/bench/synthetic.ts --articles 100 --out /tmp/content
 */
import { cp, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SEED = 0x5eed_2026;

/** mulberry32: a small, fast 32-bit PRNG, plenty for test data (https://stackoverflow.com/a/47593316). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
/** `count` different items, in the order drawn. */
function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

// Common words weighted towards the ones news prose repeats most (function words appear several times).
const WORDS = `the the the the of of of and and and to to to a a in in in that is was for on on with as by
at it its from has have had be been are were will would could said says say not but or an this these
which who after before over under about more than most new first last year years week month government
minister ministers officials council court police city country state region border market markets
price prices trade tax budget bank banks energy power oil gas water food farmers workers union strike
school schools hospital health doctors patients children families voters election party parties
leader leaders president parliament vote law laws plan plans report reports data figures growth
inflation rates debt deal talks agreement treaty war peace troops army security crisis protest
protests people public private company companies firms jobs wages housing rent homes roads railway
port airport climate weather flood floods drought fire heat storm river coast forest science research
study survey question answer problem decision policy reform change support opposition pressure
interest record level rise fall increase cut cuts spending investment industry factory exports imports
technology internet phone network service services system rules case cases judge trial evidence
statement interview spokesman spokeswoman critics experts analysts residents locals visitors
according while during between against across through despite because since until without within
early late later recent recently still already again also only even just now then today yesterday
long short large small major minor high low strong weak local national foreign international
economic political social financial military legal official central northern southern eastern
western rural urban main key senior former current next previous possible likely clear open closed
said told added warned argued claimed announced confirmed denied expected planned agreed rejected
approved reported described called asked showed found raised reduced returned moved opened closed
began continued remained became made took gave came went saw left held kept brought built paid`
  .split(/\s+/u)
  .filter(Boolean);

const TOPICS = [
  'Economy',
  'Climate',
  'Elections',
  'Energy',
  'Health',
  'Education',
  'Housing',
  'Transport',
  'Trade',
  'Defence',
  'Diplomacy',
  'Migration',
  'Technology',
  'Science',
  'Agriculture',
  'Labour',
  'Justice',
  'Policing',
  'Banking',
  'Inflation',
  'Taxes',
  'Budget',
  'Water',
  'Forests',
  'Oceans',
  'Cities',
  'Culture',
  'Sport',
  'Media',
  'Religion',
  'Human rights',
  'Corruption',
  'Parliament',
  'Courts',
  'Pensions',
  'Tourism',
  'Mining',
  'Oil and gas',
  'Railways',
  'Aviation',
  'Shipping',
  'Telecoms',
  'Artificial intelligence',
  'Space',
  'Public health',
  'Universities',
  'Farming',
  'Fisheries',
  'Floods',
  'Wildfires',
] as const;

const FIRST = [
  'Anna',
  'Boris',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Katya',
  'Luis',
  'Maya',
  'Nikolai',
  'Olga',
  'Pavel',
  'Rosa',
  'Samir',
  'Tamar',
] as const;
const LAST = [
  'Abbott',
  'Baranova',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Gallagher',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  "O'Neill",
  'Petrov',
  'Quinn',
  'Rossi',
  'Sato',
] as const;
const SOURCES = [
  'The Daily Ledger',
  'Northern Courier',
  'Harbour Gazette',
  'The Evening Post',
  'Capital Review',
  'The Steppe Herald',
  'Coastal Times',
  'The Morning Register',
  'Valley Observer',
  'The Continental',
] as const;
const OFFSETS = ['Z', '+00:00', '+01:00', '+02:00', '+03:00', '-04:00', '-05:00', '+05:30', '+09:00'];

const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface Person {
  name: string;
  slug: string;
}

/** The 20 authors (the last an organisation) and 10 sources every article draws from. */
export function people(): { authors: Person[]; sources: (Person & { url: string })[] } {
  const authors = FIRST.map((first, i) => {
    const name = `${first} ${LAST[(i * 7) % LAST.length] ?? ''}`;
    return { name, slug: slugify(name) };
  });
  authors.push({ name: 'Staff Reporters', slug: 'staff-reporters' });
  const sources = SOURCES.map((name) => ({
    name,
    slug: slugify(name),
    url: `https://${slugify(name.replace(/^The /u, ''))}.example/`,
  }));
  return { authors, sources };
}

/** Words of pseudo-English: a sentence with now and then a topic's name and a comma. */
function sentence(random: Random, min = 8, max = 24): string {
  const words = Array.from({ length: int(random, min, max) }, (_, i) => {
    if (random() < 0.04) return pick(random, TOPICS);
    const word = pick(random, WORDS);
    return i > 2 && random() < 0.06 ? `${word},` : word;
  });
  const last = words.length - 1;
  words[last] = (words[last] ?? '').replace(/,$/u, '');
  return `${capitalise(words.join(' '))}${random() < 0.07 ? '?' : '.'}`;
}

/** A Markdown body of `target` words or a little more: paragraphs, with subheadings, quotes, lists, links. */
function body(random: Random, target: number, source: string): string {
  const blocks: string[] = [];
  let words = 0;
  const count = (text: string) => text.split(/\s+/u).length;
  while (words < target) {
    const roll = random();
    let block: string;
    if (blocks.length > 3 && roll < 0.06) {
      block = `## ${sentence(random, 3, 7).replace(/[.?]$/u, '')}`;
    } else if (roll < 0.12) {
      block = `> ${sentence(random)} ${sentence(random)}`;
    } else if (roll < 0.16) {
      block = Array.from({ length: int(random, 3, 5) }, () => `- ${sentence(random, 5, 12)}`).join('\n');
    } else {
      const sentences = Array.from({ length: int(random, 2, 6) }, () => sentence(random));
      if (random() < 0.3) {
        const i = int(random, 0, sentences.length - 1);
        const [first = 'the', second = 'report'] = (sentences[i] ?? '').split(' ');
        sentences[i] = `*${first} ${second}*${(sentences[i] ?? '').slice(first.length + second.length + 1)}`;
      }
      if (random() < 0.2)
        sentences.push(`[Read the report](${source}reports/${String(int(random, 1, 9999))}/).`);
      block = sentences.join(' ');
    }
    blocks.push(block);
    words += count(block);
  }
  return blocks.join('\n\n');
}

/** An ISO date-time written in one of several time zones, between 2019 and 2025. */
function dateTime(random: Random): { iso: string; ms: number; offset: string } {
  const from = Date.UTC(2019, 0, 1);
  const to = Date.UTC(2025, 11, 31);
  const ms = from + Math.floor(random() * ((to - from) / 60_000)) * 60_000;
  const offset = pick(random, OFFSETS);
  return { iso: zoned(ms, offset), ms, offset };
}

function zoned(ms: number, offset: string): string {
  const minutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

/** YAML is a superset of JSON: every value is written as JSON, so quoting is never a question. */
const yaml = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');

/** The content files of a site with `count` articles, keyed by their path under content/. */
export function syntheticContent(count: number, seed = SEED): Record<string, string> {
  const { authors, sources } = people();
  const files: Record<string, string> = {};
  authors.forEach((author, i) => {
    files[`authors/${author.slug}.yaml`] = `${yaml({
      name: author.name,
      slug: author.slug,
      kind: author.slug === 'staff-reporters' ? 'organization' : undefined,
      bio: i % 3 === 0 ? `${author.name} writes about ${TOPICS[i] ?? 'the news'}.` : undefined,
      links:
        i % 4 === 0 ? [{ label: 'Profile', url: `https://profiles.example/${author.slug}/` }] : undefined,
    })}\n`;
  });
  sources.forEach((source, i) => {
    files[`sources/${source.slug}.yaml`] = `${yaml({
      ...source,
      description: i % 2 === 0 ? `${source.name} is a daily newspaper.` : undefined,
    })}\n`;
  });
  for (let i = 0; i < count; i++) {
    // One stream per article, so article i does not depend on how many came before.
    const random = mulberry32((seed + Math.imul(i + 1, 0x9e3779b9)) >>> 0);
    const title = sentence(random, 4, 11).replace(/[.?]$/u, '');
    const slug = `${slugify(title).split('-').slice(0, 8).join('-')}-${String(i + 1)}`;
    const published = dateTime(random);
    const source = pick(random, sources);
    const roll = random();
    const fields: Record<string, unknown> = {
      title,
      dek: sentence(random, 12, 28),
      slug,
      published: published.iso,
      updated:
        random() < 0.1 ? zoned(published.ms + int(random, 1, 72) * 3_600_000, published.offset) : undefined,
      authors: pickSome(random, authors, roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3).map((author) => author.slug),
      source: source.slug,
      originalUrl: random() < 0.9 ? `${source.url}${slug}/` : undefined,
      format: pick(random, ['news', 'news', 'news', 'opinion', 'opinion', 'analysis']),
      topics: pickSome(random, TOPICS, int(random, 1, 4)),
      corrections:
        random() < 0.03
          ? [{ date: zoned(published.ms + 86_400_000, published.offset), text: sentence(random) }]
          : undefined,
    };
    const date = published.iso.slice(0, 10);
    files[`articles/${date}-${slug}.md`] =
      `---\n${yaml(fields)}\n---\n\n${body(random, int(random, 300, 2_500), source.url)}\n`;
  }
  return files;
}

/** Writes content files (paths relative to content/) under a folder. */
export async function writeContent(dir: string, files: Record<string, string>): Promise<void> {
  const folders = new Set(Object.keys(files).map((path) => dirname(join(dir, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
}

/**
 * Gives a project outside this tree the packages of this one: a real node_modules
 * folder holding a link to each package. A link to the whole folder would not do:
 * Astro's default cache folder is `<root>/node_modules/.astro` (the floor site uses it;
 * Broadsheet's is BROADSHEET_CACHE_DIR), which would then be this project's own and be
 * shared by every build.
 */
export async function linkPackages(root: string): Promise<void> {
  const target = join(root, 'node_modules');
  await mkdir(target);
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    await symlink(join(ROOT, 'node_modules', entry), join(target, entry), 'dir');
  }
}

/**
 * A copy of this project under the system's temporary folder, as the build tests'
 * makeSite makes one (src, public, astro.config.mjs), with the given content.
 */
export async function makeTempSite(content: Record<string, string>, prefix: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (const part of ['src', 'public', 'astro.config.mjs']) {
    await cp(join(ROOT, part), join(root, part), { recursive: true });
  }
  await writeContent(join(root, 'content'), content);
  await linkPackages(root);
  return root;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '100' }, out: { type: 'string' } },
  });
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1 || !values.out) {
    console.error('usage: node scripts/bench/synthetic.ts --articles N --out <content folder>');
    process.exit(2);
  }
  await writeContent(values.out, syntheticContent(count));
  console.log(`wrote ${String(count)} articles, their authors and sources to ${values.out}`);
}

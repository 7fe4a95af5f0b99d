/**
 * npm run score:hyphens -- [--part tuning|holdout] [--seed N] [--seeds K] [--dir DIR]
 * Damages the hyphen corpus (tests/fixtures/hyphen-corpus) with the seeded
 * generator of tests/helpers/hyphen-damage.ts, repairs it as an import does, and
 * prints the share of hyphen decisions right, of broken words repaired and of
 * compounds kept, and every miss with its kind and the importer's reasons.
 * --seeds K scores seeds N … N+K-1 together: more damage from the same text.
 */
import { parseArgs } from 'node:util';
import { loadLexicon } from '../src/importer/lexicon.ts';
import {
  DEFAULT_SEED,
  formatScore,
  HYPHEN_CORPUS,
  outcomes,
  readCorpus,
  score,
} from '../tests/helpers/hyphen-score.ts';
import { damageArticle } from '../tests/helpers/hyphen-damage.ts';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'tuning' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    seeds: { type: 'string', default: '1' },
    dir: { type: 'string', default: HYPHEN_CORPUS },
  },
});
const seed = Number(values.seed);
const seeds = Number(values.seeds);
if (!Number.isInteger(seed) || !Number.isInteger(seeds) || seeds < 1) {
  console.error('--seed and --seeds take whole numbers (--seeds at least 1)');
  process.exit(2);
}
const articles = readCorpus(values.part, values.dir);
if (articles.length === 0) {
  console.error(`no articles in ${values.dir}/${values.part}`);
  process.exit(1);
}
const lexicon = await loadLexicon();
const all = [];
for (let s = seed; s < seed + seeds; s++)
  for (const article of articles) all.push(...outcomes(damageArticle(article, s), lexicon));
console.log(
  `${values.part}: ${articles.length} articles, seed ${seed}${seeds > 1 ? ` to ${seed + seeds - 1}` : ''}`,
);
for (const line of formatScore(score(all))) console.log(line);

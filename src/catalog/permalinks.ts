/**
 * Permalinks that never break. Every article URL the site has published is
 * recorded in a ledger (content/permalinks.txt, committed); the build fails if
 * any of them would stop resolving. An article's `aliases` (earlier slugs or
 * site paths) become redirects to its current URL.
 */
import type { ZonedDateTime } from '../lib/dates.ts';
import { articlePath } from '../lib/urls.ts';
import { site } from '../site.ts';

export const LEDGER_FILE = 'content/permalinks.txt';

export interface Redirect {
  /** The old site path, e.g. "/2022/01/06/old-slug/". */
  from: string;
  /** The article's current path. */
  to: string;
  title: string;
}

export interface PermalinkArticle {
  file: string;
  title: string;
  path: string;
  published: ZonedDateTime;
  aliases: readonly string[];
}

/** An alias as a site path: a bare slug keeps the article's date. */
export const aliasPath = (alias: string, published: ZonedDateTime): string =>
  alias.startsWith('/') ? alias : articlePath({ slug: alias, published });

export function redirectsOf(articles: readonly PermalinkArticle[]): Redirect[] {
  return articles
    .flatMap((article) =>
      article.aliases.map((alias) => ({
        from: aliasPath(alias, article.published),
        to: article.path,
        title: article.title,
      })),
    )
    .sort((a, b) => a.from.localeCompare(b.from, 'en'));
}

/** The ledger's paths; blank lines and "#" comments are skipped. */
export function parseLedger(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const HEADER = `# Every article URL ${site.name} has published, one per line. The build fails if one of
# them stops resolving: give the article an alias instead. npm run build adds new ones;
# commit this file with the content.
`;

export function formatLedger(paths: Iterable<string>): string {
  return `${HEADER}${[...new Set(paths)].sort((a, b) => a.localeCompare(b, 'en')).join('\n')}\n`;
}

/** Every way the ledger or the aliases are broken; empty when every published URL resolves. */
export function findPermalinkProblems(
  ledger: readonly string[],
  articles: readonly PermalinkArticle[],
): string[] {
  const problems: string[] = [];
  const owner = new Map(articles.map((article) => [article.path, article.file]));
  const redirected = new Map<string, string>();
  for (const article of articles) {
    article.aliases.forEach((alias, i) => {
      const from = aliasPath(alias, article.published);
      const other = owner.get(from) ?? redirected.get(from);
      if (other !== undefined) {
        problems.push(
          `${article.file}: aliases[${String(i)}] "${alias}" gives ${from}, which is already ${other === article.file ? 'this article’s own URL' : `used by ${other}`}. Remove it.`,
        );
      } else {
        redirected.set(from, article.file);
      }
    });
  }
  for (const path of ledger) {
    if (!owner.has(path) && !redirected.has(path)) {
      problems.push(
        `${LEDGER_FILE}: ${path} was published and would stop resolving. If the article's slug or date changed, add "${path}" to its aliases; to withdraw it for good, delete the line.`,
      );
    }
  }
  return problems;
}

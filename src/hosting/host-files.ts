/** The files static hosts read: `_redirects` (real 301s for aliases) and `_headers`. */
import { CACHE, headersFile, SECURITY_HEADERS, type HeaderRule } from './security.ts';
import { SPECULATION_RULES_PATH, SPECULATION_RULES_TYPE, speculationRulesHeader } from './speculation.ts';
import {
  aboutPath,
  archiveIndexPath,
  FEED_FILES,
  llmsTxtPath,
  searchPath,
  topicsIndexPath,
} from '../lib/urls.ts';
import { getCatalog } from '../catalog/catalog.ts';

export async function redirectsFile(): Promise<string> {
  const { redirects } = await getCatalog();
  const lines = redirects.map(({ from, to }) => `${from} ${to} 301`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const cache =
  (value: string) =>
  (pattern: string): HeaderRule => ({ pattern, headers: [['Cache-Control', value]] });

/** Every path pattern the site serves, each in exactly one cache class. */
export async function headerRules(): Promise<HeaderRule[]> {
  const { articles, redirects } = await getCatalog();
  const years = [...new Set(articles.map((article) => article.published.year))].sort();
  const short = [
    '/',
    '/page/*',
    ...years.map((year) => `/${String(year)}/*`),
    '/authors/*',
    '/sources/*',
    topicsIndexPath() + '*',
    archiveIndexPath() + '*',
    // The about page and the site pages under it (content/pages/).
    aboutPath() + '*',
    searchPath(),
    '/404.html',
    ...Object.values(FEED_FILES).map((file) => `/${file}`),
    llmsTxtPath(),
    '/robots.txt',
    '/sitemap-*',
    '/permalinks.txt',
    // Aliases that are full site paths lie outside the patterns above.
    ...redirects
      .map((redirect) => redirect.from)
      .filter((from) => !years.some((year) => from.startsWith(`/${String(year)}/`))),
  ];
  return [
    { pattern: '/*', headers: [...SECURITY_HEADERS, speculationRulesHeader()] },
    { pattern: SPECULATION_RULES_PATH, headers: [['Content-Type', SPECULATION_RULES_TYPE]] },
    cache(CACHE.immutable)('/_astro/*'),
    ...['/og/*', '/pagefind/*', '/logo.png', '/favicon.svg', SPECULATION_RULES_PATH].map(cache(CACHE.day)),
    ...short.map(cache(CACHE.short)),
  ];
}

export const headersText = async (): Promise<string> => headersFile(await headerRules());

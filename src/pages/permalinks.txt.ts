/**
 * Every URL this build makes resolve: article permalinks and their aliases.
 * `npm run build` adds any new ones to the committed ledger (content/permalinks.txt).
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../catalog/catalog.ts';
import { formatLedger } from '../catalog/permalinks.ts';

export const GET: APIRoute = async () => {
  const { articles, redirects } = await getCatalog();
  const paths = [...articles.map((article) => article.path), ...redirects.map((redirect) => redirect.from)];
  return new Response(formatLedger(paths), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

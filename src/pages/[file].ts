/**
 * Files for static hosts, named with a leading underscore (which Astro's
 * router would otherwise ignore): `_redirects`, real 301s for every alias, in
 * the format of Netlify and Cloudflare Pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../data/catalog.ts';

export const getStaticPaths = (() => [{ params: { file: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { redirects } = await getCatalog();
  const lines = redirects.map(({ from, to }) => `${from} ${to} 301`);
  return new Response(lines.length ? `${lines.join('\n')}\n` : '', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

/**
 * Files for static hosts, named with a leading underscore (which Astro's
 * router would otherwise ignore): `_redirects` and `_headers`, in the format
 * of Netlify and Cloudflare Pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { headersText, redirectsFile } from '../hosting/host-files.ts';

const FILES = { _redirects: redirectsFile, _headers: headersText } as const;

export const getStaticPaths = (() =>
  Object.keys(FILES).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const make = FILES[params.file as keyof typeof FILES];
  return new Response(await make(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

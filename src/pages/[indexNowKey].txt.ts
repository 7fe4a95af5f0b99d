/** The IndexNow key file, `/<key>.txt`, when `INDEXNOW_KEY` is set at build time (src/deploy/indexnow-key.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { indexNowKey } from '../deploy/indexnow-key.ts';

export const getStaticPaths = (() => {
  const key = indexNowKey();
  return key ? [{ params: { indexNowKey: key }, props: { key } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ key: string }> = ({ props: { key } }) =>
  new Response(key, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

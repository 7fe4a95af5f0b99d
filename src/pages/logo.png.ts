/** `/logo.png`: the site's wordmark, 600×60, which JSON-LD gives as the publisher's logo. */
import type { APIRoute } from 'astro';
import { imageCache } from '../previews/cache.ts';

export const GET: APIRoute = async () =>
  new Response(await imageCache().logo(), { headers: { 'Content-Type': 'image/png' } });

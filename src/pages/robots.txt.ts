import type { APIRoute } from 'astro';
import { absoluteUrl, requireSite, sitemapIndexPath } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapIndexPath(), requireSite(site))}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );

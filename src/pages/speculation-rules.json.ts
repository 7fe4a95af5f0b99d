/** The speculation rules file that every page's `Speculation-Rules` header names (src/hosting/speculation.ts). */
import type { APIRoute } from 'astro';
import { SPECULATION_RULES_TYPE, speculationRules } from '../hosting/speculation.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(speculationRules(), null, 2)}\n`, {
    headers: { 'Content-Type': SPECULATION_RULES_TYPE },
  });

/**
 * The security policy: the Content-Security-Policy that every page carries
 * (Astro adds the hashes of the scripts and styles it bundles), the hash of
 * the one inline script Astro cannot see, and the `_headers` file that static
 * hosts read for what a <meta> policy cannot say.
 */
import { createHash } from 'node:crypto';

/**
 * Applies a remembered theme before the first paint (src/components/ThemeInit.astro).
 * Kept here, as text, so that its hash is computed from the exact bytes served.
 */
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

/** The CSP source expression for a script or style's text, e.g. `sha256-…`. */
export const cspHash = (text: string): `sha256-${string}` =>
  `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * Directives besides script-src and style-src, which Astro writes with its hashes.
 * Search adds 'wasm-unsafe-eval' to script-src on its own page only (src/pages/search.astro).
 *
 * No `upgrade-insecure-requests` in the page: WebKit applies it to http://localhost and
 * http://127.0.0.1 too, so a page served by `npm start` could load none of its fonts, images or
 * scripts in Safari. The host's header policy (SECURITY_HEADERS) carries it instead, where the
 * site is served over HTTPS; every resource is the site's own, and HSTS keeps it on HTTPS anyway.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** Headers for every response: transport, sniffing, referrers, powerful features, framing. */
export const SECURITY_HEADERS: [string, string][] = [
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  [
    'Permissions-Policy',
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  ],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  // A <meta> policy cannot forbid framing; this header policy adds that to the page's own.
  [
    'Content-Security-Policy',
    "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; upgrade-insecure-requests",
  ],
  ['X-Frame-Options', 'DENY'],
];

export const CACHE = {
  /** Files whose names carry a content hash never change. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages and feeds change when articles are added: a browser checks again after five minutes. */
  short: 'public, max-age=300, must-revalidate',
  /** Preview images and the search index change only with their article. */
  day: 'public, max-age=86400',
} as const;

/**
 * The `_headers` file (Netlify and Cloudflare Pages). Both hosts apply every
 * rule whose pattern matches and join repeated headers, so each path gets its
 * cache rule from exactly one pattern: the patterns never overlap.
 */
export function headersFile(rules: readonly HeaderRule[]): string {
  return (
    rules
      .map(({ pattern, headers }) =>
        [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
      )
      .join('\n\n') + '\n'
  );
}

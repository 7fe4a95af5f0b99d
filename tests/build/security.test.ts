/**
 * The security policy of the built site: every page carries a Content Security
 * Policy that lists the hash of every inline script and style it has and
 * allows no inline script otherwise; `_headers` gives hosts the security
 * headers and one cache rule for every file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cspHash } from '../../src/hosting/security.ts';
import { DIST, readPage } from '../helpers/project.ts';

async function files(): Promise<string[]> {
  return (await readdir(DIST, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => `/${join(e.parentPath, e.name).slice(DIST.length + 1)}`);
}
const htmlPages = async () => (await files()).filter((file) => file.endsWith('.html'));

/** The policy's directives, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('Content Security Policy on every page', () => {
  test('script-src allows no inline code but the hashed, and lists every inline script and style', async () => {
    const pages = await htmlPages();
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const page = await readPage(DIST, path);
      const metas = page.querySelectorAll('meta[http-equiv="content-security-policy"]');
      expect(metas, path).toHaveLength(1);
      const policy = directives(metas[0]?.getAttribute('content') ?? '');
      const scripts = policy.get('script-src') ?? [];
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'self'"]);
      for (const script of page.querySelectorAll('script:not([src])')) {
        expect(scripts, `${path}: ${script.outerHTML.slice(0, 80)}`).toContain(
          `'${cspHash(script.textContent)}'`,
        );
      }
      for (const style of page.querySelectorAll('style')) {
        expect(policy.get('style-src'), path).toContain(`'${cspHash(style.textContent)}'`);
      }
      // No inline event handlers or style attributes, which hashes cannot cover.
      for (const element of page.querySelectorAll('*')) {
        for (const { name } of element.attributes)
          expect(name, `${path}: ${element.tagName}`).not.toMatch(/^on|^style$/u);
      }
    }
  });
});

describe('_headers', () => {
  const rules = async () =>
    (await readFile(join(DIST, '_headers'), 'utf8'))
      .trim()
      .split(/\n\n/u)
      .map((block) => {
        const [pattern = '', ...lines] = block.split('\n');
        return {
          pattern,
          headers: new Map(
            lines.map(
              (line) =>
                line
                  .trim()
                  .split(/:\s(.*)/su)
                  .slice(0, 2) as [string, string],
            ),
          ),
        };
      });
  const matches = (pattern: string, path: string) =>
    pattern.endsWith('*')
      ? path.startsWith(pattern.slice(0, -1))
      : path === pattern || `${pattern}index.html` === path;

  test('every response gets HSTS, nosniff, a referrer policy, a permissions policy, COOP and framing rules', async () => {
    const all = (await rules()).find((rule) => rule.pattern === '/*');
    expect(all?.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d{8,}/u);
    expect(all?.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(all?.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(all?.headers.get('Permissions-Policy')).toContain('camera=()');
    expect(all?.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(all?.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(all?.headers.has('Cache-Control')).toBe(false);
  });

  test('every built file gets exactly one cache rule: a year for hashed assets, minutes for pages', async () => {
    const cacheRules = (await rules()).filter((rule) => rule.headers.has('Cache-Control'));
    for (const file of await files()) {
      if (file === '/_headers' || file === '/_redirects') continue;
      const matching = cacheRules.filter((rule) => matches(rule.pattern, file));
      expect(
        matching.map((rule) => rule.pattern),
        file,
      ).toHaveLength(1);
      const value = matching[0]?.headers.get('Cache-Control') ?? '';
      if (file.startsWith('/_astro/')) expect(value, file).toContain('immutable');
      if (file.endsWith('.html')) expect(value, file).toMatch(/max-age=300\b/u);
    }
  });
});

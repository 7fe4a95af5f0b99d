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
      // WebKit upgrades even http://localhost under it, and a page served by `npm start` would load nothing.
      expect(policy.has('upgrade-insecure-requests'), path).toBe(false);
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
    // The host's policy upgrades requests; the pages' own cannot (WebKit would upgrade http://localhost too).
    expect(all?.headers.get('Content-Security-Policy')).toContain('upgrade-insecure-requests');
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

describe('prefetching by speculation rules', () => {
  const headerRules = async () => (await readFile(join(DIST, '_headers'), 'utf8')).trim().split(/\n\n/u);
  const rulesFile = async () =>
    JSON.parse(await readFile(join(DIST, 'speculation-rules.json'), 'utf8')) as {
      prefetch: { source: string; eagerness: string; where: { and: Record<string, unknown>[] } }[];
    };

  test('every response names the static rules file in a Speculation-Rules header, and the file is served as rules', async () => {
    const blocks = await headerRules();
    const all = blocks.find((block) => block.startsWith('/*\n'));
    expect(all).toMatch(/^ {2}Speculation-Rules: "\/speculation-rules\.json"$/mu);
    const own = blocks.find((block) => block.startsWith('/speculation-rules.json\n'));
    expect(own).toMatch(/^ {2}Content-Type: application\/speculationrules\+json$/mu);
  });

  test('no page carries an inline rules script: the CSP stays free of inline-speculation-rules', async () => {
    for (const page of await htmlPages()) {
      const document = await readPage(DIST, page);
      expect(document.querySelector('script[type="speculationrules"]'), page).toBeNull();
    }
  });

  test("prefetches same-site pages on a reader's intent, and never a feed, a Markdown copy or another machine file", async () => {
    const [rule, ...others] = (await rulesFile()).prefetch;
    expect(others).toEqual([]);
    expect(rule?.source).toBe('document');
    expect(rule?.eagerness).toBe('moderate');
    const clauses = rule?.where.and ?? [];
    const included = clauses.flatMap((clause) =>
      typeof clause.href_matches === 'string' ? [clause.href_matches] : [],
    );
    const excluded = clauses.flatMap((clause) => {
      const not = clause.not as { href_matches?: string | string[] } | undefined;
      return not?.href_matches === undefined ? [] : [not.href_matches].flat();
    });
    const prefetched = (path: string) =>
      included.some((pattern) => new URLPattern({ pathname: pattern }).test({ pathname: path })) &&
      !excluded.some((pattern) => new URLPattern({ pathname: pattern }).test({ pathname: path }));
    const built = await files();
    const machine = built.filter((file) => /\.(xml|json|md|txt)$/u.test(file));
    expect(
      machine.filter((file) => file.endsWith('feed.xml') || file.endsWith('.md')).length,
    ).toBeGreaterThan(1);
    for (const file of machine) expect(prefetched(file), file).toBe(false);
    for (const page of await htmlPages()) {
      const path = page.replace(/index\.html$/u, '');
      if (path !== '/404.html') expect(prefetched(path), path).toBe(true);
    }
  });
});

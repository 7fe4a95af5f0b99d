import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, headersFile, SECURITY_HEADERS } from '../../../src/hosting/security.ts';

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact UTF-8 text, as browsers compute it', () => {
    // The example from the CSP spec: alert('Hello, world.');
    expect(cspHash("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
    expect(cspHash('é')).toBe(
      `sha256-${createHash('sha256').update(Buffer.from('é', 'utf8')).digest('base64')}`,
    );
  });
});

describe('headersFile', () => {
  it('writes each rule as a pattern line and indented headers, blank lines between', () => {
    const text = headersFile([
      { pattern: '/*', headers: [['X-A', '1']] },
      {
        pattern: '/_astro/*',
        headers: [
          ['Cache-Control', 'immutable'],
          ['X-B', '2'],
        ],
      },
    ]);
    expect(text).toBe('/*\n  X-A: 1\n\n/_astro/*\n  Cache-Control: immutable\n  X-B: 2\n');
  });
  it('names the security headers the issue asks for', () => {
    expect(SECURITY_HEADERS.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'Strict-Transport-Security',
        'X-Content-Type-Options',
        'Referrer-Policy',
        'Permissions-Policy',
        'Cross-Origin-Opener-Policy',
        'Content-Security-Policy',
      ]),
    );
  });
});

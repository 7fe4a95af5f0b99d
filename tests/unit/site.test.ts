import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SITE_URL, resolveContact, resolveSiteUrl } from '../../src/site.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('resolveSiteUrl', () => {
  it.each([undefined, '', '   '])('uses the default when SITE_URL is %j', (value) => {
    vi.stubEnv('SITE_URL', value);
    expect(resolveSiteUrl().href).toBe(DEFAULT_SITE_URL);
    expect(resolveSiteUrl(value).href).toBe(DEFAULT_SITE_URL);
  });

  it.each([
    ['https://news.example.org/', 'https://news.example.org/'],
    ['https://news.example.org', 'https://news.example.org/'],
    ['  https://news.example.org/  ', 'https://news.example.org/'],
    ['http://localhost:4321', 'http://localhost:4321/'],
  ])('accepts %j as %s', (value, href) => {
    expect(resolveSiteUrl(value).href).toBe(href);
    vi.stubEnv('SITE_URL', value);
    expect(resolveSiteUrl().href).toBe(href);
  });

  it.each([
    ['not a URL', 'news example', /absolute URL/],
    ['without a scheme', 'news.example.org', /absolute URL/],
    ['FTP', 'ftp://news.example.org/', /http or https/],
    ['javascript:', 'javascript:alert(1)', /http or https/],
    ['with a path', 'https://news.example.org/news/', /origin only/],
    ['with a query', 'https://news.example.org/?edition=uk', /origin only/],
    ['with a fragment', 'https://news.example.org/#top', /origin only/],
  ])('rejects a URL %s, naming SITE_URL and the value', (_name, value, reason) => {
    expect(() => resolveSiteUrl(value)).toThrow(reason);
    expect(() => resolveSiteUrl(value)).toThrow(/^SITE_URL /);
    expect(() => resolveSiteUrl(value)).toThrow(`"${value}"`);
  });
});

describe('resolveContact', () => {
  it('is none when unset or blank: the site invents no address', () => {
    expect(resolveContact(undefined)).toBeUndefined();
    expect(resolveContact('  ')).toBeUndefined();
  });

  it('links an e-mail address with mailto:', () => {
    expect(resolveContact(' editors@news.example.org ')).toEqual({
      href: 'mailto:editors@news.example.org',
      label: 'editors@news.example.org',
    });
  });

  it('links an https page by its host and path', () => {
    expect(resolveContact('https://news.example.org/write-to-us/')).toEqual({
      href: 'https://news.example.org/write-to-us/',
      label: 'news.example.org/write-to-us',
    });
  });

  it.each(['editors', 'http://news.example.org/contact', 'javascript:alert(1)', 'a b@c.d', 'mailto:x@y.z'])(
    'refuses %j, saying what it must be',
    (value) => {
      expect(() => resolveContact(value)).toThrow(
        /^SITE_CONTACT must be an e-mail address .* or an https:\/\/ address, got/u,
      );
    },
  );
});

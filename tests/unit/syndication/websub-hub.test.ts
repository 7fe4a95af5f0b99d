import { describe, expect, it } from 'vitest';
import { websubHub } from '../../../src/syndication/websub-hub.ts';

describe('websubHub', () => {
  it.each([undefined, '', '  '])('is none when WEBSUB_HUB is %j', (value) => {
    expect(websubHub(value)).toBeUndefined();
  });
  it('is the URL, normalised', () => {
    expect(websubHub(' https://hub.example.org ')).toBe('https://hub.example.org/');
  });
  it.each([
    ['hub.example.org', /WEBSUB_HUB must be an absolute URL.*"hub\.example\.org"/u],
    ['ftp://hub.example.org/', /WEBSUB_HUB must use http or https/u],
  ])('refuses %s with the variable named', (value, message) => {
    expect(() => websubHub(value)).toThrow(message);
  });
});

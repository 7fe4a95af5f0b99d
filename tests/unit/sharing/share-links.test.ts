import { describe, expect, it } from 'vitest';
import { mastodonShareUrl, quoteLink, shareLinks } from '../../../src/sharing/share-links.ts';

const canonical = 'https://news.example.org/2022/01/06/a-slug/';
const title = 'CSTO undergoes ‘baptism of fire’ & more';

describe('shareLinks', () => {
  const links = shareLinks(canonical, title);
  it('covers email, X, Facebook, LinkedIn, Telegram, WhatsApp and Mastodon', () => {
    expect(links.map((link) => link.id)).toEqual([
      'email',
      'x',
      'facebook',
      'linkedin',
      'telegram',
      'whatsapp',
      'mastodon',
    ]);
  });
  it.each(shareLinks(canonical, title).map((link) => [link.id, link.href] as const))(
    '%s carries the canonical URL',
    (_, href) => {
      const url = new URL(href);
      const values = [...url.searchParams.values()].join(' ');
      expect(values).toContain(canonical);
      // Encoded, not pasted raw: the URL's own "?" and "&" cannot break the share URL.
      expect(href).not.toContain(`=${canonical}`);
    },
  );
  it('uses https for every service but email', () => {
    for (const link of links)
      expect(new URL(link.href).protocol).toBe(link.id === 'email' ? 'mailto:' : 'https:');
  });
  it('encodes spaces as %20, which mail clients read', () => {
    expect(links[0]?.href).not.toContain('+');
  });
});

describe('mastodonShareUrl', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social/share?text=hi%20there'],
    [' https://fosstodon.org/@me ', 'https://fosstodon.org/share?text=hi%20there'],
    ['example.social:8443', 'https://example.social:8443/share?text=hi%20there'],
    ['not an instance', undefined],
    ['javascript:alert(1)', undefined],
    ['', undefined],
  ])('%j → %s', (instance, expected) => {
    expect(mastodonShareUrl(instance, 'hi there')).toBe(expected);
  });
});

describe('quoteLink', () => {
  it('links a short quote with one text directive', () => {
    expect(quoteLink(canonical, 'the CSTO is receiving  the baptism')).toBe(
      `${canonical}#:~:text=the%20CSTO%20is%20receiving%20the%20baptism`,
    );
  });
  it('links a long quote by its first and last words', () => {
    const link = quoteLink(canonical, 'one two three four five six seven eight nine ten');
    expect(link).toBe(`${canonical}#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten`);
  });
  it('escapes the characters the directive syntax uses and drops an existing fragment', () => {
    expect(quoteLink(`${canonical}#p-2`, 'post-Soviet, anti-Russian')).toBe(
      `${canonical}#:~:text=post%2DSoviet%2C%20anti%2DRussian`,
    );
  });
});

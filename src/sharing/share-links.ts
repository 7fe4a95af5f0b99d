/**
 * Share links: plain links that work without JavaScript, each carrying the
 * canonical URL. Mastodon has no central site, so its link goes to Share₂Fedi,
 * which asks for the reader's instance; with JavaScript, the page asks itself
 * and remembers the answer (src/client/share.ts).
 */
export interface ShareLink {
  /** Stable key, used in markup (`data-share`) and by the script. */
  id: 'email' | 'x' | 'facebook' | 'linkedin' | 'telegram' | 'whatsapp' | 'mastodon';
  label: string;
  href: string;
}

const query = (params: Record<string, string>) =>
  new URLSearchParams(params).toString().replace(/\+/gu, '%20');

export function shareLinks(canonical: string, title: string): ShareLink[] {
  const text = `${title} ${canonical}`;
  return [
    {
      id: 'email',
      label: 'Email',
      href: `mailto:?${query({ subject: title, body: `${title}\n\n${canonical}` })}`,
    },
    { id: 'x', label: 'X', href: `https://x.com/intent/post?${query({ url: canonical, text: title })}` },
    {
      id: 'facebook',
      label: 'Facebook',
      href: `https://www.facebook.com/sharer/sharer.php?${query({ u: canonical })}`,
    },
    {
      id: 'linkedin',
      label: 'LinkedIn',
      href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url: canonical })}`,
    },
    {
      id: 'telegram',
      label: 'Telegram',
      href: `https://t.me/share/url?${query({ url: canonical, text: title })}`,
    },
    { id: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?${query({ text })}` },
    { id: 'mastodon', label: 'Mastodon', href: `https://s2f.kytta.dev/?${query({ text })}` },
  ];
}

/** A Mastodon instance's share URL, for the instance the reader names ("mastodon.social" or a URL). */
export function mastodonShareUrl(instance: string, text: string): string | undefined {
  const host = instance
    .trim()
    .replace(/^https?:\/\//iu, '')
    .replace(/\/.*$/u, '');
  if (!/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?$/iu.test(host)) return undefined;
  return `https://${host}/share?${query({ text })}`;
}

/**
 * A link to a quoted passage, with a text fragment (`#:~:text=`): the browser
 * scrolls to the passage and highlights it. Long quotes use a start and an end.
 * https://wicg.github.io/scroll-to-text-fragment/
 */
export function quoteLink(canonical: string, quote: string): string {
  const words = quote.replace(/\s+/gu, ' ').trim().split(' ');
  // Characters with a meaning in the fragment syntax must be percent-encoded.
  const encode = (s: string) => encodeURIComponent(s).replace(/-/gu, '%2D').replace(/,/gu, '%2C');
  const directive =
    words.length <= 8
      ? encode(words.join(' '))
      : `${encode(words.slice(0, 4).join(' '))},${encode(words.slice(-4).join(' '))}`;
  return `${canonical.replace(/#.*$/u, '')}#:~:text=${directive}`;
}

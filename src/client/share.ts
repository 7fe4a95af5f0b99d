/**
 * Progressive enhancement of the share links (src/components/ShareLinks.astro):
 * "Copy link", the system share sheet where the browser has one, Mastodon on the
 * reader's own instance, and a link to a selected quote. Without JavaScript
 * the plain links still work and these buttons stay hidden.
 */
import { mastodonShareUrl, quoteLink } from '../sharing/share-links.ts';

const nav = document.querySelector<HTMLElement>('.share');
const status = nav?.querySelector<HTMLElement>('[role="status"]');
const url = nav?.dataset.url ?? location.href;
const title = nav?.dataset.title ?? document.title;

function announce(message: string): void {
  if (status) status.textContent = message;
}

async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    announce('Copying is blocked here; the address is in the page’s permalink.');
  }
}

function button(name: string): HTMLButtonElement | null {
  return nav?.querySelector<HTMLButtonElement>(`button[data-share="${name}"]`) ?? null;
}

const copyButton = button('copy');
if (copyButton && 'clipboard' in navigator) {
  copyButton.hidden = false;
  copyButton.addEventListener('click', () => void copy(url, 'Link copied'));
}

const nativeButton = button('native');
if (nativeButton && 'share' in navigator) {
  nativeButton.hidden = false;
  nativeButton.addEventListener('click', () => {
    navigator.share({ title, url }).catch(() => undefined);
  });
}

nav?.querySelector('a[data-share="mastodon"]')?.addEventListener('click', (event) => {
  const remembered = localStorage.getItem('mastodon-instance') ?? '';
  const instance = prompt('Your Mastodon server (for example mastodon.social):', remembered);
  if (instance === null) {
    event.preventDefault();
    return;
  }
  const target = mastodonShareUrl(instance, `${title} ${url}`);
  // An unreadable answer falls back to the link's own instance picker.
  if (!target) return;
  event.preventDefault();
  localStorage.setItem('mastodon-instance', instance.trim());
  window.open(target, '_blank', 'noopener');
});

// A selected passage of the body offers a link to itself.
const body = document.querySelector('.body');
const quoteButton = document.createElement('button');
quoteButton.type = 'button';
quoteButton.className = 'quote-share';
quoteButton.textContent = 'Copy link to quote';
quoteButton.hidden = true;
document.body.append(quoteButton);
let quote = '';

document.addEventListener('selectionchange', () => {
  const selection = getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  quote = selection?.toString().trim() ?? '';
  if (!range || !body?.contains(range.commonAncestorContainer) || quote.length < 4) {
    quoteButton.hidden = true;
    return;
  }
  const box = range.getBoundingClientRect();
  quoteButton.style.top = `${String(box.bottom + scrollY + 6)}px`;
  quoteButton.style.left = `${String(Math.max(8, box.left + scrollX))}px`;
  quoteButton.hidden = false;
});
quoteButton.addEventListener('pointerdown', (event) => {
  event.preventDefault(); // keep the selection
});
quoteButton.addEventListener('click', () => {
  const link = quoteLink(url, quote);
  quoteButton.dataset.href = link;
  void copy(link, 'Link to the quote copied');
});

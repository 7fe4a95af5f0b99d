/**
 * The search page (src/pages/search.astro): queries the Pagefind index that
 * scripts/build.ts writes to /pagefind/ and lists the matching articles. The
 * query is kept in the address (`?q=`), so a search can be linked to. Without
 * JavaScript the page's <noscript> points to the archive and the feeds.
 */

/** The part of Pagefind's browser API used here: https://pagefind.app/docs/api/ */
interface Pagefind {
  debouncedSearch: (query: string) => Promise<{ results: { data: () => Promise<Found> }[] } | null>;
  mergeIndex: (path: string) => Promise<void>;
}
interface Found {
  url: string;
  /** The text around the matches, HTML-escaped, with each match in <mark>. */
  excerpt: string;
  meta: Partial<Record<'title' | 'author' | 'date', string>>;
}

const SHOWN = 20;
// In a variable, so that the bundler leaves the import to the browser: the file exists only after the build.
const BUNDLE = '/pagefind/pagefind.js';
/** The index's other parts, which a large archive has (scripts/search-index.ts): searched as one with the first. */
const PARTS = '/pagefind/parts.json';

async function load(): Promise<Pagefind> {
  const [pagefind, parts] = await Promise.all([
    import(/* @vite-ignore */ BUNDLE) as Promise<Pagefind>,
    fetch(PARTS).then((response) => (response.ok ? (response.json() as Promise<string[]>) : [])),
  ]);
  await Promise.all(parts.map((part) => pagefind.mergeIndex(part)));
  return pagefind;
}

const form = document.querySelector<HTMLFormElement>('form[role="search"]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const statusLine = document.querySelector<HTMLElement>('.search-status');
const list = document.querySelector<HTMLElement>('.search-results');

let loaded: Promise<Pagefind> | undefined;
let latest = 0;

/** An element with its children, which may be text. */
const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
};

/** The excerpt as text and <mark> elements only: nothing in it can become markup. */
const excerptNodes = (html: string): (Node | string)[] =>
  [...new DOMParser().parseFromString(html, 'text/html').body.childNodes].map((node) =>
    node.nodeName === 'MARK' ? element('mark', node.textContent ?? '') : (node.textContent ?? ''),
  );

function resultItem({ url, excerpt, meta }: Found): HTMLLIElement {
  const link = element('a', meta.title ?? url);
  link.href = url;
  const item = element('li', element('h2', link));
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ');
  if (byline) item.append(Object.assign(element('p', byline), { className: 'meta' }));
  item.append(element('p', ...excerptNodes(excerpt)));
  return item;
}

function countLabel(count: number, query: string): string {
  const matches =
    count === 0 ? 'No article matches' : `${count} article${count === 1 ? ' matches' : 's match'}`;
  return `${matches} “${query}”.${count > SHOWN ? ` The first ${SHOWN} are shown.` : ''}`;
}

async function run(value: string): Promise<void> {
  const query = value.trim();
  const turn = ++latest;
  const address = new URL(location.href);
  if (query) address.searchParams.set('q', query);
  else address.searchParams.delete('q');
  history.replaceState(null, '', address);
  if (!query) {
    list?.replaceChildren();
    if (statusLine) statusLine.textContent = '';
    return;
  }
  try {
    loaded ??= load();
    const search = await (await loaded).debouncedSearch(query);
    const found = await Promise.all((search?.results ?? []).slice(0, SHOWN).map((result) => result.data()));
    // A later query has started: its results are the ones to show.
    if (!search || turn !== latest) return;
    list?.replaceChildren(...found.map(resultItem));
    if (statusLine) statusLine.textContent = countLabel(search.results.length, query);
  } catch {
    loaded = undefined;
    if (statusLine)
      statusLine.textContent = 'Search could not be loaded. Every article is listed in the archive.';
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void run(input?.value ?? '');
});
input?.addEventListener('input', () => void run(input.value));

const initial = new URLSearchParams(location.search).get('q');
if (input && initial) {
  input.value = initial;
  void run(initial);
}

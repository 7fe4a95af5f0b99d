/**
 * The theme toggle. The page follows the system setting until the reader
 * chooses; the choice is remembered, and an inline script in <head>
 * (src/components/ThemeInit.astro) applies it before the first paint.
 */
const KEY = 'theme';
const root = document.documentElement;
const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
const systemDark = matchMedia('(prefers-color-scheme: dark)');

const current = (): 'light' | 'dark' => {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
};

function show(): void {
  if (!toggle) return;
  const dark = current() === 'dark';
  toggle.setAttribute('aria-pressed', String(dark));
  toggle.textContent = dark ? 'Light theme' : 'Dark theme';
}

if (toggle) {
  show();
  delete toggle.dataset.awaitingScript;
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage may be blocked; the choice then lasts for this page only.
    }
    show();
  });
  systemDark.addEventListener('change', show);
}

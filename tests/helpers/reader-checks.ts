/**
 * What the reader-view contract measures inside a page, as expressions that
 * every engine's `evaluate` runs alike (plain ES2022, no page script needed,
 * so they work with the page's JavaScript off). Each returns plain data; the
 * test turns it into problems. The rules hold for any good design: they look
 * at boxes, visibility and focus, never at a class name of the design.
 */

/** Helpers every expression starts with: whether an element is drawn and visible, and a short name for messages. */
const PRELUDE = `
  const drawn = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const visible = (element) =>
    drawn(element) && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const label = (element) => {
    const classes = [...element.classList].map((name) => '.' + name).join('');
    const text = (element.textContent || element.getAttribute('aria-label') || element.value || '').trim().replace(/\\s+/g, ' ');
    return element.localName + classes + (text ? ' “' + (text.length > 40 ? text.slice(0, 39) + '…' : text) + '”' : '');
  };
  const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
`;

/** Blocks of text whose boxes must not cross: headings, paragraphs, list items, links and buttons laid out as boxes. */
const TEXT_BLOCKS =
  'h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, figcaption, caption, th, td, label, legend, summary, a, button, input, select, textarea';

export interface Layout {
  innerWidth: number;
  scrollWidth: number;
  clientWidth: number;
  /** Elements marked hidden (or inside one), and controls marked aria-hidden, that are drawn. */
  hiddenShown: string[];
  /** Pairs of text blocks whose boxes cross, neither inside the other. */
  overlaps: string[];
  /** Elements with text whose overflow is hidden or clipped and whose content is larger than their box. */
  clipped: string[];
}

export const LAYOUT = `(() => {
  ${PRELUDE}
  const hiddenShown = [];
  for (const element of document.querySelectorAll('[hidden], [hidden] *'))
    if (drawn(element) || element.checkVisibility()) hiddenShown.push(label(element) + ' is marked hidden and drawn');
  for (const element of document.querySelectorAll('[aria-hidden="true"], [aria-hidden="true"] *'))
    if (element.matches(CONTROLS) && visible(element)) hiddenShown.push(label(element) + ' is a control inside aria-hidden and shows');

  const blocks = [...document.querySelectorAll(${JSON.stringify(TEXT_BLOCKS)})].filter((element) => {
    if (!visible(element) || !element.textContent.trim() && !element.matches('input, select, textarea')) return false;
    const display = getComputedStyle(element).display;
    if (display === 'inline' || display === 'contents') return false;
    const box = element.getBoundingClientRect();
    // Off-screen on purpose, as a skip link waiting for focus is.
    return box.right > 0 && box.bottom + scrollY > 0;
  });
  const boxes = blocks.map((element) => element.getBoundingClientRect());
  const overlaps = [];
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
      const a = boxes[i], b = boxes[j];
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // More than a pixel each way: borders that touch and rounding are not overlaps.
      if (across > 1 && down > 1)
        overlaps.push(label(blocks[i]) + ' and ' + label(blocks[j]) + ' overlap by ' + Math.round(across) + ' × ' + Math.round(down) + ' px');
    }
  }

  const clipped = [];
  for (const element of document.querySelectorAll('body, body *')) {
    if (!element.textContent.trim() || !visible(element)) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // A visually hidden text for screen readers (1 px, clipped) is hidden on purpose.
    if (box.width <= 1 || box.height <= 1) continue;
    const clips = (overflow) => overflow === 'hidden' || overflow === 'clip';
    if (clips(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
      clipped.push(label(element) + ' cuts its text sideways (' + element.scrollWidth + ' px in ' + element.clientWidth + ' px)');
    if (clips(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
      clipped.push(label(element) + ' cuts its text at the bottom (' + element.scrollHeight + ' px in ' + element.clientHeight + ' px)');
  }
  return {
    innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    hiddenShown,
    overlaps,
    clipped,
  };
})()`;

/**
 * Records each control's look before anything has focus, in a data attribute
 * (the driver's script and the next one may not share globals), and returns
 * how many controls a reader can reach with the keyboard.
 */
export const FOCUS_PREPARE = `(() => {
  ${PRELUDE}
  document.activeElement?.blur?.();
  let reachable = 0;
  for (const element of document.querySelectorAll(CONTROLS)) {
    const style = getComputedStyle(element);
    element.setAttribute('data-contract-unfocused', style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor + ' | ' + style.boxShadow);
    if (element.tabIndex >= 0 && element.checkVisibility({ visibilityProperty: true })) reachable++;
  }
  return reachable;
})()`;

export interface Focused {
  /** A path that names the element uniquely in the page, to see when Tab has gone round. */
  key: string;
  label: string;
  /** Whether the focus is on the page's body (or nothing): Tab has left the page's controls. */
  none: boolean;
  ring: boolean;
  differs: boolean;
  onScreen: boolean;
  look: string;
}

/** The focused element: whether an outline or box-shadow shows that differs from its look unfocused, and whether it is on screen. */
export const FOCUSED = `(() => {
  ${PRELUDE}
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement)
    return { key: '', label: '', none: true, ring: false, differs: false, onScreen: false, look: '' };
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  const look = style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor + ' | ' + style.boxShadow;
  const box = element.getBoundingClientRect();
  const path = [];
  for (let node = element; node && node !== document.body; node = node.parentElement)
    path.unshift(node.localName + ':' + [...node.parentElement.children].indexOf(node));
  return {
    key: path.join('/'),
    label: label(element),
    none: false,
    ring: outline || shadow,
    differs: look !== element.getAttribute('data-contract-unfocused'),
    onScreen: visible(element) && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    look,
  };
})()`;

/** Buttons and form fields a reader can see or reach with the keyboard; with JavaScript off there must be none. */
export const REACHABLE_CONTROLS = `(() => {
  ${PRELUDE}
  return [...document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, [role="button"]')]
    .filter((element) => visible(element) || (element.tabIndex >= 0 && element.checkVisibility({ visibilityProperty: true })))
    .map(label);
})()`;

/** Whether the first element matching the selector is visible; null when there is none. */
export const isVisible = (selector: string): string =>
  `(() => { ${PRELUDE} const element = document.querySelector(${JSON.stringify(selector)}); return element ? visible(element) : null; })()`;

/** Every visible button, by a selector the contract knows or by its label when it knows none. */
export const VISIBLE_BUTTONS = (known: readonly string[]): string => `(() => {
  ${PRELUDE}
  const known = ${JSON.stringify(known)};
  return [...document.querySelectorAll('button, [role="button"], input[type="submit"], input[type="button"]')]
    .filter(visible)
    .map((element) => known.find((selector) => element.matches(selector)) ?? 'unknown: ' + label(element));
})()`;

/** Selects the first words of the first paragraph of the article's body, as a reader's drag would. */
export const SELECT_IN_BODY = `(() => {
  const paragraph = [...document.querySelectorAll('article p, main p')].find((p) => p.closest('.body') && p.firstChild?.textContent?.length > 20);
  if (!paragraph) return false;
  const range = document.createRange();
  range.setStart(paragraph.firstChild, 0);
  range.setEnd(paragraph.firstChild, 20);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return true;
})()`;

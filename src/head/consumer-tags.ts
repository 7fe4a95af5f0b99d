/**
 * Head tags that particular link-preview consumers read beyond Open Graph:
 * Slack's label/data pairs, X's length limits, the browser's theme colour.
 * Each function is small and separate from head.ts so that the tags the
 * previews contract needs (tests/build/previews/) stay in one place.
 */
import type { HeadTag } from './head.ts';

const name = (key: string, content: string, media?: string): HeadTag => ({
  tag: 'meta',
  attrs: { name: key, content, ...(media && { media }) },
});

/**
 * Two label/data pairs under the preview: who wrote it and how long it takes to read. Slack shows
 * them (its "classic unfurl": https://api.slack.com/reference/messaging/link-unfurling, and
 * Slack's own guide to it:
 * https://medium.com/slack-developer-blog/everything-you-ever-wanted-to-know-about-unfurling-but-were-afraid-to-ask-or-how-to-make-your-e64b4bb9254).
 */
export function readerLabels(byline: string, readingTime: string): HeadTag[] {
  return [
    name('twitter:label1', 'Written by'),
    name('twitter:data1', byline),
    name('twitter:label2', 'Reading time'),
    name('twitter:data2', readingTime),
  ];
}

/** X shows at most 70 characters of a card's title and 200 of its description. https://developer.x.com/cards/markup */
export const X_TITLE_MAX = 70;
export const X_DESCRIPTION_MAX = 200;

/**
 * `text` cut at the last word boundary that leaves room for an ellipsis, so that it is at most
 * `max` characters (Unicode code points); unchanged when it fits.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const room = chars.slice(0, max - 1).join('');
  const cut = room.replace(/\s+\S*$/u, '');
  // A single word longer than the room is cut inside the word.
  return `${(cut.length > 0 ? cut : room).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * X's own title and description, only where the Open Graph ones are longer than X shows: X falls
 * back to og:title and og:description otherwise, and cuts them where it likes.
 */
export function xCardText(title: string, description: string): HeadTag[] {
  const tags: HeadTag[] = [];
  const shortTitle = shorten(title, X_TITLE_MAX);
  if (shortTitle !== title) tags.push(name('twitter:title', shortTitle));
  const shortDescription = shorten(description, X_DESCRIPTION_MAX);
  if (shortDescription !== description) tags.push(name('twitter:description', shortDescription));
  return tags;
}

/**
 * The page background of each scheme (`--paper` in src/styles/global.css; a unit test keeps the
 * two in step), for browsers that tint their toolbar to match the page.
 * https://html.spec.whatwg.org/multipage/semantics.html#meta-theme-color
 */
export const THEME_COLORS = { light: '#fbf9f4', dark: '#141416' } as const;

export const themeColorTags = (): HeadTag[] => [
  name('theme-color', THEME_COLORS.light, '(prefers-color-scheme: light)'),
  name('theme-color', THEME_COLORS.dark, '(prefers-color-scheme: dark)'),
];

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readerLabels,
  shorten,
  THEME_COLORS,
  themeColorTags,
  xCardText,
} from '../../../src/head/consumer-tags.ts';

const content = (tags: ReturnType<typeof xCardText>, name: string) =>
  tags.find((tag) => tag.attrs.name === name)?.attrs.content;

describe('shorten', () => {
  it.each([
    ['fits', 'A short headline', 70, 'A short headline'],
    ['exactly the limit', 'x'.repeat(70), 70, 'x'.repeat(70)],
    ['cut at a word boundary', 'one two three four', 12, 'one two…'],
    ['trailing punctuation dropped before the ellipsis', 'one two, three four', 12, 'one two…'],
    ['one long word cut inside', 'abcdefghijklmnop', 6, 'abcde…'],
    // Code points, not UTF-16 units: an emoji counts once.
    ['astral characters counted once', '😀😀😀 😀😀', 5, '😀😀😀…'],
  ])('%s', (_name, text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(Array.from(shorten(text, max)).length).toBeLessThanOrEqual(max);
  });
});

describe('xCardText', () => {
  it('adds nothing when the title and description fit X', () => {
    expect(xCardText('A'.repeat(70), 'B'.repeat(200))).toEqual([]);
  });
  it('adds a shortened twitter:title and twitter:description when they are too long', () => {
    const title = 'Word '.repeat(20).trim();
    const description = 'Longer words here. '.repeat(15).trim();
    const tags = xCardText(title, description);
    expect(Array.from(content(tags, 'twitter:title') ?? '').length).toBeLessThanOrEqual(70);
    expect(content(tags, 'twitter:title')).toMatch(/^Word( Word)+…$/u);
    expect(Array.from(content(tags, 'twitter:description') ?? '').length).toBeLessThanOrEqual(200);
    expect(content(tags, 'twitter:description')?.endsWith('…')).toBe(true);
  });
});

describe('readerLabels', () => {
  it('pairs each label with its data, in order', () => {
    expect(readerLabels('Ann Author and Ben Writer', '3 min read').map((tag) => tag.attrs)).toEqual([
      { name: 'twitter:label1', content: 'Written by' },
      { name: 'twitter:data1', content: 'Ann Author and Ben Writer' },
      { name: 'twitter:label2', content: 'Reading time' },
      { name: 'twitter:data2', content: '3 min read' },
    ]);
  });
});

describe('theme colours', () => {
  it('are the page background of each scheme in the stylesheet', () => {
    const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
    const paper = /--paper:\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/iu.exec(css);
    expect(paper?.slice(1)).toEqual([THEME_COLORS.light, THEME_COLORS.dark]);
  });
  it('name their scheme in a media query', () => {
    expect(themeColorTags().map((tag) => tag.attrs.media)).toEqual([
      '(prefers-color-scheme: light)',
      '(prefers-color-scheme: dark)',
    ]);
  });
});

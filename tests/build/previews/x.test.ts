/**
 * X's card contract (summary_large_image), on every built article.
 * https://developer.x.com/cards/markup (the tags, their limits and their Open Graph fallbacks) and
 * https://developer.x.com/en/docs/x-for-websites/cards/overview/summary-card-with-large-image
 * The markup page calls twitter:site ("@username of website") required. Broadsheet's data names no X
 * account, and none is invented, so the tag is absent and nothing here tests it.
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, length, meta, type PageFacts } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

/** What X shows: its own tag, or the Open Graph one it falls back to. */
const shown = (page: PageFacts, key: 'title' | 'description') =>
  meta(page, `twitter:${key}`) ?? meta(page, `og:${key}`) ?? '';

/** `short` is `long` itself, or the start of it cut before a space or a mark and ended with an ellipsis. */
function isShortened(short: string, long: string): boolean {
  if (short === long) return true;
  const start = short.slice(0, -1);
  return short.endsWith('…') && long.startsWith(start) && /^[\s,;:.–—-]/u.test(long.slice(start.length));
}

describe.each(pages)('X: $label', ({ site, page }) => {
  test('the card is summary_large_image', () => {
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
  });

  // "twitter:title: Title of content (max 70 characters)", falling back to og:title.
  test('the title X shows is at most 70 characters, and the headline or the start of it', () => {
    const title = shown(page, 'title');
    expect(length(title)).toBeLessThanOrEqual(70);
    expect(isShortened(title, page.headline)).toBe(true);
    // X's own tag only where the headline is too long for it.
    expect(meta(page, 'twitter:title') === undefined).toBe(length(page.headline) <= 70);
  });

  // "twitter:description: Description of content (maximum 200 characters)", falling back to og:description.
  test('the description X shows is at most 200 characters, and the standfirst or the start of it', () => {
    const description = shown(page, 'description');
    const dek = meta(page, 'og:description') ?? '';
    expect(length(description)).toBeLessThanOrEqual(200);
    expect(isShortened(description, dek)).toBe(true);
    expect(meta(page, 'twitter:description') === undefined).toBe(length(dek) <= 200);
  });

  // "Images must be less than 5MB in size. JPG, PNG, WEBP and GIF formats are supported." (falls back to og:image)
  test('the image is a JPG, PNG, WEBP or GIF under 5 MB', () => {
    const image = fileAt(site, meta(page, 'twitter:image') ?? meta(page, 'og:image'));
    expect(['jpg', 'png', 'webp', 'gif']).toContain(image.type);
    expect(image.bytes).toBeLessThan(5 * 1024 * 1024);
  });

  // "twitter:image:alt: A text description of the image … Maximum 420 characters."
  test('the image has a text alternative of at most 420 characters', () => {
    const alt = meta(page, 'twitter:image:alt') ?? '';
    expect(alt.length).toBeGreaterThan(0);
    expect(length(alt)).toBeLessThanOrEqual(420);
  });
});

describe('X: the fixture tests both sides of the limits', () => {
  test('one headline is past 70 characters and one exactly 70; one standfirst past 200 and one exactly 200', () => {
    const fixture = pages.filter(({ site }) => site.name === 'fixture').map(({ page }) => page);
    const titles = fixture.map((page) => length(page.headline));
    const deks = fixture.map((page) => length(meta(page, 'og:description')));
    expect(titles.some((n) => n > 70) && titles.includes(70)).toBe(true);
    expect(deks.some((n) => n > 200) && deks.includes(200)).toBe(true);
  });
});

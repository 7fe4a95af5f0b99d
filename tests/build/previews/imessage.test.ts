/**
 * Messages' (iMessage) rich link contract, on every built article: Apple's Technical Note TN2444, "Best
 * Practices for Link Previews in Messages".
 * https://developer.apple.com/library/archive/technotes/tn2444/_index.html
 * Its rule "serve the same metadata to both mobile and desktop versions" holds by construction: the site is
 * static files, one per address, whoever asks.
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('iMessage: $label', ({ site, page }) => {
  // TN2444: og:title for the caption, og:image for the picture, "of high enough quality to display
  // beautifully (especially important on retina screens)".
  test('og:title is the headline', () => {
    expect(meta(page, 'og:title')).toBe(page.headline);
  });

  test('og:image is built and large: at least 1,000 px wide', () => {
    expect(fileAt(site, meta(page, 'og:image')).width).toBeGreaterThanOrEqual(1000);
  });

  // TN2444 names a page icon for when there is no good image; the page always has one.
  test('the page names an icon', () => {
    expect(page.links.some((link) => link.rel === 'icon' && link.href)).toBe(true);
  });
});

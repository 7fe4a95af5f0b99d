/**
 * Facebook's link-share contract, on every built article.
 * https://developers.facebook.com/docs/sharing/webmasters/images ("Images in Link Shares")
 * https://developers.facebook.com/docs/sharing/webmasters/faq
 * Its crawler "only accepts gzip and deflate encodings": that is the host's setting, outside dist/ and
 * outside `astro preview`, so docs/deploying.md says it instead of a test.
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('Facebook: $label', ({ site, page }) => {
  // "The minimum allowed image dimension is 200 x 200 pixels. The size of the image file must not exceed
  // 8 MB. Use images that are at least 1200 x 630 pixels for the best display on high resolution devices."
  test('og:image is at least 1200×630 and at most 8 MB', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect(image.width).toBeGreaterThanOrEqual(1200);
    expect(image.height).toBeGreaterThanOrEqual(630);
    expect(image.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  // FAQ: "use og:image:width and og:image:height tags" so that the image renders on the first share.
  test('og:image:width and og:image:height are declared, and true', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect(Number(meta(page, 'og:image:width'))).toBe(image.width);
    expect(Number(meta(page, 'og:image:height'))).toBe(image.height);
  });

  // "Try to keep your images as close to 1.91:1 aspect ratio as possible to display the full image in Feed
  // without any cropping." The card is 16:9 (src/lib/urls.ts): Facebook crops 20 to 40 px of margin.
  test('the image is within 10% of 1.91:1', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect(Math.abs((image.width ?? 0) / (image.height ?? 1) / 1.91 - 1)).toBeLessThan(0.1);
  });

  test('og:type is article and og:url the canonical address', () => {
    expect(meta(page, 'og:type')).toBe('article');
    expect(meta(page, 'og:url')).toBe(page.links.find((link) => link.rel === 'canonical')?.href);
  });
});

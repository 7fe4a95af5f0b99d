/**
 * Mastodon's preview card contract, on every built article. Mastodon documents its card as "generated using
 * OpenGraph tags from a URL", with a title, a description, an image and its width and height.
 * https://docs.joinmastodon.org/entities/PreviewCard
 * It documents no size or length limit for sites. The author line under a card (`fediverse:creator`) belongs
 * to the author-identity work of issue 26, items 1 to 3, and is tested there.
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('Mastodon: $label', ({ site, page }) => {
  test('og:title, og:description, og:url and og:image are there', () => {
    for (const key of ['og:title', 'og:description', 'og:url', 'og:image'])
      expect(meta(page, key)).toBeTruthy();
  });

  test('the image is built, at the width and height the page declares', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect([image.width, image.height]).toEqual([
      Number(meta(page, 'og:image:width')),
      Number(meta(page, 'og:image:height')),
    ]);
  });
});

/**
 * LinkedIn's share preview contract, on every built article. LinkedIn's help page "Making your website
 * shareable on LinkedIn" asks for Open Graph tags and "certain image requirements specific to LinkedIn":
 * https://www.linkedin.com/help/linkedin/answer/46687/making-your-website-shareable-on-linkedin
 * Its image figures could not be read from LinkedIn's own pages here; the 1200×627 minimum below is the one
 * issue 26 gives for LinkedIn.
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('LinkedIn: $label', ({ site, page }) => {
  test('og:title, og:description, og:url, og:type and og:image are there', () => {
    for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:image']) {
      expect(meta(page, key)).toBeTruthy();
    }
  });

  test('the image is at least 1200×627', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect(image.width).toBeGreaterThanOrEqual(1200);
    expect(image.height).toBeGreaterThanOrEqual(627);
  });
});

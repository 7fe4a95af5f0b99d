/**
 * WhatsApp's link-preview contract, on every built article.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/link-previews/
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('WhatsApp: $label', ({ site, page }) => {
  // "The <head> containing the HTML mark-ups must appear within the first 300KB of the HTML."
  test('the head ends within the first 300 KB', () => {
    expect(page.headEnd).toBeGreaterThan(0);
    expect(page.headEnd).toBeLessThan(300 * 1024);
  });

  // "The <og:title>, <og:description> and <og:url> mark-ups must be inside the <head> tag. They should not be empty."
  // (The helper reads meta tags from the head only.)
  test('og:title, og:description and og:url are in the head and not empty', () => {
    for (const key of ['og:title', 'og:description', 'og:url']) expect(meta(page, key)?.trim()).toBeTruthy();
  });

  // "The <og:title> mark-up represents the title of the content without any branding."
  test('og:title is the headline, without the site name', () => {
    expect(meta(page, 'og:title')).toBe(page.headline);
  });

  // The image rule as issue 26 quotes the same page: under 600 KB and at least 300 px wide. The stored
  // copy of the page ends before its image section, so these two figures are the issue's.
  test('og:image is under 600 KB and at least 300 px wide', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect(image.bytes).toBeLessThan(600 * 1024);
    expect(image.width).toBeGreaterThanOrEqual(300);
  });
});

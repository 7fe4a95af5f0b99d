/**
 * Telegram's link previews, on every built article. Telegram documents no rule for the sites it previews: its
 * documentation covers Instant View templates and how bots ask for a preview (LinkPreviewOptions), not what
 * it reads from a page. So this file holds the page to the Open Graph protocol itself, whose four required
 * properties every consumer here reads: https://ogp.me/#metadata
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('Telegram: $label', ({ site, page }) => {
  test('og:title, og:type, og:image and og:url are there, once each', () => {
    for (const key of ['og:title', 'og:type', 'og:image', 'og:url']) expect(meta(page, key)).toBeTruthy();
  });

  test('og:url and og:image are absolute, and the image is built', () => {
    expect(new URL(meta(page, 'og:url') ?? '').href).toBe(meta(page, 'og:url'));
    expect(fileAt(site, meta(page, 'og:image')).bytes).toBeGreaterThan(0);
  });
});

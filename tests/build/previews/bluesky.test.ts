/**
 * Bluesky's link card contract, on every built article. A Bluesky client builds the card itself and stores
 * it in the post as an app.bsky.embed.external record, whose lexicon is Bluesky's documented rule: a title
 * and a description (both required) and a thumbnail blob of image/* of at most 1,000,000 bytes.
 * https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/external.json
 * Issue 26 quotes "a title of up to 3 lines and a description of up to 2": that is how the app lays the card
 * out, and Bluesky documents no rule about it for sites, so nothing here tests it.
 */
import { describe, expect, test } from 'vitest';
import { contractPages, fileAt, meta } from '../../helpers/preview-contract.ts';

const pages = await contractPages();

describe.each(pages)('Bluesky: $label', ({ site, page }) => {
  test('there is a title and a description for the card', () => {
    expect(meta(page, 'og:title')).toBeTruthy();
    expect(meta(page, 'og:description')).toBeTruthy();
  });

  test('the image fits the thumbnail blob: an image of at most 1,000,000 bytes', () => {
    const image = fileAt(site, meta(page, 'og:image'));
    expect(image.type).toBeTruthy();
    expect(image.bytes).toBeLessThanOrEqual(1_000_000);
  });
});

/**
 * Slack's link-preview ("classic unfurl") contract: oEmbed first, then Twitter Card and Open Graph tags,
 * and the twitter:label/data pairs shown under the preview.
 * https://api.slack.com/reference/messaging/link-unfurling; what the unfurler reads and in what order is in
 * Slack's own guide: https://medium.com/slack-developer-blog/everything-you-ever-wanted-to-know-about-unfurling-but-were-afraid-to-ask-or-how-to-make-your-e64b4bb9254
 * oEmbed itself: https://oembed.com/
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contractPages, fileAt, fixtureSite, meta, type PageFacts } from '../../helpers/preview-contract.ts';
import { startPreview, type Preview } from '../../helpers/preview.ts';

const pages = await contractPages();
const fixture = await fixtureSite();
const oembedLinks = (page: PageFacts) => page.links.filter((link) => link.type === 'application/json+oembed');

describe.each(pages)('Slack: $label', ({ site, page }) => {
  // oembed.com, section 4: discovery through <link rel="alternate" type="application/json+oembed">.
  test('the page names one oEmbed document, by an absolute URL on the site', () => {
    const links = oembedLinks(page);
    expect(links).toHaveLength(1);
    expect(links[0]?.rel).toBe('alternate');
    expect(links[0]?.href?.startsWith(site.origin)).toBe(true);
  });

  // oembed.com, section 2.3.4: version "1.0", a type, and for a thumbnail its width and height.
  test('the oEmbed document is a version 1.0 link that says what the tags say', () => {
    const document = fileAt(site, oembedLinks(page)[0]?.href).json as Record<string, unknown>;
    expect(document.version).toBe('1.0');
    expect(document.type).toBe('link');
    expect(document.title).toBe(meta(page, 'og:title'));
    expect(document.provider_name).toBe(meta(page, 'og:site_name'));
    expect(page.byline).toBe(`By ${String(document.author_name)}`);
    const thumbnail = fileAt(site, document.thumbnail_url as string);
    expect([thumbnail.width, thumbnail.height]).toEqual([
      document.thumbnail_width,
      document.thumbnail_height,
    ]);
  });

  // The label/data pairs: who wrote it and how long it takes, as the page itself says.
  test('twitter:label1/data1 give the byline and label2/data2 the reading time shown on the page', () => {
    expect(meta(page, 'twitter:label1')).toBe('Written by');
    expect(`By ${meta(page, 'twitter:data1') ?? ''}`).toBe(page.byline);
    expect(meta(page, 'twitter:label2')).toBe('Reading time');
    expect(page.dateline.endsWith(` · ${meta(page, 'twitter:data2') ?? '(none)'}`)).toBe(true);
  });
});

describe('Slack: the oEmbed documents, served by astro preview', () => {
  let server: Preview;
  beforeAll(async () => {
    server = await startPreview(fixture.root);
  });
  afterAll(async () => {
    await server.stop();
  });

  // oembed.com, section 2.3.4: JSON responses are served as application/json.
  test.each(fixture.articles)('$path: 200, application/json', async (page) => {
    const href = oembedLinks(page)[0]?.href ?? '';
    const response = await fetch(new URL(new URL(href).pathname, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/u);
    expect(await response.json()).toEqual(fixture.files[href]?.json);
  });
});

/**
 * Discord's link-preview contract: what it reads, and how the server must answer, checked against
 * `astro preview` (what `npm start` serves) on the fixture site.
 * https://docs.discord.com/developers/link-previews/overview ("How Discord Reads Your Page")
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureSite, meta } from '../../helpers/preview-contract.ts';
import { startPreview, type Preview } from '../../helpers/preview.ts';

const fixture = await fixtureSite();
// "At most 5 redirects."
const MAX_REDIRECTS = 5;

let server: Preview;
beforeAll(async () => {
  server = await startPreview(fixture.root);
});
afterAll(async () => {
  await server.stop();
});

/** Fetches `path` as Discord does, one GET, following at most five redirects; returns the last answer and the hops. */
async function get(path: string): Promise<{ response: Response; redirects: number }> {
  let url = new URL(path, server.url);
  for (let redirects = 0; ; redirects += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: { 'User-Agent': 'Discordbot/2.0' } });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return { response, redirects };
    if (redirects === MAX_REDIRECTS)
      throw new Error(`${path}: more than ${String(MAX_REDIRECTS)} redirects.`);
    url = new URL(location, url);
  }
}

describe.each(fixture.articles)('Discord: $path', (page) => {
  // "The response must be a 2xx." "Content type of text/html or application/xhtml+xml, and not served as a
  // download with Content-Disposition: attachment."
  test('the page answers 2xx, as text/html, not as a download', async () => {
    const { response, redirects } = await get(page.path);
    expect(redirects).toBe(0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(response.headers.get('content-disposition') ?? '').not.toMatch(/attachment/u);
  });

  // The address a preview is made of is og:url (the canonical address, which share links carry too).
  test('og:url answers 2xx as text/html within 5 redirects', async () => {
    const { response, redirects } = await get(new URL(meta(page, 'og:url') ?? '').pathname);
    expect(redirects).toBeLessThanOrEqual(MAX_REDIRECTS);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/u);
  });

  // "The tags must be in the HTML your server sends. No code is executed": the served page carries them.
  test('the served HTML carries the Open Graph tags', async () => {
    const html = await (await get(page.path)).response.text();
    for (const key of ['og:title', 'og:description', 'og:image']) {
      expect(html).toContain(`property="${key}"`);
      expect(meta(page, key)).toBeTruthy();
    }
  });

  // The image is fetched too; "At most 50 MB of data returned" covers it.
  test('og:image answers 200 as an image, well under 50 MB', async () => {
    const { response } = await get(new URL(meta(page, 'og:image') ?? '').pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/png/u);
    expect((await response.arrayBuffer()).byteLength).toBeLessThan(50 * 1024 * 1024);
  });
});

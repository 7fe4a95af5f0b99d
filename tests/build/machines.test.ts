/**
 * What machines read on the built site: link previews as an unfurler parses
 * them, structured data against the rules for news articles, robots
 * directives, autodiscovery, the Markdown copy and llms.txt.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ogs from 'open-graph-scraper';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveSiteUrl } from '../../src/site.ts';
import { DIST, readPage } from '../helpers/project.ts';

const site = resolveSiteUrl();
const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const CANONICAL = new URL(PERMALINK, site).href;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u;

type Json = Record<string, unknown>;

/** The page's JSON-LD blocks, parsed as a consumer parses them. */
const jsonLd = (page: Document): Json[] =>
  [...page.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent) as Json,
  );

/** Every built HTML page, as a site path. */
async function htmlPages(): Promise<string[]> {
  const files = await readdir(DIST, { recursive: true });
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/index\.html$/u, '')}`);
}

/** A site path or absolute URL on this site, as a file in dist/. */
function distFile(href: string): string {
  const path = new URL(href, site).pathname;
  return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
}

let html: string;
let page: Document;
beforeAll(async () => {
  html = await readFile(distFile(PERMALINK), 'utf8');
  page = await readPage(DIST, PERMALINK);
});

describe('link previews, as an unfurler reads them', () => {
  test('Open Graph describes the article, its canonical URL and its image', async () => {
    const { result } = await ogs({ html });
    expect(result.ogType).toBe('article');
    expect(result.ogTitle).toBe('CSTO undergoes ‘baptism of fire’ in Kazakhstan');
    expect(result.ogDescription).toBe(page.querySelector('.dek')?.textContent);
    expect(result.ogUrl).toBe(CANONICAL);
    expect(result.ogSiteName).toBe('Broadsheet');
    expect(result.ogLocale).toBe('en');
    const [image] = result.ogImage ?? [];
    expect(image?.url).toMatch(/^https:\/\/.+\.png$/u);
    // 16:9 at 1200 wide: what Google Discover shows large, and what the unfurlers that crop show near whole.
    expect(image?.width).toBe('1200');
    expect(Number(image?.width) / Number(image?.height)).toBeCloseTo(16 / 9, 2);
    expect(page.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toContain(
      'Irina Alksnis',
    );
  });

  test('article:* tags keep published and modified apart and link the author page', async () => {
    const content = (property: string) =>
      [...page.querySelectorAll(`meta[property="${property}"]`)].map((m) => m.getAttribute('content'));
    expect(content('article:published_time')).toEqual(['2022-01-06T00:00:00Z']);
    expect(content('article:modified_time')).toEqual(['2022-01-06T00:00:00Z']);
    expect(content('article:section')).toEqual(['Opinion']);
    expect(content('article:tag')).toEqual(['Kazakhstan', 'CSTO', 'Russia']);
    const authors = content('article:author');
    expect(authors).toEqual([new URL('/authors/irina-alksnis/', site).href]);
    await expect(readFile(distFile(authors[0] ?? ''), 'utf8')).resolves.toContain('Irina Alksnis');
  });

  test('X gets a large image card with alt text', async () => {
    const { result } = await ogs({ html });
    expect(result.twitterCard).toBe('summary_large_image');
    expect(page.querySelector('meta[name="twitter:image:alt"]')?.getAttribute('content')).toBeTruthy();
  });

  test('search engines may show a large image preview', () => {
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe(
      'max-image-preview:large',
    );
  });
});

describe('structured data', () => {
  test('exactly one top-level NewsArticle block, with everything Google and reader modes use', () => {
    const blocks = jsonLd(page);
    const articles = blocks.filter((block) => block['@type'] === 'NewsArticle');
    expect(articles).toHaveLength(1);
    const article = articles[0] ?? {};
    expect(article['@context']).toBe('https://schema.org');
    expect(article).not.toHaveProperty('@graph');
    expect(article.headline).toBe(page.querySelector('h1')?.textContent);
    expect(article.description).toBe(page.querySelector('.dek')?.textContent);
    expect(article.datePublished).toMatch(ZONED);
    expect(article.dateModified).toMatch(ZONED);
    expect(article.genre).toBe('Opinion');
    expect(article.articleSection).toBe('Opinion');
    expect(article.inLanguage).toBe(page.documentElement.lang);
    expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': CANONICAL });
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Irina Alksnis', url: new URL('/authors/irina-alksnis/', site).href },
    ]);
    expect(article.publisher).toMatchObject({
      '@type': 'NewsMediaOrganization',
      name: 'Broadsheet',
      logo: { url: new URL('/logo.png', site).href },
    });
    expect(article.isBasedOn).toMatchObject({
      url: 'https://thefrontierpost.com/csto-undergoes-baptism-of-fire-in-kazakhstan/',
    });
    expect(article.sourceOrganization).toMatchObject({
      '@type': 'Organization',
      name: 'The Frontier Post',
      url: 'https://thefrontierpost.com/',
    });
    const images = article.image as string[];
    expect(images).toHaveLength(3);
    // 16:9 first, the link preview's own image, then 4:3 and 1:1.
    expect(images[0]).toBe(page.querySelector('meta[property="og:image"]')?.getAttribute('content'));
    for (const [i, shape] of ['4x3', '1x1'].entries())
      expect(images[i + 1]).toMatch(new RegExp(`-${shape}\\.png$`, 'u'));
  });

  test('a BreadcrumbList leads from the home page through the source to the article', () => {
    const list = jsonLd(page).find((block) => block['@type'] === 'BreadcrumbList');
    const items = (list?.itemListElement ?? []) as Json[];
    expect(items.map((item) => item.item)).toEqual([
      site.href,
      new URL('/sources/the-frontier-post/', site).href,
      CANONICAL,
    ]);
    expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
  });

  test('the raw JSON-LD has no "<", so article text can never close the script element', () => {
    for (const script of html.match(/<script type="application\/ld\+json">(.*?)<\/script>/gsu) ?? []) {
      expect(script.slice('<script type="application/ld+json">'.length, -'</script>'.length)).not.toContain(
        '<',
      );
    }
  });

  test('the author page is a ProfilePage about a Person', async () => {
    const author = await readPage(DIST, '/authors/irina-alksnis/');
    const [profile] = jsonLd(author);
    expect(profile).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Irina Alksnis' },
    });
  });
});

describe('autodiscovery and copies for machines', () => {
  test('every page announces the RSS, Atom and JSON feeds', async () => {
    for (const path of await htmlPages()) {
      const doc = await readPage(DIST, path);
      const types = [...doc.querySelectorAll('link[rel="alternate"]')].map((link) =>
        link.getAttribute('type'),
      );
      expect(types, path).toEqual(
        expect.arrayContaining(['application/rss+xml', 'application/atom+xml', 'application/feed+json']),
      );
    }
  });

  test('the article links its Markdown copy, which holds the text and the credit', async () => {
    const link = page.querySelector('link[rel="alternate"][type="text/markdown"]');
    expect(link?.getAttribute('href')).toBe('/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan.md');
    const markdown = await readFile(distFile(link?.getAttribute('href') ?? ''), 'utf8');
    expect(markdown.split('\n')[0]).toBe('# CSTO undergoes ‘baptism of fire’ in Kazakhstan');
    expect(markdown).toContain('Irina Alksnis');
    expect(markdown).toContain('The Frontier Post');
    expect(markdown).toContain(`<${CANONICAL}>`);
    const firstParagraph = page.querySelector('.body > p')?.firstChild?.textContent ?? '';
    expect(markdown).toContain(firstParagraph.trim());
    expect(markdown).not.toContain('¶');
  });

  test('llms.txt describes the site and links every article’s Markdown copy', async () => {
    const text = await readFile(join(DIST, 'llms.txt'), 'utf8');
    expect(text.startsWith('# Broadsheet\n\n> ')).toBe(true);
    expect(text).toContain(
      `(${new URL('/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan.md', site).href})`,
    );
  });
});

describe('share links', () => {
  test('seven services, each carrying the canonical URL, all working without JavaScript', () => {
    const links = [...page.querySelectorAll('nav.share a[data-share]')];
    expect(links.map((link) => link.getAttribute('data-share'))).toEqual([
      'email',
      'x',
      'facebook',
      'linkedin',
      'telegram',
      'whatsapp',
      'mastodon',
    ]);
    for (const link of links) {
      const url = new URL(link.getAttribute('href') ?? '');
      expect([...url.searchParams.values()].join(' '), link.getAttribute('data-share') ?? '').toContain(
        CANONICAL,
      );
    }
  });

  test('the buttons that need JavaScript are hidden without it', () => {
    const buttons = [...page.querySelectorAll('nav.share button')];
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) expect(button.hasAttribute('hidden')).toBe(true);
  });
});

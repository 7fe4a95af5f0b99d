/**
 * The page structure the design asks for, read from the reader site's built
 * HTML (tests/helpers/reader-site.ts): the home page leads with the newest
 * article, the article ends with its source note, its topics, then sharing
 * with the permalink, and author and source pages say who they are from the
 * catalog only.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST, readPage, textOf } from '../helpers/project.ts';
import {
  READER_CONTACT,
  READER_PAGES,
  READER_SITE,
  readerFiles,
  readerSite,
} from '../helpers/reader-site.ts';

let dist = '';
beforeAll(async () => {
  dist = (await readerSite()).dist;
}, 600_000);

/** The fixture's articles as the test reads them from the content files, not from the site. */
function fixtureArticles() {
  return Object.entries(readerFiles())
    .filter(([path]) => path.startsWith('articles/') && path.endsWith('.md'))
    .map(([, text]) => {
      const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'mu').exec(text)?.[1] ?? '';
      const list = (name: string) =>
        field(name)
          .replace(/^\[|\]$/gu, '')
          .split(',')
          .map((item) => item.trim().replace(/^"|"$/gu, ''))
          .filter(Boolean);
      return {
        title: field('title').replace(/^"|"$/gu, ''),
        published: field('published').replace(/^"|"$/gu, ''),
        authors: list('authors'),
        source: field('source').replace(/^"|"$/gu, ''),
      };
    });
}

describe('the home page', () => {
  test('leads with the newest article: its format, headline, whole dek, byline, source and date', async () => {
    const home = await readPage(dist, READER_PAGES.home);
    const newest = [...fixtureArticles()].sort(
      (a, b) => Date.parse(b.published) - Date.parse(a.published),
    )[0];
    const items = [...home.querySelectorAll('.article-list > li')];
    const lead = items[0];
    expect(lead?.classList.contains('lead')).toBe(true);
    expect(items.slice(1).some((item) => item.classList.contains('lead'))).toBe(false);
    expect(textOf(lead?.querySelector('h2'))).toBe(newest?.title);
    expect(textOf(lead?.querySelector('.kicker'))).toBe('News');
    expect(lead?.querySelector('.dek')).not.toBeNull();
    expect(textOf(lead?.querySelector('.summary-meta'))).toMatch(
      /^By Ann Author · The Harbour Gazette · 28 June 2024$/u,
    );
  });

  test('has no lead on its later pages', async () => {
    const second = await readPage(dist, READER_PAGES['home-page-2']);
    expect(second.querySelectorAll('.article-list > li').length).toBeGreaterThan(0);
    expect(second.querySelector('.lead')).toBeNull();
  });
});

describe('the end of an article', () => {
  test('runs source note, topics, the permalink, then sharing, then related reading', async () => {
    const page = await readPage(dist, READER_PAGES.article);
    const order = ['.source-note', '.topics', '.permalink', '.share', '.related'].map((selector) => {
      const element = page.querySelector(selector);
      expect(element, selector).not.toBeNull();
      return element;
    });
    for (let i = 1; i < order.length; i++) {
      const before = order[i - 1];
      const after = order[i];
      if (!before || !after) continue;
      // DOCUMENT_POSITION_FOLLOWING: `after` comes later in the page.
      expect(before.compareDocumentPosition(after) & 4, String(i)).toBe(4);
    }
    const permalink = page.querySelector('.permalink');
    expect(permalink?.nextElementSibling?.matches('.share')).toBe(true);
    expect(permalink?.querySelector('a')?.textContent).toBe(new URL(READER_PAGES.article, READER_SITE).href);
  });
});

describe('author and source pages', () => {
  const articles = fixtureArticles();
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.parse(iso.slice(0, 10)),
    );

  test('an author page counts the author’s articles and names their first publishers, from the data', async () => {
    const page = await readPage(dist, READER_PAGES.author);
    const own = articles.filter((article) => article.authors.includes('ann-author'));
    const dates = own.map((article) => article.published).sort();
    const facts = textOf(page.querySelector('.facts'));
    expect(facts).toContain(`${String(own.length)} articles on Broadsheet`);
    expect(facts).toContain(`from ${day(dates[0] ?? '')} to ${day(dates.at(-1) ?? '')}`);
    expect(facts).toContain('First published by Daily Example and The Harbour Gazette.');
    // Ann Author's YAML gives no biography: the page shows none.
    expect(page.querySelector('header .dek')).toBeNull();
  });

  test('a source page counts its articles and names their authors, from the data', async () => {
    const page = await readPage(dist, READER_PAGES.source);
    const own = articles.filter((article) => article.source === 'harbour-gazette');
    const names: Record<string, string> = { 'ann-author': 'Ann Author', 'ben-writer': 'Ben Writer' };
    const authors = [...new Set(own.flatMap((article) => article.authors))]
      .map((slug) => names[slug] ?? slug)
      .sort();
    const facts = textOf(page.querySelector('.facts'));
    expect(facts).toContain(`${String(own.length)} articles on Broadsheet`);
    expect(facts).toContain(`By ${new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(authors)}.`);
  });
});

describe('the pages that ask readers to write in', () => {
  test.each(['/about/corrections/', '/about/feedback/'])(
    "%s links the editors' address the site was built with (SITE_CONTACT)",
    async (path) => {
      const link = (await readPage(dist, path)).querySelector('.contact a');
      expect(link?.getAttribute('href')).toBe(`mailto:${READER_CONTACT}`);
      expect(link?.textContent).toBe(READER_CONTACT);
    },
  );

  test.each(['/about/corrections/', '/about/feedback/'])(
    '%s says no address is published when none was given, and invents none',
    async (path) => {
      const page = await readPage(DIST, path);
      expect(textOf(page.querySelector('.contact'))).toBe(
        'This site has not published an address for the editors yet.',
      );
      expect(page.querySelector('a[href^="mailto:"]')).toBeNull();
    },
  );
});

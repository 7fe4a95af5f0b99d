/**
 * Generated hostile text (a fixed seed, so the site is the same each run) in
 * every front-matter field and in the body of a few articles, through the
 * real build: every page, feed, sitemap, JSON-LD block, llms.txt and Markdown
 * copy parses in its format, and none holds markup that the text put there.
 * One article's headline holds YAML's "\x08", which XML forbids. The articles
 * are new at the build's "now", so the news sitemap lists them all; the
 * hostile site (hostile.test.ts) is older, so this is a site of its own.
 */
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { zoned } from '../../src/lib/dates.ts';
import { articleMarkdownPath } from '../../src/lib/urls.ts';
import { fontsFor } from '../../src/previews/fonts.ts';
import { resolveSiteUrl } from '../../src/site.ts';
import {
  describeElements,
  findActiveMarkup,
  htmlPages,
  shippedAssets,
  type ShippedAssets,
} from '../helpers/hostile.ts';
import { asMarkdownLine, asXml, hostileText, strictXml } from '../helpers/hostile-text.ts';
import { DIST, readPage } from '../helpers/project.ts';
import { sharedSite } from '../helpers/shared-site.ts';

const site = resolveSiteUrl();
const NOW = '2024-05-03T12:00:00Z';

/** A YAML double-quoted string holding exactly `text`: each UTF-16 unit but printable ASCII as an escape. */
const yaml = (text: string): string =>
  `"${text
    .replace(/["\\]/g, '\\$&')
    .replace(/[^\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
const list = (items: readonly string[]): string => `[${items.map(yaml).join(', ')}]`;

/** Hostile text that the schema accepts: something left once it trims the ends. */
const field = fc
  .tuple(hostileText(6), fc.constantFrom('Alpha', 'Beta', 'Gamma'), hostileText(6))
  .map((parts) => parts.join(''));

/** What the preview images draw (headline, author and source names) must be in the installed fonts. */
function drawable(text: string): string {
  return Array.from(text)
    .filter((char) => {
      try {
        fontsFor(char, 'a generated field');
        return true;
      } catch {
        return false;
      }
    })
    .join('');
}

interface Generated {
  title: string;
  dek: string;
  author: string;
  bio: string;
  source: string;
  description: string;
  topics: string[];
  correction: string;
  body: string;
}
const generated = fc.sample(
  fc.record<Generated>({
    title: field.map(drawable),
    dek: field,
    author: field.map(drawable),
    bio: field,
    source: field.map(drawable),
    description: field,
    topics: fc.array(field, { minLength: 1, maxLength: 2 }),
    correction: field,
    body: field,
  }),
  { numRuns: 4, seed: 20261206 },
);

/** The site: one author and one source per article, each written from generated text. */
const files: Record<string, string> = {};
const articles = generated.map((g, i) => {
  const n = String(i + 1);
  const slug = `generated-${n}`;
  // The first headline is written as an editor would, with YAML's own escape for a backspace.
  const title = i === 0 ? 'Backspace\bin a headline' : g.title;
  const published = `2024-05-03T0${n}:00:00Z`;
  files[`authors/author-${n}.yaml`] = `name: ${yaml(g.author)}\nslug: author-${n}\nbio: ${yaml(g.bio)}\n`;
  files[`sources/source-${n}.yaml`] =
    `name: ${yaml(g.source)}\nslug: source-${n}\nurl: "https://source-${n}.example/"\ndescription: ${yaml(g.description)}\nindexing: index\n`;
  files[`articles/2024-05-03-${slug}.md`] = [
    '---',
    `title: ${i === 0 ? '"Backspace\\x08in a headline"' : yaml(title)}`,
    `dek: ${yaml(g.dek)}`,
    `slug: ${slug}`,
    `published: "${published}"`,
    `authors: [author-${n}]`,
    `source: source-${n}`,
    'format: news',
    `topics: ${list(g.topics)}`,
    `corrections: [{ date: "${published}", text: ${yaml(g.correction)} }]`,
    '---',
    '',
    // The body as a paragraph of text: a Markdown line of its own cannot hold a line break.
    asMarkdownLine(g.body),
    '',
  ].join('\n');
  // The schema trims the ends of each text.
  return { slug, published, title: title.trim(), dek: g.dek.trim(), source: g.source.trim() };
});

let dist: string;
let shipped: ShippedAssets;
beforeAll(async () => {
  ({ dist } = await sharedSite('escaping', files, { BROADSHEET_NOW: NOW }));
  shipped = await shippedAssets(DIST);
});

const read = (path: string): Promise<string> => readFile(join(dist, path), 'utf8');

test('the headline with a backspace, and every other, is in a valid news sitemap', async () => {
  const doc = strictXml(await read('/sitemap-news.xml'), 'sitemap-news.xml');
  const titles = [...doc.getElementsByTagName('news:title')].map((node) => node.textContent);
  expect(titles).toContain('Backspacein a headline');
  expect(titles.sort()).toEqual(articles.map((article) => asXml(article.title)).sort());
});

test('every XML file parses, and every JSON file', async () => {
  const all = await readdir(dist, { recursive: true });
  const xml = all.filter((file) => file.endsWith('.xml'));
  expect(xml).toEqual(
    expect.arrayContaining(['feed.xml', 'atom.xml', 'sitemap-index.xml', 'sitemap-news.xml']),
  );
  for (const file of xml) strictXml(await read(file), file);
  for (const file of all.filter((name) => name.endsWith('.json'))) {
    JSON.parse(await read(file));
  }
});

describe('pages', () => {
  test('no page holds an element or attribute that the text put there', async () => {
    const problems: string[] = [];
    for (const path of await htmlPages(dist)) {
      const page = await readPage(dist, path);
      const elements = describeElements(page);
      problems.push(
        ...findActiveMarkup(elements, { url: new URL(path, site).href, origins: [site.origin], shipped }).map(
          (problem) => `${path}: ${problem}`,
        ),
      );
      // The tags in the hostile pieces (<b>x</b>, <img src=x onerror=…>), which the site never writes itself.
      for (const element of page.querySelectorAll('b, img[src="x"], [onerror]'))
        problems.push(`${path}: <${element.localName}>`);
    }
    expect(problems).toEqual([]);
  });

  test.each(articles.map((article) => [article.slug, article] as const))(
    '%s: every JSON-LD block parses, and the headline is the text',
    async (_, article) => {
      const page = await readPage(dist, `/2024/05/03/${article.slug}/`);
      const blocks = [...page.querySelectorAll('script[type="application/ld+json"]')];
      expect(blocks.length).toBeGreaterThanOrEqual(2);
      const data = blocks.map((block) => {
        expect(block.textContent).not.toMatch(/<\/script/iu);
        return JSON.parse(block.textContent) as Record<string, unknown>;
      });
      const news = data.find((item) => item['@type'] === 'NewsArticle');
      // A page is UTF-8, which cannot hold a lone surrogate: the build writes U+FFFD, JSON keeps the escape.
      expect(news?.headline).toBe(article.title);
      expect(news?.description).toBe(article.dek);
    },
  );
});

/** Every node of a Markdown tree. */
const nodesOf = (node: Nodes): Nodes[] => [
  node,
  ...('children' in node ? node.children.flatMap(nodesOf) : []),
];
const line = (text: string): string => asMarkdownLine(text).replace(/^ +| +$/gu, '');

describe('Markdown', () => {
  test('llms.txt lists each article as text and one link, with no HTML, image or extra heading', async () => {
    const tree = fromMarkdown(await read('/llms.txt'));
    const types = nodesOf(tree).map((node) => node.type);
    expect(types).not.toContain('html');
    expect(types).not.toContain('image');
    expect(types.filter((type) => type === 'heading')).toHaveLength(3);
    const items = tree.children.find((node) => node.type === 'list');
    expect(items?.type === 'list' && items.children).toHaveLength(articles.length);
  });

  test.each(articles.map((article) => [article.slug, article] as const))(
    '%s: the Markdown copy gives the headline and dek as text, with no HTML or image',
    async (_, article) => {
      const tree = fromMarkdown(
        await read(articleMarkdownPath({ slug: article.slug, published: zoned(article.published) })),
      );
      const types = nodesOf(tree).map((node) => node.type);
      expect(types).not.toContain('html');
      expect(types).not.toContain('image');
      const [heading, quote] = tree.children;
      expect(heading?.type === 'heading' && heading.depth).toBe(1);
      expect(toString(heading)).toBe(line(article.title));
      expect(quote?.type).toBe('blockquote');
      expect(toString(quote)).toBe(line(article.dek));
      expect(types.filter((type) => type === 'heading')).toHaveLength(1);
    },
  );
});

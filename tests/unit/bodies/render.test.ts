/**
 * The body renderer the content loader runs (src/bodies/render.ts): what it
 * gives for a body besides the HTML (the Markdown copy, the reading time, the
 * images), that its two routes to the Markdown copy agree, and that the work
 * it leaves out (the table tokenizer, the raw HTML pass) is only left out
 * where it would find nothing.
 */
import { JSDOM } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, test } from 'vitest';
import { syntheticContent } from '../../../scripts/bench/synthetic.ts';
import { bodyProcessor, type PipelineOptions } from '../../../src/bodies/pipeline.ts';
import { hasRaw } from '../../../src/bodies/plugins/rehype-raw-where-raw.ts';
import { mayHaveLiteralAutolinks, mayHaveTables } from '../../../src/bodies/plugins/remark-gfm-subset.ts';
import { isPlain, keepsHref } from '../../../src/bodies/plugins/remark-markdown-copy.ts';
import { articleSchema } from '../../../src/bodies/plugins/sanitize.ts';
import { createBodyRenderer, type RenderedBody, type RenderJob } from '../../../src/bodies/render.ts';
import { markdownBody } from '../../../src/syndication/markdown-copy.ts';
import { ROOT } from '../../helpers/project.ts';

const ARTICLES = join(ROOT, 'content/articles');
const FIRST_ARTICLE = join(ARTICLES, '2022-01-06-csto-undergoes-baptism-of-fire-in-kazakhstan.md');
const PAGE = 'https://broadsheet.example/2024/05/01/a/';

let render: (job: RenderJob) => Promise<RenderedBody>;
beforeAll(async () => {
  render = await createBodyRenderer({ articlesDir: ARTICLES });
});

const job = (markdown: string, frontmatter: Record<string, unknown> = {}): RenderJob => ({
  path: join(ARTICLES, 'test.md'),
  markdown,
  frontmatter,
  page: PAGE,
});

/** The Markdown tree of full GFM, as micromark's own GFM extension parses it. */
const tree = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** Markdown after its front matter. */
const bodyOf = (file: string) => file.replace(/^---\n[\s\S]*?\n---\n/u, '').trim();

const SAMPLES: [string, string][] = [
  ['the first article', bodyOf(readFileSync(FIRST_ARTICLE, 'utf8'))],
  ['a table', '| Party | Seats |\n| :-- | --: |\n| Left | 12 |\n| *Right* | 9 |'],
  ['strikethrough and a task list', 'It was ~~not~~ true.\n\n- [ ] open\n- [x] done'],
  ['a footnote', 'A claim.[^1]\n\n[^1]: The source.'],
  [
    'links and images',
    'See [the report](https://example.org/r_1_2_) and ![a chart](https://example.org/c.png "Chart").',
  ],
  ['underscores and stars', 'snake_case_words, _emphasis_ and **strong** and a_b_c.'],
  ['a bare address', 'Read it at https://example.org/a_b_ or www.example.org.'],
  ['an e-mail address', 'Write to letters@example.org.'],
  ['an escaped bracket', '\\[not a link](https://example.org/x)'],
  ['raw HTML', '<p>Raw <b>bold</b> and <a href="https://example.org/">a link</a></p>'],
  ['code', 'Use `https://example.org` in code:\n\n```\nwww.example.org\n```'],
  // What the copy from the Markdown tree (src/bodies/plugins/remark-markdown-copy.ts) must write as the HTML route does.
  ['soft and hard line breaks', 'One line\nand the next,  \nbroken, and\\\nagain.'],
  ['an h1 and deeper headings', '# A heading\n\nText.\n\n### Deeper'],
  ['a loose list', '- one\n\n- two\n\n- three'],
  ['a nested list and a quoted one', '1. one\n   - a\n   - b\n2. two\n\n> quoted\n>\n> - item'],
  ['a list from 3', '3. three\n4. four'],
  ['code with meta, and indented', '```js title="x.js"\nconst a = 1;\n```\n\n    indented code'],
  ['inline code with spaces and backticks', 'Use `a  b` and `` `x` ``.'],
  [
    'relative, fragment, titled and mail links',
    'See [here](/a/b/ "Title"), [there](#frag), [up](../c), [mail](mailto:a@b.org) and <https://example.org/x>.',
  ],
  ['runs of spaces and a tab', 'Text with  two   spaces and a tab\there.'],
  ['entities, and one that leads', '&#32;A &amp; B &copy; lead.'],
  ['rules', 'A\n\n***\n\nB\n\n---\n\nC'],
  ['every emphasis', '*a* **b** ***c*** _d_ __e__ ~~f~~ a*b*c snake_case'],
  ['escapes', 'A \\* star, a \\_ and 1\\. not a list, # not a heading, <not html'],
  ['addresses to encode', '[ünïcode](/ü/ß?q=ä b#ö) and [space](</a b/>)'],
  ['a javascript: link', '[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1))'],
  ['table rows of other lengths', '| a | b |\n| - | :-: |\n| `c|d` | e  f |\n| 1 |'],
  ['a table cell that starts with a space', '| a | b |\n| - | - |\n| &#32;x | y |'],
  ['a reference link', '[a][r]\n\n[r]: https://example.org'],
  ['a quote in a list item', '- item\n\n  > quote in item'],
  ['emphasis in links', '[*emph* link](https://example.org) and **[strong link](https://e.org)**'],
  ['spaces HTML keeps', 'non\u00a0breaking and\u2003em space'],
  ['headings of one text, and with markup', '## Votes\n\n## Votes\n\n## The *new* `law` & [its](/x/) text'],
  ['a checked and a disabled task', '- [x] done\n- [ ] open\n\n1. [x] numbered'],
  // GFM tables of one column need no pipe: a colon against the hyphens of the delimiter row makes one.
  ['tables of one column, without pipes', 'Party\n:--\nLeft\n\nSeats\n--:\n12\n\n> Votes\n> :-:\n> 3'],
  [
    'lines like a delimiter row that are not',
    'Heading\n-\n\nA rule:\n\n- - -\n\nText\n---\n\nScores: 1 -- 2',
  ],
];
// Bodies of the build benchmark's articles: headings, quotes, lists and links of every kind it writes.
const synthetic = Object.entries(syntheticContent(60))
  .filter(([path]) => path.startsWith('articles/'))
  .map(([path, text]): [string, string] => [path, bodyOf(text)]);

describe('createBodyRenderer', () => {
  test.each([...SAMPLES, ...synthetic])(
    '%s: a Markdown copy from the Markdown tree is the copy of the HTML',
    async (_name, markdown) => {
      const rendered = await render(job(markdown));
      // Only plain Markdown takes the route from the Markdown tree; the rest is made from the HTML tree.
      expect(rendered.markdownBody).toBe(markdownBody(rendered.html, PAGE));
    },
  );

  test('the samples take both routes to the Markdown copy', () => {
    const routes = new Set([...SAMPLES, ...synthetic].map(([, markdown]) => isPlain(tree(markdown))));
    expect(routes).toEqual(new Set([true, false]));
  });

  test('gives the reading time, the Markdown copy of the HTML, and no images for a body without', async () => {
    const markdown = 'A paragraph with [a link](/elsewhere/).\n\n## A heading\n\nMore text.';
    const rendered = await render(job(markdown, { language: 'en' }));
    expect(rendered.readingMinutes).toBe(1);
    expect(rendered.markdownBody).toBe(
      'A paragraph with [a link](https://broadsheet.example/elsewhere/).\n\n## A heading\n\nMore text.\n',
    );
    expect(rendered).toMatchObject({ images: [], markdownImages: [] });
  });

  test('gives the Markdown copy of a body with raw HTML from its sanitized HTML', async () => {
    const rendered = await render(job('Text <script>alert(1)</script> and <b>bold</b>.'));
    expect(rendered.markdownBody).toBe('Text and **bold**.\n');
  });

  test('a body with an image of the image folder lists it, and leaves its Markdown copy for later', async () => {
    const rendered = await render(job('Text.\n\n![A harbour](./images/harbour.jpg "The harbour")'));
    expect(rendered.images).toEqual(['harbour.jpg']);
    expect(rendered.markdownImages).toEqual([{ url: './images/harbour.jpg', line: 3, column: 1 }]);
    expect(rendered.markdownBody).toBeUndefined();
  });

  test('the first article reads in 4 minutes, as its page has said since it was published', async () => {
    const rendered = await render(job(bodyOf(readFileSync(FIRST_ARTICLE, 'utf8')), { language: 'en' }));
    expect(rendered.readingMinutes).toBe(4);
  });
});

describe('raw HTML is parsed only where the tree holds some', () => {
  /** The HTML tree remark-rehype makes of Markdown, raw HTML left raw. */
  const hast = (markdown: string) => {
    const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true });
    return processor.runSync(processor.parse(markdown));
  };

  test.each([
    ['an HTML block', '<div>x</div>', true],
    ['inline HTML', 'a <b>b</b>', true],
    ['an HTML comment', 'a <!-- b -->', true],
    ['a "<" that starts no HTML', 'a < b and <not html', false],
    ['HTML in code', '`<b>` and\n\n```\n<div>\n```', false],
    ['an autolink', '<https://example.org/>', false],
  ])('%s: %s', (_name, markdown, raw) => {
    expect(hasRaw(hast(markdown))).toBe(raw);
  });

  test('raw HTML in a body becomes elements, sanitized', async () => {
    const { html } = await render(job('A <b onclick="x()">bold</b> word.\n\n<div><em>Block</em></div>'));
    const body = JSDOM.fragment(html);
    expect(body.querySelector('p > b')?.textContent).toBe('bold');
    expect(body.querySelector('b')?.hasAttribute('onclick')).toBe(false);
    expect(body.querySelector('div > em')?.textContent).toBe('Block');
    expect(html).not.toContain('&#x3C;');
  });
});

/**
 * The tests every pre-parse check of the renderer takes: the samples take both ways, and wherever the check
 * says a body cannot need a tokenizer, the processor without it gives the same HTML as the one with it.
 */
function shortcutTests(
  check: (markdown: string) => boolean,
  without: PipelineOptions,
  within: PipelineOptions,
) {
  const htmlOf = async (options: PipelineOptions, markdown: string) =>
    String(await bodyProcessor(options).process(new VFile({ value: markdown, path: job(markdown).path })));

  test('the samples take both ways', () => {
    const ways = new Set([...SAMPLES, ...synthetic].map(([, markdown]) => check(markdown)));
    expect(ways).toEqual(new Set([true, false]));
  });

  test.each([...SAMPLES, ...synthetic].filter(([, markdown]) => !check(markdown)))(
    '%s: the same HTML without it',
    async (_name, markdown) => {
      expect(await htmlOf(without, markdown)).toBe(await htmlOf(within, markdown));
    },
  );
}

describe('the table tokenizer is left out only where it would find nothing', () => {
  shortcutTests(
    mayHaveTables,
    { articlesDir: ARTICLES, literals: false, tables: false },
    { articlesDir: ARTICLES, literals: false },
  );

  test.each([
    ['plain prose', 'The council met on Monday.', false],
    ['a setext heading, a rule and dashes in text', 'A\n-\n\n---\n\nNo -- none, a-b: c', false],
    ['a table with pipes', '| a | b |\n| - | - |', true],
    ['a pipe anywhere', 'Either | or', true],
    ['a table of one column, aligned left', 'a\n:--', true],
    ['a table of one column, aligned right', 'a\n--:', true],
    ['a colon against a hyphen in text', 'Ratio 3:-1', true],
  ])('mayHaveTables: %s: %s', (_name, markdown, expected) => {
    expect(mayHaveTables(markdown)).toBe(expected);
  });

  // Variants of every sample with their colons moved off the hyphens: where it says no, full GFM finds no table.
  const hasTable = (markdown: string) => {
    let found = false;
    visit(tree(markdown), 'table', () => {
      found = true;
      return EXIT;
    });
    return found;
  };
  test.each(
    [...SAMPLES, ...synthetic].flatMap(([name, markdown]): [string, string][] => [
      [name, markdown],
      [`${name}, without pipes`, markdown.replaceAll('|', ' ')],
      [`${name}, colons spaced`, markdown.replaceAll('|', ' ').replaceAll(':', ': ')],
    ]),
  )('mayHaveTables never says no to a table: %s', (_name, markdown) => {
    expect(mayHaveTables(markdown) || !hasTable(markdown)).toBe(true);
  });
});

describe('the autolink-literal tokenizer is left out only where it would find nothing', () => {
  shortcutTests(
    mayHaveLiteralAutolinks,
    { articlesDir: ARTICLES, literals: false },
    { articlesDir: ARTICLES },
  );

  test.each([
    ['plain prose', 'The council met on Monday.', false],
    ['an inline link to an address', 'See [the report](https://example.org/r).', false],
    ['an escaped bracket before an address', 'See \\[the report](https://example.org/r).', true],
    ['a bare address', 'See https://example.org/r today.', true],
    ['a bare www address', 'See www.example.org today.', true],
    ['an e-mail address', 'Write to letters@example.org.', true],
  ])('mayHaveLiteralAutolinks: %s: %s', (_name, markdown, expected) => {
    expect(mayHaveLiteralAutolinks(markdown)).toBe(expected);
  });

  // Where it says no, full GFM finds no literal: a literal becomes a link whose text is its own address.
  const literalLinks = (markdown: string) => {
    let found = 0;
    visit(tree(markdown), 'link', (node) => {
      const [text] = node.children;
      if (text?.type === 'text' && node.url.endsWith(text.value)) found += 1;
    });
    return found;
  };
  test.each([...SAMPLES, ...synthetic])(
    'mayHaveLiteralAutolinks never says no to a literal: %s',
    (_name, markdown) => {
      expect(mayHaveLiteralAutolinks(markdown) || literalLinks(markdown) === 0).toBe(true);
    },
  );
});

describe('the route of the Markdown copy', () => {
  const samples = new Map(SAMPLES);
  test.each([
    ['the first article', true],
    ['a table', true],
    ['soft and hard line breaks', true],
    ['an h1 and deeper headings', true],
    ['a loose list', true],
    ['relative, fragment, titled and mail links', true],
    ['every emphasis', true],
    ['addresses to encode', true],
    ['strikethrough and a task list', false],
    ['a footnote', false],
    ['links and images', false],
    ['raw HTML', false],
    ['a javascript: link', false],
    ['a nested list and a quoted one', false],
    ['table rows of other lengths', false],
    ['a table cell that starts with a space', false],
    ['entities, and one that leads', false],
    ['a reference link', false],
  ])('%s: from the Markdown tree: %s', (name, plain) => {
    const markdown = samples.get(name);
    expect(markdown, name).toBeDefined();
    expect(isPlain(tree(markdown ?? ''))).toBe(plain);
  });

  test('every synthetic body of the benchmark is plain Markdown', () => {
    for (const [name, markdown] of synthetic) expect(isPlain(tree(markdown)), name).toBe(true);
  });

  test.each([
    '/relative/',
    '#fragment',
    '../up',
    'https://example.org/',
    'http://example.org/a:b',
    'mailto:a@example.org',
    'ircs://irc.example.org/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'tel:+100',
    'a/b:c',
    '?q=a:b',
    'x#y:z',
    'web+app:x',
  ])('keepsHref(%s) is what the sanitizer does with it', async (href) => {
    const sanitized = String(
      await unified()
        .use(rehypeParse, { fragment: true })
        .use(rehypeSanitize, articleSchema)
        .use(rehypeStringify)
        .process(`<a href="${href}">x</a>`),
    );
    expect(keepsHref(href)).toBe(sanitized.includes('href='));
  });
});

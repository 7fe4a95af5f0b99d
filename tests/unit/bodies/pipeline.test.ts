/**
 * The body pipeline (src/bodies/pipeline.ts), run as the build runs it
 * (src/bodies/render.ts): what the HTML of a body holds, parsed.
 */
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyProcessor } from '../../../src/bodies/pipeline.ts';
import { WORDS_PER_MINUTE } from '../../../src/bodies/reading-time.ts';
import { createBodyRenderer, type RenderedBody, type RenderJob } from '../../../src/bodies/render.ts';
import { ROOT } from '../../helpers/project.ts';

const ARTICLES = join(ROOT, 'content/articles');
const ARTICLE = join(ARTICLES, '2024-05-01-a.md');
const PAGE = 'https://broadsheet.example/2024/05/01/a/';

let renderer: (job: RenderJob) => Promise<RenderedBody>;
beforeAll(async () => {
  renderer = await createBodyRenderer({ articlesDir: ARTICLES });
});

/** Renders Markdown as the article at `path`, and parses the HTML. */
async function render(
  markdown: string,
  { frontmatter = {}, path = ARTICLE }: { frontmatter?: Record<string, unknown>; path?: string } = {},
) {
  const rendered = await renderer({ path, markdown, frontmatter, page: PAGE });
  return { ...rendered, body: JSDOM.fragment(rendered.html) };
}

/** The text a reader sees, without the paragraphs' ¶ self-links. */
const textOf = (body: DocumentFragment) => {
  for (const link of body.querySelectorAll('a.pilcrow')) link.remove();
  return body.textContent.trim();
};

const hostile = [
  ['script', '<script>alert(1)</script>'],
  ['mixed-case script', '<ScRiPt>alert(1)</sCrIpT>'],
  ['inline script', 'Text <script>alert(1)</script> more text.'],
  ['iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['style', '<style>body { display: none }</style>'],
  ['img onerror', '<img src="x" onerror="alert(1)">'],
  ['javascript: link', '<a href="javascript:alert(1)">click</a>'],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">click</a>'],
  ['javascript: Markdown link', '[click](javascript:alert(1))'],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>'],
  ['data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
  ['onclick on a paragraph', '<p onclick="alert(1)">Hi</p>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['form', '<form action="https://evil.example/"><input name="q"><button>Go</button></form>'],
] as const;

describe('hostile raw HTML is made safe', () => {
  it.each(hostile)('%s', async (_name, markdown) => {
    const { body } = await render(`Before.\n\n${markdown}\n\nAfter.`);
    expect(body.querySelectorAll('script, iframe, style, svg, object, embed, form, input')).toHaveLength(0);
    for (const element of body.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        expect(name, `${element.tagName} ${name}="${value}"`).not.toMatch(/^on/i);
        if (name === 'href' || name === 'src')
          expect(value.trim()).not.toMatch(/^(?:javascript|data|vbscript):/i);
      }
    }
    expect(body.textContent).toMatch(/Before\.[\s\S]*After\./);
    expect(body.textContent).not.toContain('alert(1)');
  });
});

describe('ordinary article markup survives, from Markdown and from raw HTML', () => {
  const markdown = [
    '## Background',
    'A *quiet* start and a **loud** finish, said [the report](https://example.org/report).',
    '> A quotation from the source.',
    '- first\n- second',
    '1. one\n2. two',
    '<figure><img src="https://example.org/photo.jpg" alt="A photo"><figcaption>The caption</figcaption></figure>',
    'The <abbr title="Collective Security Treaty Organization">CSTO</abbr> met on <time datetime="2022-01-06">6 January</time>, <mark>marked</mark> <small>small</small> <cite>cited</cite>.',
    '<table><tr><th>Raw</th></tr><tr><td>cell</td></tr></table>',
  ].join('\n\n');

  it.each([
    ['h2', 'Background'],
    ['p', 'A quiet start'],
    ['em', 'quiet'],
    ['strong', 'loud'],
    ['a[href="https://example.org/report"]', 'the report'],
    ['blockquote', 'A quotation from the source.'],
    ['ul > li', 'first'],
    ['ol > li', 'one'],
    ['figure > img[src="https://example.org/photo.jpg"][alt="A photo"]', ''],
    ['figure > figcaption', 'The caption'],
    ['abbr[title="Collective Security Treaty Organization"]', 'CSTO'],
    ['time[datetime="2022-01-06"]', '6 January'],
    ['mark', 'marked'],
    ['small', 'small'],
    ['cite', 'cited'],
    ['table th', 'Raw'],
    ['table td', 'cell'],
  ])('%s', async (selector, text) => {
    const { body } = await render(markdown);
    const element = body.querySelector(selector);
    expect(element, selector).not.toBeNull();
    expect(element?.textContent).toContain(text);
  });

  it('keeps a "<" that starts no HTML as text', async () => {
    const { body } = await render('If a < b and <not html, then 3<4.');
    expect(textOf(body)).toBe('If a < b and <not html, then 3<4.');
  });
});

describe('GFM', () => {
  it('makes tables, with their alignment', async () => {
    const { body } = await render('| Party | Seats |\n| :-- | --: |\n| Left | 12 |\n| *Right* | 9 |');
    const table = body.querySelector('table');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'Party',
      'Seats',
    ]);
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Left', '12'],
      ['Right', '9'],
    ]);
    expect(rows[1]?.querySelector('td em')?.textContent).toBe('Right');
    expect(rows[0]?.children[1]?.getAttribute('align')).toBe('right');
  });

  it('makes a table of one column without a pipe', async () => {
    const { body } = await render('Party\n:--\nLeft');
    expect([...body.querySelectorAll('table th, table td')].map((cell) => cell.textContent)).toEqual([
      'Party',
      'Left',
    ]);
  });

  it('makes no table of a setext heading or a rule', async () => {
    const { body } = await render('Heading\n-\n\nText\n\n---\n\nMore -- text');
    expect(body.querySelector('table')).toBeNull();
    expect(body.querySelector('h2')?.textContent).toBe('Heading');
    expect(body.querySelector('hr')).not.toBeNull();
  });

  it('makes footnotes: a numbered call that links to its note, and a note that links back', async () => {
    const { body } = await render(
      'A claim.[^source] Another.[^2]\n\n[^source]: The source.\n\n[^2]: A second.',
    );
    const calls = [...body.querySelectorAll('sup > a[data-footnote-ref]')];
    expect(calls.map((call) => call.textContent)).toEqual(['1', '2']);
    const notes = [...body.querySelectorAll('section.footnotes ol > li')];
    expect(notes.map((note) => note.querySelector('p')?.firstChild?.textContent?.trim())).toEqual([
      'The source.',
      'A second.',
    ]);
    calls.forEach((call, i) => {
      const target = call.getAttribute('href') ?? '';
      expect(target.startsWith('#') && body.getElementById(target.slice(1))).toBe(notes[i]);
      const back = notes[i]?.querySelector('a[data-footnote-backref]')?.getAttribute('href') ?? '';
      expect(back.startsWith('#') && body.getElementById(back.slice(1))).toBe(call);
    });
  });

  it('keeps strikethrough', async () => {
    const { body } = await render('It was ~~not~~ true.');
    expect(body.querySelector('del')?.textContent).toBe('not');
  });

  it('links bare addresses, as GFM does (autolink literals)', async () => {
    const { body } = await render(
      'Mail letters@example.org, see www.example.org or https://example.org/a today.',
    );
    expect(
      [...body.querySelectorAll('a:not(.pilcrow)')].map((a) => [a.getAttribute('href'), a.textContent]),
    ).toEqual([
      ['mailto:letters@example.org', 'letters@example.org'],
      ['http://www.example.org', 'www.example.org'],
      ['https://example.org/a', 'https://example.org/a'],
    ]);
  });

  it('links what Markdown itself links: inline links and addresses in angle brackets', async () => {
    const { body } = await render('See [the report](https://example.org/r) and <https://example.org/x>.');
    expect([...body.querySelectorAll('a:not(.pilcrow)')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/r',
      'https://example.org/x',
    ]);
  });
});

describe('headings', () => {
  it('turns a Markdown or HTML h1 in the body into h2, since the headline is the h1', async () => {
    const { body } = await render('# Heading\n\nText.\n\n<h1>Raw heading</h1>');
    expect(body.querySelectorAll('h1')).toHaveLength(0);
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Heading', 'Raw heading']);
  });

  it('gives Markdown headings ids of their text, each its own', async () => {
    const { body } = await render('## Votes\n\n## Votes\n\n### The *new* law');
    expect([...body.querySelectorAll('h2, h3')].map((h) => h.id)).toEqual([
      'votes',
      'votes-1',
      'the-new-law',
    ]);
  });
});

describe('paragraph permalinks', () => {
  it('numbers the body’s own paragraphs, each with a ¶ link to itself', async () => {
    const { body } = await render('One.\n\n> Quoted.\n\nTwo.\n\n- Listed.\n\n## Heading\n\nThree.');
    const paragraphs = [...body.children].filter((child) => child.tagName === 'P');
    expect(paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3']);
    paragraphs.forEach((p, i) => {
      const link = p.lastElementChild;
      expect(link?.matches('a.pilcrow')).toBe(true);
      expect(link?.getAttribute('href')).toBe(`#p-${String(i + 1)}`);
      expect(link?.getAttribute('aria-label')).toBe(`Link to paragraph ${String(i + 1)}`);
    });
    expect(body.querySelectorAll('blockquote p[id], li p[id], li[id]')).toHaveLength(0);
  });

  it('keeps every id to one element: raw HTML cannot take a paragraph’s', async () => {
    const { body } = await render('Text.\n\n<p id="p-1">Raw.</p>');
    expect(body.querySelectorAll('#p-1')).toHaveLength(1);
    expect(body.querySelector('#p-1')?.textContent).toContain('Text.');
    expect(body.querySelector('#p-2')?.textContent).toContain('Raw.');
  });
});

describe('reading minutes', () => {
  /** `count` words, `word0` to `word<count - 1>`. */
  const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`);
  const table = (cells: string[]) => [
    `| ${cells[0] ?? ''} |`,
    '| --- |',
    ...cells.slice(1).map((c) => `| ${c} |`),
  ];

  it.each([
    ['no words', 0, '— … !'],
    ['one word', 1, 'Hello.'],
    ['WPM words in one paragraph', 1, words(WORDS_PER_MINUTE).join(' ')],
    ['WPM + 1 words in one paragraph', 2, words(WORDS_PER_MINUTE + 1).join(' ')],
    [
      'WPM words with Markdown syntax',
      1,
      `# Title\n\n**${words(WORDS_PER_MINUTE - 2).join(' ')}** [link](/a/)`,
    ],
    // Words in neighbouring blocks must not run together.
    ['WPM + 1 one-word paragraphs', 2, words(WORDS_PER_MINUTE + 1).join('\n\n')],
    [
      'WPM + 1 one-word headings',
      2,
      words(WORDS_PER_MINUTE + 1)
        .map((w) => `## ${w}`)
        .join('\n\n'),
    ],
    [
      'WPM + 1 one-word list items',
      2,
      words(WORDS_PER_MINUTE + 1)
        .map((w) => `- ${w}`)
        .join('\n'),
    ],
    ['WPM + 1 one-word table cells', 2, table(words(WORDS_PER_MINUTE + 1)).join('\n')],
    ['WPM one-word table cells', 1, table(words(WORDS_PER_MINUTE)).join('\n')],
  ])('%s: %i min', async (_name, minutes, markdown) => {
    expect((await render(markdown)).readingMinutes).toBe(minutes);
  });

  it('counts the words of Japanese text, which has no spaces', async () => {
    const { readingMinutes } = await render('東京は日本の首都です。'.repeat(WORDS_PER_MINUTE), {
      frontmatter: { language: 'ja' },
    });
    // Each sentence has several words, so this takes more than a minute; split at spaces, it would be one word.
    expect(readingMinutes).toBeGreaterThan(1);
  });
});

describe('typographic quotes and dashes (SmartyPants, only where there is something to change)', () => {
  it.each([
    ['"Quoted," she said.', '“Quoted,” she said.'],
    ["It's the paper's view.", 'It’s the paper’s view.'],
    [
      "'Single' quotes around **bold** and [a link](https://example.org/)",
      '‘Single’ quotes around bold and a link',
    ],
    ['Wait--what... really', 'Wait—what… really'],
  ])('%s', async (markdown, text) => {
    const { body } = await render(markdown);
    expect(textOf(body)).toBe(text);
  });

  it('text that is already typographic is left exactly as written', async () => {
    const markdown = '“Already curly,” it’s said — and… done. A ‘single’ one. 1–2.';
    const { body } = await render(markdown);
    expect(textOf(body)).toBe(markdown);
  });

  it('code keeps its straight quotes', async () => {
    const { body } = await render('Run `echo "hi"` now, "please".');
    expect(body.querySelector('code')?.textContent).toBe('echo "hi"');
    expect(body.textContent).toContain('“please”');
  });
});

describe('body images', () => {
  /** The images marked to be made <picture>s, by their path in content/articles/images/. */
  const marked = (body: DocumentFragment) =>
    [...body.querySelectorAll('img[data-article-image]')].map((img) =>
      img.getAttribute('data-article-image'),
    );

  it('marks each image of content/articles/images/, however its path is written, and no other', async () => {
    const { body, images } = await render(
      [
        'Text.',
        '![a](./images/a.jpg) ![b](images/2024/b.png) ![c](./images/x/../c.webp)',
        '<img src="images/raw.jpg" alt="raw HTML">',
        '<img src="x" alt="elsewhere"> ![favicon](/favicon.svg) ![outside](./images/../../d.jpg)',
      ].join('\n\n'),
    );
    expect(marked(body)).toEqual(['a.jpg', '2024/b.png', 'c.webp', 'raw.jpg']);
    expect(images).toEqual(['a.jpg', '2024/b.png', 'c.webp', 'raw.jpg']);
  });

  it('resolves paths from an article in a subfolder', async () => {
    const { body } = await render('![a](../images/a.jpg)', { path: join(ARTICLES, '2024/a.md') });
    expect(marked(body)).toEqual(['a.jpg']);
  });

  it('records each Markdown image’s address and place, for the catalogue to check', async () => {
    const { markdownImages } = await render(
      'Text.\n\n![a](./images/a.jpg)\n\nMore ![b][ref] text.\n\n[ref]: https://elsewhere.example/b.jpg',
    );
    expect(markdownImages).toEqual([
      { url: './images/a.jpg', line: 3, column: 1 },
      { url: 'https://elsewhere.example/b.jpg', line: 5, column: 6 },
    ]);
  });

  it('makes an image alone in its paragraph a figure, its title the caption, without a paragraph number', async () => {
    const { body } = await render(
      '![a](./images/a.jpg "Photo: A. Photographer")\n\nText.\n\n![b](./images/b.jpg)\n\nText ![c](./images/c.jpg) inline.',
    );
    const figures = [...body.children].filter((child) => child.tagName === 'FIGURE');
    expect(figures.map((figure) => figure.querySelector('figcaption')?.textContent ?? null)).toEqual([
      'Photo: A. Photographer',
      null,
    ]);
    expect(figures[0]?.querySelector('img')?.hasAttribute('title')).toBe(false);
    expect([...body.children].filter((child) => child.tagName === 'P').map((p) => p.id)).toEqual([
      'p-1',
      'p-2',
    ]);
    expect(body.querySelector('#p-2 img')?.getAttribute('data-article-image')).toBe('c.jpg');
  });

  it.each([
    ['an image before any text', '![a](./images/a.jpg)\n\nText.\n\n![b](./images/b.jpg)', ['eager', 'lazy']],
    [
      'an image in the first paragraph',
      'Text ![a](./images/a.jpg) and ![b](./images/b.jpg).',
      ['eager', 'lazy'],
    ],
    ['an image after the first paragraph', 'Text.\n\n![a](./images/a.jpg)', ['lazy']],
    ['an image after a heading', '## Heading\n\n![a](./images/a.jpg)', ['lazy']],
  ])('loads only the first image, and only in the first block, eagerly: %s', async (_, markdown, loading) => {
    const { body } = await render(markdown);
    expect([...body.querySelectorAll('img')].map((img) => img.getAttribute('loading'))).toEqual(loading);
  });

  it('leaves a script or data URL to the sanitizer, which removes it', async () => {
    const { body } = await render(
      '![x](javascript:alert(1))\n\n![y](data:image/svg+xml,<svg/onload=alert(1)>)\n\n<img src="javascript:alert(1)">',
    );
    expect(marked(body)).toEqual([]);
    for (const img of body.querySelectorAll('img')) expect(img.hasAttribute('src')).toBe(false);
  });

  it('keeps a hostile alternative text as text', async () => {
    const { body } = await render('![" onerror="alert(1)](./images/a.jpg)');
    const img = body.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('" onerror="alert(1)');
    expect(img?.getAttributeNames().filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('does nothing without a file to resolve paths against', async () => {
    const html = String(
      await bodyProcessor({ articlesDir: ARTICLES }).process(new VFile({ value: '![a](./images/a.jpg)' })),
    );
    const img = JSDOM.fragment(html).querySelector('img');
    expect(img?.getAttribute('src')).toBe('./images/a.jpg');
    expect(img?.hasAttribute('data-article-image')).toBe(false);
  });
});

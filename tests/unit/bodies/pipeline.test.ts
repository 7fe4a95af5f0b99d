import { type MarkdownRenderer, unified } from '@astrojs/markdown-remark';
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORDS_PER_MINUTE } from '../../../src/bodies/reading-time.ts';
import { markdownOptions } from '../../../src/bodies/pipeline.ts';
import { ROOT } from '../../helpers/project.ts';

let renderer: MarkdownRenderer;

beforeAll(async () => {
  // As astro.config.mjs sets it up. This calls createMarkdownProcessor with the remark and rehype
  // plugins of markdownOptions, without the deprecated top-level plugin options.
  renderer = await unified(markdownOptions(join(ROOT, 'content/articles'))).createRenderer({
    syntaxHighlight: false,
  });
});

/** Renders Markdown with the site's pipeline and parses the HTML. */
async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const { code, metadata } = await renderer.render(markdown, { frontmatter });
  return { body: JSDOM.fragment(code), code, metadata };
}

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

describe('ordinary article markup survives', () => {
  const markdown = [
    '## Background',
    'A *quiet* start and a **loud** finish, said [the report](https://example.org/report).',
    '> A quotation from the source.',
    '- first\n- second',
    '1. one\n2. two',
    '<figure><img src="https://example.org/photo.jpg" alt="A photo"><figcaption>The caption</figcaption></figure>',
    '| Year | Events |\n| ---- | ------ |\n| 2022 | 3 |',
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
    ['table th', 'Year'],
    ['table td', '2022'],
  ])('%s', async (selector, text) => {
    const { body } = await render(markdown);
    const element = body.querySelector(selector);
    expect(element, selector).not.toBeNull();
    expect(element?.textContent).toContain(text);
  });
});

describe('headings', () => {
  it('turns a Markdown h1 in the body into h2, since the headline is the h1', async () => {
    const { body } = await render('# Heading\n\nText.\n\n<h1>Raw heading</h1>');
    expect(body.querySelectorAll('h1')).toHaveLength(0);
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Heading', 'Raw heading']);
  });
});

describe('readingMinutes in the rendered front matter', () => {
  /** `count` words, `word0` to `word<count - 1>`. */
  const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`);
  const table = (cells: string[]) => [
    `| ${cells[0] ?? ''} |`,
    '| --- |',
    ...cells.slice(1).map((c) => `| ${c} |`),
  ];

  it.each([
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
    const { metadata } = await render(markdown);
    expect(metadata.frontmatter.readingMinutes).toBe(minutes);
  });

  it('keeps the rest of the front matter', async () => {
    const { metadata } = await render('Hello.', { title: 'A headline', language: 'en' });
    expect(metadata.frontmatter).toEqual({ title: 'A headline', language: 'en', readingMinutes: 1 });
  });

  it('counts the words of Japanese text, which has no spaces', async () => {
    const { metadata } = await render('東京は日本の首都です。'.repeat(WORDS_PER_MINUTE), { language: 'ja' });
    // Each sentence has several words, so this takes more than a minute; split at spaces, it would be one word.
    expect(metadata.frontmatter.readingMinutes).toBeGreaterThan(1);
  });
});

describe('typographic quotes and dashes (SmartyPants, only where there is something to change)', () => {
  /** The text a reader sees, without the paragraphs' ¶ self-links. */
  const textOf = (body: DocumentFragment) => {
    for (const link of body.querySelectorAll('a.pilcrow')) link.remove();
    return body.textContent.trim();
  };

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
  const ARTICLE = join(ROOT, 'content/articles/2024-05-01-a.md');
  /** Renders Markdown as the article at `file`, which relative image paths resolve against. */
  async function renderAt(markdown: string, file = ARTICLE) {
    const { code, metadata } = await renderer.render(markdown, { fileURL: pathToFileURL(file) });
    return { body: JSDOM.fragment(code), metadata };
  }
  /** The images marked to be made <picture>s, by their path in content/articles/images/. */
  const marked = (body: DocumentFragment) =>
    [...body.querySelectorAll('img[data-article-image]')].map((img) =>
      img.getAttribute('data-article-image'),
    );

  it('marks each image of content/articles/images/, however its path is written, and no other', async () => {
    const { body } = await renderAt(
      [
        'Text.',
        '![a](./images/a.jpg) ![b](images/2024/b.png) ![c](./images/x/../c.webp)',
        '<img src="images/raw.jpg" alt="raw HTML">',
        '<img src="x" alt="elsewhere"> ![favicon](/favicon.svg) ![outside](./images/../../d.jpg)',
      ].join('\n\n'),
    );
    expect(marked(body)).toEqual(['a.jpg', '2024/b.png', 'c.webp', 'raw.jpg']);
  });

  it('resolves paths from an article in a subfolder', async () => {
    const { body } = await renderAt('![a](../images/a.jpg)', join(ROOT, 'content/articles/2024/a.md'));
    expect(marked(body)).toEqual(['a.jpg']);
  });

  it('leaves Astro nothing to import or rewrite: every Markdown image is the pipeline’s', async () => {
    const { body, metadata } = await renderAt('![a](./images/a.jpg)\n\n![b](./elsewhere.jpg)');
    expect(metadata.localImagePaths).toEqual([]);
    expect(body.querySelector('[__astro_image_]')).toBeNull();
  });

  it('records each Markdown image’s address and place, for the catalogue to check', async () => {
    const { metadata } = await renderAt(
      'Text.\n\n![a](./images/a.jpg)\n\nMore ![b][ref] text.\n\n[ref]: https://elsewhere.example/b.jpg',
    );
    expect(metadata.frontmatter.markdownImages).toEqual([
      { url: './images/a.jpg', line: 3, column: 1 },
      { url: 'https://elsewhere.example/b.jpg', line: 5, column: 6 },
    ]);
  });

  it('makes an image alone in its paragraph a figure, its title the caption, without a paragraph number', async () => {
    const { body } = await renderAt(
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
    const { body } = await renderAt(markdown);
    expect([...body.querySelectorAll('img')].map((img) => img.getAttribute('loading'))).toEqual(loading);
  });

  it('leaves a script or data URL to the sanitizer, which removes it', async () => {
    const { body } = await renderAt(
      '![x](javascript:alert(1))\n\n![y](data:image/svg+xml,<svg/onload=alert(1)>)\n\n<img src="javascript:alert(1)">',
    );
    expect(marked(body)).toEqual([]);
    for (const img of body.querySelectorAll('img')) expect(img.hasAttribute('src')).toBe(false);
  });

  it('keeps a hostile alternative text as text', async () => {
    const { body } = await renderAt('![" onerror="alert(1)](./images/a.jpg)');
    const img = body.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('" onerror="alert(1)');
    expect(img?.getAttributeNames().filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('does nothing without a file to resolve paths against', async () => {
    const { body } = await render('![a](./images/a.jpg)');
    expect(body.querySelector('img')?.hasAttribute('data-article-image')).toBe(false);
  });
});

import { type MarkdownRenderer, unified } from '@astrojs/markdown-remark';
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORDS_PER_MINUTE } from '../../src/lib/reading-time.ts';
import { markdownOptions } from '../../src/markdown/index.ts';
import { ROOT } from '../helpers/project.ts';

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

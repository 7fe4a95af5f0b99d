import type { Root } from 'hast';
import { JSDOM } from 'jsdom';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  findImageProblems,
  IMAGE_WIDTHS,
  imageReference,
  imageWidths,
  linesBeforeBody,
  MEASURE_PX,
  pictureElement,
  resolveImagePath,
  type ArticleImages,
  type PictureParts,
} from '../../../src/images/body-images.ts';

const ARTICLES = '/site/content/articles';
const ARTICLE = `${ARTICLES}/2024-05-01-a.md`;

describe('imageReference', () => {
  it.each([
    ['./images/a.jpg', { kind: 'relative', path: './images/a.jpg' }],
    ['images/a%20b.jpg', { kind: 'relative', path: 'images/a b.jpg' }],
    ['../images/a.jpg', { kind: 'relative', path: '../images/a.jpg' }],
    ['images/%E0%A4%A.jpg', { kind: 'relative', path: 'images/%E0%A4%A.jpg' }],
    ['https://elsewhere.example/a.jpg', { kind: 'remote' }],
    ['HTTP://elsewhere.example/a.jpg', { kind: 'remote' }],
    ['//elsewhere.example/a.jpg', { kind: 'remote' }],
    ['/favicon.svg', { kind: 'site' }],
    ['javascript:alert(1)', { kind: 'other' }],
    [' JavaScript:alert(1)', { kind: 'other' }],
    ['data:image/png;base64,AAAA', { kind: 'other' }],
  ])('%s', (src, expected) => {
    expect(imageReference(src)).toEqual(expected);
  });
});

describe('resolveImagePath', () => {
  it.each([
    ['./images/a.jpg', ARTICLE, 'a.jpg'],
    ['images/2024/map.png', ARTICLE, '2024/map.png'],
    ['../images/a.webp', `${ARTICLES}/2024/a.md`, 'a.webp'],
    ['./images/x/../a.jpeg', ARTICLE, 'a.jpeg'],
  ])('%s from %s is %s in the image folder', (path, article, name) => {
    expect(resolveImagePath(article, path, ARTICLES)).toEqual({ name, problem: undefined });
  });

  it.each([
    ['a file beside the article', './a.jpg'],
    ['a climb out of the folder', './images/../../../etc/a.jpg'],
    ['a climb out of the project', '../../../../../../etc/passwd.jpg'],
    ['the folder itself', './images/'],
    ['a folder that only starts like it', './images-old/a.jpg'],
  ])('refuses %s', (_, path) => {
    const image = resolveImagePath(ARTICLE, path, ARTICLES);
    expect(image.name).toBeUndefined();
    expect(image.problem).toMatch(/is outside images\/: put the image in content\/articles\/images\//u);
  });

  it.each(['a.gif', 'a.svg', 'a.JPG', 'a.tiff', 'a'])(
    'names %s in the folder but refuses its format',
    (file) => {
      const image = resolveImagePath(ARTICLE, `./images/${file}`, ARTICLES);
      expect(image.name).toBe(file);
      expect(image.problem).toMatch(/is not a JPEG, PNG or WebP file/u);
    },
  );
});

describe('imageWidths', () => {
  it.each([100, 359, 360, 480, 608, 700, 1000, 1216, 1600, 4000])(
    'for an original %i px wide: ascending, none wider than it, the measure covered at 1x and 2x where it allows',
    (original) => {
      const widths = imageWidths(original);
      expect(widths).toEqual([...new Set(widths)].sort((a, b) => a - b));
      expect(Math.max(...widths)).toBe(Math.min(original, Math.max(...IMAGE_WIDTHS)));
      expect(widths.every((width) => width > 0 && width <= original)).toBe(true);
      for (const needed of [MEASURE_PX, 2 * MEASURE_PX]) {
        if (original >= needed) expect(widths.some((width) => width >= needed)).toBe(true);
      }
    },
  );
});

describe('linesBeforeBody', () => {
  const file = '---\ntitle: "A"\nslug: a\n---\n\n\nThe body.\n\n![x](./images/a.jpg)\n';
  it('counts the front matter and the blank lines after it', () => {
    // Line 1 of the body is the file's line 7.
    expect(linesBeforeBody(file)).toBe(6);
    expect(file.split('\n')[linesBeforeBody(file)]).toBe('The body.');
  });

  it('counts CRLF line ends too', () => {
    expect(linesBeforeBody(file.replaceAll('\n', '\r\n'))).toBe(6);
  });

  it('a "---" rule in the body is not the end of the front matter', () => {
    const ruled = '---\ntitle: "A"\n---\nText.\n\n---\n\nMore.\n';
    expect(linesBeforeBody(ruled)).toBe(3);
  });

  it('gives 0 for a file without front matter', () => {
    expect(linesBeforeBody('The body.\n')).toBe(0);
  });
});

describe('findImageProblems', () => {
  const article = (overrides: Partial<ArticleImages>): ArticleImages => ({
    file: 'content/articles/2024-05-01-a.md',
    path: ARTICLE,
    markdownImages: [],
    lineOffset: 10,
    used: [],
    ...overrides,
  });
  const existing = new Set(['a.jpg', '2024/map.png']);
  const problems = (overrides: Partial<ArticleImages>) =>
    findImageProblems(article(overrides), ARTICLES, (name) => existing.has(name));

  it('finds nothing wrong with existing images, site paths and script URLs (which the sanitizer removes)', () => {
    expect(
      problems({
        markdownImages: [
          { url: './images/a.jpg', line: 1, column: 1 },
          { url: 'images/2024/map.png' },
          { url: '/favicon.svg' },
          { url: 'javascript:alert(1)' },
          { url: 'data:image/png;base64,AAAA' },
        ],
        used: ['a.jpg', '2024/map.png'],
      }),
    ).toEqual([]);
  });

  it('names the file, the line in the file and the image, and says what to do', () => {
    expect(problems({ markdownImages: [{ url: './images/gone.jpg', line: 3, column: 5 }] })).toEqual([
      'content/articles/2024-05-01-a.md:13:5: the image "./images/gone.jpg" does not exist: there is no content/articles/images/gone.jpg.',
    ]);
  });

  it.each([
    ['https://elsewhere.example/a.jpg', /is on another site.*save it in content\/articles\/images\//u],
    ['//elsewhere.example/a.jpg', /is on another site/u],
    ['../../../etc/a.jpg', /is outside images\//u],
    ['./images/a.gif', /is not a JPEG, PNG or WebP file/u],
  ])('refuses %s', (url, says) => {
    const [problem, ...more] = problems({ markdownImages: [{ url, line: 1, column: 1 }] });
    expect(more).toEqual([]);
    expect(
      problem?.startsWith(`content/articles/2024-05-01-a.md:11:1: the image ${JSON.stringify(url)} `),
    ).toBe(true);
    expect(problem).toMatch(says);
  });

  it('reports an image of the folder in raw HTML, which has no line, once, and a Markdown one only as Markdown', () => {
    expect(
      problems({
        markdownImages: [{ url: './images/gone.jpg', line: 1, column: 1 }],
        used: ['gone.jpg', 'raw.png', 'raw.png', 'raw.bmp'],
      }),
    ).toEqual([
      'content/articles/2024-05-01-a.md:11:1: the image "./images/gone.jpg" does not exist: there is no content/articles/images/gone.jpg.',
      'content/articles/2024-05-01-a.md: the image "images/raw.png" does not exist: there is no content/articles/images/raw.png.',
      expect.stringMatching(
        /^content\/articles\/2024-05-01-a\.md: the image "images\/raw\.bmp" is not a JPEG, PNG or WebP file/u,
      ),
    ]);
  });
});

describe('pictureElement', () => {
  const parts: PictureParts = {
    alt: 'Boats & nets <at> “dawn”, "quoted" \' too',
    title: 'A title with "quotes" & <b>markup</b>',
    width: 1600,
    height: 1000,
    sizes: '(min-width: 640px) 608px, calc(100vw - 32px)',
    sources: [
      { type: 'image/avif', srcset: '/_astro/a_1.avif 360w, /_astro/a_2.avif 608w' },
      { type: 'image/webp', srcset: '/_astro/a_1.webp 360w, /_astro/a_2.webp 608w' },
    ],
    src: '/_astro/a_3.jpg',
    loading: 'lazy',
  };
  /** The element as HTML, parsed back as a browser parses it. */
  const parsed = (picture: PictureParts) => {
    const root: Root = { type: 'root', children: [pictureElement(picture)] };
    return JSDOM.fragment(unified().use(rehypeStringify).stringify(root)).firstElementChild;
  };

  it('gives every source its type, srcset and sizes, in order, and the <img> last', () => {
    const picture = parsed(parts);
    const sources = [...(picture?.querySelectorAll('source') ?? [])];
    expect(sources.map((source) => [source.type, source.srcset, source.sizes])).toEqual(
      parts.sources.map(({ type, srcset }) => [type, srcset, parts.sizes]),
    );
    expect(picture?.lastElementChild?.tagName).toBe('IMG');
  });

  it('keeps alternative text and title as text, whatever they contain', () => {
    const img = parsed(parts)?.querySelector('img');
    expect(img?.alt).toBe(parts.alt);
    expect(img?.title).toBe(parts.title);
    expect(img?.getAttributeNames().sort()).toEqual(
      ['alt', 'decoding', 'height', 'loading', 'src', 'title', 'width'].sort(),
    );
  });

  it('loads a lazy image when it nears the screen, and the lead at once and first', () => {
    const lazy = parsed(parts)?.querySelector('img');
    expect([
      lazy?.getAttribute('loading'),
      lazy?.getAttribute('fetchpriority'),
      lazy?.getAttribute('decoding'),
    ]).toEqual(['lazy', null, 'async']);
    const lead = parsed({ ...parts, loading: 'lead' })?.querySelector('img');
    expect([
      lead?.getAttribute('loading'),
      lead?.getAttribute('fetchpriority'),
      lead?.getAttribute('decoding'),
    ]).toEqual(['eager', 'high', 'async']);
  });

  it('sets width and height, so the page keeps the image’s room before it loads', () => {
    const img = parsed({ ...parts, title: undefined })?.querySelector('img');
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['1600', '1000']);
    expect(img?.hasAttribute('title')).toBe(false);
  });
});

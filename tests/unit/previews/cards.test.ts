/** Preview images: fonts by script, the drawing at each size, and the content-hash cache. */
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { zoned } from '../../../src/lib/dates.ts';
import { createWorkerPool } from '../../../src/build/worker-pool.ts';
import { cacheDir, createImageCache, imageKey, type DrawJob } from '../../../src/previews/cache.ts';
import { COLOURS, createPainter, inkColour, PALETTE } from '../../../src/previews/draw.ts';
import { fontsFor, installedFaces, parseUnicodeRange } from '../../../src/previews/fonts.ts';
import { headlineBox } from '../../../src/previews/layout.ts';
import {
  articleCard,
  articleImageParams,
  cardText,
  cardTexts,
  LOGO_SIZE,
  renderArticleImage,
  renderLogo,
  type ArticleCard,
} from '../../../src/previews/cards.ts';
import { articleImagePath, IMAGE_SHAPES, PREVIEW_SHAPE, type ImageShape } from '../../../src/lib/urls.ts';

const SHAPES = Object.keys(IMAGE_SHAPES) as ImageShape[];
const MAX_BYTES = 300 * 1024;

const card: ArticleCard = {
  headline: 'CSTO undergoes ‘baptism of fire’ in Kazakhstan',
  authors: 'Irina Alksnis',
  source: 'The Frontier Post',
  date: '6 January 2022',
  siteName: 'Broadsheet',
  formatLabel: 'Opinion',
  language: 'en',
};
const LONG_HEADLINE =
  'An extraordinarily long headline that goes on about regional politics, transport policy, budget ' +
  'negotiations, the state of the roads and the weather in Wessex, until it cannot possibly fit on one card';

/** Subset families of the faces, without repeats. */
const families = (faces: { family: string }[]) => [...new Set(faces.map((face) => face.family))];

describe('parseUnicodeRange', () => {
  test.each([
    ['U+0000-00FF', [[0, 0xff]]],
    ['U+0131', [[0x131, 0x131]]],
    [
      'U+0301,U+0400-045F, U+2116',
      [
        [0x301, 0x301],
        [0x400, 0x45f],
        [0x2116, 0x2116],
      ],
    ],
    ['U+1D400-1D7FF', [[0x1d400, 0x1d7ff]]],
    ['U+4??', [[0x400, 0x4ff]]],
  ])('%s', (value, ranges) => {
    expect(parseUnicodeRange(value)).toEqual(ranges);
  });

  test('rejects what is not a range', () => {
    expect(() => parseUnicodeRange('latin')).toThrow(/Not a unicode-range: "latin"/);
  });
});

describe('fontsFor', () => {
  test('reads every subset of @fontsource/noto-serif as WOFF, in weights 400 and 700', () => {
    const faces = installedFaces();
    expect(families(faces)).toEqual(
      expect.arrayContaining([
        'noto-serif-latin',
        'noto-serif-latin-ext',
        'noto-serif-cyrillic',
        'noto-serif-cyrillic-ext',
        'noto-serif-greek',
        'noto-serif-greek-ext',
        'noto-serif-vietnamese',
      ]),
    );
    expect(new Set(faces.map((face) => face.weight))).toEqual(new Set([400, 700]));
    for (const face of faces) expect(face.file).toMatch(/\.woff$/);
    expect(faces.find((face) => face.family === 'noto-serif-latin')?.name).toMatch(
      /^@fontsource\/noto-serif@\d+\.\d+\.\d+\/files\/noto-serif-latin-(400|700)-normal\.woff$/,
    );
  });

  test.each([
    ['English', 'CSTO undergoes ‘baptism of fire’ in Kazakhstan', ['noto-serif-latin']],
    ['Polish', 'Łódź zamyka most', ['noto-serif-latin-ext', 'noto-serif-latin']],
    ['Russian', 'ОДКБ проходит «боевое крещение»', ['noto-serif-cyrillic', 'noto-serif-latin']],
    ['Ukrainian', 'Ґанок і їжак', ['noto-serif-cyrillic-ext', 'noto-serif-cyrillic', 'noto-serif-latin']],
    ['Kazakh', 'Қазақстан', ['noto-serif-cyrillic-ext', 'noto-serif-cyrillic', 'noto-serif-latin']],
    ['Greek', 'Η Ελλάδα', ['noto-serif-greek', 'noto-serif-latin']],
    ['Vietnamese', 'Tiếng Việt ở Hà Nội', ['noto-serif-vietnamese', 'noto-serif-latin']],
  ])('%s takes only the subsets it needs', (_language, text, expected) => {
    const found = families(fontsFor(`Broadsheet ${text}`, 'test'));
    expect(found).toEqual(expected);
  });

  test('a script no installed font covers is an error naming the characters, the article and a package', () => {
    const run = () => fontsFor('Broadsheet 中文标题', 'content/articles/2024-05-01-example.md', 'zh');
    expect(run).toThrow(/^content\/articles\/2024-05-01-example\.md: cannot draw the preview image/);
    expect(run).toThrow(/“中” \(U\+4E2D\), “文” \(U\+6587\), “标” \(U\+6807\), “题” \(U\+9898\)/);
    expect(run).toThrow(/@fontsource\/noto-serif-sc covers Han characters/);
    expect(run).toThrow(/add it to FONT_PACKAGES in src\/previews\/fonts\.ts/);
  });

  test.each([
    ['ja', '東京の天気', '@fontsource/noto-serif-jp'],
    ['zh-TW', '臺灣', '@fontsource/noto-serif-tc'],
    ['ar', 'العربية', '@fontsource/noto-naskh-arabic'],
    ['en', 'Breaking 🔥', '@fontsource/noto-emoji'],
  ])('for %s text “%s” it suggests %s', (language, text, pkg) => {
    expect(() => fontsFor(text, 'an article', language)).toThrow(pkg);
  });
  test('a script without a known package still gets a way forward', () => {
    expect(() => fontsFor('ሰላም', 'an article')).toThrow(
      /“ሰ” \(U\+1230\).*Find a @fontsource package that covers them \(https:\/\/fontsource\.org\/\)/,
    );
    expect(() => fontsFor('ሰላም 北京', 'an article', 'zh')).toThrow(
      /noto-serif-sc covers Han characters\. Install it .* Find a @fontsource package that covers the others/,
    );
  });
});

describe('renderArticleImage', () => {
  test.each(SHAPES)('%s: a PNG of exactly its size, under 300 KB', async (shape) => {
    for (const headline of [card.headline, LONG_HEADLINE]) {
      const png = await renderArticleImage({ ...card, headline }, shape);
      expect(imageSize(png)).toEqual({ ...IMAGE_SHAPES[shape], type: 'png' });
      expect(png.byteLength).toBeLessThan(MAX_BYTES);
    }
  });

  test('a Cyrillic headline is drawn with its glyphs, not blank boxes', async () => {
    const ru = { ...card, headline: 'ЖЖЖ', authors: 'Ирина Алкснис', language: 'ru' };
    const draw = (headline: string, faces?: ReturnType<typeof fontsFor>) =>
      renderArticleImage({ ...ru, headline }, PREVIEW_SHAPE, faces ? { faces } : {});
    // Different letters give different pictures; missing glyphs would all be the same box.
    const [zhe, de] = await Promise.all([draw('ЖЖЖ'), draw('ДДД')]);
    expect(imageSize(zhe)).toEqual({ ...IMAGE_SHAPES[PREVIEW_SHAPE], type: 'png' });
    expect(Buffer.from(zhe).equals(Buffer.from(de))).toBe(false);
    // The check itself: with the Latin fonts only, both come out the same.
    const latinOnly = fontsFor('Broadsheet', 'test');
    const [zheBoxes, deBoxes] = await Promise.all([draw('ЖЖЖ', latinOnly), draw('ДДД', latinOnly)]);
    expect(Buffer.from(zheBoxes).equals(Buffer.from(deBoxes))).toBe(true);
  });

  test('a headline in a script no font covers throws, naming the article', async () => {
    await expect(
      renderArticleImage({ ...card, headline: '北京新闻', language: 'zh' }, PREVIEW_SHAPE, {
        label: 'content/articles/x.md',
      }),
    ).rejects.toThrow(/^content\/articles\/x\.md: .*“北” \(U\+5317\).*@fontsource\/noto-serif-sc/);
  });
});

/** The image decoded to RGB, with a pixel reader. */
async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => [
    ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
  ];
  return { info, pixel };
}
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const PAPER = rgb(COLOURS.paper);

describe('the drawing', () => {
  test('comes out in the site’s colours: the paper and the text exactly, the others nearly', async () => {
    expect([...PALETTE.subarray(0, 3)]).toEqual(PAPER);
    expect([...PALETTE.subarray(255 * 3)]).toEqual(rgb(COLOURS.text));
    for (const ink of ['muted', 'rule'] as const) {
      const wanted = rgb(COLOURS[ink]);
      inkColour(ink).forEach((value, i) => {
        expect(Math.abs(value - (wanted[i] ?? 0)), `${ink}, channel ${String(i)}`).toBeLessThanOrEqual(8);
      });
    }
    const { pixel } = await pixels(await renderArticleImage(card, PREVIEW_SHAPE));
    // The bar across the top is in the text colour; the corner below it is paper.
    expect(pixel(600, 2)).toEqual(rgb(COLOURS.text));
    expect(pixel(5, 40)).toEqual(PAPER);
  });

  // The painter draws what every card of a shape shares once, then clears and reads back only the rows an
  // image painted: an image must come out the same whatever was drawn on the surface before it.
  test.each(SHAPES)('%s: the same bytes whatever was drawn before, and from a new painter', async (shape) => {
    const faces = fontsFor(`${cardText(card)}${LONG_HEADLINE}`, 'test');
    const draw = (painter: Awaited<ReturnType<typeof createPainter>>, headline: string) =>
      Buffer.from(painter.article({ ...cardTexts(card), headline, language: 'en' }, shape, faces));
    const used = await createPainter();
    const short = draw(used, 'Bridge closes');
    const long = draw(used, LONG_HEADLINE);
    expect(draw(used, 'Bridge closes').equals(short)).toBe(true);
    const fresh = await createPainter();
    expect(draw(fresh, LONG_HEADLINE).equals(long)).toBe(true);
    expect(long.equals(short)).toBe(false);
  });

  test('the longer the headline, the smaller its type, and the square has the largest', async () => {
    /** The height of the first line of ink below the kicker, at the left margin: the size of the type. */
    const capHeight = async (headline: string, shape: ImageShape) => {
      const { info, pixel } = await pixels(await renderArticleImage({ ...card, headline }, shape));
      const scale = info.width / 1200;
      const isInk = (y: number) =>
        Array.from({ length: Math.round(400 * scale) }, (_, i) => pixel(Math.round(72 * scale) + i, y)).some(
          (p) => p[0] !== PAPER[0],
        );
      // From the top of the headline's room: its first line is the first ink there.
      let y = Math.round(headlineBox(shape).y * scale);
      while (!isInk(y)) y += 1;
      const top = y;
      while (isInk(y)) y += 1;
      return (y - top) / scale;
    };
    for (const shape of SHAPES) {
      expect(await capHeight('Bridge closes', shape), shape).toBeGreaterThan(
        await capHeight(LONG_HEADLINE, shape),
      );
    }
    expect(await capHeight('Bridge closes', '1x1')).toBeGreaterThan(
      await capHeight('Bridge closes', PREVIEW_SHAPE),
    );
  });

  // Headlines of every length, heavy in wide letters, must stay above the rule over the byline.
  test.each(SHAPES)('%s: no headline or byline is drawn past its room', async (shape) => {
    const words = ['WWM', 'Mammoth', 'wow', 'Kazakhstan', 'MWMWM', 'summit', 'Wimbledon', 'Ministry', 'mm'];
    const RULE = inkColour('rule');
    for (let count = 2; count <= 26; count += 3) {
      const headline = Array.from({ length: count }, (_, i) => words[(i * 7 + count) % words.length]).join(
        ' ',
      );
      const authors = Array.from({ length: count }, (_, i) => words[(i * 5) % words.length]).join(' ');
      const { info, pixel } = await pixels(await renderArticleImage({ ...card, headline, authors }, shape));
      const margin = Math.round(info.width / 12);
      const row = (y: number) =>
        Array.from({ length: info.width - 2 * margin }, (_, i) => pixel(margin + i, y));
      const is = (colour: readonly number[]) => (p: number[]) => p.every((v, i) => v === colour[i]);
      // The rule over the byline: the lowest row drawn wholly in the rule colour.
      let ruleY = info.height - 1;
      while (ruleY > 0 && !row(ruleY).every(is(RULE))) ruleY -= 1;
      expect(ruleY, `${shape}: rule over the byline`).toBeGreaterThan(info.height / 2);
      // The gap above the rule (24 design pixels) is empty paper: the headline did not run into it.
      let top = ruleY;
      while (row(top).every(is(RULE))) top -= 1;
      const gap = Math.floor((24 * info.width) / 1200);
      for (let y = top; y > top - gap; y -= 1) {
        expect(row(y).every(is(PAPER)), `${shape}, ${String(count)} words: row ${String(y)}`).toBe(true);
      }
      // Nothing right of the text column, where a byline running long would go.
      for (let y = ruleY + 1; y < info.height; y += 1) {
        expect(
          is(PAPER)(pixel(info.width - Math.round(margin / 2), y)),
          `${shape}: byline past the margin, row ${String(y)}`,
        ).toBe(true);
      }
    }
  });
});

describe('renderLogo', () => {
  test('a 600×60 PNG wordmark', async () => {
    const png = await renderLogo();
    expect(imageSize(png)).toEqual({ ...LOGO_SIZE, type: 'png' });
    expect(png.byteLength).toBeLessThan(MAX_BYTES);
  });
});

describe('articleCard and articleImageParams', () => {
  const article = {
    title: 'A headline',
    slug: 'a-headline',
    authors: [{ name: 'Ann Author' }, { name: 'Ben Writer' }],
    source: { name: 'Daily Example' },
    published: zoned('2022-01-06T23:30:00-05:00'),
    formatLabel: 'News',
    language: 'en-GB',
  };

  test('the card says what the page says', () => {
    expect(articleCard(article)).toEqual({
      headline: 'A headline',
      authors: 'Ann Author and Ben Writer',
      source: 'Daily Example',
      // The date where it was published, not in UTC.
      date: '6 January 2022',
      siteName: 'Broadsheet',
      formatLabel: 'News',
      language: 'en-GB',
    });
  });

  test.each(SHAPES)('%s: the route parameters make the path of articleImagePath', (shape) => {
    const { year, month, day, image } = articleImageParams(article, shape);
    expect(`/og/${year}/${month}/${day}/${image}.png`).toBe(articleImagePath(article, shape));
  });
});

describe('image cache', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'broadsheet-og-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  // Each test starts from an empty cache.
  beforeEach(async () => {
    dir = await mkdtemp(join(root, 'cache-'));
  });

  test('BROADSHEET_CACHE_DIR sets the folder; by default it is .cache/broadsheet in the project', () => {
    expect(cacheDir({ BROADSHEET_CACHE_DIR: '/var/cache/site' })).toBe('/var/cache/site');
    expect(cacheDir({})).toBe(join(process.cwd(), '.cache', 'broadsheet'));
  });

  test('a second call returns the same bytes without drawing again, in this build and the next', async () => {
    const cache = createImageCache(dir);
    const first = await cache.articleImage(card, PREVIEW_SHAPE, 'test');
    expect(cache.stats).toEqual({ renders: 1, hits: 0 });
    const second = await cache.articleImage({ ...card }, PREVIEW_SHAPE, 'test');
    expect(cache.stats).toEqual({ renders: 1, hits: 1 });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    // A later build: a new process reads the same folder.
    const next = createImageCache(dir);
    const third = await next.articleImage(card, PREVIEW_SHAPE, 'test');
    expect(next.stats).toEqual({ renders: 0, hits: 1 });
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);

    const files = await readdir(join(dir, 'og'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(Buffer.from(await readFile(join(dir, 'og', files[0] ?? ''))).equals(Buffer.from(first))).toBe(
      true,
    );
  });

  test('a changed headline, shape or font is a new key, and a new drawing', async () => {
    const fonts = ['@fontsource/noto-serif@5.3.0/files/noto-serif-latin-700-normal.woff'];
    const key = imageKey(PREVIEW_SHAPE, card, fonts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(imageKey(PREVIEW_SHAPE, { ...card }, fonts)).toBe(key);
    expect(imageKey(PREVIEW_SHAPE, { ...card, headline: `${card.headline}!` }, fonts)).not.toBe(key);
    expect(imageKey('1x1', card, fonts)).not.toBe(key);
    expect(imageKey(PREVIEW_SHAPE, card, [...fonts, 'noto-serif-cyrillic-700-normal.woff'])).not.toBe(key);

    const cache = createImageCache(dir);
    const before = await cache.articleImage(card, PREVIEW_SHAPE, 'test');
    const after = await cache.articleImage(
      { ...card, headline: `${card.headline}, again` },
      PREVIEW_SHAPE,
      'test',
    );
    expect(cache.stats).toEqual({ renders: 2, hits: 0 });
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
    const files = await readdir(join(dir, 'og'));
    expect(files.filter((file) => file.endsWith('.png'))).toHaveLength(2);
    // Written through a temporary file, and nothing of it left behind.
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  test('a job drawn on a worker thread gives the file that drawing on this thread gives', async () => {
    const cache = createImageCache(dir);
    const pool = createWorkerPool<DrawJob[], undefined>(
      new URL('../../../src/previews/worker.ts', import.meta.url),
      { size: 2 },
    );
    try {
      const jobs = SHAPES.map((shape) => cache.job({ card, shape, label: 'test' }));
      await pool.run(jobs);
      for (const job of jobs) {
        const here = await renderArticleImage(card, job.shape);
        expect(Buffer.from(await readFile(job.file)).equals(Buffer.from(here)), job.shape).toBe(true);
      }
    } finally {
      await pool.close();
    }
    // In the cache now: asking for them draws nothing.
    for (const shape of SHAPES) await cache.articleImage(card, shape, 'test');
    expect(cache.stats).toEqual({ renders: 0, hits: SHAPES.length });
  });

  test('a job whose text no installed font covers is refused before anything is drawn', () => {
    const cache = createImageCache(dir);
    expect(() =>
      cache.job({ card: { ...card, headline: '北京新闻', language: 'zh' }, shape: '1x1', label: 'x.md' }),
    ).toThrow(/^x\.md: cannot draw the preview image/);
  });

  test('the logo is cached too', async () => {
    const cache = createImageCache(dir);
    const first = await cache.logo();
    const second = await cache.logo();
    expect(cache.stats).toEqual({ renders: 1, hits: 1 });
    expect(imageSize(second)).toEqual({ ...LOGO_SIZE, type: 'png' });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});

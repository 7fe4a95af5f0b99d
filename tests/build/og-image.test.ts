/** The built site's preview images and logo: at the addresses the pages give, at the sizes they declare. */
import { imageSize } from 'image-size';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { zoned } from '../../src/lib/dates.ts';
import {
  articleImagePath,
  IMAGE_SHAPES,
  logoPath,
  PREVIEW_SHAPE,
  type ImageShape,
} from '../../src/lib/urls.ts';
import { resolveSiteUrl } from '../../src/site.ts';
import { markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, DIST, makeSite, readPage } from '../helpers/project.ts';

const site = resolveSiteUrl();
const PERMALINK = '/2022/01/06/csto-undergoes-baptism-of-fire-in-kazakhstan/';
const ARTICLE = {
  slug: 'csto-undergoes-baptism-of-fire-in-kazakhstan',
  published: zoned('2022-01-06T00:00:00Z'),
};
const SHAPES = Object.keys(IMAGE_SHAPES) as ImageShape[];

/** A file of dist/ by its site path, or by its absolute URL on the site. */
const built = (pathOrUrl: string) => readFile(join(DIST, new URL(pathOrUrl, site).pathname));

describe('preview images', () => {
  test.each(SHAPES)('%s: a PNG at its path, exactly its size, under 300 KB', async (shape) => {
    const path = articleImagePath(ARTICLE, shape);
    expect(path).toMatch(/^\/og\/2022\/01\/06\/csto-undergoes-baptism-of-fire-in-kazakhstan(-\w+)?\.png$/);
    const png = await built(path);
    expect(imageSize(png)).toEqual({ ...IMAGE_SHAPES[shape], type: 'png' });
    expect(png.byteLength).toBeLessThan(300 * 1024);
  });

  test('each shape is a picture of its own', async () => {
    const files = await Promise.all(SHAPES.map((shape) => built(articleImagePath(ARTICLE, shape))));
    expect(new Set(files.map((file) => file.toString('base64'))).size).toBe(SHAPES.length);
  });

  test('/logo.png is a 600×60 PNG', async () => {
    expect(imageSize(await built(logoPath()))).toEqual({ width: 600, height: 60, type: 'png' });
  });
});

describe('what the article page points to', () => {
  let page: Document;
  beforeAll(async () => {
    page = await readPage(DIST, PERMALINK);
  });
  const meta = (property: string) =>
    page.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? '';

  test('og:image is built, at the width and height it declares', async () => {
    const png = await built(meta('og:image'));
    expect(imageSize(png)).toEqual({
      width: Number(meta('og:image:width')),
      height: Number(meta('og:image:height')),
      type: meta('og:image:type').replace('image/', ''),
    });
  });

  test('every image in the JSON-LD, and the publisher logo, is built', async () => {
    const blocks = [...page.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) =>
        JSON.parse(script.textContent) as { '@type': string; image?: string[]; publisher?: unknown },
    );
    const article = blocks.find((block) => block['@type'] === 'NewsArticle');
    const images = article?.image ?? [];
    expect(images).toHaveLength(3);
    for (const url of images) expect(imageSize(await built(url)).type).toBe('png');
    const { logo } = article?.publisher as { logo: { url: string; width: number; height: number } };
    expect(imageSize(await built(logo.url))).toEqual({ width: logo.width, height: logo.height, type: 'png' });
  });
});

describe('articles in other scripts, built as a site', () => {
  test('a Cyrillic headline is drawn; a Chinese one stops the build, naming the file and a font package', async () => {
    const russian = { slug: 'odkb', title: 'ОДКБ проходит «боевое крещение»', language: 'ru' };
    const ok = await makeSite('og-cyrillic', {
      ...people,
      'articles/ru.md': markdown(validArticle(russian)),
    });
    const built = buildSite(ok);
    expect(built.status, built.output).toBe(0);
    const path = articleImagePath({ slug: 'odkb', published: zoned('2024-05-01T09:00:00+02:00') });
    expect(imageSize(await readFile(join(ok, 'dist', path)))).toEqual({
      ...IMAGE_SHAPES[PREVIEW_SHAPE],
      type: 'png',
    });

    const chinese = { slug: 'beijing', title: '北京新闻', language: 'zh' };
    const bad = await makeSite('og-chinese', {
      ...people,
      'articles/zh.md': markdown(validArticle(chinese)),
    });
    const failed = buildSite(bad);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('content/articles/zh.md: cannot draw the preview image');
    expect(failed.output).toContain('“北” (U+5317)');
    expect(failed.output).toContain('npm install @fontsource/noto-serif-sc');
    expect(existsSync(join(bad, 'dist'))).toBe(false);
  });
});

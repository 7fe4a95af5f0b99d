import { describe, expect, it } from 'vitest';
import { unlinkedImages } from '../../../src/images/unlinked.ts';

describe('unlinkedImages', () => {
  const site = (files: Record<string, string>) => new Map(Object.entries(files));

  it('finds the images under _astro/ that no page, feed or Markdown copy names', () => {
    const files = site({
      'index.html': '<img src="/_astro/a_1.jpg" alt="">',
      '2024/05/01/a/index.html':
        '<picture><source srcset="/_astro/a_2.avif 360w, /_astro/a_3.avif 608w"><img src="/_astro/a_1.jpg"></picture>',
      'feed.xml':
        '<content:encoded><![CDATA[<img src="https://news.example.org/_astro/a_4.webp">]]></content:encoded>',
      '2024/05/01/a.md': '![a](https://news.example.org/_astro/a_5.png)',
      '_astro/a_1.jpg': '',
      '_astro/a_2.avif': '',
      '_astro/a_3.avif': '',
      '_astro/a_4.webp': '',
      '_astro/a_5.png': '',
      '_astro/original.D0X6jZHO.jpg': '',
      '_astro/draft.Bx1.png': '',
    });
    expect(unlinkedImages(files)).toEqual(['_astro/draft.Bx1.png', '_astro/original.D0X6jZHO.jpg']);
  });

  it('leaves scripts, styles and fonts under _astro/, and images elsewhere, alone', () => {
    const files = site({
      'index.html': '<p>No images.</p>',
      '_astro/page.Ab1.js': '',
      '_astro/page.Ab1.css': '',
      '_astro/font.Ab1.woff2': '',
      'og/2024/05/01/a.png': '',
      'logo.png': '',
    });
    expect(unlinkedImages(files)).toEqual([]);
  });

  it('does not take a longer name for the one it begins with', () => {
    const files = site({
      'index.html': '<img src="/_astro/a_1.jpg.webp">',
      '_astro/a_1.jpg': '',
      '_astro/a_1.jpg.webp': '',
    });
    expect(unlinkedImages(files)).toEqual(['_astro/a_1.jpg']);
  });
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { feedHtml } from '../../../src/syndication/feed-html.ts';

const BASE = 'https://news.example.org/2022/01/06/a/';

describe('feedHtml', () => {
  it('drops the "¶" self-links, the space before them and the paragraph ids', () => {
    const html =
      '<p id="p-1">First. <a class="pilcrow" href="#p-1" aria-label="Link to paragraph 1">¶</a></p>' +
      '<p id="p-2">Second <em>one</em>. <a class="pilcrow" href="#p-2" aria-label="Link to paragraph 2">¶</a></p>';
    expect(feedHtml(html, BASE)).toBe('<p>First.</p><p>Second <em>one</em>.</p>');
  });

  it("unwraps the small-caps spans around acronyms, which need the site's style sheet, and keeps other spans", () => {
    expect(
      feedHtml('<p>The <span class="caps">CSTO</span> and <span class="capsule">x</span> met.</p>', BASE),
    ).toBe('<p>The CSTO and <span class="capsule">x</span> met.</p>');
  });

  it('keeps other links, including ones that only share a class name prefix', () => {
    expect(feedHtml('<p><a class="pilcrows" href="https://a.example/">x</a> y</p>', BASE)).toBe(
      '<p><a class="pilcrows" href="https://a.example/">x</a> y</p>',
    );
  });

  it.each([
    [
      'a root-relative link',
      '<a href="/authors/x/">x</a>',
      '<a href="https://news.example.org/authors/x/">x</a>',
    ],
    [
      'a path-relative link',
      '<a href="b/">x</a>',
      '<a href="https://news.example.org/2022/01/06/a/b/">x</a>',
    ],
    ['a parent link', '<a href="../">x</a>', '<a href="https://news.example.org/2022/01/06/">x</a>'],
    ['a fragment link', '<a href="#p-3">x</a>', '<a href="https://news.example.org/2022/01/06/a/#p-3">x</a>'],
    [
      'a query',
      '<a href="?q=1&amp;r=2">x</a>',
      '<a href="https://news.example.org/2022/01/06/a/?q=1&#x26;r=2">x</a>',
    ],
    ['an image', '<img src="/og/a.png" alt="A">', '<img src="https://news.example.org/og/a.png" alt="A">'],
    ['a quotation’s source', '<q cite="/x/">q</q>', '<q cite="https://news.example.org/x/">q</q>'],
    ['an absolute link', '<a href="https://a.example/x">x</a>', '<a href="https://a.example/x">x</a>'],
    ['a protocol-relative link', '<a href="//a.example/x">x</a>', '<a href="https://a.example/x">x</a>'],
    ['a mailto link', '<a href="mailto:a@example.org">x</a>', '<a href="mailto:a@example.org">x</a>'],
  ])('resolves %s against the article’s URL', (_, html, expected) => {
    expect(feedHtml(`<p>${html}</p>`, BASE)).toBe(`<p>${expected}</p>`);
  });

  it('leaves a value that is no URL at all as it was', () => {
    expect(feedHtml('<a href="http://[bad">x</a>', BASE)).toBe('<a href="http://[bad">x</a>');
  });

  it('removes every id, not only the paragraphs’', () => {
    expect(
      feedHtml('<h2 id="user-content-a">A</h2><sup id="fnref-1"><a href="#fn-1">1</a></sup>', BASE),
    ).toBe('<h2>A</h2><sup><a href="https://news.example.org/2022/01/06/a/#fn-1">1</a></sup>');
  });

  it('keeps text escaped: it never turns into markup', () => {
    const html = '<p>1 &lt; 2 &amp;&amp; &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;</p>';
    const out = feedHtml(html, BASE);
    expect(out).not.toContain('<script');
    expect(out).toContain('&#x3C;script>');
  });

  it('is empty for an empty body', () => {
    expect(feedHtml('', BASE)).toBe('');
  });

  describe('a <picture>', () => {
    const picture =
      '<figure><picture>' +
      '<source type="image/avif" srcset="/_astro/a_1.avif 360w, /_astro/a_2.avif 608w" sizes="(min-width: 640px) 608px, 100vw">' +
      '<source type="image/webp" srcset="/_astro/a_1.webp 360w" sizes="100vw">' +
      '<img src="/_astro/a_3.jpg" alt="Boats &#x26; nets" width="1600" height="1000" decoding="async" loading="eager" fetchpriority="high">' +
      '</picture><figcaption>Photo: A.</figcaption></figure>';
    const out = JSDOM.fragment(feedHtml(picture, BASE));

    it('becomes its <img>, with the fallback at its absolute URL, its size and its alternative text', () => {
      expect(out.querySelectorAll('picture, source')).toHaveLength(0);
      const img = out.querySelector('figure > img');
      expect(img?.getAttribute('src')).toBe('https://news.example.org/_astro/a_3.jpg');
      expect(img?.getAttribute('alt')).toBe('Boats & nets');
      expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['1600', '1000']);
      expect(out.querySelector('figcaption')?.textContent).toBe('Photo: A.');
    });

    it('loses what only a browser loading the page uses', () => {
      expect(out.querySelector('img')?.getAttributeNames().sort()).toEqual(['alt', 'height', 'src', 'width']);
    });

    it('without an <img> leaves nothing', () => {
      expect(feedHtml('<p>a<picture><source srcset="/x.avif"></picture>b</p>', BASE)).toBe('<p>ab</p>');
    });
  });
});

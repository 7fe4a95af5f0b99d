import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/importer/html.ts';

const body = (paragraphs: string) =>
  `<p>${'A paragraph long enough for Readability to keep as article text, with more words. '.repeat(6)}</p>${paragraphs}`;

function page({ head = '', article = body('') } = {}) {
  return `<!doctype html><html lang="en-GB"><head><title>T | Site</title>${head}
  <meta property="og:site_name" content="The Gazette"><link rel="canonical" href="https://news.example/a/b/"></head>
  <body><nav><a href="/">Home</a></nav><main><article><header><p class="kicker">News</p><h1>Head</h1>
  <div class="byline">By Someone</div></header><div class="body">${article}</div></article></main>
  <footer>Copyright</footer><script>alert(1)</script></body></html>`;
}

describe('parseHtml: metadata', () => {
  it('takes JSON-LD first, then Open Graph, then the page', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite' },
        {
          '@type': 'NewsArticle',
          headline: 'From JSON-LD',
          datePublished: '2024-01-02T10:00:00+01:00',
          author: [{ '@type': 'Person', name: 'Ann Smith' }, { name: 'Bo Li' }],
          publisher: { name: 'LD Publisher' },
        },
      ],
    });
    const parsed = parseHtml(
      page({
        head: `<meta property="og:title" content="From OG"><script type="application/ld+json">${ld}</script>`,
      }),
      'p.html',
    );
    expect(parsed).toMatchObject({
      title: 'From JSON-LD',
      publisher: 'LD Publisher',
      authors: ['Ann Smith', 'Bo Li'],
      date: '2024-01-02T10:00:00+01:00',
      originalUrl: 'https://news.example/a/b/',
      language: 'en-GB',
    });
  });
  it('falls back to meta tags, ignores an author given as a URL and reads the byline', () => {
    const parsed = parseHtml(
      page({
        head: '<meta property="og:title" content="OG title"><meta property="article:author" content="https://news.example/ann/"><meta property="article:published_time" content="2024-01-02T10:00:00Z">',
      }),
      'p.html',
    );
    expect(parsed).toMatchObject({
      title: 'OG title',
      publisher: 'The Gazette',
      authors: ['Someone'],
      date: '2024-01-02T10:00:00Z',
    });
  });
  it('survives a broken JSON-LD block', () => {
    expect(
      parseHtml(page({ head: '<script type="application/ld+json">{oops</script>' }), 'p.html').title,
    ).toBe('Head');
  });
  it('refuses a page with no publisher or no article', () => {
    expect(() => parseHtml('<html><body><p>Hi</p></body></html>', 'x.html')).toThrow(
      /^x\.html: (title|publisher): /u,
    );
    expect(() => parseHtml(page({ article: '' }).replace('<h1>Head</h1>', ''), 'y.html')).toThrow(
      /^y\.html: body: /u,
    );
  });
});

describe('parseHtml: the body', () => {
  it('keeps headings, emphasis, links, lists and quotes; drops chrome, scripts and figures', () => {
    const parsed = parseHtml(
      page({
        article:
          body(`<h2>Section</h2><p>Some <em>emphasis</em> and <a href="/rel/">a link</a>.</p><div class="ad-slot"><p>ADVERTISEMENT</p></div>
        <ul><li>one</li><li>two</li></ul><blockquote><p>Quoted.</p></blockquote><figure><img src="x.jpg"><figcaption>Caption</figcaption></figure>
        <div class="social-share"><a href="https://x.com/share">Share</a></div>`),
      }),
      'p.html',
    );
    const types = parsed.body.children.map((node) => node.type);
    expect(types).toEqual(['paragraph', 'heading', 'paragraph', 'list', 'blockquote']);
    const text = toString(parsed.body);
    for (const gone of [
      'ADVERTISEMENT',
      'Caption',
      'Share',
      'By Someone',
      'News',
      'alert',
      'Copyright',
      'Home',
    ])
      expect(text).not.toContain(gone);
    const paragraph = parsed.body.children[2];
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((c) => c.type)).toEqual([
      'text',
      'emphasis',
      'text',
      'link',
      'text',
    ]);
    expect(JSON.stringify(paragraph)).toContain('https://news.example/rel/');
  });
});

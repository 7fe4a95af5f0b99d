import { describe, expect, it } from 'vitest';
import {
  fileOf,
  findBrokenLinks,
  fragmentId,
  readsText,
  sitePathOf,
  srcsetUrls,
} from '../../helpers/link-check.ts';

const SITE = 'https://news.example.org/';

/** A page whose body is `body`. */
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;

/** A small built site: a home page, an article with paragraph ids, a topic in Cyrillic, an image. */
const SITE_FILES: Record<string, string> = {
  'index.html': page('<h1 id="top-stories">Home</h1>'),
  'about/index.html': page('<p id="p-1">About</p><a name="contact">Contact</a>'),
  '2022/01/06/a/index.html': page('<p id="p-1">One</p><p id="p-2">Two</p><h2 id="über">Über</h2>'),
  'topics/казахстан/index.html': page('<h1>Казахстан</h1>'),
  '404.html': page('<h1>Not found</h1>'),
  'og/a.png': '',
  'feed.xml': '',
  'a b.txt': '',
};

/** The problems found when `extra` files are added to the site. */
function problems(extra: Record<string, string>): { file: string; url: string; problem: string }[] {
  return findBrokenLinks(new Map(Object.entries({ ...SITE_FILES, ...extra })), SITE).broken;
}

/** The problems of the links in one page's body, at `file`. */
const linkProblems = (body: string, file = 'x/index.html', head = '') =>
  problems({ [file]: page(body, head) }).map(({ url, problem }) => ({ url, problem }));

describe('sitePathOf and fileOf', () => {
  it.each([
    ['index.html', '/'],
    ['about/index.html', '/about/'],
    ['404.html', '/404.html'],
    ['feed.xml', '/feed.xml'],
    ['og/2022/01/06/a.png', '/og/2022/01/06/a.png'],
  ])('%s is served at %s, and back', (file, path) => {
    expect(sitePathOf(file)).toBe(path);
    expect(fileOf(path)).toBe(file);
  });
});

describe('fragmentId', () => {
  it.each([
    ['#p-1', 'p-1'],
    ['', ''],
    ['#', ''],
    ['#%C3%BCber', 'über'],
    ['#:~:text=start,end', ''],
    ['#p-2:~:text=start', 'p-2'],
    ['#100%', '100%'],
  ])('%j names %j', (hash, id) => {
    expect(fragmentId(hash)).toBe(id);
  });
});

describe('srcsetUrls', () => {
  it.each([
    ['a.png', ['a.png']],
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['a.png 1x,b.png 2x', ['a.png', 'b.png']],
    ['a.png 640w,\n  b.png 1280w', ['a.png', 'b.png']],
    // As browsers read it: commas inside a URL belong to it.
    ['a.png,b.png', ['a.png,b.png']],
    ['/img?w=1,2 1x, c.png', ['/img?w=1,2', 'c.png']],
    ['', []],
    [' , ', []],
  ])('%j has %j', (srcset, urls) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });
});

describe('readsText', () => {
  it.each([
    ['a/index.html', true],
    ['feed.xml', true],
    ['feed.json', true],
    ['llms.txt', true],
    ['2022/01/06/a.md', true],
    ['_redirects', true],
    ['og/a.png', false],
    ['favicon.svg', false],
  ])('%s: %s', (file, reads) => {
    expect(readsText(file)).toBe(reads);
  });
});

describe('links between pages', () => {
  it.each([
    ['a root-relative link to a folder', '/about/'],
    ['the home page', '/'],
    ['a relative link', '../about/'],
    ['a link to itself', ''],
    ['an absolute URL on the site', 'https://news.example.org/about/'],
    ['a file', '/og/a.png'],
    ['a query string, which a static host ignores', '/about/?ref=nav'],
    ['a percent-encoded path', '/topics/%D0%BA%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD/'],
    ['a path in another script, as written', '/topics/казахстан/'],
    ['an encoded space', '/a%20b.txt'],
  ])('%s resolves', (_, href) => {
    expect(linkProblems(`<a href="${href}">x</a>`)).toEqual([]);
  });

  it.each([
    ['an external site', 'https://other.example/missing/'],
    ['the site on another scheme', 'http://news.example.org/missing/'],
    ['a protocol-relative external link', '//other.example/missing/'],
    ['an email link', 'mailto:?subject=Hello&body=https%3A%2F%2Fnews.example.org%2Fmissing%2F'],
    ['a telephone link', 'tel:+441234567890'],
    ['a data URL', 'data:text/plain,missing'],
  ])('%s is not checked', (_, href) => {
    expect(findBrokenLinks(new Map([['x.html', page(`<a href="${href}">x</a>`)]]), SITE)).toEqual({
      checked: 0,
      broken: [],
    });
  });

  it('reports a link to a page that was not built, with the file it looked for', () => {
    expect(linkProblems('<a href="/search/">Search</a>')).toEqual([
      { url: '/search/', problem: 'resolves to /search/, but no search/index.html was built' },
    ]);
  });

  it('reports a relative link that climbs to a missing page', () => {
    expect(linkProblems('<a href="../../about/">x</a>', 'a/b/index.html')).toEqual([]);
    expect(linkProblems('<a href="about/">x</a>', 'a/b/index.html')).toEqual([
      { url: 'about/', problem: 'resolves to /a/b/about/, but no a/b/about/index.html was built' },
    ]);
  });

  it('reports a folder named without its trailing slash, which the site never serves', () => {
    expect(linkProblems('<a href="/about">x</a>')).toEqual([
      { url: '/about', problem: 'names a folder without its trailing slash: link to /about/' },
    ]);
  });

  it('reports malformed percent-encoding', () => {
    expect(linkProblems('<a href="/topics/%E0%A4%A/">x</a>')).toEqual([
      { url: '/topics/%E0%A4%A/', problem: 'has malformed percent-encoding in its path (/topics/%E0%A4%A/)' },
    ]);
  });

  it('decodes character references in attributes before resolving', () => {
    expect(linkProblems('<a href="/about/?a=1&amp;b=2">x</a>')).toEqual([]);
  });

  it('resolves relative links against <base href>', () => {
    expect(linkProblems('<a href="about/">x</a>', 'x/y/index.html', '<base href="/">')).toEqual([]);
  });
});

describe('fragments', () => {
  it.each([
    ['an id on the same page', '#here'],
    ['an id on another page', '/2022/01/06/a/#p-2'],
    ['an id given as an absolute URL', 'https://news.example.org/2022/01/06/a/#p-1'],
    ['a percent-encoded id', '/2022/01/06/a/#%C3%BCber'],
    ['an id in another script, as written', '/2022/01/06/a/#über'],
    ['a named anchor', '/about/#contact'],
    ['an empty fragment', '/about/#'],
    ['#top, the top of any page', '/about/#top'],
    ['a text fragment', '/2022/01/06/a/#:~:text=One,Two'],
    ['a fragment of a file that is not HTML', '/feed.xml#anything'],
  ])('%s resolves', (_, href) => {
    expect(linkProblems(`<p id="here">x</p><a href="${href}">x</a>`)).toEqual([]);
  });

  it.each([
    ['a missing id on the same page', '#nowhere', 'names #nowhere, but /x/ has no element with that id'],
    [
      'a missing id on another page',
      '/2022/01/06/a/#p-3',
      'names #p-3, but /2022/01/06/a/ has no element with that id',
    ],
    [
      'an id of another case',
      '/2022/01/06/a/#P-1',
      'names #P-1, but /2022/01/06/a/ has no element with that id',
    ],
    [
      'a text fragment after a missing id',
      '/2022/01/06/a/#p-9:~:text=One',
      'names #p-9, but /2022/01/06/a/ has no element with that id',
    ],
  ])('%s is reported', (_, href, problem) => {
    expect(linkProblems(`<a href="${href}">x</a>`)).toEqual([{ url: href, problem }]);
  });
});

describe('where links are found in a page', () => {
  it.each([
    ['an image', '<img src="/og/missing.png" alt="">'],
    [
      'an image candidate in srcset',
      '<img src="/og/a.png" srcset="/og/a.png 1x, /og/missing.png 2x" alt="">',
    ],
    ['a stylesheet', '', '<link rel="stylesheet" href="/og/missing.png">'],
    ['a script', '<script src="/og/missing.png"></script>'],
    ['a quotation’s source', '<blockquote cite="/og/missing.png">q</blockquote>'],
    [
      'an Open Graph image',
      '',
      '<meta property="og:image" content="https://news.example.org/og/missing.png">',
    ],
    ['an X card image', '', '<meta name="twitter:image" content="https://news.example.org/og/missing.png">'],
    ['a refresh', '', '<meta http-equiv="refresh" content="0; url=/og/missing.png">'],
    [
      'JSON-LD',
      '',
      '<script type="application/ld+json">{"image":["https://news.example.org/og/missing.png"]}</script>',
    ],
  ])('%s', (_, body, head = '') => {
    expect(linkProblems(body, 'x/index.html', head)).toEqual([
      expect.objectContaining({ problem: 'resolves to /og/missing.png, but no og/missing.png was built' }),
    ]);
  });

  it('ignores meta tags whose content is not a URL', () => {
    expect(linkProblems('', 'x/index.html', '<meta name="description" content="/og/missing.png">')).toEqual(
      [],
    );
  });

  it('counts each internal URL once per file, and reports it once', () => {
    const report = findBrokenLinks(
      new Map([
        [
          'x.html',
          page('<a href="/a/">1</a><a href="/a/">2</a><a href="/">3</a><a href="https://o.example/">4</a>'),
        ],
        ['index.html', ''],
      ]),
      SITE,
    );
    expect(report.checked).toBe(2);
    expect(report.broken).toEqual([
      { file: 'x.html', url: '/a/', problem: 'resolves to /a/, but no a/index.html was built' },
    ]);
  });

  it('lists the problems by file, then URL', () => {
    const found = problems({
      'b/index.html': page('<a href="/z/">z</a><a href="/y/">y</a>'),
      'a/index.html': page('<a href="/x/">x</a>'),
    });
    expect(found.map(({ file, url }) => `${file} ${url}`)).toEqual([
      'a/index.html /x/',
      'b/index.html /y/',
      'b/index.html /z/',
    ]);
  });
});

describe('feeds, sitemaps and other text files', () => {
  it('checks the absolute URLs on the site in XML, decoding entities and escaped HTML', () => {
    const rss = `<rss><channel><link>https://news.example.org/</link>
      <item><link>https://news.example.org/2022/01/06/a/</link>
      <description>&lt;a href=&quot;https://news.example.org/2022/01/06/a/#p-7&quot;&gt;¶&lt;/a&gt;</description>
      <enclosure url="https://news.example.org/og/a.png?v=1&amp;w=2"/>
      <source url="https://other.example/missing/">Other</source></item></channel></rss>`;
    expect(problems({ 'feed.xml': rss })).toEqual([
      {
        file: 'feed.xml',
        url: 'https://news.example.org/2022/01/06/a/#p-7',
        problem: 'names #p-7, but /2022/01/06/a/ has no element with that id',
      },
    ]);
  });

  it('checks a sitemap', () => {
    const sitemap =
      '<urlset><url><loc>https://news.example.org/about/</loc></url><url><loc>https://news.example.org/gone/</loc></url></urlset>';
    expect(problems({ 'sitemap-0.xml': sitemap }).map(({ url }) => url)).toEqual([
      'https://news.example.org/gone/',
    ]);
  });

  it('checks JSON, including URLs in its escaped HTML', () => {
    const json = JSON.stringify({
      home_page_url: 'https://news.example.org/',
      items: [
        {
          url: 'https://news.example.org/2022/01/06/a/',
          content_html: '<a href="https://news.example.org/b/">b</a>',
        },
      ],
    });
    expect(problems({ 'feed.json': json }).map(({ url }) => url)).toEqual(['https://news.example.org/b/']);
  });

  it('checks plain text and Markdown, without the punctuation after a URL', () => {
    const text = `See https://news.example.org/about/. Or (https://news.example.org/about/), [RSS](https://news.example.org/feed.xml).
Gone: https://news.example.org/gone.md`;
    expect(problems({ 'llms.txt': text }).map(({ url }) => url)).toEqual([
      'https://news.example.org/gone.md',
    ]);
  });

  it('checks the targets of _redirects, and skips comments and patterns', () => {
    const redirects = `# comment
/old/ /2022/01/06/a/ 301
/older/ /missing/ 301
/x/* /about/:splat 301
/ext/ https://other.example/ 302
`;
    expect(problems({ _redirects: redirects })).toEqual([
      {
        file: '_redirects',
        url: '/missing/',
        problem: 'resolves to /missing/, but no missing/index.html was built',
      },
    ]);
  });

  it('reads no text from other files', () => {
    expect(problems({ 'favicon.svg': '<svg><a href="/missing/"/></svg>' })).toEqual([]);
  });

  it('finds nothing wrong with the site itself', () => {
    expect(problems({})).toEqual([]);
  });
});

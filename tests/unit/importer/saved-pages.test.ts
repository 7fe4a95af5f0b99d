import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { judge } from '../../../src/importer/acceptance.ts';
import { jsonLdAuthors, namesInByline, pageAuthors } from '../../../src/importer/byline.ts';
import { parseHtml } from '../../../src/importer/html.ts';
import { parsePage } from '../../../src/importer/page.ts';

const PARAGRAPHS = [
  'The council voted on Tuesday to close the old swimming baths on Mill Street by the end of the year.',
  'Councillors said repairs to the roof and boilers would cost more than the building could ever earn back.',
  'Swimmers from three clubs packed the public gallery and held banners asking for a delay of one more season.',
  'A new leisure centre with two pools is planned for the retail park, but it will not open before spring 2027.',
  'Until then, schools will bus pupils twenty minutes to the nearest pool in Ashby for their weekly lessons.',
  'The leader of the opposition group called the decision rushed and asked for an independent survey of the roof.',
  'Officers replied that two surveys had already found the steel frame corroded beyond economic repair.',
  'The building, opened in 1911, is listed, so any plan to demolish it will need approval from heritage officials.',
];
const FOOTER = [
  'Most stock quote data provided by an exchange partner. Market data delayed by 15 minutes.',
  '© 2024 The Example Desk. All rights reserved. Terms of use. Privacy policy.',
  'Data is delayed by at least 15 minutes for all exchanges unless otherwise indicated, and provided by a supplier.',
];

function page(article = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')) {
  return `<!doctype html><html lang="en"><head><title>Council decides</title><meta property="og:site_name" content="The Example Desk"></head>
  <body><header><a class="logo" href="/"><img alt="The Example Desk logo" src="l.png"></a></header>
  <main><h1>Council decides</h1>${article}</main>
  <footer>${FOOTER.map((p) => `<p>${p}</p>`).join('')}</footer></body></html>`;
}
const doc = (html: string) => parseHTML(html).document;
const extracted = (blocks: string[], linkChars = 0) => ({ blocks, linkChars });

describe('judge: is the extracted text the article?', () => {
  const document = doc(page());
  const headline = document.querySelector('h1') ?? undefined;

  it('accepts the article', () => {
    const verdict = judge(document, headline, extracted(PARAGRAPHS));
    expect(verdict.problem).toBeUndefined();
    expect(verdict.measures.coverage).toBe(1);
  });
  it('refuses the footer, a link list, a fragment, and text that leaves out the lead', () => {
    const footer = [...FOOTER, ...FOOTER];
    expect(judge(document, headline, extracted(footer)).problem).toMatch(/boilerplate/u);
    expect(judge(document, headline, extracted(PARAGRAPHS, 400)).problem).toMatch(/links/u);
    expect(judge(document, headline, extracted(PARAGRAPHS.slice(0, 2))).problem).toMatch(/words long/u);
    expect(judge(document, headline, extracted(PARAGRAPHS.slice(2))).problem).toMatch(/follow the headline/u);
  });
  it('accepts an article with one long paragraph about a newsletter', () => {
    const newsletter =
      'The swimming clubs said they would send news of the new pool to members through their joint newsletter, which reaches about four thousand families in the town every month.';
    const blocks = [...PARAGRAPHS.slice(0, 3), newsletter];
    const short = doc(page(blocks.map((p) => `<p>${p}</p>`).join('')));
    const verdict = judge(short, short.querySelector('h1') ?? undefined, extracted(blocks));
    expect(verdict.measures.boilerplateShare).toBeGreaterThan(0.25);
    expect(verdict.problem).toBeUndefined();
  });
  it('refuses text that sits in the footer or above the headline', () => {
    const long = 'is a line of text in the page, long enough to be read as a paragraph of news';
    const shaped = doc(
      `<html><body><p>One ${long}.</p><h1>Council decides</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}<footer><p>Two ${long}.</p></footer></body></html>`,
    );
    const h1 = shaped.querySelector('h1') ?? undefined;
    expect(judge(shaped, h1, extracted([`Two ${long}.`, ...PARAGRAPHS])).problem).toMatch(/footer/u);
    expect(judge(shaped, h1, extracted([`One ${long}.`, ...PARAGRAPHS])).problem).toMatch(
      /above the headline/u,
    );
  });
});

describe('parseHtml on hostile shapes', () => {
  it('reads a page whose <html> carries a furniture class (the Readability crash)', () => {
    const html = page().replace('<html lang="en">', '<html lang="en" class="no-touch ads-enabled">');
    expect(parseHtml(html, 'p.html').body.children).toHaveLength(8);
  });
  it('reads the article from a container whose class reads as furniture', () => {
    const html = page(
      `<div class="article-body paywall">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`,
    );
    expect(parseHtml(html, 'p.html').body.children).toHaveLength(8);
  });
  it('reads an article that a modal saved over it marks aria-hidden', () => {
    const html = page(`<div aria-hidden="true">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(parseHtml(html, 'p.html').body.children).toHaveLength(8);
  });
  it('refuses a page whose only text is its footer, saying what to try', () => {
    expect(() => parseHtml(page('<p>Shares rose.</p>'), 'p.html')).toThrow(
      /^p\.html: body: not imported: .*Try: /u,
    );
  });
  it('names the --source-name option when the page names no publisher, and takes the logo’s alt text', () => {
    const bare = page().replace(/<meta property="og:site_name"[^>]*>/u, '');
    expect(parseHtml(bare, 'p.html').publisher).toBe('The Example Desk');
    expect(() => parseHtml(bare.replace(/<header>.*<\/header>/u, ''), 'p.html')).toThrow(/--source-name/u);
    expect(
      parseHtml(bare.replace(/<header>.*<\/header>/u, ''), 'p.html', { publisher: 'Given' }).publisher,
    ).toBe('Given');
  });
});

describe('parsePage: every input becomes a document with <html> and <body>', () => {
  it.each([
    ['plain text', 'just text'],
    ['a fragment', '<p>one</p><p>two</p>'],
    ['head and body without html', '<head><title>t</title></head><body><p>x</p></body>'],
    [
      'an XML prolog',
      '<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
    ],
    [
      'a BOM and a comment',
      '\uFEFF<!-- saved from url=(0014)about:internet --><!DOCTYPE html><html><body><p>x</p></body></html>',
    ],
    ['an element before <html>', '<svg></svg><html><body><p>x</p></body></html>'],
    ['a doctype alone', '<!DOCTYPE html>'],
  ])('%s', (_, html) => {
    const document = parsePage(html, 'p.html');
    expect(document.documentElement.tagName).toBe('HTML');
    expect(document.body.tagName).toBe('BODY');
  });
  it('refuses a frameset, naming what to save instead', () => {
    expect(() => parsePage('<html><frameset><frame src="a.html"></frameset></html>', 'f.html')).toThrow(
      /^f\.html: body: the page is a frameset.*Save frame as/u,
    );
  });
});

describe('bylines', () => {
  it.each([
    ['By Ann Smith', ['Ann Smith']],
    ['By ANN SMITH, Health Correspondent', ['ANN SMITH']],
    ['Ann Smith and Bo Li · 12 February 2024', ['Ann Smith', 'Bo Li']],
    ['Par Julien Moreau et Sophie Lacaze', ['Julien Moreau', 'Sophie Lacaze']],
    ['Autorka: Petra Novotná', ['Petra Novotná']],
    ['Hugo Pennington Updated 11.40pm, 3 June', ['Hugo Pennington']],
    ['by Jane Doe @jdoe March 3, 2015: 10:43 AM ET', ['Jane Doe']],
    ['By Theresa May', ['Theresa May']],
    ['Read more about our coverage of the election', []],
    ['https://news.example/people/ann/', []],
  ])('%s', (text, names) => {
    expect(namesInByline(text)).toEqual(names);
  });
  it('resolves JSON-LD @id references, arrays and strings', () => {
    const graph = new Map([['#p1', { '@id': '#p1', name: 'Ann Smith' }]]);
    expect(jsonLdAuthors({ author: { '@id': '#p1' } }, graph)).toEqual(['Ann Smith']);
    expect(jsonLdAuthors({ author: ['Bo Li', { name: 'Cy Ng' }, 'https://x.example/'] }, graph)).toEqual([
      'Bo Li',
      'Cy Ng',
    ]);
  });
  it('reads a meta tag’s list of names, and the byl tag', () => {
    const find = (head: string) =>
      pageAuthors(doc(`<html><head>${head}</head><body></body></html>`), undefined);
    expect(find('<meta name="author" content="Ann Smith, Bo Li">')).toEqual(['Ann Smith', 'Bo Li']);
    expect(find('<meta name="byl" content="By Cy Ng and Dee Roe">')).toEqual(['Cy Ng', 'Dee Roe']);
  });
  it('finds itemprop, rel=author and a "By" line after the headline, not names in the footer', () => {
    const find = (body: string) => {
      const document = doc(`<html><body>${body}</body></html>`);
      return pageAuthors(document, document.querySelector('h1') ?? undefined);
    };
    expect(find('<h1>H</h1><span itemprop="author"><span itemprop="name">Ann Smith</span></span>')).toEqual([
      'Ann Smith',
    ]);
    expect(find('<h1>H</h1><a rel="author" href="/a">Bo Li</a>')).toEqual(['Bo Li']);
    expect(find('<h1>H</h1><p><b>By Cy Ng</b></p><p>Text.</p>')).toEqual(['Cy Ng']);
    expect(find('<h1>H</h1><p>Text.</p><footer><span class="author">Dee Roe</span></footer>')).toEqual([]);
  });
});

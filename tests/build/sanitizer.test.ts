/** An article carrying hostile HTML, built as a site: nothing active reaches the page; the text still shows. */
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { markdown, people, validArticle } from '../helpers/content.ts';
import { buildSite, makeSite, readPage, textOf } from '../helpers/project.ts';

const HOSTILE_BODY = `
Before the payloads, *emphasis*, **strong** and [a link](https://daily.example/).

<script>alert('script')</script>

<ScRiPt SRC="https://evil.example/x.js"></ScRiPt>

<img src="https://daily.example/a.png" alt="a picture" onerror="alert('img')">

<iframe src="https://evil.example/"></iframe>

<style>body { display: none }</style>

<p onclick="alert('p')" style="position:fixed">Clickable paragraph text.</p>

<a href="javascript:alert('js')">javascript link</a> and <a href="JaVaScRiPt&colon;alert(1)">entity link</a> and <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>

<svg onload="alert('svg')"><circle r="5"/></svg>

<math><mtext><table><mglyph><style><img src=x onerror=alert('mathml')></style></mglyph></table></mtext></math>

<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">

<form action="https://evil.example/"><input name="q"><button>Go</button></form>

<blockquote>A quoted passage survives.</blockquote>

<figure><img src="https://daily.example/b.png" alt="figure image"><figcaption>A caption survives.</figcaption></figure>

After the payloads.
`;

const TITLE = '<script>alert("title")</script> Headline with <b>tags</b>';

let page: Document;
beforeAll(async () => {
  const root = await makeSite('sanitizer', {
    ...people,
    'articles/hostile.md': markdown(
      validArticle({ slug: 'hostile', title: TITLE, dek: '<img src=x onerror=alert(1)>' }),
      HOSTILE_BODY,
    ),
  });
  const result = buildSite(root, { BROADSHEET_NOW: '2024-06-01T00:00:00Z' });
  expect(result.status, result.output).toBe(0);
  page = await readPage(join(root, 'dist'), '/2024/05/01/hostile/');
});

test('no script, frame, plugin, form, SVG, MathML or style element reaches the page', () => {
  const body = page.querySelector('article .body');
  expect(body).not.toBeNull();
  expect(
    body?.querySelectorAll('script, iframe, object, embed, form, input, button, svg, math, style'),
  ).toHaveLength(0);
  // The only scripts are the site's own: structured data (escaped) and its enhancement module.
  for (const script of page.querySelectorAll('script')) {
    expect(['application/ld+json', 'module', '']).toContain(script.type);
    // The one classic script is the theme set-up, which reads storage and nothing else.
    if (script.type === '') expect(script.textContent).toContain("localStorage.getItem('theme')");
    // Markup in the data is text, escaped so that it cannot end the element.
    if (script.type !== 'application/ld+json') expect(script.textContent).not.toContain('alert(');
    else expect(script.innerHTML).not.toContain('<');
  }
  // The site's own stylesheet is the one <style>, in <head>.
  expect(page.querySelectorAll('body style')).toHaveLength(0);
});

test('no event handler, inline style or script URL survives on any element', () => {
  for (const element of page.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      expect(name, element.outerHTML).not.toMatch(/^on/i);
      if (element.closest('article')) expect(name, element.outerHTML).not.toBe('style');
      if (name === 'href' || name === 'src')
        expect(value.trim(), element.outerHTML).not.toMatch(/^(javascript|data|vbscript):/i);
    }
  }
});

test('ordinary article markup and the text around the payloads survive', () => {
  const body = page.querySelector('article .body');
  expect(body?.querySelector('em')?.textContent).toBe('emphasis');
  expect(body?.querySelector('strong')?.textContent).toBe('strong');
  expect(body?.querySelector('a[href="https://daily.example/"]')?.textContent).toBe('a link');
  expect(textOf(body?.querySelector('blockquote'))).toBe('A quoted passage survives.');
  expect(textOf(body?.querySelector('figure figcaption'))).toBe('A caption survives.');
  expect(body?.querySelector('img[alt="a picture"]')?.getAttribute('src')).toBe(
    'https://daily.example/a.png',
  );
  expect(textOf(body)).toContain('Clickable paragraph text.');
  expect(textOf(body)).toContain('After the payloads.');
  // Style and script contents are dropped with their elements, not shown as text.
  expect(textOf(body)).not.toMatch(/display: none|alert\('script'\)/);
});

test('markup in front matter is shown as text, never run', () => {
  expect(textOf(page.querySelector('h1'))).toBe(TITLE);
  expect(page.title).toContain(TITLE);
  expect(textOf(page.querySelector('.dek'))).toBe('<img src=x onerror=alert(1)>');
});

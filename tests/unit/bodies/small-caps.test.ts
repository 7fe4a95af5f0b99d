import { parseHTML } from 'linkedom';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { rehypeSmallCaps } from '../../../src/bodies/plugins/rehype-small-caps.ts';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSmallCaps).use(rehypeStringify);

function render(html: string) {
  const { document } = parseHTML(
    `<!doctype html><html><body>${String(processor.processSync(html))}</body></html>`,
  );
  return {
    caps: [...document.querySelectorAll('span.caps')].map((span) => span.textContent),
    text: document.body.textContent,
  };
}

describe('rehypeSmallCaps', () => {
  test('marks each acronym that stands as a word, wherever it sits in the text', () => {
    const { caps } = render('<p>The CSTO met NATO’s envoy in the UK, (OSCE) and “EU”.</p>');
    expect(caps).toEqual(['CSTO', 'NATO', 'UK', 'OSCE', 'EU']);
  });

  test('keeps the text exactly as it was', () => {
    const html = '<p>Troops of the CSTO, <em>not</em> NATO-led, reached Almaty; the UN said so.</p>';
    expect(render(html).text).toBe('Troops of the CSTO, not NATO-led, reached Almaty; the UN said so.');
  });

  test('leaves single capitals, mixed-case words and words with digits alone', () => {
    expect(render('<p>I met McDONALD and iPhone users; A4 paper, B2B, 3D.</p>').caps).toEqual([]);
  });

  test('marks acronyms in other scripts’ capitals too', () => {
    expect(render('<p>ОДКБ и СНГ</p>').caps).toEqual(['ОДКБ', 'СНГ']);
  });

  test('leaves code as written', () => {
    expect(render('<p><code>NODE_ENV</code> and <kbd>CTRL</kbd>; <pre>HTTP GET</pre></p>').caps).toEqual([]);
  });

  test('marks acronyms inside links and headings', () => {
    expect(render('<h2>What the <a href="/x">CSTO</a> said</h2>').caps).toEqual(['CSTO']);
  });
});

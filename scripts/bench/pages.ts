/**
 * npm run bench:pages
 * The first-view weight of each kind of page, as a table: what the first paint
 * waits for (the HTML, linked style sheets and scripts, and any font whose text
 * stays invisible until it arrives), gzip level 9, against the budget of one
 * round trip's worth of TCP initial window (10 packets of 1,460 bytes: 14,600
 * bytes), and the requests that would block rendering. Fonts that swap in
 * (`font-display: swap`, `fallback` or `optional`) come after the first paint,
 * in a column of their own. Then, when Chromium is installed, each page loaded
 * from `astro preview`: requests, bytes transferred and layout shift (CLS).
 * Builds first (scripts/build.ts) if dist/ is missing. Exits 1 when a page is over budget.
 */
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import type { Browser } from 'playwright-core';
import { findChromium, launchBrowser } from '../../tests/helpers/browser.ts';
import { startPreview } from '../../tests/helpers/preview.ts';
import { ensureBuilt, readBuilt as read, ROOT, samplePages } from './site.ts';

const BUDGET = 14_600;

ensureBuilt();

const gz = (bytes: string | Buffer) => gzipSync(bytes, { level: 9 }).length;
const fmt = (n: number) => n.toLocaleString('en');

// Scripts of these types run; any other type (application/ld+json, importmap, speculationrules) is data.
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * The font files a stylesheet's @font-face rules name (the first URL of each `src`, the one a
 * browser tries first), each with whether the first paint waits for it: a face that swaps in
 * draws its text in a fallback first; any other `font-display` (auto, block) hides the text.
 */
const fontFaces = (css: string) =>
  [...css.matchAll(/@font-face\s*\{([^}]*)\}/gu)].flatMap(([, body = '']) => {
    const url = /src:\s*[^;}]*?url\(\s*['"]?([^'")]+)['"]?\s*\)/u.exec(body)?.[1];
    const display = /font-display:\s*([a-z]+)/u.exec(body)?.[1] ?? 'auto';
    return url ? [{ url, waitedFor: !['swap', 'fallback', 'optional'].includes(display) }] : [];
  });

interface Row {
  kind: string;
  path: string;
  html: number;
  htmlGz: number;
  css: number;
  js: number;
  /** Fonts the first paint waits for. */
  fontsFirst: number;
  /** Fonts that swap in after the first paint. */
  fontsLater: number;
  total: number;
  blocking: number;
}

function measure(kind: string, path: string): Row {
  const html = read(path, '/');
  const document = new JSDOM(html).window.document;
  const inlineCss = [...document.querySelectorAll('style')].map((style) => style.textContent).join('');
  const linkedCss = [...document.querySelectorAll('link[rel="stylesheet"][href]')].map((link) => {
    const href = link.getAttribute('href') ?? '';
    return { href, bytes: read(href, path) };
  });
  const scripts = [...document.querySelectorAll('script')].filter((script) =>
    JS_TYPES.has(script.type.trim().toLowerCase()),
  );
  const linkedJs = scripts.flatMap((script) => {
    const src = script.getAttribute('src');
    return src ? [read(src, path)] : [];
  });
  const inlineJs = scripts
    .filter((script) => !script.hasAttribute('src'))
    .map((script) => script.textContent)
    .join('');
  // Fonts named by the page's CSS (relative to the stylesheet that names them) and fonts preloaded
  // (a preload fetches early but blocks nothing: it counts as its face's display says).
  const fontFiles = new Map<string, boolean>();
  const addFonts = (css: string, base: string) => {
    for (const { url, waitedFor } of fontFaces(css)) {
      if (url.startsWith('data:')) continue;
      const file = new URL(url, `http://site${base}`).pathname;
      fontFiles.set(file, (fontFiles.get(file) ?? false) || waitedFor);
    }
  };
  addFonts(inlineCss, path);
  for (const sheet of linkedCss)
    addFonts(sheet.bytes.toString('utf8'), new URL(sheet.href, `http://site${path}`).pathname);
  for (const link of document.querySelectorAll('link[rel="preload"][as="font"][href]')) {
    const file = new URL(link.getAttribute('href') ?? '', `http://site${path}`).pathname;
    if (!fontFiles.has(file)) fontFiles.set(file, false);
  }
  const fontBytes = (waited: boolean) =>
    [...fontFiles]
      .filter(([, waitedFor]) => waitedFor === waited)
      .reduce((sum, [font]) => sum + gz(read(font, path)), 0);
  const fontsFirst = fontBytes(true);
  const fontsLater = fontBytes(false);
  // Render-blocking: style sheets in <head> (except print-only ones), and classic scripts with a src and neither async nor defer.
  const blocking =
    [...document.querySelectorAll('head link[rel="stylesheet"]')].filter(
      (link) => link.getAttribute('media')?.trim() !== 'print',
    ).length +
    [...document.querySelectorAll<HTMLScriptElement>('head script[src]')].filter(
      (script) => script.type !== 'module' && !script.async && !script.defer,
    ).length;
  // Inline CSS and JS travel inside the HTML; each linked file is a response of its own, compressed alone.
  const linkedGz =
    linkedCss.reduce((sum, sheet) => sum + gz(sheet.bytes), 0) +
    linkedJs.reduce((sum, script) => sum + gz(script), 0);
  return {
    kind,
    path,
    html: html.length,
    htmlGz: gz(html),
    css: (inlineCss ? gz(inlineCss) : 0) + linkedCss.reduce((sum, sheet) => sum + gz(sheet.bytes), 0),
    js: (inlineJs ? gz(inlineJs) : 0) + linkedJs.reduce((sum, script) => sum + gz(script), 0),
    fontsFirst,
    fontsLater,
    total: gz(html) + linkedGz + fontsFirst,
    blocking,
  };
}

const rows = samplePages().map(([kind, path]) => measure(kind, path));

console.log(
  '| page | HTML bytes | HTML gzip | CSS gzip | JS gzip | fonts waited for | first view gzip | within 14,600 | render-blocking requests | fonts swapped in after |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.kind} \`${row.path}\` | ${fmt(row.html)} | ${fmt(row.htmlGz)} | ${fmt(row.css)} | ${fmt(row.js)} | ${fmt(row.fontsFirst)} | ${fmt(row.total)} | ${row.total <= BUDGET ? 'yes' : 'NO'} | ${String(row.blocking)} | ${fmt(row.fontsLater)} |`,
  );
}
console.log(`
All gzip sizes at level 9. CSS and JS columns count inline <style> and <script> (JSON-LD excluded) plus
linked files; inline code also travels inside "HTML gzip". "First view" is what the first paint waits
for: the HTML plus each linked style sheet, script and font without font-display swap, fallback or
optional, each compressed on its own. Fonts that swap in come after the first paint, with no layout
shift (fitted fallback faces). Render-blocking: style sheets in <head> and classic scripts in <head>
with a src and neither async nor defer.`);
if (rows.some((row) => row.total > BUDGET)) process.exitCode = 1;

/** Each page in Chromium from `astro preview`: requests, bytes on the wire, and cumulative layout shift. */
async function inBrowser(): Promise<void> {
  try {
    findChromium();
  } catch (error) {
    console.log(`\nChromium: not measured. ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const preview = await startPreview(ROOT);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
    console.log(
      '\n| page (Chromium, empty cache) | requests | transferred bytes | content-encoding | CLS desktop 1280×800 | CLS phone 390×844 |',
    );
    console.log('| --- | ---: | ---: | --- | ---: | ---: |');
    const encodings = new Set<string>();
    for (const row of rows) {
      const results: { requests: number; bytes: number; encodings: Set<string>; cls: number }[] = [];
      for (const viewport of Object.values(viewports)) {
        const context = await browser.newContext({ viewport });
        // Nothing may leave this machine: the page is local, and a request elsewhere would skew the figures.
        await context.route('**/*', (route) =>
          new URL(route.request().url()).hostname === '127.0.0.1'
            ? route.continue()
            : route.abort('blockedbyclient'),
        );
        const page = await context.newPage();
        const finished: Promise<void>[] = [];
        const result = { requests: 0, bytes: 0, encodings: new Set<string>(), cls: 0 };
        page.on('requestfinished', (request) => {
          finished.push(
            (async () => {
              const sizes = await request.sizes();
              const response = await request.response();
              result.requests += 1;
              result.bytes += sizes.responseHeadersSize + sizes.responseBodySize;
              result.encodings.add((await response?.headerValue('content-encoding')) ?? 'none');
            })(),
          );
        });
        await page.goto(new URL(row.path, preview.url).href, { waitUntil: 'networkidle' });
        // Buffered entries include every shift since navigation; input-driven shifts do not count towards CLS.
        result.cls = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let cls = 0;
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries() as (PerformanceEntry & {
                  value: number;
                  hadRecentInput: boolean;
                })[]) {
                  if (!entry.hadRecentInput) cls += entry.value;
                }
              }).observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => {
                resolve(cls);
              }, 200);
            }),
        );
        await Promise.all(finished);
        await context.close();
        results.push(result);
      }
      const [desktop, phone] = results;
      if (!desktop || !phone) continue;
      for (const encoding of desktop.encodings) encodings.add(encoding);
      console.log(
        `| ${row.kind} | ${String(desktop.requests)} | ${fmt(desktop.bytes)} | ${[...desktop.encodings].join(', ')} | ${desktop.cls.toFixed(3)} | ${phone.cls.toFixed(3)} |`,
      );
    }
    console.log(
      '\nRequests and bytes are the desktop load, headers included, until the network was idle for 500 ms.',
    );
    if (encodings.has('none')) {
      console.log(
        'astro preview sent some responses uncompressed: a host that gzips sends about the sizes above.',
      );
    }
  } finally {
    await browser?.close();
    await preview.stop();
  }
}

await inBrowser();

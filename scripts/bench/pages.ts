/**
 * npm run bench:pages
 * The first-view weight of each kind of page, as a table: HTML, CSS, JavaScript
 * and fonts, gzip level 9, against the budget of one TCP round trip (14,600
 * bytes), and the requests that would block rendering. Builds first if dist/ is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const BUDGET = 14_600;

if (!existsSync(DIST)) {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const file = (path: string) => join(DIST, path.endsWith('/') ? `${path}index.html` : path);

/** One page of each kind: the newest article, and the first author, source and topic it links to. */
function pages(): [string, string][] {
  const home = new JSDOM(readFileSync(file('/'), 'utf8')).window.document;
  const article = home.querySelector('.article-list a')?.getAttribute('href');
  if (!article) throw new Error('The home page lists no article: nothing to measure.');
  const page = new JSDOM(readFileSync(file(article), 'utf8')).window.document;
  const first = (selector: string) => page.querySelector(selector)?.getAttribute('href') ?? undefined;
  const kinds: [string, string | undefined][] = [
    ['article', article],
    ['home', '/'],
    ['author', first('.byline a')],
    ['source', first('.source a')],
    ['topic', first('.topics a')],
  ];
  return kinds.filter((kind): kind is [string, string] => kind[1] !== undefined);
}

const rows = pages().map(([kind, path]) => {
  const html = readFileSync(file(decodeURI(path)), 'utf8');
  const document = new JSDOM(html).window.document;
  const inlineCss = [...document.querySelectorAll('style')].map((style) => style.textContent).join('');
  const linkedCss = [...document.querySelectorAll('link[rel="stylesheet"]')]
    .map((link) => readFileSync(file(link.getAttribute('href') ?? ''), 'utf8'))
    .join('');
  const scripts = [...document.querySelectorAll('script')].filter(
    (script) => script.type !== 'application/ld+json',
  );
  const js = scripts
    .map((script) =>
      script.src ? readFileSync(file(new URL(script.src, 'http://x').pathname), 'utf8') : script.textContent,
    )
    .join('');
  const fonts = [...document.querySelectorAll('link[rel="preload"][as="font"]')].reduce(
    (sum, link) => sum + readFileSync(file(link.getAttribute('href') ?? '')).length,
    0,
  );
  // Linked stylesheets in <head>, and classic scripts with a src and neither async nor defer, block rendering.
  const blocking =
    document.querySelectorAll('head link[rel="stylesheet"]').length +
    [...document.querySelectorAll<HTMLScriptElement>('head script[src]')].filter(
      (script) => script.type !== 'module' && !script.async && !script.defer,
    ).length;
  // Inline CSS and JS travel inside the HTML: the first view is the HTML plus what it links.
  const total =
    gz(html) +
    (linkedCss ? gz(linkedCss) : 0) +
    scripts
      .filter((script) => script.src)
      .reduce((sum, script) => sum + gz(readFileSync(file(new URL(script.src, 'http://x').pathname))), 0) +
    fonts;
  return {
    kind,
    path,
    html: html.length,
    htmlGz: gz(html),
    css: gz(inlineCss + linkedCss),
    js: js ? gz(js) : 0,
    fonts,
    total,
    blocking,
  };
});

const fmt = (n: number) => n.toLocaleString('en');
console.log(
  '| page | HTML | HTML gzip | CSS gzip | JS gzip | fonts | first view gzip | budget 14,600 | blocking requests |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.kind} \`${row.path}\` | ${fmt(row.html)} | ${fmt(row.htmlGz)} | ${fmt(row.css)} | ${fmt(row.js)} | ${fmt(row.fonts)} | ${fmt(row.total)} | ${row.total <= BUDGET ? 'within' : 'OVER'} | ${String(row.blocking)} |`,
  );
}
console.log(
  '\nCSS and JS are inline, so their gzip sizes are also counted inside "HTML gzip"; "first view" is the HTML plus whatever it links.',
);
if (rows.some((row) => row.total > BUDGET || row.blocking > 0)) process.exitCode = 1;

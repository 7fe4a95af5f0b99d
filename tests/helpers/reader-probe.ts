/**
 * A listener for what goes wrong in a page, installed before any of the page's
 * own code runs, in every engine alike: Content Security Policy violations
 * (`securitypolicyviolation`), uncaught errors and rejections, resources that
 * fail to load and `console.error` calls, gathered in `window.__readerProbe`.
 *
 * WebDriver classic has no "script before the page" (Chromium and Firefox
 * have their own), so a small proxy in front of `astro preview` puts one
 * `<script src>` at the very start of every HTML page's `<head>`. It stands
 * before the page's CSP `<meta>`, so the policy does not apply to it, and the
 * page is otherwise served as built. With the page's JavaScript off the
 * probe does not run either; the same markup and styles are checked with it on.
 */
import { createServer, type Server } from 'node:http';

export const PROBE_PATH = '/.reader-probe.js';

/** What the probe saw; undefined when it did not run (JavaScript off). */
export interface ProbeReport {
  violations: string[];
  errors: string[];
}

/** The expression that reads the probe's report in the page. */
export const PROBE_REPORT = 'window.__readerProbe ?? null';

const PROBE = `(() => {
  const report = { violations: [], errors: [] };
  Object.defineProperty(window, '__readerProbe', { value: report });
  addEventListener('securitypolicyviolation', (event) => {
    report.violations.push(
      event.violatedDirective + ' refused ' + (event.blockedURI || 'inline') +
      ' at ' + (event.sourceFile || location.pathname) + ':' + event.lineNumber,
    );
  }, true);
  addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window) report.errors.push('failed to load ' + (target.src || target.href || target.localName));
    else report.errors.push('uncaught: ' + event.message);
  }, true);
  addEventListener('unhandledrejection', (event) => report.errors.push('unhandled rejection: ' + String(event.reason)));
  const error = console.error;
  console.error = (...args) => {
    report.errors.push(args.map(String).join(' '));
    error.apply(console, args);
  };
})();
`;

export interface ProbeProxy {
  url: string;
  stop(): Promise<void>;
}

/** Serves `upstream` (an `astro preview` URL) on a free local port, with the probe in every HTML page. */
export async function startProbeProxy(upstream: string): Promise<ProbeProxy> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.url === PROBE_PATH) {
        response.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'no-store',
        });
        response.end(PROBE);
        return;
      }
      const answer = await fetch(new URL(request.url ?? '/', upstream), {
        method: request.method ?? 'GET',
        redirect: 'manual',
      });
      const headers = Object.fromEntries(
        [...answer.headers].filter(
          ([name]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(name),
        ),
      );
      let body = Buffer.from(await answer.arrayBuffer());
      if (answer.headers.get('content-type')?.startsWith('text/html')) {
        const html = body.toString('utf8');
        const head = /<head[^>]*>/iu.exec(html);
        if (head) {
          const at = head.index + head[0].length;
          const rest = html.slice(at);
          body = Buffer.from(`${html.slice(0, at)}<script src="${PROBE_PATH}"></script>${rest}`);
        }
      }
      response.writeHead(answer.status, headers);
      response.end(body);
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the probe proxy has no port');
  return {
    url: `http://127.0.0.1:${String(address.port)}/`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

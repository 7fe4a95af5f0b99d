/**
 * The freshness push on real builds: the previews fixture site, built with WEBSUB_HUB and INDEXNOW_KEY,
 * names the hub in every feed and serves the key file, and `npm run deploy:notify --dry-run` reads its
 * sitemap and feeds; the real dist/, built without them, names no hub and has no key file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_HUB, FIXTURE_KEY, fixtureSite } from '../helpers/preview-contract.ts';
import { startPreview, type Preview } from '../helpers/preview.ts';
import { DIST, ROOT } from '../helpers/project.ts';

const fixture = await fixtureSite();
const ATOM = 'http://www.w3.org/2005/Atom';

/** The hub each of a folder's three feeds names, as a feed reader finds it. */
async function hubsIn(folder: string): Promise<(string | undefined)[]> {
  const xmlHub = async (file: string) => {
    const document = new JSDOM(await readFile(join(folder, file), 'utf8'), { contentType: 'application/xml' })
      .window.document;
    return (
      [...document.getElementsByTagNameNS(ATOM, 'link')]
        .find((link) => link.getAttribute('rel') === 'hub')
        ?.getAttribute('href') ?? undefined
    );
  };
  const json = JSON.parse(await readFile(join(folder, 'feed.json'), 'utf8')) as { hubs?: { url: string }[] };
  return [await xmlHub('feed.xml'), await xmlHub('atom.xml'), json.hubs?.[0]?.url];
}

const feedFolders = (dist: string) => [
  dist,
  ...['authors', 'sources'].flatMap((section) =>
    readdirSync(join(dist, section)).map((name) => join(dist, section, name)),
  ),
];

describe('built with WEBSUB_HUB and INDEXNOW_KEY', () => {
  test('every feed, in every format, names the hub', async () => {
    for (const folder of feedFolders(fixture.dist)) {
      expect(await hubsIn(folder)).toEqual([FIXTURE_HUB, FIXTURE_HUB, FIXTURE_HUB]);
    }
  });

  // https://www.indexnow.org/documentation: the key in a UTF-8 text file at the root, named after it.
  describe('the key file, served by astro preview', () => {
    let server: Preview;
    beforeAll(async () => {
      server = await startPreview(fixture.root);
    });
    afterAll(async () => {
      await server.stop();
    });

    test('/<key>.txt answers 200, text/plain in UTF-8, with the key', async () => {
      const response = await fetch(new URL(`${FIXTURE_KEY}.txt`, server.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/u);
      expect(await response.text()).toBe(FIXTURE_KEY);
      expect(await readFile(join(fixture.dist, `${FIXTURE_KEY}.txt`), 'utf8')).toBe(FIXTURE_KEY);
    });
  });

  test('deploy:notify --dry-run would submit every sitemap URL and ping the hub for every feed', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts/deploy-notify.ts'),
        '--dry-run',
        '--dist',
        fixture.dist,
        '--state',
        join(fixture.root, 'none.json'),
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', INDEXNOW_KEY: FIXTURE_KEY } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [body] = [...run.stdout.matchAll(/^\{"host".*$/gmu)].map(
      (match) => JSON.parse(match[0]) as { urlList: string[]; keyLocation: string },
    );
    expect(body?.keyLocation).toBe(`${fixture.origin}${FIXTURE_KEY}.txt`);
    for (const page of fixture.articles)
      expect(body?.urlList).toContain(`${fixture.origin}${page.path.slice(1)}`);
    const pings = run.stdout.match(/^POST https:\/\/hub\.example\.net\/$/gmu) ?? [];
    expect(pings).toHaveLength(feedFolders(fixture.dist).length * 3);
  });
});

describe('built without them (the real dist/)', () => {
  test('no feed names a hub, and there is no key file', async () => {
    for (const folder of feedFolders(DIST))
      expect(await hubsIn(folder)).toEqual([undefined, undefined, undefined]);
    expect(
      readdirSync(DIST).filter(
        (name) => /^[A-Za-z0-9-]{8,128}\.txt$/u.test(name) && name !== 'permalinks.txt',
      ),
    ).toEqual([]);
    expect(existsSync(join(DIST, 'feed.xml'))).toBe(true);
  });
});

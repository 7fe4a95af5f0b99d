/** The pages a built site lists in its sitemap, as site paths. */
import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function sitemapPaths(dist: string): Promise<string[]> {
  const parser = new XMLParser();
  const read = async (path: string) =>
    parser.parse(await readFile(join(dist, path), 'utf8')) as Record<string, Record<string, unknown>>;
  const index = await read('sitemap-index.xml');
  const locs: string[] = [];
  for (const { loc } of [index.sitemapindex?.sitemap].flat() as { loc: string }[]) {
    const map = await read(new URL(loc).pathname);
    locs.push(...([map.urlset?.url].flat() as { loc: string }[]).map((url) => new URL(url.loc).pathname));
  }
  return locs;
}

/**
 * What a deployed `dist/` tells the search engines and the WebSub hub about
 * itself: each URL of its sitemaps with its `lastmod`, and each feed with its
 * self URL, its hub and a digest of its bytes. `npm run deploy:notify` compares
 * this with what it recorded at the last deploy (src/deploy/notify.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as linkedom from 'linkedom';
import { FEED_FILES, sitemapIndexPath } from '../lib/urls.ts';

export interface FeedState {
  /** The feed's own URL: the topic a WebSub hub pushes. */
  topic: string;
  /** The hub the feed names, if any. */
  hub?: string | undefined;
  /** sha256 of the file, so that an unchanged feed is not announced again. */
  digest: string;
}

export interface SiteState {
  /** Every URL of the sitemaps, with its lastmod ("" where the sitemap gives none). */
  urls: Map<string, string>;
  feeds: FeedState[];
}

// linkedom's own types leave its DOMParser untyped; it returns a standard Document.
const { DOMParser } = linkedom as unknown as {
  DOMParser: new () => { parseFromString: (text: string, type: 'text/xml') => Document };
};
const xml = (text: string): Document => new DOMParser().parseFromString(text, 'text/xml');

/** A file of `dist` by its absolute URL on the site. */
function fileOf(dist: string, url: string, what: string): string {
  const file = join(dist, decodeURIComponent(new URL(url).pathname));
  if (!existsSync(file)) throw new Error(`${what} ${url} is listed, but ${file} does not exist.`);
  return file;
}

/** The URLs of every sitemap that `sitemap-index.xml` lists, with their lastmod. */
export function sitemapUrls(dist: string): Map<string, string> {
  const index = join(dist, sitemapIndexPath());
  if (!existsSync(index)) throw new Error(`${index} does not exist: build the site before notifying.`);
  const urls = new Map<string, string>();
  for (const sitemap of xml(readFileSync(index, 'utf8')).getElementsByTagName('loc')) {
    const file = fileOf(dist, sitemap.textContent.trim(), 'The sitemap');
    for (const url of xml(readFileSync(file, 'utf8')).getElementsByTagName('url')) {
      const loc = url.getElementsByTagName('loc')[0]?.textContent.trim();
      if (loc) urls.set(loc, url.getElementsByTagName('lastmod')[0]?.textContent.trim() ?? '');
    }
  }
  return urls;
}

/** The feed's self URL and hub, read as each format writes them. */
function feedLinks(file: string, text: string): { topic: string | undefined; hub: string | undefined } {
  if (file.endsWith(FEED_FILES.json)) {
    const feed = JSON.parse(text) as { feed_url?: string; hubs?: { type?: string; url?: string }[] };
    return { topic: feed.feed_url, hub: feed.hubs?.find((hub) => hub.type === 'WebSub')?.url };
  }
  const document = xml(text);
  // RSS writes them as atom:link in the channel, Atom as link in the feed.
  const links = [...document.getElementsByTagName('atom:link'), ...document.getElementsByTagName('link')];
  const href = (rel: string) =>
    links.find((link) => link.getAttribute('rel') === rel)?.getAttribute('href') ?? undefined;
  return { topic: href('self'), hub: href('hub') };
}

/** The folders that hold feeds: the site's, each author's and each source's (src/syndication/feed-routes.ts). */
function feedFolders(dist: string): string[] {
  const folders = [dist];
  for (const section of ['authors', 'sources']) {
    const parent = join(dist, section);
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(join(parent, entry.name));
    }
  }
  return folders;
}

export function siteFeeds(dist: string): FeedState[] {
  const feeds: FeedState[] = [];
  for (const folder of feedFolders(dist)) {
    for (const name of Object.values(FEED_FILES)) {
      const file = join(folder, name);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      const { topic, hub } = feedLinks(file, text);
      if (!topic) throw new Error(`${file} names no self URL, so a hub could not be told about it.`);
      feeds.push({ topic, hub, digest: createHash('sha256').update(text).digest('hex') });
    }
  }
  return feeds;
}

export const readSiteState = (dist: string): SiteState => ({
  urls: sitemapUrls(dist),
  feeds: siteFeeds(dist),
});

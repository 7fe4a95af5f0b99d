/**
 * `npm run deploy:notify`: after a deploy, tells IndexNow which URLs changed
 * and the WebSub hub which feeds changed, comparing the deployed `dist/` with
 * the state file written by the last successful run.
 *
 * IndexNow: https://www.indexnow.org/documentation (JSON POST, at most 10,000
 * URLs a request, the key file at the site's root; 200 and 202 mean received).
 * WebSub: https://www.w3.org/TR/websub/#publishing leaves the publisher's
 * ping to the hub; hubs take the form POST `hub.mode=publish&hub.url=<topic>`
 * that PubSubHubbub 0.4 defined.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { absoluteUrl, indexNowKeyPath } from '../lib/urls.ts';
import type { SiteState } from './site-state.ts';

/** IndexNow's limit of URLs per request. */
export const INDEXNOW_BATCH = 10_000;
export const DEFAULT_INDEXNOW_ENDPOINT = 'https://api.indexnow.org/indexnow';

/** What the last successful run recorded. */
export interface NotifyState {
  version: 1;
  /** The site's origin: a state file of another site counts as none. */
  site: string;
  /** lastmod by URL ("" where the sitemap gives none). */
  urls: Record<string, string>;
  /** sha256 by feed URL. */
  feeds: Record<string, string>;
}

export interface NotifyRequest {
  service: 'IndexNow' | 'WebSub';
  url: string;
  contentType: string;
  body: string;
  /** For messages: "3 URLs", "https://…/feed.xml". */
  summary: string;
}

export interface NotifyPlan {
  changedUrls: string[];
  changedFeeds: string[];
  requests: NotifyRequest[];
  /** Written once every request has succeeded. */
  next: NotifyState;
  /** Why a service is not told anything, for the log. */
  skipped: string[];
}

export interface NotifyConfig {
  /** The IndexNow key; no IndexNow submission without one. */
  key?: string | undefined;
  endpoint: string;
}

/** The site's origin, from its sitemap's URLs; SITE_URL, when set, must agree. */
export function siteOrigin(state: SiteState, siteUrl: URL | undefined): URL {
  const [first] = state.urls.keys();
  if (first === undefined) throw new Error('The sitemap lists no URL: there is nothing to notify.');
  const origin = new URL(new URL(first).origin);
  if (siteUrl && siteUrl.origin !== origin.origin) {
    throw new Error(
      `dist/ was built for ${origin.href}, but SITE_URL is ${siteUrl.href}: notify with the SITE_URL the site was built with.`,
    );
  }
  return origin;
}

/** Reads the state file; none (a first run) when it does not exist. */
export function readNotifyState(file: string): NotifyState | undefined {
  if (!existsSync(file)) return undefined;
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `The state file ${file} is not JSON (${error instanceof Error ? error.message : String(error)}): delete it to notify every URL once.`,
    );
  }
  const valid =
    typeof state === 'object' &&
    state !== null &&
    'version' in state &&
    state.version === 1 &&
    'urls' in state &&
    'feeds' in state &&
    'site' in state;
  if (!valid)
    throw new Error(
      `The state file ${file} is not one deploy:notify wrote: delete it to notify every URL once.`,
    );
  return state as NotifyState;
}

export function writeNotifyState(file: string, state: NotifyState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}

/** The key file must be deployed before engines are told to fetch it. */
function checkKeyFile(dist: string, key: string): void {
  const file = join(dist, indexNowKeyPath(key));
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  if (text !== key) {
    throw new Error(
      `${file} ${text === undefined ? 'does not exist' : 'holds another key'}: build the site with the same INDEXNOW_KEY before notifying.`,
    );
  }
}

/** What to send: the URLs and feeds that changed since `previous`, in batches IndexNow accepts. */
export function planNotify(
  dist: string,
  current: SiteState,
  previous: NotifyState | undefined,
  origin: URL,
  config: NotifyConfig,
): NotifyPlan {
  const last = previous?.site === origin.href ? previous : undefined;
  const urls = Object.fromEntries(current.urls);
  const changedUrls = [...current.urls]
    .filter(([url, lastmod]) => last?.urls[url] !== lastmod)
    .map(([url]) => url);
  // A URL that left the sitemap is told too: engines then fetch it and find it gone or redirected.
  for (const url of Object.keys(last?.urls ?? {})) if (!current.urls.has(url)) changedUrls.push(url);
  const feeds = Object.fromEntries(current.feeds.map((feed) => [feed.topic, feed.digest]));
  const changed = current.feeds.filter((feed) => last?.feeds[feed.topic] !== feed.digest);

  const requests: NotifyRequest[] = [];
  const skipped: string[] = [];
  if (config.key === undefined) {
    skipped.push('IndexNow: INDEXNOW_KEY is not set.');
  } else if (changedUrls.length > 0) {
    checkKeyFile(dist, config.key);
    for (let start = 0; start < changedUrls.length; start += INDEXNOW_BATCH) {
      const urlList = changedUrls.slice(start, start + INDEXNOW_BATCH);
      requests.push({
        service: 'IndexNow',
        url: config.endpoint,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          host: origin.host,
          key: config.key,
          keyLocation: absoluteUrl(indexNowKeyPath(config.key), origin),
          urlList,
        }),
        summary: `${String(urlList.length)} URL${urlList.length === 1 ? '' : 's'}`,
      });
    }
  }
  if (!current.feeds.some((feed) => feed.hub !== undefined)) {
    skipped.push('WebSub: the feeds name no hub (build with WEBSUB_HUB to name one).');
  }
  for (const feed of changed) {
    if (feed.hub === undefined) continue;
    requests.push({
      service: 'WebSub',
      url: feed.hub,
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed.topic }).toString(),
      summary: feed.topic,
    });
  }
  return {
    changedUrls,
    changedFeeds: changed.map((feed) => feed.topic),
    requests,
    next: { version: 1, site: origin.href, urls, feeds },
    skipped,
  };
}

/** IndexNow answers 200 or 202 when it has the URLs; a hub, any 2xx. */
const accepted = (request: NotifyRequest, status: number) =>
  request.service === 'IndexNow' ? status === 200 || status === 202 : status >= 200 && status < 300;

/**
 * Sends every request, one after another; returns a message for each that
 * failed (an HTTP error or no answer), so that the caller can report them all.
 */
export async function sendPlan(
  plan: NotifyPlan,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 30_000,
): Promise<{ sent: string[]; failed: string[] }> {
  const sent: string[] = [];
  const failed: string[] = [];
  for (const request of plan.requests) {
    const what = `${request.service} (${request.summary}) at ${request.url}`;
    try {
      const response = await fetchImpl(request.url, {
        method: 'POST',
        headers: { 'Content-Type': request.contentType },
        body: request.body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = (await response.text()).trim().slice(0, 300);
      if (accepted(request, response.status)) sent.push(`${what}: ${String(response.status)}`);
      else
        failed.push(
          `${what} answered ${String(response.status)} ${response.statusText}${text ? `: ${text}` : ''}`,
        );
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      failed.push(
        `${what} could not be reached: ${error instanceof Error ? error.message : String(error)}${cause}`,
      );
    }
  }
  return { sent, failed };
}

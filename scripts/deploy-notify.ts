/**
 * `npm run deploy:notify`: run after a deploy of `dist/`. Tells IndexNow the
 * URLs whose lastmod changed since the last run, and the WebSub hub named in
 * the feeds which feeds changed (src/deploy/notify.ts). docs/deploying.md
 * describes the settings.
 *
 * Usage: node scripts/deploy-notify.ts [--dry-run] [--dist <folder>] [--state <file>]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDir } from '../src/build/cache-dir.ts';
import { indexNowKey } from '../src/deploy/indexnow-key.ts';
import {
  DEFAULT_INDEXNOW_ENDPOINT,
  planNotify,
  readNotifyState,
  sendPlan,
  siteOrigin,
  writeNotifyState,
} from '../src/deploy/notify.ts';
import { readSiteState } from '../src/deploy/site-state.ts';
import { resolveSiteUrl } from '../src/site.ts';

function endpoint(value: string | undefined): string {
  const raw = value?.trim() ? value.trim() : DEFAULT_INDEXNOW_ENDPOINT;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Reported below.
  }
  throw new Error(`INDEXNOW_ENDPOINT must be an absolute http or https URL, got "${raw}".`);
}

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
      state: { type: 'string' },
    },
  });
  const dist = resolve(values.dist);
  const stateFile = resolve(
    values.state ??
      (process.env.DEPLOY_NOTIFY_STATE?.trim()
        ? process.env.DEPLOY_NOTIFY_STATE.trim()
        : join(cacheDir(), 'deploy-notify.json')),
  );
  const config = { key: indexNowKey(), endpoint: endpoint(process.env.INDEXNOW_ENDPOINT) };
  const current = readSiteState(dist);
  const origin = siteOrigin(current, process.env.SITE_URL?.trim() ? resolveSiteUrl() : undefined);
  if (config.key === undefined && !current.feeds.some((feed) => feed.hub !== undefined)) {
    throw new Error(
      'Nothing to notify: set INDEXNOW_KEY (and build with it), or build with WEBSUB_HUB so that the feeds name a hub.',
    );
  }
  const previous = readNotifyState(stateFile);
  const plan = planNotify(dist, current, previous, origin, config);
  console.log(
    `${plural(plan.changedUrls.length, 'URL')} and ${plural(plan.changedFeeds.length, 'feed')} changed since ` +
      `${previous ? 'the last deploy' : `the first run (no state file at ${stateFile})`}.`,
  );
  for (const reason of plan.skipped) console.log(`Skipped ${reason}`);

  if (values['dry-run']) {
    for (const request of plan.requests) {
      console.log(
        `\nWould send to ${request.service}:\nPOST ${request.url}\nContent-Type: ${request.contentType}\n\n${request.body}`,
      );
    }
    console.log(`\nDry run: nothing sent, ${stateFile} left as it was.`);
    return 0;
  }
  const { sent, failed } = await sendPlan(plan);
  for (const line of sent) console.log(`Sent ${line}`);
  if (failed.length > 0) {
    for (const line of failed) console.error(`Failed: ${line}`);
    console.error(`${stateFile} left as it was: the next run sends these changes again.`);
    return 1;
  }
  writeNotifyState(stateFile, plan.next);
  console.log(`Recorded this deploy in ${stateFile}.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`deploy:notify: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

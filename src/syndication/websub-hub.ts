/**
 * The WebSub hub that the feeds name, from the `WEBSUB_HUB` environment
 * variable at build time; none by default. Subscribers that find a hub link in
 * a feed subscribe to the hub, which pushes the feed to them when
 * `npm run deploy:notify` tells it the feed changed.
 * https://www.w3.org/TR/websub/#discovery
 */
export function websubHub(value: string | undefined = process.env.WEBSUB_HUB): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `WEBSUB_HUB must be an absolute URL such as https://pubsubhubbub.appspot.com/, got "${raw}".`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`WEBSUB_HUB must use http or https, got "${raw}".`);
  }
  return url.href;
}

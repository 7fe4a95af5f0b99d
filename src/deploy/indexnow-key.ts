/**
 * The IndexNow key, from the `INDEXNOW_KEY` environment variable: the build
 * publishes it at `/<key>.txt` and `npm run deploy:notify` sends it with each
 * submission, so that search engines can check the submitter owns the site.
 * https://www.indexnow.org/documentation
 */

/** 8 to 128 characters: letters, digits and dashes (IndexNow's own rule). */
const KEY = /^[A-Za-z0-9-]{8,128}$/u;

/** Files the site already has at `/<name>.txt`. */
const TAKEN = new Set(['robots', 'llms', 'permalinks']);

export function indexNowKey(value: string | undefined = process.env.INDEXNOW_KEY): string | undefined {
  const key = value?.trim();
  if (!key) return undefined;
  if (!KEY.test(key)) {
    throw new Error(
      `INDEXNOW_KEY must be 8 to 128 letters, digits or dashes (https://www.indexnow.org/documentation), got "${key}".`,
    );
  }
  if (TAKEN.has(key)) throw new Error(`INDEXNOW_KEY "${key}" would replace the site's own /${key}.txt.`);
  return key;
}

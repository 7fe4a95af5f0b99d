/** Intl formatters made once per locale and options. */

/**
 * A formatter from `cache`, made by `make` the first time a key asks: making an
 * Intl formatter costs far more than using one, and a build formats dates by the hundred thousand.
 */
export function cached<Formatter>(
  cache: Map<string, Formatter>,
  key: string,
  make: () => Formatter,
): Formatter {
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

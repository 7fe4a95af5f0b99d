import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { FEED_FILES } from '../../../src/lib/urls.ts';

// Each feed format is one route file named as its feed, for every scope (src/syndication/feed-routes.ts):
// a format renamed in FEED_FILES and not in src/pages would link to feeds no route makes.
it('has one route a feed file, and none other, under src/pages/[...scope]/', async () => {
  const routes = await readdir(new URL('../../../src/pages/[...scope]/', import.meta.url));
  expect(routes.sort()).toEqual(
    Object.values(FEED_FILES)
      .map((file) => `${file}.ts`)
      .sort(),
  );
});

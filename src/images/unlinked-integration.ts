/**
 * Removes from the built site the images that nothing links (src/images/unlinked.ts),
 * once Astro has written every page and image.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readsText } from '../lib/text-files.ts';
import { assetImages, collectAssetLinks } from './unlinked.ts';

export function removeUnlinkedImages(): AstroIntegration {
  return {
    name: 'broadsheet:unlinked-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
        const images = assetImages(files);
        // Most builds have no body images: then there is nothing to read.
        if (images.length === 0) return;
        // One file at a time: the text of every page at once would not fit in memory for a large archive.
        const linked = new Set<string>();
        for (const file of files) {
          if (readsText(file)) collectAssetLinks(await readFile(join(root, file), 'utf8'), linked);
        }
        const unlinked = images.filter((file) => !linked.has(file));
        await Promise.all(unlinked.map((file) => rm(join(root, file))));
        if (unlinked.length > 0) {
          logger.info(
            `Removed ${String(unlinked.length)} image${unlinked.length === 1 ? '' : 's'} that no page links: ${unlinked.join(', ')}`,
          );
        }
      },
    },
  };
}

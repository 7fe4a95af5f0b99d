/**
 * Removes from the built site the images that nothing links (src/lib/unlinked-images.ts),
 * once Astro has written every page and image.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readsText } from '../lib/link-check.ts';
import { unlinkedImages } from '../lib/unlinked-images.ts';

export function removeUnlinkedImages(): AstroIntegration {
  return {
    name: 'broadsheet:unlinked-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = new Map<string, string>();
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const file = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
          files.set(file, readsText(file) ? await readFile(join(root, file), 'utf8') : '');
        }
        const unlinked = unlinkedImages(files);
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

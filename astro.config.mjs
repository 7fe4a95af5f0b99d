// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig, sharpImageService } from 'astro/config';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleDates } from './src/catalog/article-dates.ts';
import { lastmodByUrl, redirectUrls } from './src/syndication/sitemap.ts';
import { removeUnlinkedImages } from './src/images/unlinked-integration.ts';
import { CSP_DIRECTIVES, cspHash, THEME_INIT_SCRIPT } from './src/hosting/security.ts';
import { resolveSiteUrl } from './src/site.ts';
import { cacheDir } from './src/build/cache-dir.ts';
import { siteFiles } from './src/build/site-files-integration.ts';

const site = resolveSiteUrl();
const articlesDir = fileURLToPath(new URL('./content/articles/', import.meta.url));

/** @type {{ lastmods: Map<string, string>; redirects: Set<string> } | undefined} */
let known;

export default defineConfig({
  site: site.href,
  // One folder for every cache (BROADSHEET_CACHE_DIR, or .cache/broadsheet): rendered bodies in bodies/,
  // preview images in og/, Astro's content store (front matter) and incremental-build copies in astro/.
  // Keep it between builds.
  cacheDir: join(cacheDir(), 'astro'),
  experimental: {
    // Pages whose data (their cacheKey, src/build/cache-keys.ts) and code are unchanged are copied, not rendered.
    incrementalBuild: true,
  },
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages rendered eight at a time: each one's writes wait on the file system, and the others go on meanwhile.
    concurrency: 8,
    // One request for the first view: page CSS goes inline.
    inlineStylesheets: 'always',
  },
  security: {
    // Every page gets a <meta> policy with the hashes of what Astro bundles; see src/hosting/security.ts.
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { hashes: [cspHash(THEME_INIT_SCRIPT)] },
    },
  },
  // Two entries or routes with one URL stop the build instead of one silently winning.
  prerenderConflictBehavior: 'error',
  image: {
    // Body images (src/images/resolve.ts). At sharp's default AVIF effort (4), three sizes of a 720 px
    // photograph took 7.3 s on the 2-core CI machine; at effort 2, 0.55 s, for 82.2 KB instead of 82.5 KB.
    service: sharpImageService({ avif: { effort: 2 } }),
  },
  // No `markdown` options: Astro renders no Markdown here. Article bodies go through src/bodies/pipeline.ts,
  // on the articleBodies collection's workers; the articles collection only parses front matter.
  integrations: [
    // Preview images drawn on every core while the pages render, and Markdown copies, written straight
    // into the site rather than rendered as pages one at a time (src/build/site-files.ts).
    siteFiles(),
    sitemap({
      serialize(item) {
        if (!known) {
          const dates = readArticleDates(articlesDir);
          known = { lastmods: lastmodByUrl(dates, site), redirects: redirectUrls(dates, site) };
        }
        const { lastmods, redirects } = known;
        // Redirect pages are not content: leave them out.
        if (redirects.has(item.url)) return undefined;
        const lastmod = lastmods.get(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    // An image of content/articles/images/ that no published article shows must not be published.
    removeUnlinkedImages(),
  ],
});

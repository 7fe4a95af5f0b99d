// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { readArticleDates } from './src/data/article-dates.ts';
import { lastmodByUrl } from './src/lib/sitemap.ts';
import { markdownOptions } from './src/markdown/index.ts';
import { resolveSiteUrl } from './src/site.ts';

const site = resolveSiteUrl();
const articlesDir = fileURLToPath(new URL('./content/articles/', import.meta.url));

/** @type {Promise<Map<string, string>> | undefined} */
let lastmods;

export default defineConfig({
  site: site.href,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One request for the first view: page CSS goes inline.
    inlineStylesheets: 'always',
  },
  // Two entries or routes with one URL stop the build instead of one silently winning.
  prerenderConflictBehavior: 'error',
  markdown: {
    processor: unified(markdownOptions),
    // News has no code to colour, and Shiki's inline styles would not survive the sanitizer.
    syntaxHighlight: false,
  },
  integrations: [
    sitemap({
      async serialize(item) {
        lastmods ??= readArticleDates(articlesDir).then((dates) => lastmodByUrl(dates, site));
        const lastmod = (await lastmods).get(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
  ],
});

/**
 * Reads the dates in articles' front matter straight from disk, for the
 * sitemap integration, which runs outside Astro's content layer. By then the
 * build has validated every file, so values are trusted; files that the build
 * did not publish yield URLs that are not in the sitemap and are never looked up.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatedArticle } from '../syndication/sitemap.ts';

/** Synchronous reads: each asynchronous one waits for libuv's thread pool (src/build/write-whole.ts). */
export function readArticleDates(dir: string): DatedArticle[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort();
  const dates: DatedArticle[] = [];
  for (const file of files) {
    const { frontmatter } = parseFrontmatter(readFileSync(join(dir, file), 'utf8'));
    const { slug, published, updated, aliases } = frontmatter as Record<string, unknown>;
    if (typeof slug === 'string' && typeof published === 'string') {
      dates.push({
        slug,
        published,
        updated: typeof updated === 'string' ? updated : undefined,
        aliases: Array.isArray(aliases)
          ? aliases.filter((alias): alias is string => typeof alias === 'string')
          : [],
      });
    }
  }
  return dates;
}

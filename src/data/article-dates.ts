/**
 * Reads the dates in articles' front matter straight from disk, for the
 * sitemap integration, which runs outside Astro's content layer. By then the
 * build has validated every file, so values are trusted; files that the build
 * did not publish yield URLs that are not in the sitemap and are never looked up.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatedArticle } from '../lib/sitemap.ts';

export async function readArticleDates(dir: string): Promise<DatedArticle[]> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  const dates: DatedArticle[] = [];
  for (const file of files) {
    const { frontmatter } = parseFrontmatter(await readFile(join(dir, file), 'utf8'));
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

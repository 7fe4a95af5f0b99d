/**
 * Head tags a republished article carries for its source's terms and its
 * authors: the indexing policy as Google's crawler-specific robots tags, and
 * each author's fediverse handle. Kept apart from head.ts so each is one small
 * function of its own.
 */
import type { Indexing } from '../catalog/terms.ts';
import type { HeadTag } from './head.ts';

const meta = (name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { name, content } });

/**
 * `googlebot-news` noindex keeps a syndicated copy out of Google News and leaves it in Search;
 * `googlebot` noindex takes it out of Search too. Never `robots`: that would drop every search engine.
 * https://support.google.com/news/publisher-center/answer/9606800
 */
export function indexingTags(indexing: Indexing): HeadTag[] {
  switch (indexing) {
    case 'index':
      return [];
    case 'news-noindex':
      return [meta('googlebot-news', 'noindex')];
    case 'noindex-google':
      return [meta('googlebot-news', 'noindex'), meta('googlebot', 'noindex')];
  }
}

/**
 * One `fediverse:creator` per author with a handle: Mastodon (4.3 and later) shows the author's
 * profile under the link preview. https://github.com/mastodon/mastodon/pull/30398
 */
export const fediverseCreatorTags = (authors: readonly { fediverse?: string | undefined }[]): HeadTag[] =>
  authors.flatMap((author) => (author.fediverse ? [meta('fediverse:creator', author.fediverse)] : []));

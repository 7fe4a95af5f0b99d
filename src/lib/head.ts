/**
 * The <head> of every page as data: a list of tags, built and tested here and
 * rendered by a five-line component.
 */
import { site } from '../site.ts';
import { faviconPath } from './urls.ts';

export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

export interface PageMeta {
  /** The page's own title; the site name is added. Omit on the home page. */
  title?: string;
  description: string;
  /** Absolute canonical URL; omitted only for pages that must not be indexed. */
  canonical?: string;
  /** Keep this page out of search engines (404, redirects). */
  noindex?: boolean;
}

/** "Headline – Broadsheet", or just the site name. */
export const documentTitle = (title?: string): string => (title ? `${title} – ${site.name}` : site.name);

export function headTags(meta: PageMeta): HeadTag[] {
  const tags: HeadTag[] = [
    { tag: 'meta', attrs: { name: 'description', content: meta.description } },
    { tag: 'link', attrs: { rel: 'icon', href: faviconPath(), type: 'image/svg+xml' } },
  ];
  if (meta.canonical) tags.push({ tag: 'link', attrs: { rel: 'canonical', href: meta.canonical } });
  if (meta.noindex) tags.push({ tag: 'meta', attrs: { name: 'robots', content: 'noindex' } });
  return tags;
}

/**
 * The <head> of every page as data: a list of tags, built and tested here and
 * rendered by a five-line component.
 */
import { site } from '../site.ts';
import { faviconPath, feedPath } from '../lib/urls.ts';
import { themeColorTags } from './consumer-tags.ts';

export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

/** A preview image, with its size and a text alternative. */
export interface PreviewImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** Open Graph and X card data: what a link preview shows. */
export interface Preview {
  type: 'website' | 'article' | 'profile';
  /** Absolute canonical URL. */
  url: string;
  /** BCP 47 language of the page, written as an Open Graph locale ("en_GB"). */
  language: string;
  image?: PreviewImage;
  article?: {
    publishedTime: string;
    modifiedTime: string;
    /** Absolute URLs of the author pages. */
    authors: string[];
    section: string;
    tags: string[];
  };
}

/** Another version of the page: a feed, or the Markdown copy. */
export interface Alternate {
  type: string;
  href: string;
  title?: string;
}

export interface PageMeta {
  /** The page's own title; the site name is added. Omit on the home page. */
  title?: string;
  description: string;
  /** Absolute canonical URL; omitted only for pages that must not be indexed. */
  canonical?: string;
  /** Keep this page out of search engines (404, redirects). */
  noindex?: boolean;
  /** Robots directives for an indexed page, e.g. "max-image-preview:large". */
  robots?: string;
  preview?: Preview;
  alternates?: Alternate[];
  /** Tags for particular consumers (src/head/consumer-tags.ts), after the preview's. */
  extraTags?: HeadTag[];
  /** Tags made elsewhere (src/head/republishing.ts), after the robots tag. */
  extra?: HeadTag[];
}

/** Autodiscovery links for the feeds of the site (scope "/"), an author or a source. */
export const feedAlternates = (scope: string, name: string): Alternate[] => [
  { type: 'application/rss+xml', href: feedPath('rss', scope), title: `${name} (RSS)` },
  { type: 'application/atom+xml', href: feedPath('atom', scope), title: `${name} (Atom)` },
  { type: 'application/feed+json', href: feedPath('json', scope), title: `${name} (JSON Feed)` },
];

/** "en-GB" → "en_GB", the form Open Graph uses. */
export const ogLocale = (language: string): string => language.replace('-', '_');

function previewTags(preview: Preview, meta: PageMeta): HeadTag[] {
  const property = (name: string, content: string): HeadTag => ({
    tag: 'meta',
    attrs: { property: name, content },
  });
  const name = (key: string, content: string): HeadTag => ({ tag: 'meta', attrs: { name: key, content } });
  const tags = [
    property('og:site_name', site.name),
    property('og:type', preview.type),
    property('og:title', meta.title ?? site.name),
    property('og:description', meta.description),
    property('og:url', preview.url),
    property('og:locale', ogLocale(preview.language)),
  ];
  const { image, article } = preview;
  if (image) {
    tags.push(
      property('og:image', image.url),
      property('og:image:type', 'image/png'),
      property('og:image:width', String(image.width)),
      property('og:image:height', String(image.height)),
      property('og:image:alt', image.alt),
    );
  }
  if (article) {
    tags.push(
      property('article:published_time', article.publishedTime),
      property('article:modified_time', article.modifiedTime),
      ...article.authors.map((url) => property('article:author', url)),
      property('article:section', article.section),
      ...article.tags.map((tag) => property('article:tag', tag)),
    );
  }
  tags.push(name('twitter:card', image ? 'summary_large_image' : 'summary'));
  if (image) tags.push(name('twitter:image:alt', image.alt));
  return tags;
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
  else if (meta.robots) tags.push({ tag: 'meta', attrs: { name: 'robots', content: meta.robots } });
  tags.push(...(meta.extra ?? []));
  for (const { type, href, title } of meta.alternates ?? []) {
    tags.push({ tag: 'link', attrs: { rel: 'alternate', type, href, ...(title && { title }) } });
  }
  if (meta.preview) tags.push(...previewTags(meta.preview, meta));
  tags.push(...(meta.extraTags ?? []), ...themeColorTags());
  return tags;
}

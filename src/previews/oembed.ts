/**
 * An article's oEmbed document (https://oembed.com/), written as a static file
 * beside its page. Slack reads oEmbed before any meta tag, so the document says
 * what the tags say: type "link" (a page, not an embeddable player), the
 * title, the byline and the preview image.
 */
import { site } from '../site.ts';
import {
  absoluteUrl,
  articleImagePath,
  homePath,
  IMAGE_SHAPES,
  PREVIEW_SHAPE,
  type ArticleUrlParts,
} from '../lib/urls.ts';

export interface OembedLink {
  version: '1.0';
  type: 'link';
  title: string;
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

export interface OembedArticle extends ArticleUrlParts {
  title: string;
  authors: { name: string; path: string }[];
}

/** The document; `byline` is the authors' names as the page writes them. */
export function oembedDocument(article: OembedArticle, byline: string, origin: URL): OembedLink {
  const first = article.authors[0];
  if (!first) throw new Error(`oEmbed: the article "${article.title}" has no author.`);
  const { width, height } = IMAGE_SHAPES[PREVIEW_SHAPE];
  return {
    version: '1.0',
    type: 'link',
    title: article.title,
    author_name: byline,
    // oEmbed has one author URL: the first author's page.
    author_url: absoluteUrl(first.path, origin),
    provider_name: site.name,
    provider_url: absoluteUrl(homePath(), origin),
    thumbnail_url: absoluteUrl(articleImagePath(article), origin),
    thumbnail_width: width,
    thumbnail_height: height,
  };
}

export const oembedJson = (document: OembedLink): string => `${JSON.stringify(document, null, 2)}\n`;

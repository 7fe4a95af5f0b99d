/**
 * Everything an article page says about itself to machines: head tags for
 * link previews and search engines, and its structured data. Computed once
 * here, rendered by the layout.
 */
import { site } from '../site.ts';
import type { PageMeta } from './head.ts';
import type { Indexing } from '../catalog/terms.ts';
import { fediverseCreatorTags, indexingTags } from './republishing.ts';
import { breadcrumbs, newsArticle, type ArticleFacts, type JsonLd } from './structured-data.ts';
import { readerLabels, xCardText } from './consumer-tags.ts';
import { readingTimeLabel } from '../bodies/reading-time.ts';
import { bylineText } from '../catalog/byline.ts';
import {
  absoluteUrl,
  articleImagePath,
  articleMarkdownPath,
  articleOembedPath,
  homePath,
  IMAGE_SHAPES,
  PREVIEW_SHAPE,
} from '../lib/urls.ts';

export interface ArticleHeadInput extends Omit<ArticleFacts, 'canonical'> {
  path: string;
  /** The cross-domain canonical that the source's terms require, if any. */
  canonicalUrl?: string | undefined;
  /** Whole minutes to read; 0 for a body without words. */
  readingMinutes?: number;
  indexing: Indexing;
  authors: (ArticleFacts['authors'][number] & { fediverse?: string | undefined })[];
}

export function articleHead(article: ArticleHeadInput, origin: URL): { meta: PageMeta; jsonLd: JsonLd[] } {
  const canonical = article.canonicalUrl ?? absoluteUrl(article.path, origin);
  const byline = article.authors.map((author) => author.name).join(', ');
  const meta: PageMeta = {
    title: article.title,
    description: article.dek,
    canonical,
    // Lets search engines show the large preview image.
    robots: 'max-image-preview:large',
    extra: [...indexingTags(article.indexing), ...fediverseCreatorTags(article.authors)],
    alternates: [
      { type: 'text/markdown', href: articleMarkdownPath(article), title: 'This article in Markdown' },
      // Absolute, as in the discovery examples of the oEmbed spec (https://oembed.com/, section 4).
      {
        type: 'application/json+oembed',
        href: absoluteUrl(articleOembedPath(article), origin),
        title: article.title,
      },
    ],
    extraTags: [
      ...(article.readingMinutes
        ? readerLabels(
            bylineText(
              article.authors.map((author) => author.name),
              site.dateLocale,
            ),
            readingTimeLabel(article.readingMinutes),
          )
        : []),
      ...xCardText(article.title, article.dek),
    ],
    preview: {
      type: 'article',
      url: canonical,
      language: article.language,
      image: {
        url: absoluteUrl(articleImagePath(article), origin),
        ...IMAGE_SHAPES[PREVIEW_SHAPE],
        alt: `${article.title}: ${article.formatLabel.toLowerCase()} by ${byline}, from ${article.source.name}, on ${site.name}`,
      },
      article: {
        publishedTime: article.published.text,
        modifiedTime: (article.updated ?? article.published).text,
        authors: article.authors.map((author) => absoluteUrl(author.path, origin)),
        section: article.formatLabel,
        tags: article.topics,
      },
    },
  };
  const jsonLd = [
    newsArticle({ ...article, canonical }, origin),
    breadcrumbs([
      { name: site.name, url: absoluteUrl(homePath(), origin) },
      { name: article.source.name, url: absoluteUrl(article.source.path, origin) },
      { name: article.title, url: canonical },
    ]),
  ];
  return { meta, jsonLd };
}

/**
 * The preview images of an article (Open Graph, and the three shapes that
 * structured data offers) and the publisher logo: what they show, and their
 * PNG, laid out by og-layout.ts and drawn by og-draw.ts. No file system
 * beyond the fonts; caching is og-cache.ts's.
 */
import { createRequire } from 'node:module';
import { site } from '../site.ts';
import { bylineText } from '../catalog/byline.ts';
import { displayDate, type ZonedDateTime } from '../lib/dates.ts';
import { createPainter, type Painter } from './draw.ts';
import { fontsFor, type FontFace } from './fonts.ts';
import type { CardTexts } from './layout.ts';
import { articleImagePath, IMAGE_SHAPES, type ArticleUrlParts, type ImageShape } from '../lib/urls.ts';

export { LOGO_SIZE } from './layout.ts';

/** Everything an article's image shows, as display text. */
export interface ArticleCard {
  headline: string;
  /** The byline as a reader sees it: "Irina Alksnis and Anna Smith". */
  authors: string;
  source: string;
  /** The publication date as shown on the page: "6 January 2022". */
  date: string;
  siteName: string;
  /** "Opinion", "News" or "Analysis". */
  formatLabel: string;
  /** BCP 47 tag of the headline. */
  language: string;
}

/** Bump when the drawing changes; with the libraries' versions and the shapes it is part of every cache key. */
const LAYOUT_VERSION = 3;
const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
export const RENDERER_VERSION = `og-image/${String(LAYOUT_VERSION)} canvaskit/${versionOf('canvaskit-wasm')} ${JSON.stringify(IMAGE_SHAPES)}`;

/** The card of a catalogue article. */
export function articleCard(article: {
  title: string;
  authors: readonly { name: string }[];
  source: { name: string };
  published: ZonedDateTime;
  formatLabel: string;
  language: string;
}): ArticleCard {
  return {
    headline: article.title,
    authors: bylineText(
      article.authors.map((author) => author.name),
      site.dateLocale,
    ),
    source: article.source.name,
    date: displayDate(article.published, site.dateLocale),
    siteName: site.name,
    formatLabel: article.formatLabel,
    language: article.language,
  };
}

/** Route parameters of `src/pages/og/[year]/[month]/[day]/[image].png.ts`, cut from the one URL rule. */
export function articleImageParams(parts: ArticleUrlParts, shape: ImageShape) {
  const m = /^\/og\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\.png$/u.exec(articleImagePath(parts, shape));
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) throw new Error(`Unexpected image path for ${parts.slug}`);
  return { year: m[1], month: m[2], day: m[3], image: m[4] };
}

const SEPARATOR = ' · ';

/** The texts of the card, as drawn. */
export const cardTexts = (card: ArticleCard): CardTexts => ({
  siteName: card.siteName,
  kicker: card.formatLabel.toLocaleUpperCase(card.language),
  byline: card.authors,
  meta: `${card.source}${SEPARATOR}${card.date}`,
});

/** Every character the image draws, for choosing fonts. */
export function cardText(card: ArticleCard): string {
  const { siteName, kicker, byline, meta } = cardTexts(card);
  return [siteName, kicker, byline, meta, card.headline, '…'].join('\n');
}
/** This thread's painter, made on first use (it loads Skia and the fonts). */
let painter: Promise<Painter> | undefined;
const paint = (): Promise<Painter> => (painter ??= createPainter());

/**
 * An article's preview image in one shape, as PNG. `faces` are the fonts to
 * draw with (by default those that cover the card); `label` names the article
 * in the error thrown when no installed font covers some of its text.
 */
export async function renderArticleImage(
  card: ArticleCard,
  shape: ImageShape,
  { label = card.headline, faces }: { label?: string; faces?: readonly FontFace[] } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const chosen = faces ?? fontsFor(cardText(card), label, card.language);
  return (await paint()).article(
    { ...cardTexts(card), headline: card.headline, language: card.language },
    shape,
    chosen,
  );
}

/** The fonts of the logo: those that cover the site's name. */
export const logoFonts = (name: string = site.name): FontFace[] =>
  fontsFor(name, 'The site name (src/site.ts)', site.language);

/** The site's name as a wordmark, 600×60, for JSON-LD `publisher.logo`. */
export async function renderLogo(
  name: string = site.name,
  faces: readonly FontFace[] = logoFonts(name),
): Promise<Uint8Array<ArrayBuffer>> {
  return (await paint()).logo(name, site.language, faces);
}

/**
 * The preview images of an article (Open Graph, and the three shapes that
 * structured data offers) and the publisher logo: laid out with satori, drawn
 * to PNG with resvg. No file system beyond the fonts; caching is og-cache.ts's.
 */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { site } from '../site.ts';
import { bylineText } from './byline.ts';
import { displayDate, type ZonedDateTime } from './dates.ts';
import { fontFamilyOf, fontsFor, loadFonts, type FontFace } from './og-fonts.ts';
import { articleImagePath, IMAGE_SHAPES, type ArticleUrlParts, type ImageShape } from './urls.ts';

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

/** Bump when the drawing changes; with the libraries' versions it is part of every cache key. */
const LAYOUT_VERSION = 2;
const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
export const RENDERER_VERSION = `og-image/${String(LAYOUT_VERSION)} satori/${versionOf('satori')} resvg/${versionOf('@resvg/resvg-js')} sharp/${sharp.versions.sharp} libvips/${sharp.versions.vips}`;

/** The site's light colours (src/styles/global.css). */
const COLOURS = { text: '#1b1b1b', muted: '#555555', paper: '#fdfcf9', rule: '#ddd8cf' } as const;

/** The size of the logo that JSON-LD `publisher.logo` declares (src/lib/structured-data.ts). */
export const LOGO_SIZE = { width: 600, height: 60 } as const;

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

// Layout, in pixels. Every shape is 1200 wide; only the headline's room and size change with the height.
const PAD_X = 72;
const TOP_BAR = 8;
const SITE_SIZE = 34;
const HEADER = SITE_SIZE + 18 + 2; // name, gap, rule
const KICKER_SIZE = 22;
const KICKER = 36 + KICKER_SIZE + 18; // gap, label, gap
const BYLINE_SIZE = 28;
const META_SIZE = 24;
const LINE = 1.25;
const FOOTER = 24 + 2 + 20 + Math.ceil(BYLINE_SIZE * LINE) + 4 + Math.ceil(META_SIZE * LINE);
const HEADLINE_LINE = 1.15;
const HEADLINE_SIZES: Record<ImageShape, { max: number; min: number }> = {
  og: { max: 72, min: 38 },
  '16x9': { max: 76, min: 40 },
  '4x3': { max: 100, min: 44 },
  '1x1': { max: 120, min: 48 },
};

const padY = (height: number) => Math.round(height * 0.075);

/** Room for the headline in a shape, in pixels. */
export function headlineBox(shape: ImageShape): { width: number; height: number } {
  const { width, height } = IMAGE_SHAPES[shape];
  return {
    width: width - 2 * PAD_X,
    height: height - TOP_BAR - 2 * padY(height) - HEADER - KICKER - FOOTER,
  };
}

/**
 * Advance widths of Noto Serif Bold, in em, by kind of character: close enough
 * to wrap a headline in advance. A headline that still runs long is cut with
 * an ellipsis (`lineClamp`), never drawn past its box.
 */
function advance(char: string): number {
  if (char === ' ') return 0.26;
  if (/[.,:;'’‘!|()[\]ijlft-]/u.test(char)) return 0.34;
  if (/[mwMW]/u.test(char)) return 0.9;
  if (/\p{Lu}/u.test(char)) return 0.72;
  if (/\p{Ll}|\p{N}/u.test(char)) return 0.58;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char)) return 1;
  return 0.62;
}

/** How many lines the text takes at `size` in `width`, wrapping greedily at spaces. */
export function estimateLines(text: string, size: number, width: number): number {
  const space = advance(' ') * size;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    let w = 0;
    for (const char of word) w += advance(char) * size;
    if (used === 0) used = w;
    else if (used + space + w <= width) used += space + w;
    else {
      lines += 1;
      used = w;
    }
    // A word wider than the line is broken across lines.
    for (; used > width; used -= width) lines += 1;
  }
  return lines;
}

/**
 * The largest headline size that fits the shape, the lines it is expected to
 * take, and the most lines there is room for (where a longer one is cut).
 */
export function headlineFit(
  headline: string,
  shape: ImageShape,
): { size: number; lines: number; maxLines: number } {
  const box = headlineBox(shape);
  const { max, min } = HEADLINE_SIZES[shape];
  const maxLinesAt = (size: number) => Math.max(1, Math.floor(box.height / (size * HEADLINE_LINE)));
  // The estimate is within 5% of the real widths; wrap against a line 5% shorter.
  const lines = (size: number) => estimateLines(headline, size, box.width * 0.95);
  for (let size = max; size > min; size -= 2) {
    if (lines(size) <= maxLinesAt(size)) return { size, lines: lines(size), maxLines: maxLinesAt(size) };
  }
  return { size: min, lines: lines(min), maxLines: maxLinesAt(min) };
}

/** A satori element: the shape of a React element, without React. */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; lang?: string; children?: string | Node | Node[] };
}

const el = (style: Record<string, string | number>, children?: string | Node | Node[]): Node => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

/**
 * Clipping text (satori's `lineClamp` with `overflow: hidden`) turns into SVG
 * masks that cost resvg as much again as the rest of the picture, so text is
 * clipped only when the width estimate says it may not fit.
 */
const clampTo = (lines: number, mayOverflow: boolean) =>
  mayOverflow ? { lineClamp: lines, overflow: 'hidden' } : {};

/** One line of text, cut with an ellipsis if it runs long. */
const line = (size: number, weight: number, colour: string, text: string): Node =>
  el(
    {
      display: 'block',
      fontSize: size,
      fontWeight: weight,
      lineHeight: LINE,
      color: colour,
      // A 10% margin on the estimate: a line that is close is clipped to be safe.
      ...clampTo(1, estimateLines(text, size, (IMAGE_SHAPES.og.width - 2 * PAD_X) * 0.9) > 1),
    },
    text,
  );

/** A horizontal rule: a filled box, which draws without the masks that a CSS border becomes. */
const rule = (height: number, colour: string, style: Record<string, string | number> = {}): Node =>
  el({ display: 'flex', flexShrink: 0, height, backgroundColor: colour, ...style });

const kickerText = (card: ArticleCard) => card.formatLabel.toLocaleUpperCase(card.language);
const SEPARATOR = ' · ';

/** Every character the image draws, for choosing fonts. */
export const cardText = (card: ArticleCard): string =>
  [card.siteName, kickerText(card), card.headline, card.authors, card.source, SEPARATOR, card.date, '…'].join(
    '\n',
  );

function articleNode(card: ArticleCard, shape: ImageShape): Node {
  const { width, height } = IMAGE_SHAPES[shape];
  const fit = headlineFit(card.headline, shape);
  return {
    type: 'div',
    props: {
      lang: card.language,
      style: {
        display: 'flex',
        flexDirection: 'column',
        boxSizing: 'border-box',
        width,
        height,
        backgroundColor: COLOURS.paper,
        color: COLOURS.text,
        padding: `0 ${String(PAD_X)}px ${String(padY(height))}px`,
      },
      children: [
        // The bar across the top, full width: the padding is given back on both sides.
        rule(TOP_BAR, COLOURS.text, { margin: `0 -${String(PAD_X)}px ${String(padY(height))}px` }),
        el(
          {
            display: 'flex',
            fontSize: SITE_SIZE,
            fontWeight: 700,
            lineHeight: 1,
            paddingBottom: 18,
          },
          card.siteName,
        ),
        rule(2, COLOURS.rule),
        el(
          {
            display: 'flex',
            marginTop: 36,
            marginBottom: 18,
            fontSize: KICKER_SIZE,
            fontWeight: 700,
            lineHeight: 1,
            letterSpacing: '0.08em',
            color: COLOURS.muted,
          },
          kickerText(card),
        ),
        el(
          {
            display: 'block',
            flexGrow: 1,
            flexShrink: 1,
            fontSize: fit.size,
            fontWeight: 700,
            lineHeight: HEADLINE_LINE,
            // Clipped only when it is expected to run past its room. The estimate is within 5% of the real
            // widths and wraps against a line 5% short, so it never expects fewer lines than are drawn.
            ...clampTo(fit.maxLines, fit.lines > fit.maxLines),
            // Balanced lines, as on the page; not for a headline that will be cut, whose lines would be too short.
            textWrap: fit.lines < fit.maxLines ? 'balance' : 'wrap',
          },
          card.headline,
        ),
        rule(2, COLOURS.rule, { marginTop: 24 }),
        el(
          {
            display: 'flex',
            flexDirection: 'column',
            flexShrink: 0,
            paddingTop: 20,
          },
          [
            line(BYLINE_SIZE, 400, COLOURS.text, card.authors),
            el({ display: 'flex', height: 4 }),
            line(META_SIZE, 400, COLOURS.muted, `${card.source}${SEPARATOR}${card.date}`),
          ],
        ),
      ],
    },
  };
}

/** Draws a satori element to a PNG of exactly `width`×`height`. */
async function draw(
  node: Node,
  size: { width: number; height: number },
  faces: readonly FontFace[],
): Promise<Uint8Array<ArrayBuffer>> {
  const style = { ...node.props.style, fontFamily: fontFamilyOf(faces) };
  const svg = await satori(
    { ...node, props: { ...node.props, style } },
    { ...size, fonts: loadFonts(faces) },
  );
  // Text is already paths: resvg needs no fonts of its own.
  const pixels = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  // The cards are opaque, so RGB. zlib level 3 encodes in a third of the time of resvg's own PNG
  // encoder (level 6), for files about a fifth larger: still far under the 300 KB that previews allow.
  const png = await sharp(pixels.pixels, { raw: { width: pixels.width, height: pixels.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 3 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

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
  return draw(
    articleNode(card, shape),
    IMAGE_SHAPES[shape],
    faces ?? fontsFor(cardText(card), label, card.language),
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
  const node = el(
    {
      display: 'flex',
      alignItems: 'center',
      boxSizing: 'border-box',
      ...LOGO_SIZE,
      padding: '0 6px',
      backgroundColor: COLOURS.paper,
      color: COLOURS.text,
      fontSize: 46,
      fontWeight: 700,
      lineHeight: 1,
    },
    name,
  );
  return draw(node, LOGO_SIZE, faces);
}

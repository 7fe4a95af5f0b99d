/**
 * Where everything on a preview image goes, in design pixels: a card 1200
 * wide with the site's name, the kind of piece, the headline as large as its
 * room allows, and the byline and source at the foot. Pure: the headline's
 * words come measured (src/previews/draw.ts measures them with the real fonts),
 * and the result is a list of rectangles and lines of text to draw.
 *
 * Shapes narrower than 1200 are this design scaled down, so every shape has
 * the same proportions of type and margin.
 */
import { IMAGE_SHAPES, type ImageShape } from '../lib/urls.ts';

/** The width every shape is designed at. */
export const DESIGN_WIDTH = 1200;

/** What is drawn in: paper is the background, the rest are inks on it. */
export type Ink = 'text' | 'muted' | 'rule';

export interface TextStyle {
  size: number;
  weight: 400 | 700;
  /** Line height as a multiple of the size; the text sits in the middle of its line. */
  lineHeight: number;
  /** In pixels. */
  letterSpacing: number;
}

/** What every draw op has: whether it is the same on every article's image of a shape. */
interface OpBase {
  /** Drawn alike on every card of the shape (the site's name, the bars): a painter may draw it once. */
  fixed?: boolean;
}

export interface TextOp extends TextStyle, OpBase {
  kind: 'text';
  text: string;
  ink: Ink;
  /** The top left of the first line box. */
  x: number;
  y: number;
  /** The room for each line. */
  width: number;
  /** Lines the text may wrap to (1: one line); what runs past the last is cut with an ellipsis. */
  maxLines: number;
}

export interface RectOp extends OpBase {
  kind: 'rect';
  ink: Ink;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type DrawOp = TextOp | RectOp;

/** A word of the headline, measured at {@link MEASURE_SIZE} in the headline's style. */
export interface MeasuredWord {
  text: string;
  /** Width of the word itself. */
  width: number;
  /** Width of the space after it (0 after the last word). */
  space: number;
}

/** The size words are measured at; widths scale with the size (no hinting). */
export const MEASURE_SIZE = 100;

// Layout, in design pixels. Only the headline's room and size change with the height.
const PAD_X = 72;
const TOP_BAR = 8;
const SITE: TextStyle = { size: 34, weight: 700, lineHeight: 1, letterSpacing: 0 };
const SITE_GAP = 18;
const RULE = 2;
const KICKER: TextStyle = { size: 22, weight: 700, lineHeight: 1, letterSpacing: 22 * 0.08 };
const KICKER_BEFORE = 36;
const KICKER_AFTER = 18;
const BYLINE: TextStyle = { size: 28, weight: 400, lineHeight: 1.25, letterSpacing: 0 };
const META: TextStyle = { size: 24, weight: 400, lineHeight: 1.25, letterSpacing: 0 };
const FOOT_RULE_BEFORE = 24;
const FOOT_BEFORE = 20;
const FOOT_GAP = 4;
export const HEADLINE_LINE = 1.15;
/** The largest and smallest headline sizes of each shape, in steps of 2. */
export const HEADLINE_SIZES: Record<ImageShape, { max: number; min: number }> = {
  '16x9': { max: 76, min: 40 },
  '4x3': { max: 100, min: 44 },
  '1x1': { max: 120, min: 48 },
};

const lineBox = (style: TextStyle) => Math.ceil(style.size * style.lineHeight);
const FOOTER = FOOT_RULE_BEFORE + RULE + FOOT_BEFORE + lineBox(BYLINE) + FOOT_GAP + lineBox(META);

/** The shape's size in design pixels: its width is {@link DESIGN_WIDTH}. */
export function designSize(shape: ImageShape): { width: number; height: number; scale: number } {
  const { width, height } = IMAGE_SHAPES[shape];
  const scale = width / DESIGN_WIDTH;
  return { width: DESIGN_WIDTH, height: Math.round(height / scale), scale };
}

const padY = (height: number) => Math.round(height * 0.075);

/** The headline's room in a shape: its top left corner and size, in design pixels. */
export function headlineBox(shape: ImageShape): { x: number; y: number; width: number; height: number } {
  const { width, height } = designSize(shape);
  const y = TOP_BAR + padY(height) + SITE.size + SITE_GAP + RULE + KICKER_BEFORE + KICKER.size + KICKER_AFTER;
  return {
    x: PAD_X,
    y,
    width: width - 2 * PAD_X,
    height: height - padY(height) - FOOTER - y,
  };
}

/** Lines of words, greedily: as many words on each line as fit in `width`. */
export function wrapWords(words: readonly MeasuredWord[], scale: number, width: number): MeasuredWord[][] {
  const lines: MeasuredWord[][] = [];
  let line: MeasuredWord[] = [];
  let used = 0;
  for (const word of words) {
    const previous = line[line.length - 1];
    const added = (previous ? previous.space : 0) + word.width;
    if (previous && (used + added) * scale > width) {
      lines.push(line);
      line = [word];
      used = word.width;
    } else {
      line.push(word);
      used += added;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** The narrowest width, to a pixel, at which the words still take `lines` lines: balanced lines, as on the page. */
export function balancedWidth(words: readonly MeasuredWord[], scale: number, width: number): number {
  const lines = wrapWords(words, scale, width).length;
  if (lines < 2) return width;
  let low = width / lines;
  let high = width;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (wrapWords(words, scale, middle).length > lines) low = middle;
    else high = middle;
  }
  return Math.ceil(high);
}

/** The headline, broken into lines here, or (`wrap`) left to the drawing to break. */
export type HeadlineLayout =
  | {
      wrap: false;
      size: number;
      /** The text of each line; the last holds the rest of the headline when it has to be cut. */
      lines: string[];
    }
  | {
      wrap: true;
      size: number;
      text: string;
      /** Lines there is room for at this size. */
      maxLines: number;
    };

const joinWords = (words: readonly MeasuredWord[]): string => words.map((word) => word.text).join(' ');

/** Lines of headline there is room for at `size`. */
export const maxLinesAt = (shape: ImageShape, size: number): number =>
  Math.max(1, Math.floor(headlineBox(shape).height / (size * HEADLINE_LINE)));

/**
 * The largest size of the shape's range, in steps of 2, at which `fits`, or
 * the smallest. Larger type takes more lines and has room for fewer, so the
 * sizes that fit are the smaller ones, and the largest is found by halving.
 */
export function largestFitting(shape: ImageShape, fits: (size: number) => boolean): number {
  const { max, min } = HEADLINE_SIZES[shape];
  let low = 0;
  let high = Math.floor((max - min) / 2);
  if (!fits(max - 2 * high)) return max - 2 * high;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fits(max - 2 * middle)) high = middle;
    else low = middle + 1;
  }
  return max - 2 * low;
}

/**
 * The largest size of the shape's range at which the headline fits its room,
 * in balanced lines; at the smallest size, as many lines as there is room for,
 * the last holding the rest of the text to be cut.
 */
export function fitHeadline(words: readonly MeasuredWord[], shape: ImageShape): HeadlineLayout {
  const box = headlineBox(shape);
  const linesAt = (size: number) => wrapWords(words, size / MEASURE_SIZE, box.width);
  const size = largestFitting(
    shape,
    (candidate) => linesAt(candidate).length <= maxLinesAt(shape, candidate),
  );
  const scale = size / MEASURE_SIZE;
  const maxLines = maxLinesAt(shape, size);
  const greedy = linesAt(size);
  if (greedy.length > maxLines) {
    const kept = greedy.slice(0, maxLines - 1).map(joinWords);
    return { wrap: false, size, lines: [...kept, joinWords(greedy.slice(maxLines - 1).flat())] };
  }
  // Balanced, unless it fills every line it has room for: then balancing would leave short lines.
  const lines =
    greedy.length < maxLines ? wrapWords(words, scale, balancedWidth(words, scale, box.width)) : greedy;
  return { wrap: false, size, lines: lines.map(joinWords) };
}

/** Whether a word of the headline is wider than its room even at the smallest size: then Skia breaks it. */
export const needsBreaking = (words: readonly MeasuredWord[], shape: ImageShape): boolean =>
  words.some((word) => (word.width * HEADLINE_SIZES[shape].min) / MEASURE_SIZE > headlineBox(shape).width);

/** The card's texts, as drawn. */
export interface CardTexts {
  siteName: string;
  /** The kind of piece, in capitals. */
  kicker: string;
  byline: string;
  /** The source and the date, with their separator. */
  meta: string;
}

/** Everything to draw on a shape, in design pixels, in order. */
export function cardOps(texts: CardTexts, headline: HeadlineLayout, shape: ImageShape): DrawOp[] {
  const { width, height } = designSize(shape);
  const inner = width - 2 * PAD_X;
  const top = TOP_BAR + padY(height);
  const box = headlineBox(shape);
  const headlineStyle: TextStyle = {
    size: headline.size,
    weight: 700,
    lineHeight: HEADLINE_LINE,
    letterSpacing: 0,
  };
  const footRule = height - padY(height) - FOOTER + FOOT_RULE_BEFORE;
  const byline = footRule + RULE + FOOT_BEFORE;
  const meta = byline + lineBox(BYLINE) + FOOT_GAP;
  const text = (value: string, style: TextStyle, ink: Ink, y: number, maxLines = 1): TextOp => ({
    kind: 'text',
    text: value,
    ink,
    x: PAD_X,
    y,
    width: inner,
    maxLines,
    ...style,
  });
  return [
    { kind: 'rect', ink: 'text', x: 0, y: 0, width, height: TOP_BAR, fixed: true },
    { ...text(texts.siteName, SITE, 'text', top), fixed: true },
    {
      kind: 'rect',
      ink: 'rule',
      x: PAD_X,
      y: top + SITE.size + SITE_GAP,
      width: inner,
      height: RULE,
      fixed: true,
    },
    text(texts.kicker, KICKER, 'muted', box.y - KICKER_AFTER - KICKER.size),
    ...(headline.wrap
      ? [text(headline.text, headlineStyle, 'text', box.y, headline.maxLines)]
      : headline.lines.map((line, i) =>
          text(line, headlineStyle, 'text', box.y + Math.round(i * headline.size * HEADLINE_LINE)),
        )),
    { kind: 'rect', ink: 'rule', x: PAD_X, y: footRule, width: inner, height: RULE, fixed: true },
    text(texts.byline, BYLINE, 'text', byline),
    text(texts.meta, META, 'muted', meta),
  ];
}

/**
 * The rows an op may paint, in design pixels, top inclusive and bottom
 * exclusive: a text's lines and what its glyphs reach past them (Noto Serif's
 * ascenders and descenders take 1.36 em, more than a line of 1.15).
 */
export function opRows(op: DrawOp): [number, number] {
  if (op.kind === 'rect') return [op.y, op.y + op.height];
  const overhang = op.size * 0.25;
  return [op.y - overhang, op.y + op.maxLines * op.size * op.lineHeight + overhang];
}

/** The logo: the site's name on paper, 600×60. */
export const LOGO_SIZE = { width: 600, height: 60 } as const;
const LOGO: TextStyle = { size: 46, weight: 700, lineHeight: 1, letterSpacing: 0 };

export const logoOps = (name: string): DrawOp[] => [
  {
    kind: 'text',
    text: name,
    ink: 'text',
    x: 6,
    y: (LOGO_SIZE.height - LOGO.size) / 2,
    width: LOGO_SIZE.width - 12,
    maxLines: 1,
    ...LOGO,
  },
];

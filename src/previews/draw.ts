/**
 * Draws preview images with Skia (CanvasKit, its WebAssembly build): text
 * shaped by HarfBuzz in the @fontsource fonts (src/previews/fonts.ts), laid out
 * by og-layout.ts, written as one-byte-a-pixel PNG (png.ts).
 *
 * Everything is drawn as ink of some darkness on a transparent surface, and
 * only the coverage (alpha) is read back: with a palette running from paper
 * to ink it is the picture itself, and Skia writes it straight into the rows
 * the PNG encoder compresses. About 3 ms a 1200×630 image on the CI machine,
 * against 28 ms for satori and resvg.
 */
import CanvasKitInit, {
  type Canvas,
  type FontCollection,
  type MallocObj,
  type Paragraph,
  type Surface,
} from 'canvaskit-wasm';
import { readFileSync } from 'node:fs';
import { installedFaces, type FontFace } from './fonts.ts';
import {
  cardOps,
  designSize,
  fitHeadline,
  HEADLINE_LINE,
  headlineBox,
  largestFitting,
  LOGO_SIZE,
  logoOps,
  maxLinesAt,
  MEASURE_SIZE,
  needsBreaking,
  opRows,
  type CardTexts,
  type DrawOp,
  type HeadlineLayout,
  type Ink,
  type MeasuredWord,
  type TextStyle,
} from './layout.ts';
import { encodeIndexedPng, gradientPalette } from './png.ts';
import { IMAGE_SHAPES, type ImageShape } from '../lib/urls.ts';

/** The site's light colours (src/styles/global.css). */
export const COLOURS = { text: '#1b1b1b', muted: '#555555', paper: '#fdfcf9', rule: '#ddd8cf' } as const;

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];
const luminance = ([r, g, b]: readonly number[]) => 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);

/**
 * How dark an ink is, from 0 (paper) to 1 (the text colour): it is drawn as
 * that much coverage, and the palette turns coverage back into colour.
 */
export function darkness(colour: string): number {
  const paper = luminance(rgb(COLOURS.paper));
  return (paper - luminance(rgb(colour))) / (paper - luminance(rgb(COLOURS.text)));
}

/** Palette index i is paper mixed with i/255 of the text colour. */
export const PALETTE = gradientPalette(rgb(COLOURS.paper), rgb(COLOURS.text));

const INK: Record<Ink, number> = { text: 1, muted: darkness(COLOURS.muted), rule: darkness(COLOURS.rule) };

/** The colour an ink comes out in, solid: the palette's nearest step to it. */
export function inkColour(ink: Ink): [number, number, number] {
  const i = Math.round(INK[ink] * 255) * 3;
  return [PALETTE[i] ?? 0, PALETTE[i + 1] ?? 0, PALETTE[i + 2] ?? 0];
}

export interface Painter {
  /** An article's card in one shape, as PNG; `faces` are the fonts that cover its text. */
  article(
    texts: CardTexts & { headline: string; language: string },
    shape: ImageShape,
    faces: readonly FontFace[],
  ): Uint8Array<ArrayBuffer>;
  /** The site's name as a 600×60 wordmark. */
  logo(name: string, language: string, faces: readonly FontFace[]): Uint8Array<ArrayBuffer>;
}

interface ParagraphOptions {
  ink?: number;
  families: string[];
  language: string;
  width: number;
  maxLines: number;
}

interface Target {
  surface: Surface;
  /** The scanlines: a filter byte, then a row of coverage, for each row. */
  rows: MallocObj;
  width: number;
  height: number;
  /** What the fixed ops drawn on the surface were, if any. */
  fixed?: string | undefined;
  /** The device rows the last image's other ops painted: what the next must clear. */
  painted: [number, number][];
}

/** Row ranges merged where they touch or overlap. */
function mergeRows(ranges: readonly [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [top, bottom] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && top <= last[1]) last[1] = Math.max(last[1], bottom);
    else merged.push([top, bottom]);
  }
  return merged;
}

/** Loads CanvasKit and every installed font; then draws synchronously. One per thread. */
export async function createPainter(): Promise<Painter> {
  const ck = await CanvasKitInit();
  const provider = ck.TypefaceFontProvider.Make();
  for (const face of installedFaces()) {
    const bytes = readFileSync(face.file);
    provider.registerFont(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      face.family,
    );
  }
  const fonts: FontCollection = ck.FontCollection.Make();
  fonts.setDefaultFontManager(provider);
  const targets = new Map<string, Target>();
  const paint = new ck.Paint();
  paint.setAntiAlias(true);

  /** A surface of the output's size, made once and drawn on again for every image of that size. */
  function target(width: number, height: number): Target {
    const id = `${String(width)}x${String(height)}`;
    let found = targets.get(id);
    if (!found) {
      const pixels = ck.Malloc(Uint8Array, width * height * 4);
      const surface = ck.MakeRasterDirectSurface(
        {
          width,
          height,
          colorType: ck.ColorType.RGBA_8888,
          alphaType: ck.AlphaType.Premul,
          colorSpace: ck.ColorSpace.SRGB,
        },
        pixels,
        width * 4,
      );
      if (!surface) throw new Error(`Skia could not make a ${id} surface.`);
      const rows = ck.Malloc(Uint8Array, (width + 1) * height);
      (rows.toTypedArray() as Uint8Array).fill(0);
      found = { surface, rows, width, height, painted: [] };
      targets.set(id, found);
    }
    return found;
  }

  const textStyle = (style: TextStyle, ink: number, families: string[], language: string) => ({
    color: ck.Color4f(0, 0, 0, ink),
    fontFamilies: families,
    fontSize: style.size,
    fontStyle: { weight: style.weight === 700 ? ck.FontWeight.Bold : ck.FontWeight.Normal },
    heightMultiplier: style.lineHeight,
    halfLeading: true,
    letterSpacing: style.letterSpacing,
    locale: language,
  });

  /** Text laid out in `width`, in at most `maxLines` lines, cut with an ellipsis after the last. */
  /**
   * The paragraphs drawn lately, by everything that makes them: an article's byline is drawn in
   * each of its shapes, and the site's name and the kickers on every card.
   */
  const drawn = new Map<string, Paragraph>();
  const DRAWN_KEPT = 24;
  function cachedParagraph(text: string, style: TextStyle, options: ParagraphOptions): Paragraph {
    const key = JSON.stringify([
      text,
      style.size,
      style.weight,
      style.lineHeight,
      style.letterSpacing,
      options,
    ]);
    let found = drawn.get(key);
    if (found) {
      // Most recently used last: the first is the one to evict.
      drawn.delete(key);
    } else {
      found = paragraph(text, style, options);
      const oldest = drawn.size >= DRAWN_KEPT ? drawn.keys().next().value : undefined;
      if (oldest !== undefined) {
        drawn.get(oldest)?.delete();
        drawn.delete(oldest);
      }
    }
    drawn.set(key, found);
    return found;
  }

  function paragraph(
    text: string,
    style: TextStyle,
    { ink = 1, families, language, width, maxLines }: ParagraphOptions,
  ): Paragraph {
    const builder = ck.ParagraphBuilder.MakeFromFontCollection(
      new ck.ParagraphStyle({
        textStyle: textStyle(style, ink, families, language),
        maxLines,
        ellipsis: '…',
      }),
      fonts,
    );
    builder.addText(text);
    const built = builder.build();
    builder.delete();
    built.layout(width);
    return built;
  }

  /**
   * Draws the ops at `scale` and returns the PNG. What is the same on every
   * image of the shape (`fixed` ops) is drawn on its surface once; after that,
   * only the rows the last image's other ops painted are cleared, and only
   * the rows painted are read back: a third of the work of a whole image.
   */
  function render(
    ops: readonly DrawOp[],
    size: { width: number; height: number; scale: number },
    families: string[],
    language: string,
  ): Uint8Array<ArrayBuffer> {
    const { width, height, scale } = size;
    const at = target(width, height);
    const canvas = at.surface.getCanvas();
    const rowsOf = (op: DrawOp): [number, number] => {
      const [top, bottom] = opRows(op);
      return [Math.max(0, Math.floor(top * scale)), Math.min(height, Math.ceil(bottom * scale))];
    };
    const fixedOps = ops.filter((op) => op.fixed);
    const variable = ops.filter((op) => !op.fixed);
    const now = variable.map(rowsOf);
    const fixedRows = fixedOps.map(rowsOf);
    // Clearing whole rows must never touch a fixed op: where they would share rows, every image starts afresh.
    const apart = now.every(([top, bottom]) => fixedRows.every(([a, b]) => bottom <= a || top >= b));
    const fixed = apart ? JSON.stringify([scale, families, language, fixedOps]) : undefined;
    let changed: [number, number][];
    if (fixed === undefined || at.fixed !== fixed) {
      canvas.clear(ck.TRANSPARENT);
      draw(canvas, fixedOps, scale, families, language);
      at.fixed = fixed;
      changed = [[0, height]];
    } else {
      for (const [top, bottom] of mergeRows(at.painted)) {
        canvas.save();
        canvas.clipRect(ck.LTRBRect(0, top, width, bottom), ck.ClipOp.Intersect, false);
        canvas.clear(ck.TRANSPARENT);
        canvas.restore();
      }
      changed = [...at.painted];
    }
    draw(canvas, variable, scale, families, language);
    at.painted = now;
    at.surface.flush();
    // The coverage alone, one byte a pixel, each row after its filter byte. CanvasKit's readPixels writes at
    // the `byteOffset` of what it is given: an object with the offset of the row stands in for the MallocObj.
    for (const [top, bottom] of mergeRows([...changed, ...now])) {
      const into = {
        byteOffset: at.rows.byteOffset + 1 + top * (width + 1),
        toTypedArray: () => at.rows.toTypedArray(),
      } as unknown as MallocObj;
      const info = {
        width,
        height: bottom - top,
        colorType: ck.ColorType.Alpha_8,
        alphaType: ck.AlphaType.Premul,
        colorSpace: ck.ColorSpace.SRGB,
      };
      if (!canvas.readPixels(0, top, info, into, width + 1))
        throw new Error('Skia could not read the image back.');
    }
    return encodeIndexedPng({
      width,
      height,
      scanlines: at.rows.toTypedArray() as Uint8Array,
      palette: PALETTE,
    });
  }

  function draw(
    canvas: Canvas,
    ops: readonly DrawOp[],
    scale: number,
    families: string[],
    language: string,
  ): void {
    for (const op of ops.filter((candidate) => candidate.kind === 'rect')) {
      // Bars and rules on whole device pixels, at least one high, so that a scaled-down card keeps them crisp.
      const [left, top] = [Math.round(op.x * scale), Math.round(op.y * scale)];
      const right = Math.round((op.x + op.width) * scale);
      const bottom = Math.max(top + 1, Math.round((op.y + op.height) * scale));
      paint.setColor(ck.Color4f(0, 0, 0, INK[op.ink]));
      canvas.drawRect(ck.LTRBRect(left, top, right, bottom), paint);
    }
    canvas.save();
    canvas.scale(scale, scale);
    for (const op of ops) {
      if (op.kind === 'rect') continue;
      const text = cachedParagraph(op.text, op, {
        ink: INK[op.ink],
        families,
        language,
        width: op.width,
        maxLines: op.maxLines,
      });
      canvas.drawParagraph(text, op.x, op.y);
    }
    canvas.restore();
  }

  const headlineStyle = (size: number): TextStyle => ({
    size,
    weight: 700,
    lineHeight: HEADLINE_LINE,
    letterSpacing: 0,
  });

  /** The last headline measured: an article's shapes are drawn one after another. */
  let measured: { key: string; words: MeasuredWord[] } | undefined;

  /** The headline's words, measured in one line at MEASURE_SIZE. */
  function measureWords(headline: string, families: string[], language: string): MeasuredWord[] {
    const key = JSON.stringify([headline, families, language]);
    if (measured?.key !== key) measured = { key, words: measureAll(headline, families, language) };
    return measured.words;
  }

  function measureAll(headline: string, families: string[], language: string): MeasuredWord[] {
    const texts = headline.split(/\s+/u).filter(Boolean);
    const line = paragraph(texts.join(' '), headlineStyle(MEASURE_SIZE), {
      families,
      language,
      width: 1e7,
      maxLines: 1,
    });
    let start = 0;
    const edges = texts.map((word) => {
      const rects = line.getRectsForRange(
        start,
        start + word.length,
        ck.RectHeightStyle.Tight,
        ck.RectWidthStyle.Tight,
      );
      start += word.length + 1;
      return {
        left: Math.min(...rects.map(({ rect }) => rect[0] ?? 0)),
        right: Math.max(...rects.map(({ rect }) => rect[2] ?? 0)),
      };
    });
    line.delete();
    return texts.map((text, i) => {
      const { left, right } = edges[i] ?? { left: 0, right: 0 };
      const next = edges[i + 1];
      return { text, width: right - left, space: next ? Math.abs(next.left - right) : 0 };
    });
  }

  /** The layout of a headline with a word too wide for a line, which Skia breaks where Unicode allows. */
  function broken(headline: string, shape: ImageShape, families: string[], language: string): HeadlineLayout {
    const { width } = headlineBox(shape);
    const linesAt = (size: number) => {
      const text = paragraph(headline, headlineStyle(size), { families, language, width, maxLines: 1000 });
      const lines = text.getNumberOfLines();
      text.delete();
      return lines;
    };
    const size = largestFitting(shape, (candidate) => linesAt(candidate) <= maxLinesAt(shape, candidate));
    return { wrap: true, size, text: headline, maxLines: maxLinesAt(shape, size) };
  }

  const familiesOf = (faces: readonly FontFace[]) => [...new Set(faces.map((face) => face.family))];

  return {
    article(card, shape, faces) {
      const families = familiesOf(faces);
      const words = measureWords(card.headline, families, card.language);
      const headline = needsBreaking(words, shape)
        ? broken(card.headline, shape, families, card.language)
        : fitHeadline(words, shape);
      const { scale } = designSize(shape);
      return render(
        cardOps(card, headline, shape),
        { ...IMAGE_SHAPES[shape], scale },
        families,
        card.language,
      );
    },
    logo(name, language, faces) {
      return render(logoOps(name), { ...LOGO_SIZE, scale: 1 }, familiesOf(faces), language);
    },
  };
}

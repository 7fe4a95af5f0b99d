/** The preview card's layout, with words of made-up widths: wrapping, balancing, fitting, and where each part goes. */
import { describe, expect, test } from 'vitest';
import {
  balancedWidth,
  cardOps,
  DESIGN_WIDTH,
  designSize,
  fitHeadline,
  HEADLINE_LINE,
  HEADLINE_SIZES,
  headlineBox,
  largestFitting,
  MEASURE_SIZE,
  maxLinesAt,
  needsBreaking,
  opRows,
  wrapWords,
  type MeasuredWord,
} from '../../../src/previews/layout.ts';
import { IMAGE_SHAPES, type ImageShape } from '../../../src/lib/urls.ts';

const SHAPES = Object.keys(IMAGE_SHAPES) as ImageShape[];
/** Words of `width` pixels at MEASURE_SIZE, each followed by a space of 25. */
const words = (...widths: number[]): MeasuredWord[] =>
  widths.map((width, i) => ({ text: `w${String(i)}`, width, space: i === widths.length - 1 ? 0 : 25 }));
const texts = (lines: MeasuredWord[][]) => lines.map((line) => line.map((word) => word.text).join(' '));
const lineWidth = (line: MeasuredWord[]) =>
  line.reduce((sum, word, i) => sum + word.width + (i < line.length - 1 ? word.space : 0), 0);
const TEXTS = {
  siteName: 'Broadsheet',
  kicker: 'OPINION',
  byline: 'Irina Alksnis',
  meta: 'The Frontier Post · 6 January 2022',
};

describe('wrapWords', () => {
  test('puts as many words on each line as fit, at the given scale', () => {
    const list = words(100, 100, 100, 100);
    // Three words and the two spaces between them: 350.
    expect(texts(wrapWords(list, 1, 350))).toEqual(['w0 w1 w2', 'w3']);
    expect(texts(wrapWords(list, 1, 349))).toEqual(['w0 w1', 'w2 w3']);
    // At half the size, the same in half the width.
    expect(texts(wrapWords(list, 0.5, 175))).toEqual(['w0 w1 w2', 'w3']);
  });

  test('a word wider than the line gets a line of its own', () => {
    expect(texts(wrapWords(words(50, 500, 50), 1, 200))).toEqual(['w0', 'w1', 'w2']);
  });
});

describe('balancedWidth', () => {
  test('the narrowest width that keeps the number of lines, which evens them out', () => {
    const list = words(100, 100, 100, 100, 100);
    // Greedy at 599: four words (475), then one. Balanced: three (350) and two.
    expect(wrapWords(list, 1, 599).map((line) => line.length)).toEqual([4, 1]);
    const width = balancedWidth(list, 1, 599);
    const balanced = wrapWords(list, 1, width);
    expect(balanced.map((line) => line.length)).toEqual([3, 2]);
    expect(width).toBeGreaterThanOrEqual(Math.max(...balanced.map(lineWidth)));
    expect(width - 1).toBeLessThan(Math.max(...balanced.map(lineWidth)) + 1);
  });

  test('a headline of one line keeps the full width', () => {
    expect(balancedWidth(words(100, 100), 1, 600)).toBe(600);
  });
});

describe('largestFitting', () => {
  test('the largest size of the range, in steps of 2 from the largest, at which it fits, or the smallest', () => {
    const { max, min } = HEADLINE_SIZES['16x9'];
    expect(largestFitting('16x9', () => true)).toBe(max);
    expect(largestFitting('16x9', () => false)).toBe(min);
    expect(largestFitting('16x9', (size) => size <= 57)).toBe(max - 2 * Math.ceil((max - 57) / 2));
    const asked: number[] = [];
    largestFitting('16x9', (size) => {
      asked.push(size);
      return size <= 50;
    });
    // Found by halving, not by trying every size.
    expect(asked.length).toBeLessThanOrEqual(Math.ceil(Math.log2((max - min) / 2 + 1)) + 1);
  });
});

describe('fitHeadline', () => {
  const box = (shape: ImageShape) => headlineBox(shape);
  /** A headline of `count` words, each a fifth of the room wide at MEASURE_SIZE. */
  const headline = (shape: ImageShape, count: number) =>
    words(...Array.from({ length: count }, () => box(shape).width / 5));

  test.each(SHAPES)('%s: the longer the headline, the smaller its type, and it fits its room', (shape) => {
    const sizes = [2, 6, 12, 20].map((count) => {
      const fit = fitHeadline(headline(shape, count), shape);
      expect(fit.wrap).toBe(false);
      if (fit.wrap) return 0;
      expect(fit.lines.length).toBeLessThanOrEqual(maxLinesAt(shape, fit.size));
      expect(fit.lines.length * fit.size * HEADLINE_LINE).toBeLessThanOrEqual(box(shape).height);
      return fit.size;
    });
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes[0]).toBeGreaterThan(sizes[sizes.length - 1] ?? 0);
  });

  test('a headline too long for its room at the smallest size fills every line, the last holding the rest', () => {
    const long = headline('16x9', 200);
    const fit = fitHeadline(long, '16x9');
    expect(fit.wrap).toBe(false);
    if (fit.wrap) return;
    expect(fit.size).toBe(HEADLINE_SIZES['16x9'].min);
    expect(fit.lines).toHaveLength(maxLinesAt('16x9', fit.size));
    // Nothing is lost: the drawing cuts the last line with an ellipsis.
    expect(fit.lines.join(' ')).toBe(long.map((word) => word.text).join(' '));
  });

  test('lines are balanced unless the headline fills every line it has room for', () => {
    // Four words of a third of the room: greedy lines of three and one at full size; balanced, two and two.
    const shape = '1x1';
    const fit = fitHeadline(
      words(
        ...Array.from(
          { length: 4 },
          () => (box(shape).width / 3) * (MEASURE_SIZE / HEADLINE_SIZES[shape].max),
        ),
      ),
      shape,
    );
    expect(fit.wrap).toBe(false);
    if (!fit.wrap) expect(fit.lines.map((line) => line.split(' ').length)).toEqual([2, 2]);
  });

  test('the square has room for larger type than the link preview', () => {
    const list = words(300, 250, 400, 350, 300, 280);
    expect(fitHeadline(list, '1x1').size).toBeGreaterThan(fitHeadline(list, '16x9').size);
  });
});

describe('needsBreaking', () => {
  test('a word wider than the room even at the smallest size is left for the drawing to break', () => {
    const room = headlineBox('16x9').width;
    const widest = (room * MEASURE_SIZE) / HEADLINE_SIZES['16x9'].min;
    expect(needsBreaking(words(100, widest - 1), '16x9')).toBe(false);
    expect(needsBreaking(words(100, widest + 1), '16x9')).toBe(true);
  });
});

describe('designSize', () => {
  test.each(SHAPES)('%s: 1200 wide, scaled to the image', (shape) => {
    const { width, height, scale } = designSize(shape);
    expect(width).toBe(DESIGN_WIDTH);
    expect(Math.round(width * scale)).toBe(IMAGE_SHAPES[shape].width);
    expect(Math.round(height * scale)).toBe(IMAGE_SHAPES[shape].height);
  });
});

describe('cardOps', () => {
  const layouts = (shape: ImageShape) => [
    fitHeadline(words(300, 250), shape),
    fitHeadline(words(...Array.from({ length: 60 }, () => 300)), shape),
    {
      wrap: true as const,
      size: HEADLINE_SIZES[shape].min,
      text: 'x',
      maxLines: maxLinesAt(shape, HEADLINE_SIZES[shape].min),
    },
  ];

  test.each(SHAPES)(
    '%s: the bar, the name and the rules are the same on every card; the rest is its own',
    (shape) => {
      const [first, second] = layouts(shape).map((layout) => cardOps(TEXTS, layout, shape));
      const fixed = (ops: typeof first) => (ops ?? []).filter((op) => op.fixed);
      expect(fixed(first)).toEqual(fixed(second));
      expect(fixed(first).map((op) => op.kind)).toEqual(['rect', 'text', 'rect', 'rect']);
      expect(fixed(first).find((op) => op.kind === 'text')).toMatchObject({ text: 'Broadsheet' });
    },
  );

  // The painter clears whole rows between cards: rows a card's own text may paint must never hold a fixed part.
  test.each(SHAPES)(
    '%s: the rows the card’s own text paints hold no fixed part, and all is on the card',
    (shape) => {
      const { width, height } = designSize(shape);
      for (const layout of layouts(shape)) {
        const ops = cardOps(TEXTS, layout, shape);
        const fixedRows = ops.filter((op) => op.fixed).map(opRows);
        for (const op of ops) {
          expect(op.x).toBeGreaterThanOrEqual(0);
          expect(op.x + op.width).toBeLessThanOrEqual(width);
          const [top, bottom] = opRows(op);
          expect(top).toBeGreaterThanOrEqual(0);
          expect(bottom).toBeLessThanOrEqual(height);
          if (op.fixed) continue;
          for (const [a, b] of fixedRows)
            expect(bottom <= a || top >= b, `${shape}: ${op.kind} at ${String(op.y)}`).toBe(true);
        }
      }
    },
  );

  test('the headline’s lines stay in its room', () => {
    for (const shape of SHAPES) {
      const room = headlineBox(shape);
      const ops = cardOps(TEXTS, fitHeadline(words(...Array.from({ length: 30 }, () => 280)), shape), shape);
      const lines = ops.filter((op) => op.kind === 'text' && op.size >= HEADLINE_SIZES[shape].min);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        if (line.kind !== 'text') continue;
        expect(line.y).toBeGreaterThanOrEqual(room.y);
        expect(line.y + line.size * line.lineHeight).toBeLessThanOrEqual(room.y + room.height + 1);
      }
    }
  });
});

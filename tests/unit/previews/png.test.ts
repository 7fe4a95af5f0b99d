/** The indexed PNG writer: files that a decoder (sharp's libspng) reads back pixel for pixel. */
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { encodeIndexedPng, gradientPalette } from '../../../src/previews/png.ts';

/** Scanlines of a width × height image: filter byte 0, then each pixel's index from `pixel`. */
function scanlines(width: number, height: number, pixel: (x: number, y: number) => number): Uint8Array {
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  return rows;
}

describe('encodeIndexedPng', () => {
  test('each pixel decodes to its palette colour', async () => {
    const palette = Uint8Array.of(255, 255, 255, 200, 10, 20, 0, 0, 0);
    const [width, height] = [7, 5];
    const index = (x: number, y: number) => (x + y) % 3;
    const png = encodeIndexedPng({ width, height, scanlines: scanlines(width, height, index), palette });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width, height, channels: 3 });
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const at = (y * width + x) * 3;
        const i = index(x, y) * 3;
        expect([...data.subarray(at, at + 3)], `pixel ${String(x)},${String(y)}`).toEqual([
          ...palette.subarray(i, i + 3),
        ]);
      }
    }
  });

  test('a large, mostly blank image stays small', async () => {
    const [width, height] = [1200, 630];
    const png = encodeIndexedPng({
      width,
      height,
      scanlines: scanlines(width, height, (x, y) => (x > 100 && x < 300 && y > 100 && y < 140 ? 255 : 0)),
      palette: gradientPalette([253, 252, 249], [27, 27, 27]),
    });
    expect(png.byteLength).toBeLessThan(5_000);
    expect((await sharp(png).metadata()).width).toBe(width);
  });

  test('scanlines of the wrong length, or a palette of more than 256 colours, are refused', () => {
    const palette = gradientPalette([0, 0, 0], [255, 255, 255]);
    expect(() => encodeIndexedPng({ width: 4, height: 2, scanlines: new Uint8Array(8), palette })).toThrow(
      /4×2 needs 10 bytes of scanlines, not 8/,
    );
    expect(() =>
      encodeIndexedPng({
        width: 1,
        height: 1,
        scanlines: new Uint8Array(2),
        palette: new Uint8Array(257 * 3),
      }),
    ).toThrow(/1 to 256 RGB colours, not 257/);
  });
});

describe('gradientPalette', () => {
  test('runs from the first colour to the last in equal steps', () => {
    const palette = gradientPalette([0, 100, 200], [255, 0, 100], 3);
    expect([...palette]).toEqual([0, 100, 200, 128, 50, 150, 255, 0, 100]);
  });
});

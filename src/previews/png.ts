/**
 * PNG files of one byte a pixel, each byte an index into a palette of up to
 * 256 colours (colour type 3, bit depth 8: https://www.w3.org/TR/png-3/).
 * The preview images are drawn as the darkness of ink on paper, so one byte a
 * pixel holds them exactly, in a third of the bytes of RGB.
 *
 * Written here rather than with an encoder package: fast-png deflates in
 * JavaScript (20 ms for a 1200×630 image on the CI machine), sharp takes RGB
 * and quantizes it again; node:zlib deflates these in about 1 ms.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export interface IndexedImage {
  width: number;
  height: number;
  /**
   * The scanlines as PNG stores them before compression: for each row, a
   * filter byte (0, none) and then `width` palette indices: `(width + 1) × height` bytes.
   */
  scanlines: Uint8Array;
  /** The palette: red, green and blue of each colour in turn, at most 256 colours. */
  palette: Uint8Array;
}

/** The PNG file of an indexed image. */
export function encodeIndexedPng({
  width,
  height,
  scanlines,
  palette,
}: IndexedImage): Uint8Array<ArrayBuffer> {
  if (scanlines.length !== (width + 1) * height) {
    throw new RangeError(
      `${String(width)}×${String(height)} needs ${String((width + 1) * height)} bytes of scanlines, not ${String(scanlines.length)}.`,
    );
  }
  if (palette.length === 0 || palette.length > 256 * 3 || palette.length % 3 !== 0) {
    throw new RangeError(`A palette holds 1 to 256 RGB colours, not ${String(palette.length / 3)}.`);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, palette colour, deflate, no filtering method, no interlace
  // Run-length matching only: on flat cards with text it is both the fastest and the smallest of zlib's strategies.
  const data = deflateSync(scanlines, { level: 3, strategy: constants.Z_RLE });
  const parts = [
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', data),
    chunk('IEND', new Uint8Array(0)),
  ];
  const file = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    file.set(part, offset);
    offset += part.length;
  }
  return file;
}

/** `steps` colours from `from` to `to` in equal steps, as a palette: index 0 is `from`, the last `to`. */
export function gradientPalette(from: readonly number[], to: readonly number[], steps = 256): Uint8Array {
  const palette = new Uint8Array(steps * 3);
  for (let i = 0; i < steps; i += 1) {
    const t = steps === 1 ? 0 : i / (steps - 1);
    for (let c = 0; c < 3; c += 1)
      palette[i * 3 + c] = Math.round((from[c] ?? 0) + ((to[c] ?? 0) - (from[c] ?? 0)) * t);
  }
  return palette;
}

/**
 * Test images, made when a test needs them: the same bytes every time (a fixed
 * seed), so a fixture site built from them is reused until something else changes.
 */
import sharp from 'sharp';

export interface TestImage {
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  /** Varies the picture, so that two images never share their bytes. */
  seed: number;
  /** How much grain, as a photograph has and a chart does not: 0 to 255. */
  grain?: number;
  /** Written into the file's EXIF (ImageDescription), as a camera writes where and when. */
  exif?: string;
}

/** mulberry32: a small seeded generator, enough for grain. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Something like a photograph, or a chart without grain: a sky-to-ground gradient and a few discs. */
export async function testImage({
  width,
  height,
  format,
  seed,
  grain = 0,
  exif,
}: TestImage): Promise<Buffer> {
  const next = random(seed);
  const discs = Array.from({ length: 6 }, () => ({
    x: next() * width,
    y: next() * height,
    r: (0.05 + next() * 0.2) * Math.min(width, height),
    rgb: [next() * 255, next() * 255, next() * 255] as const,
  }));
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = y / height;
      let rgb = [90 + 120 * (1 - v), 140 + 60 * (1 - v), 200 - 120 * v];
      for (const disc of discs) {
        if ((x - disc.x) ** 2 + (y - disc.y) ** 2 < disc.r ** 2) rgb = [...disc.rgb];
      }
      const noise = grain > 0 ? (next() - 0.5) * grain : 0;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = Math.max(0, Math.min(255, Math.round((rgb[c] ?? 0) + noise)));
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (exif !== undefined) image.withExif({ IFD0: { ImageDescription: exif } });
  return format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer();
}

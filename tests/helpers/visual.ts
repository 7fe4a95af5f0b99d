/**
 * Visual baselines: a shot compared with its committed image by pixelmatch, and
 * the gallery (tests/.output/visual/index.html) that shows every shot's
 * baseline, current look and difference side by side, changed ones first.
 * docs/decisions/050-visual-baselines.md has the tolerance and the shot size.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { ROOT } from './project.ts';

export const BASELINES = join(ROOT, 'tests/visual/baselines');
export const GALLERY = join(ROOT, 'tests/.output/visual');
/** pixelmatch's per-pixel threshold (YIQ distance, 0 to 1): anti-aliasing noise below it is not a change. */
export const PIXEL_THRESHOLD = 0.1;
/** The share of pixels that may differ before a shot counts as changed: 0.1%. */
export const MAX_CHANGED = 0.001;
export const UPDATE_COMMAND = 'npm run test:visual:update';
/** Set to 1 (as `npm run test:visual:update` does) to write every shot as its new baseline. */
export const UPDATE = process.env.BROADSHEET_UPDATE_BASELINES === '1';

export interface Shot {
  /** `<engine>/<page>-<width>-<scheme>`, the baseline's path under tests/visual/baselines without `.webp`. */
  name: string;
  /** The share of pixels that differ, or null when the sizes differ or there is no baseline. */
  changed: number | null;
  /** What happened, in a few words: "same", "changed", "new", "size 1280 × 900 was 1280 × 880". */
  verdict: string;
  hasBaseline: boolean;
}

/**
 * A shot as a baseline: WebP, lossless (sharp), a quarter of the size of the
 * same pixels as an optimised PNG; decoded, it gives back every pixel.
 */
export function compact(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().webp({ lossless: true, effort: 4 }).toBuffer();
}

/** The pixels of an image (PNG or WebP) as RGBA, with its size. */
async function pixels(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Compares `current` (a PNG) with the baseline `name`, writes the current
 * shot, the baseline as it was and the difference to the gallery's folder,
 * and in update mode writes `current`, compacted, as the new baseline.
 */
export async function compare(name: string, current: Buffer): Promise<Shot> {
  const baselinePath = join(BASELINES, `${name}.webp`);
  const out = join(GALLERY, name);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.png`, current);
  rmSync(`${out}-diff.png`, { force: true });
  const hasBaseline = existsSync(baselinePath);
  let shot: Shot;
  if (!hasBaseline) {
    shot = { name, changed: null, verdict: 'new', hasBaseline };
  } else {
    copyFileSync(baselinePath, `${out}-baseline.webp`);
    const before = await pixels(readFileSync(baselinePath));
    const after = await pixels(current);
    if (before.width !== after.width || before.height !== after.height) {
      shot = {
        name,
        changed: null,
        verdict: `size ${String(after.width)} × ${String(after.height)}, was ${String(before.width)} × ${String(before.height)}`,
        hasBaseline,
      };
    } else {
      const { width, height } = after;
      const diff = Buffer.alloc(width * height * 4);
      const count = pixelmatch(before.data, after.data, diff, width, height, { threshold: PIXEL_THRESHOLD });
      await sharp(diff, { raw: { width, height, channels: 4 } })
        .png({ compressionLevel: 1 })
        .toFile(`${out}-diff.png`);
      const changed = count / (width * height);
      shot = { name, changed, verdict: changed > MAX_CHANGED ? 'changed' : 'same', hasBaseline };
    }
  }
  if (UPDATE) {
    mkdirSync(dirname(baselinePath), { recursive: true });
    writeFileSync(baselinePath, await compact(current));
  }
  return shot;
}

const escape = (text: string) => text.replace(/[&<>"]/gu, (c) => `&#${String(c.charCodeAt(0))};`);
const percent = (shot: Shot) => (shot.changed === null ? '–' : `${(shot.changed * 100).toFixed(3)}%`);

/** Writes tests/.output/visual/index.html: every shot, changed and new ones first, then by share changed. */
export function writeGallery(shots: readonly Shot[]): string {
  const rank = (shot: Shot) => (shot.verdict === 'same' ? 1 : 0);
  const sorted = [...shots].sort(
    (a, b) => rank(a) - rank(b) || (b.changed ?? 1) - (a.changed ?? 1) || a.name.localeCompare(b.name),
  );
  const image = (file: string, exists: boolean) =>
    exists
      ? `<a href="${escape(file)}"><img src="${escape(file)}" alt="" loading="lazy"></a>`
      : '<p>none</p>';
  const rows = sorted.map((shot) => {
    const diff = existsSync(join(GALLERY, `${shot.name}-diff.png`));
    return `<section class="${shot.verdict === 'same' ? 'same' : 'changed'}">
<h2>${escape(shot.name)} <small>${escape(shot.verdict)} · ${percent(shot)} of pixels differ</small></h2>
<div class="row">
<figure>${image(`${shot.name}-baseline.webp`, shot.hasBaseline)}<figcaption>baseline</figcaption></figure>
<figure>${image(`${shot.name}.png`, true)}<figcaption>current</figcaption></figure>
<figure>${image(`${shot.name}-diff.png`, diff)}<figcaption>difference (red)</figcaption></figure>
</div>
</section>`;
  });
  const changed = shots.filter((shot) => shot.verdict !== 'same').length;
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Visual baselines: ${String(changed)} of ${String(shots.length)} changed</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1rem; }
section { border-top: 1px solid #ccc; padding: .5rem 0; }
section.changed h2 { color: #b00; }
h2 { font-size: 1rem; margin: 0 0 .5rem; }
.row { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem; align-items: start; }
figure { margin: 0; }
img { width: 100%; max-height: 40rem; object-fit: contain; object-position: top; border: 1px solid #ddd; }
</style>
<h1>Visual baselines: ${String(changed)} of ${String(shots.length)} shots changed or new</h1>
<p>Per-pixel threshold ${String(PIXEL_THRESHOLD)}; a shot changes when more than ${String(MAX_CHANGED * 100)}% of its pixels differ.
${UPDATE ? 'This run wrote every shot as its new baseline: the baselines shown are the ones it replaced.' : `To accept every current shot: <code>${UPDATE_COMMAND}</code>, then commit tests/visual/baselines/.`}
Baselines: ${escape(relative(GALLERY, BASELINES))}/</p>
${rows.join('\n')}
`;
  mkdirSync(GALLERY, { recursive: true });
  const path = join(GALLERY, 'index.html');
  writeFileSync(path, html);
  return path;
}

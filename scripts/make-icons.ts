/**
 * Draws the Teams app icons (manifest/teams/color.png 192×192, outline.png 32×32) from one small vector
 * emblem: three people, the front one in full, the two behind cut back by a gap. The PNGs are committed;
 * run this only when the emblem changes (`npm run icons:teams`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRgbaPng } from './png';
import { findRepoRoot } from './repo-root';

/** The accent colour, also the manifest's accentColor. */
export const ACCENT_RGB = [0x3b, 0x5b, 0xdb] as const;
const SAMPLES = 4; // supersampling per axis

type Part = 'front' | 'back' | null;

const inCircle = (x: number, y: number, cx: number, cy: number, r: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** The upper half of an ellipse: a person's shoulders, flat at the bottom. */
const inShoulders = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  y <= cy && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** Which part of the emblem covers the point (x, y) of the unit square. */
function emblemAt(x: number, y: number): Part {
  const front = (grow: number) =>
    inCircle(x, y, 0.5, 0.38, 0.13 + grow) ||
    inShoulders(x, y, 0.5, 0.8 + grow / 2, 0.25 + grow, 0.22 + grow);
  if (front(0)) return 'front';
  if (front(0.05)) return null; // the gap that sets the front person apart
  for (const cx of [0.25, 0.75]) {
    if (inCircle(x, y, cx, 0.36, 0.095) || inShoulders(x, y, cx, 0.74, 0.18, 0.17)) return 'back';
  }
  return null;
}

/** A rounded square filling the unit square: the colour icon's background. */
function inBackground(x: number, y: number): boolean {
  const r = 0.2;
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

/** Fraction of a pixel's supersamples for which `test` holds. */
function coverage(px: number, py: number, size: number, test: (x: number, y: number) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (test((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

/** The colour icon as RGBA: white people (the back ones slightly tinted) on the accent rounded square. */
export function renderColorIcon(size = 192): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const white =
        coverage(px, py, size, (x, y) => emblemAt(x, y) === 'front') +
        0.8 * coverage(px, py, size, (x, y) => emblemAt(x, y) === 'back');
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((ACCENT_RGB[c] ?? 0) * (1 - white) + 255 * white);
      rgba[i + 3] = Math.round(255 * coverage(px, py, size, inBackground));
    }
  }
  return rgba;
}

/** The outline icon as RGBA: every pixel white, alpha only 0 or 255 (Teams' rule for outline icons). */
export function renderOutlineIcon(size = 32): Uint8Array {
  const rgba = new Uint8Array(size * size * 4).fill(255);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const inside = coverage(px, py, size, (x, y) => emblemAt(x, y) !== null) >= 0.5;
      rgba[(py * size + px) * 4 + 3] = inside ? 255 : 0;
    }
  }
  return rgba;
}

if (require.main === module) {
  const dir = join(findRepoRoot(__dirname), 'manifest', 'teams');
  writeFileSync(join(dir, 'color.png'), encodeRgbaPng(192, 192, renderColorIcon(192)));
  writeFileSync(join(dir, 'outline.png'), encodeRgbaPng(32, 32, renderOutlineIcon(32)));
  console.log(`make-icons: wrote color.png (192×192) and outline.png (32×32) to ${dir}`);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCENT_RGB, renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons';
import { encodeRgbaPng } from '../../scripts/png';
import { decodePng } from './png-decode';

const icon = (name: string) => decodePng(readFileSync(join(__dirname, '../../manifest/teams', name)));

/** Pixels as [r, g, b, a] tuples. */
function pixels(rgba: Uint8Array): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < rgba.length; i += 4)
    out.push([rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0, rgba[i + 3] ?? 0]);
  return out;
}

describe('the Teams icons', () => {
  it('has a 192×192 colour icon', () => {
    const { width, height } = icon('color.png');
    expect([width, height]).toEqual([192, 192]);
  });

  it('has a 32×32 outline icon', () => {
    const { width, height } = icon('outline.png');
    expect([width, height]).toEqual([32, 32]);
  });

  it('draws the outline icon in white on transparent, with alpha only 0 or 255', () => {
    const all = pixels(icon('outline.png').rgba);
    const offColour = all.filter(
      ([r, g, b, a]) => a !== 0 && !(r === 255 && g === 255 && b === 255 && a === 255),
    );
    expect(offColour).toEqual([]);
    const opaque = all.filter(([, , , a]) => a === 255).length;
    // A real glyph, not an empty or solid square.
    expect(opaque / all.length).toBeGreaterThan(0.15);
    expect(opaque / all.length).toBeLessThan(0.6);
  });

  it('draws the colour icon in full colour: mostly the accent colour, with a white emblem', () => {
    const all = pixels(icon('color.png').rgba);
    const accent = all.filter(
      ([r, g, b, a]) => a === 255 && r === ACCENT_RGB[0] && g === ACCENT_RGB[1] && b === ACCENT_RGB[2],
    );
    const white = all.filter(([r, g, b, a]) => a === 255 && r === 255 && g === 255 && b === 255);
    expect(accent.length / all.length).toBeGreaterThan(0.4);
    expect(white.length / all.length).toBeGreaterThan(0.1);
  });

  it('matches what scripts/make-icons.ts draws now, so the committed PNGs cannot drift from the script', () => {
    expect(Buffer.from(icon('color.png').rgba)).toEqual(Buffer.from(renderColorIcon(192)));
    expect(Buffer.from(icon('outline.png').rgba)).toEqual(Buffer.from(renderOutlineIcon(32)));
  });

  it('encodes pixels that decode back unchanged', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    expect(decodePng(encodeRgbaPng(3, 2, rgba)).rgba).toEqual(rgba);
  });

  it('refuses a pixel buffer of the wrong length', () => {
    expect(() => encodeRgbaPng(2, 2, new Uint8Array(15))).toThrow(RangeError);
  });
});

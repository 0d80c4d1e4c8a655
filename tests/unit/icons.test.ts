import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../support/png';

/**
 * The icon set (assets/icon.svg → public/icon/<size>.png by `npm run icons`): every size WXT puts into the
 * manifests, rendered from the SVG as it is now, and its silhouette readable on light and dark toolbars.
 */
const root = path.resolve(import.meta.dirname, '../..');
const SIZES = [16, 32, 48, 96, 128];

/** An icon's pixels as RGBA (the icon script writes RGBA PNGs). */
function decodeRgba(file: string): { width: number; height: number; rgba: Uint8Array } {
  const png = decodePng(file);
  expect(png.channels, `${file}: RGBA`).toBe(4);
  return { width: png.width, height: png.height, rgba: png.pixels };
}

const luminance = (r: number, g: number, b: number) => {
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (l1: number, l2: number) => (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);

/** Toolbar backgrounds: Chrome light and dark, Firefox light and dark. */
const TOOLBARS = { chromeLight: [255, 255, 255], chromeDark: [32, 33, 36], firefoxLight: [249, 249, 251], firefoxDark: [43, 42, 51] } as const;

describe('icon set', () => {
  it('the PNGs were rendered from the SVG as it is now (npm run icons)', () => {
    const svg = readFileSync(path.join(root, 'assets/icon.svg'));
    expect(readFileSync(path.join(root, 'assets/icon.svg.sha256'), 'utf8').trim(), 'stale icons: run npm run icons').toBe(createHash('sha256').update(svg).digest('hex'));
  });

  it.each(SIZES)('%i px: the right size, transparent corners, an opaque tile', (size) => {
    const { width, height, rgba } = decodeRgba(path.join(root, `public/icon/${size}.png`));
    expect([width, height]).toEqual([size, size]);
    expect(rgba[3]).toBe(0); // top-left corner: outside the rounded tile
    const mid = ((size >> 1) * size + (size >> 2)) * 4; // inside the tile, left of the shield
    expect(rgba[mid + 3]).toBe(255);
  });

  it.each(SIZES)('%i px: the silhouette stands out (3:1, WCAG non-text contrast) on light and dark toolbars', (size) => {
    const { rgba } = decodeRgba(path.join(root, `public/icon/${size}.png`));
    // The tile's colour where it meets the toolbar: the opaque pixels of the middle row nearest each side.
    const row = size >> 1;
    const opaque = [...Array(size).keys()].filter((x) => rgba[(row * size + x) * 4 + 3] === 255);
    const edge = opaque[0]!;
    const [r, g, b] = [0, 1, 2].map((i) => rgba[(row * size + edge) * 4 + i]!) as [number, number, number];
    for (const [name, bg] of Object.entries(TOOLBARS)) {
      expect(contrast(luminance(r, g, b), luminance(bg[0], bg[1], bg[2])), name).toBeGreaterThanOrEqual(3);
    }
  });
});

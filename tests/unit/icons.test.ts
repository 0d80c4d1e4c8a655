import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The icon set (assets/icon.svg → public/icon/<size>.png by `npm run icons`): every size WXT puts into the
 * manifests, rendered from the SVG as it is now, and its silhouette readable on light and dark toolbars.
 */
const root = path.resolve(import.meta.dirname, '../..');
const SIZES = [16, 32, 48, 96, 128];

/** Decodes an 8-bit RGBA, non-interlaced PNG (what Chromium's screenshots are) into its pixels. */
function decodePng(file: string): { width: number; height: number; rgba: Uint8Array } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter]!;
      rgba[y * stride + x] = (cur + add) & 0xff;
    }
  }
  return { width, height, rgba };
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
    const { width, height, rgba } = decodePng(path.join(root, `public/icon/${size}.png`));
    expect([width, height]).toEqual([size, size]);
    expect(rgba[3]).toBe(0); // top-left corner: outside the rounded tile
    const mid = ((size >> 1) * size + (size >> 2)) * 4; // inside the tile, left of the shield
    expect(rgba[mid + 3]).toBe(255);
  });

  it.each(SIZES)('%i px: the silhouette stands out (3:1, WCAG non-text contrast) on light and dark toolbars', (size) => {
    const { rgba } = decodePng(path.join(root, `public/icon/${size}.png`));
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

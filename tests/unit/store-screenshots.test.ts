import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STORE_VIEWS, listingShot, type Listing } from '../../scripts/screenshot-store';

/**
 * The stores' pictures (npm run screenshots -- --store, scripts/screenshot-store.ts): at most five per language, the
 * sizes the stores take, the same set in English and Russian, the files the listing's captions name, the promo tile,
 * and nothing cut at the picture's edge: the framed UI ends inside the frame, so the outer band at the bottom and the
 * right of every picture is plain background.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'store/screenshots');
const LANGS = ['en', 'ru'] as const;
const SHOT = /^\d-[a-z-]+\.png$/;
const PROMO = 'promo-440x280.png';
/** The outer band (px) that must be plain, and how far (per channel) a pixel may differ from the corner's colour. */
const BAND = 8;
const TOLERANCE = 3;

interface Png { width: number; height: number; channels: number; pixels: Uint8Array }

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into its unfiltered pixels. */
function decodePng(file: string): Png {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      expect([data[8], data[12]], file).toEqual([8, 0]); // 8-bit, not interlaced
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels, `${file}: colour type ${data[9]}`).toBeGreaterThan(0);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Pixels in the bottom and right bands that differ from the bottom-right corner's colour (as "x,y"; at most 5). */
function unevenEdge(png: Png): string[] {
  const at = (x: number, y: number) => [...png.pixels.subarray((y * png.width + x) * png.channels, (y * png.width + x) * png.channels + 3)];
  const corner = at(png.width - 1, png.height - 1);
  const off: string[] = [];
  for (let y = 0; y < png.height && off.length < 5; y++) {
    for (let x = 0; x < png.width && off.length < 5; x++) {
      if (y < png.height - BAND && x < png.width - BAND) continue;
      if (at(x, y).some((v, i) => Math.abs(v - corner[i]!) > TOLERANCE)) off.push(`${x},${y}`);
    }
  }
  return off;
}

const pngsOf = (lang: string) => (existsSync(path.join(dir, lang)) ? readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.png')) : []);
const listing = (lang: string) => JSON.parse(readFileSync(path.join(root, `store/${lang}.json`), 'utf8')) as Listing;

describe('store screenshots', () => {
  it('are one folder per language and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual([...LANGS]);
    for (const lang of LANGS) expect(statSync(path.join(dir, lang)).isDirectory()).toBe(true);
  });

  it('are the same file set in English and Russian', () => {
    expect(pngsOf('ru').sort()).toEqual(pngsOf('en').sort());
  });

  describe.each(LANGS)('%s', (lang) => {
    const files = pngsOf(lang);
    const shots = files.filter((f) => SHOT.test(f)).sort();

    it('has at most five screenshots (what the Chrome Web Store shows), numbered in order, plus the promo tile and nothing else', () => {
      expect(shots.length).toBeGreaterThan(0);
      expect(shots.length).toBeLessThanOrEqual(5);
      expect(shots.map((f) => Number(f[0]))).toEqual(shots.map((_, i) => i + 1));
      expect(files.sort()).toEqual([...shots, PROMO].sort());
    });

    it('the script makes every picture the listing captions, in the listing’s order (scripts/screenshot-store.ts)', () => {
      expect(STORE_VIEWS.map((view) => listingShot(listing(lang), view).file)).toEqual(listing(lang).screenshots.map((s) => s.file));
    });

    it('are the files the listing captions, in its order', () => {
      expect(listing(lang).screenshots.map((s) => s.file)).toEqual(shots);
      expect(listing(lang).promoTile.file).toBe(PROMO);
    });

    it.each(shots)('%s is 1280×800 (or 640×400) and the UI ends inside its frame', (file) => {
      const png = decodePng(path.join(dir, lang, file));
      expect([[1280, 800], [640, 400]]).toContainEqual([png.width, png.height]);
      expect(unevenEdge(png), file).toEqual([]);
    });

    it('has the 440×280 promo tile', () => {
      const png = decodePng(path.join(dir, lang, PROMO));
      expect([png.width, png.height]).toEqual([440, 280]);
    });
  });
});

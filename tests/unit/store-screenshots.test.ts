import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng, type Png } from '../support/png';
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

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The store listing texts (store/*.json): the stores' limits, and the same content in both languages. */
const root = path.resolve(import.meta.dirname, '../..');
interface Listing { name: string; summary: string; description: string }
const listing = (lang: string) => JSON.parse(readFileSync(path.join(root, `store/${lang}.json`), 'utf8')) as Listing;
const LANGS = ['en', 'ru'];

describe.each(LANGS)('store listing (%s)', (lang) => {
  const l = listing(lang);

  it('has exactly a name, a summary and a description', () => {
    expect(Object.keys(l).sort()).toEqual(['description', 'name', 'summary']);
  });

  it('fits the stores: a name of at most 45 characters, a summary of at most 132 (Chrome Web Store), a description under 16,000', () => {
    expect(l.name.length).toBeLessThanOrEqual(45);
    expect(l.summary.length).toBeGreaterThan(40);
    expect(l.summary.length).toBeLessThanOrEqual(132);
    expect(l.description.length).toBeGreaterThan(500);
    expect(l.description.length).toBeLessThan(16_000);
  });

  it('claims nothing the privacy policy does not: no analytics, access per site', () => {
    const policy = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');
    expect(policy).toContain('no analytics');
    expect(policy).toContain('never asks for access to all sites');
  });
});

it('both languages list the same features (one bullet each) and the same sections', () => {
  const bullets = (l: Listing) => l.description.split('\n').filter((line) => line.startsWith('• ')).length;
  const paragraphs = (l: Listing) => l.description.split('\n\n').length;
  expect(bullets(listing('ru'))).toBe(bullets(listing('en')));
  expect(paragraphs(listing('ru'))).toBe(paragraphs(listing('en')));
});

describe('store screenshots (npm run screenshots -- --store)', () => {
  const dir = path.join(root, 'store/screenshots');
  const files = readdirSync(dir).filter((f) => f.endsWith('.png'));

  it('are 1280×800 PNGs, the size both stores take', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const png = readFileSync(path.join(dir, file));
      expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([1280, 800]);
    }
  });

  it('come in light and dark, English and Russian, for every view', () => {
    const views = new Set(files.map((f) => /^\d+-(.+?)-(light|dark)(-ru)?\.png$/.exec(f)?.[1]));
    expect(views.has(undefined)).toBe(false);
    for (const view of views) for (const variant of ['light', 'dark', 'light-ru', 'dark-ru']) expect(files.some((f) => f.endsWith(`-${view}-${variant}.png`)), `${view} ${variant}`).toBe(true);
    expect([...views]).toEqual(expect.arrayContaining(['popup', 'overview']));
  });
});

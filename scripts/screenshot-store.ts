// The stores' pictures (issue 27), made by scripts/screenshots.ts with --store: five 1280×800 screenshots per language,
// each the real UI captured at 1.5 device pixels per CSS pixel inside a frame with a one-line benefit headline (the
// captions of store/<lang>.json), and the 440×280 promo tile. The frame is a page of our own (setContent), so the
// extension's CSS is untouched; the UI inside is the real extension's, cut only at an element's edge.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { ColorScheme } from '../tests/e2e/harness/axe';

export const STORE_SIZE = { width: 1280, height: 800 } as const;
export const PROMO_SIZE = { width: 440, height: 280 } as const;
/** Device pixels per CSS pixel of the captured UI: text stays readable in the stores' 640×400 preview. */
export const UI_SCALE = 1.5;

/** The store's pictures by view, in the listing's order; one colour scheme each (one dark, to show it exists). */
export const STORE_VIEWS = ['popup', 'policy-review', 'enrolment', 'backup-codes', 'overview'] as const;
export type StoreView = (typeof STORE_VIEWS)[number];
export const STORE_SCHEME: Readonly<Record<StoreView, ColorScheme>> = {
  popup: 'light', 'policy-review': 'light', enrolment: 'light', 'backup-codes': 'dark', overview: 'light',
};

export interface Listing { name: string; summary: string; screenshots: { file: string; caption: string }[]; promoTile: { file: string; tagline: string } }

export async function readListing(root: string, lang: string): Promise<Listing> {
  return JSON.parse(await readFile(path.join(root, `store/${lang === 'ru' ? 'ru' : 'en'}.json`), 'utf8')) as Listing;
}

/** The listing's screenshot entry for a view: files are named `<n>-<view>.png`. */
export function listingShot(listing: Listing, view: StoreView): { file: string; caption: string } {
  const shot = listing.screenshots.find((s) => s.file.replace(/^\d+-|\.png$/g, '') === view);
  if (!shot) throw new Error(`store listing has no screenshot for ${view}`);
  return shot;
}

export interface Region { x: number; y: number; width: number; height: number }

/**
 * The page's content (CSS px, page coordinates): the union of the `main` landmark's children other than its header,
 * navigation and footer (the view itself, whatever the shell's layout), else `main`, else the whole page; cut at most
 * `maxHeight` below its top, and then only between elements, never through a control, an image or a line of text.
 */
export async function contentRegion(page: Page, maxHeight: number): Promise<Region> {
  return page.evaluate((limit) => {
    const main = document.querySelector('main, [role="main"]');
    const chrome = 'header, nav, footer, [role="navigation"], [role="banner"], [role="contentinfo"]';
    const parts = main ? [...main.children].filter((el) => !el.matches(chrome)) : [];
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const rects = (parts.length ? parts : [main ?? document.documentElement]).map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0);
    const x = Math.floor(Math.min(...rects.map((r) => r.left)) + scrollX);
    const y = Math.floor(Math.min(...rects.map((r) => r.top)) + scrollY);
    const right = Math.ceil(Math.max(...rects.map((r) => r.right)) + scrollX);
    const bottom = Math.ceil(Math.max(...rects.map((r) => r.bottom)) + scrollY);
    // A margin of the page's own background, but never as far as the rule of a header, a nav or a footer next to it.
    const others = (main ? [...main.children].filter((el) => el.matches(chrome)) : []).map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0);
    const pad = 16;
    const padTop = Math.max(0, Math.min(pad, ...others.filter((r) => r.bottom + scrollY <= y + 1).map((r) => y - (r.bottom + scrollY) - 1)));
    const padBottom = Math.max(0, Math.min(pad, ...others.filter((r) => r.top + scrollY >= bottom - 1).map((r) => r.top + scrollY - bottom - 1)));
    const region = { x: Math.max(0, x - pad), y: Math.max(0, Math.floor(y - padTop)), width: right - x + 2 * pad, height: Math.ceil(bottom + padBottom) - Math.max(0, Math.floor(y - padTop)) };
    if (region.height <= limit) return region;
    const LEAF = /^(IMG|SVG|CANVAS|BUTTON|INPUT|TEXTAREA|SELECT|P|LI|H[1-6]|LABEL|TR|DT|DD|LEGEND|SUMMARY|A|PRE|CODE)$/;
    // Only what is inside the view (the sidebar's links beside it do not count).
    const inside = parts.length ? parts : [main ?? document.body];
    const boxes = [...document.querySelectorAll('body *')]
      .filter((el) => inside.some((p) => p.contains(el)) && (LEAF.test(el.tagName.toUpperCase()) || (el.children.length === 0 && (el.textContent ?? '').trim() !== '')))
      .map((el) => [el.getBoundingClientRect(), /^H[1-6]$/.test(el.tagName.toUpperCase())] as const)
      // A box taller than half the allowance holds others (a block that is empty but for its text, say): cut inside it.
      .filter(([r]) => r.height > 0 && r.width > 0 && r.height < limit / 2)
      .map(([r, heading]) => [r.top + scrollY, r.bottom + scrollY, heading] as const);
    const end = region.y + limit;
    // Never right under a heading: it would end the picture without what it heads.
    const cuts = boxes.filter(([, , heading]) => !heading).map(([, b]) => Math.ceil(b) + 1).filter((c) => c <= end).sort((a, b) => b - a);
    const cut = cuts.find((c) => !boxes.some(([top, b]) => top < c && b > c)) ?? end;
    return { ...region, height: cut - region.y };
  }, maxHeight);
}

/**
 * A PNG of a region of an options page (CSS px) at UI_SCALE device pixels per CSS pixel: the page is laid out as tall
 * as the region needs (as a full-page screenshot is), so nothing repeats or scrolls.
 */
export async function captureScaled(page: Page, region: Region): Promise<Buffer> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const size = await page.evaluate(() => ({ width: document.documentElement.clientWidth, inner: innerHeight }));
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: Math.max(size.inner, Math.ceil(region.y + region.height)), deviceScaleFactor: UI_SCALE, mobile: false });
    const shot = (await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...region, scale: 1 } })) as { data: string };
    return Buffer.from(shot.data, 'base64');
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The whole popup at UI_SCALE: a popup's target takes no metrics override, so the page is zoomed (CSSOM, which the
 * extension's CSP allows) for the capture and set back after; the browser sizes the popup to it as to any content.
 */
export async function capturePopupScaled(page: Page): Promise<Buffer> {
  await page.evaluate((zoom) => { document.documentElement.style.setProperty('zoom', String(zoom)); }, UI_SCALE);
  try {
    await page.waitForTimeout(300);
    return await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate(() => { document.documentElement.style.removeProperty('zoom'); });
  }
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const dataPng = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
/** Inter where installed (Debian's fonts-inter, for captures only), else the system's UI font. */
const FONT = "Inter, system-ui, 'Segoe UI', Roboto, sans-serif";
const palette = (scheme: ColorScheme) => scheme === 'dark'
  ? { bg: '#0f1316', fg: '#e6edf3', muted: '#9da7b3', card: '#16181c', line: '#2b3138', chrome: '#202428', field: '#2b3036' }
  : { bg: '#e8f2f1', fg: '#12302f', muted: '#4a5a5a', card: '#ffffff', line: '#c9d6d5', chrome: '#dee3e8', field: '#ffffff' };

async function render(context: BrowserContext, size: { width: number; height: number }, scheme: ColorScheme, html: string): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.setContent(`<!doctype html><html><body style="margin:0;width:${size.width}px;height:${size.height}px;overflow:hidden">${html}</body></html>`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.screenshot({ animations: 'disabled' });
  } finally {
    await page.close();
  }
}

/** PNG width and height from its header. */
const sizeOf = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * An options page's picture, framed with the headline: above the UI when that leaves the UI larger (wide views),
 * beside it otherwise (tall ones); the UI is scaled down only to fit and sits inside the frame with a margin all round.
 */
export async function framePage(context: BrowserContext, ui: Buffer, caption: string, icon: Buffer, scheme: ColorScheme, uiBackground?: string): Promise<Buffer> {
  const c = palette(scheme);
  const { width, height } = sizeOf(ui);
  const top = { w: 1168, h: 600 };
  const side = { w: 800, h: 712 };
  const fit = (box: { w: number; h: number }) => Math.min(1, box.w / width, box.h / height);
  const beside = fit(side) > fit(top) * 1.1;
  const box = beside ? side : top;
  const img = `<div style="padding:12px 8px;background:${esc(uiBackground ?? c.card)};border:1px solid ${c.line};border-radius:12px;box-shadow:0 6px 18px rgba(0,0,0,.14)">
    <img src="${dataPng(ui)}" alt="" style="display:block;width:${Math.floor(width * fit(box)) - 18}px"></div>`;
  const title = (size: number) => `<div style="font:700 ${size}px/1.2 ${FONT};color:${c.fg};letter-spacing:-0.01em">${esc(caption)}</div>`;
  const logo = (size: number) => `<img src="${dataPng(icon)}" width="${size}" height="${size}" alt="">`;
  return render(context, STORE_SIZE, scheme, beside
    ? `<div style="width:1280px;height:800px;background:${c.bg};display:flex;align-items:center;gap:40px;padding:0 44px;box-sizing:border-box">
        <div style="flex:1;display:flex;flex-direction:column;gap:24px">${logo(72)}${title(38)}</div>
        <div style="width:${side.w}px;display:flex;justify-content:center">${img}</div></div>`
    : `<div style="width:1280px;height:800px;background:${c.bg};box-sizing:border-box;padding:36px 56px 0">
        <div style="display:flex;align-items:center;gap:20px;height:84px">${logo(56)}${title(36)}</div>
        <div style="display:flex;justify-content:center;margin-top:20px">${img}</div></div>`);
}

export interface Badge { text: string; color: string }

/** The badge the extension set on the active tab (its text and colour), read from its service worker. */
export async function activeTabBadge(worker: Worker): Promise<Badge> {
  return worker.evaluate(async () => {
    interface Chrome { tabs: { query(q: object): Promise<{ id?: number }[]> }; action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> } }
    const chrome = Reflect.get(globalThis, 'chrome') as Chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const details = { tabId: tab?.id };
    const [r = 0, g = 0, b = 0] = await chrome.action.getBadgeBackgroundColor(details);
    return { text: await chrome.action.getBadgeText(details), color: `rgb(${r}, ${g}, ${b})` };
  });
}

/**
 * The popup under a drawn browser toolbar: the address of the portal tab, the extension's real icon with the badge
 * the extension set for that tab, the popup hanging from it, and the portal's page faintly behind.
 */
export async function framePopup(context: BrowserContext, o: { ui: Buffer; page: Buffer; caption: string; icon: Buffer; scheme: ColorScheme; host: string; badge: Badge }): Promise<Buffer> {
  const c = palette(o.scheme);
  const badge = o.badge.text ? `<span style="position:absolute;right:-7px;bottom:-5px;min-width:17px;height:17px;padding:0 4px;box-sizing:border-box;border-radius:9px;
    background:${esc(o.badge.color)};color:#fff;font:700 12px/17px ${FONT};text-align:center">${esc(o.badge.text)}</span>` : '';
  return render(context, STORE_SIZE, o.scheme, `<div style="width:1280px;height:800px;background:${c.bg};position:relative;overflow:hidden">
    <div style="position:absolute;left:56px;top:0;width:380px;height:800px;display:flex;flex-direction:column;justify-content:center;gap:24px">
      <img src="${dataPng(o.icon)}" width="88" height="88" alt="">
      <div style="font:700 40px/1.2 ${FONT};color:${c.fg};letter-spacing:-0.01em">${esc(o.caption)}</div></div>
    <div style="position:absolute;left:468px;top:40px;width:772px;height:720px;border-radius:12px;overflow:hidden;border:1px solid ${c.line};background:${c.card};box-shadow:0 6px 18px rgba(0,0,0,.16)">
      <div style="height:52px;background:${c.chrome};display:flex;align-items:center;gap:12px;padding:0 14px;box-sizing:border-box">
        <span style="width:12px;height:12px;border-radius:6px;background:#ec6a5e"></span><span style="width:12px;height:12px;border-radius:6px;background:#f4bf4f"></span><span style="width:12px;height:12px;border-radius:6px;background:#61c554"></span>
        <div style="flex:1;height:32px;border-radius:16px;background:${c.field};display:flex;align-items:center;padding:0 16px;font:15px ${FONT};color:${c.fg}">
          <span style="color:${c.muted}">https://</span>${esc(o.host)}</div>
        <span style="position:relative;width:24px;height:24px;margin-right:10px"><img src="${dataPng(o.icon)}" width="24" height="24" alt="">${badge}</span></div>
      <div style="position:relative;height:668px;overflow:hidden">
        <img src="${dataPng(o.page)}" alt="" style="width:100%;filter:blur(2px);opacity:.45">
        <img src="${dataPng(o.ui)}" alt="" style="position:absolute;right:8px;top:4px;max-height:652px;max-width:560px;border:1px solid ${c.line};border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.28)">
      </div></div></div>`);
}

/** The 440×280 promo tile: icon, name and tagline, in the brand's teal. */
export async function promoTile(context: BrowserContext, listing: Listing, icon: Buffer): Promise<Buffer> {
  return render(context, PROMO_SIZE, 'light', `<div style="width:440px;height:280px;box-sizing:border-box;padding:28px 32px;background:linear-gradient(135deg,#0e5f5c,#1f8a8a);
    color:#fff;display:flex;flex-direction:column;justify-content:center;gap:14px;font-family:${FONT}">
    <img src="${dataPng(icon)}" width="64" height="64" alt="" style="border-radius:14px;background:#fff;padding:4px">
    <div style="font:700 24px/1.2 ${FONT}">${esc(listing.name)}</div>
    <div style="font:500 16px/1.35 ${FONT};opacity:.92">${esc(listing.promoTile.tagline)}</div></div>`);
}

// `npm run icons`: renders assets/icon.svg to public/icon/<size>.png (16, 32, 48, 96, 128) in headless Chromium
// (Debian's), transparent outside the tile, and records the SVG's hash beside it so a test can tell when the PNGs
// are stale (tests/unit/icons.test.ts). WXT puts public/icon/*.png into both manifests.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_BINARIES, REPO_ROOT } from '../tests/e2e/harness/config';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const svg = await readFile(path.join(REPO_ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: BROWSER_BINARIES.chromium, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await writeFile(path.join(REPO_ROOT, `public/icon/${size}.png`), await page.screenshot({ omitBackground: true }));
    process.stdout.write(`public/icon/${size}.png\n`);
  }
} finally {
  await browser.close();
}
await writeFile(path.join(REPO_ROOT, 'assets/icon.svg.sha256'), `${createHash('sha256').update(svg).digest('hex')}\n`);

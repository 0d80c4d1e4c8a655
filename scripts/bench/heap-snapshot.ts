// Not part of `npm run bench`: a heap snapshot of the popup in the realistic admin state (scripts/bench/heap.ts), for
// finding what takes the heap (open it in Chromium's DevTools, Memory tab, or read it as JSON).
//   node --import tsx scripts/bench/heap-snapshot.ts [out.heapsnapshot]
// FLOOR=1: the floor popup instead (what any extension page costs); KEEP_INSTALL=1: leave the options page the
// extension opens on install open beside it (how the heap was measured before issue 26). Needs `npm run build:test`.
import { writeFile } from 'node:fs/promises';
import { ChromiumBrowser, playwrightPageOf } from '../../tests/e2e/harness';
import { signInWithCookie, startPortal } from '../../tests/e2e/harness/portal';
import { REALISTIC_FIRST, realistic } from './heap';
import { floorExtension } from './floor';

const out = process.argv[2] ?? '/tmp/popup.heapsnapshot';
const portal = await startPortal({ big: true });
const floor = process.env.FLOOR === '1' ? await floorExtension() : null;
const browser = await ChromiumBrowser.launch({ extensionDir: floor?.dir });
try {
  portal.enrol('admin@demo.test');
  await realistic(portal, browser);
  const tab = await signInWithCookie(browser, portal, 'admin');
  // KEEP_INSTALL=1: leave the options page the extension opens on install (it shares the popup's renderer and heap).
  if (process.env.KEEP_INSTALL !== '1') {
    for (const p of browser.context.pages()) if (p.url().startsWith(browser.extensionOrigin)) await p.goto('about:blank');
  }
  let popup = floor ? tab : await browser.openPopup(tab);
  if (!floor) await popup.waitForText(REALISTIC_FIRST, 10_000);
  if (floor) {
    const page = `floor.html?key=${encodeURIComponent(`portal:${portal.origin}`)}`;
    await (await browser.serviceWorker()).evaluate((p: string) => (globalThis as unknown as { chrome: { action: { setPopup(d: { popup: string }): Promise<void> } } }).chrome.action.setPopup({ popup: p }), page);
    popup = await browser.openPopup(tab, page);
    await popup.waitForText('Signed in as', 10_000);
  }
  await new Promise((r) => setTimeout(r, 300));
  const raw = playwrightPageOf(popup);
  const cdp = await raw.context().newCDPSession(raw);
  await cdp.send('HeapProfiler.collectGarbage');
  console.log('usedSize', (await cdp.send('Runtime.getHeapUsage')).usedSize);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await writeFile(out, chunks.join(''));
  console.log('wrote', out);
} finally {
  await browser.close();
  await portal.close();
  await floor?.remove();
}

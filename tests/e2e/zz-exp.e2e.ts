import { describe, it } from 'vitest';
import { launchBrowser } from './harness';
import type { ChromiumBrowser } from './harness/chromium';
describe('chromium', () => {
  it('withhold', async () => {
    const b = (await launchBrowser('chromium')) as unknown as ChromiumBrowser;
    try {
      const p = await b.openExtensionPage('options.html');
      await p.evaluate(() => { (globalThis as any).events = []; const c = (globalThis as any).chrome; c.permissions.onRemoved.addListener((x: any) => (globalThis as any).events.push(['rm', x])); c.permissions.onAdded.addListener((x: any) => (globalThis as any).events.push(['add', x])); });
      const page = await b.context.newPage();
      await page.goto('chrome://extensions/?id=' + b.extensionId);
      const r = await page.evaluate(async (id) => {
        const d = (globalThis as any).chrome.developerPrivate;
        const info = await d.getExtensionInfo(id);
        let res: any = {};
        res.before = JSON.stringify(info.permissions.runtimeHostPermissions);
        try { await d.removeHostPermission(id, 'http://127.0.0.1/*'); res.rm = 'ok'; } catch (e) { res.rm = String(e); }
        const info2 = await d.getExtensionInfo(id);
        res.after = JSON.stringify(info2.permissions.runtimeHostPermissions);
        return res;
      }, b.extensionId);
      console.log(JSON.stringify(r));
      await new Promise((r) => setTimeout(r, 500));
      console.log(JSON.stringify(await p.evaluate(async () => ({ ev: (globalThis as any).events, all: await (globalThis as any).chrome.permissions.getAll() }))));
      const r2 = await page.evaluate(async (id) => {
        const d = (globalThis as any).chrome.developerPrivate;
        try { await d.addHostPermission(id, 'http://127.0.0.1/*'); return 'ok'; } catch (e) { return String(e); }
      }, b.extensionId);
      console.log(r2);
      await new Promise((r) => setTimeout(r, 500));
      console.log(JSON.stringify(await p.evaluate(async () => ({ ev: (globalThis as any).events, all: await (globalThis as any).chrome.permissions.getAll() }))));
    } finally { await b.close(); }
  });
});

// A Navixy dealer with 50,000 users: the options page's users view (the panel's own paging) from opening to the
// first page visible, its JS heap after GC, counting every user's MFA, and the popup beside the floor popup.
import { ChromiumBrowser } from '../../tests/e2e/harness';
import { startNavixyPanel } from '../../tests/navixy/server';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../tests/navixy/demo';
import { messageFor } from '../../tests/support/locale-catalogs';
import { LATENCY_MS, RUNS, heapAfterGc, percentile, say, sendFrom } from './common';
import { floorMedians, floorPopup } from './floor';

const NAVIXY_USERS = 50_000;
const m = (key: string, ...subs: string[]) => messageFor('en', key, ...subs);

/** Click to status visible (ms, median) of the Navixy popup and of the floor popup in the same browser (the Navixy popup sets no mark). */
export interface NavixyFigures { click: number; floorClick: number }

export async function navixy(extensionDir: string): Promise<NavixyFigures> {
  const navixy = await startNavixyPanel({ userCount: NAVIXY_USERS, latencyMs: LATENCY_MS, rateLimitPerSecond: Infinity });
  const chromium = await ChromiumBrowser.launch({ extensionDir });
  try {
    const panels = await chromium.openExtensionPage('options.html?view=navixy-panels');
    // The test build holds loopback access already: add and sign in through the background directly.
    for (const cmd of [
      { type: 'addNavixyPanel', panel: navixy.panelOrigin, apiBase: navixy.apiBase },
      { type: 'navixySignIn', panel: navixy.panelOrigin, login: DEMO_LOGINS.admin, password: DEMO_PASSWORD, apiBase: navixy.apiBase },
    ]) if (!(await sendFrom<{ ok: boolean }>(panels, cmd)).ok) throw new Error(`${JSON.stringify(cmd)} failed`);
    const firstPage = m('navixy.users.pageRange', '1', '500', NAVIXY_USERS.toLocaleString('en'));
    const loads: number[] = [];
    const heaps: number[] = [];
    const requests: number[] = [];
    for (let i = 0; i < Math.max(3, Math.round(RUNS / 3)); i++) {
      navixy.clearLog();
      const t0 = performance.now();
      const page = await chromium.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(navixy.panelOrigin)}`);
      await page.waitForText(firstPage, 30_000);
      loads.push(performance.now() - t0);
      requests.push(navixy.requests.length);
      heaps.push(await heapAfterGc(page));
      if (i === 0) {
        const c0 = performance.now();
        navixy.clearLog();
        await page.click('button', m('navixy.users.countNow'));
        await page.waitForText(m('navixy.users.countedJustNow'), 120_000);
        say(`\nNavixy, ${NAVIXY_USERS.toLocaleString('en')} users, ${LATENCY_MS} ms API latency: counting MFA over every user took ${((performance.now() - c0) / 1000).toFixed(1)} s in ${navixy.requests.filter((r) => r.action === 'panel/user/list').length} list pages`);
      }
      await page.close();
    }
    say(`  options page, users view: open to first page visible median ${percentile(loads, 50).toFixed(0)} ms, p95 ${percentile(loads, 95).toFixed(0)} ms; ` +
      `API requests median ${percentile(requests, 50)}; JS heap after GC median ${(percentile(heaps, 50) / 1024 / 1024).toFixed(2)} MB`);
    const tab = await chromium.openTab(navixy.panelOrigin);
    // The floor on the same tab after each open reads the panel's session (its login): no request, no framework.
    const floorRuns = floorPopup(chromium, tab, `navixy:${navixy.panelOrigin}`, `Signed in as ${DEMO_LOGINS.admin}`);
    const times: number[] = [];
    const popupRequests: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      navixy.clearLog();
      const t0 = performance.now();
      const popup = await chromium.openPopup(tab);
      await popup.waitForText(m('navixy.popup.defaultLabel'), 10_000);
      times.push(performance.now() - t0);
      await popup.close();
      popupRequests.push(navixy.requests.length);
      await floorRuns.once();
    }
    const floor = floorMedians(floorRuns.runs);
    const click = percentile(times, 50);
    say(`  popup on the panel: click to status visible median ${click.toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms; API requests per open (incl. revalidation) max ${Math.max(...popupRequests)}; ` +
      `floor popup click to visible median ${floor.click.toFixed(0)} ms (×${(click / floor.click).toFixed(2)})`);
    return { click, floorClick: floor.click };
  } finally {
    await chromium.close();
    await navixy.close();
  }
}

// `npm run bench`: figures, not a test. In real Chromium with the built test
// extension against the emulated portal (50 ms injected latency), the time from
// opening the popup to the status being visible, cold (nothing cached) and warm,
// the requests on the critical path and their depth; then the bundle sizes.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ChromiumBrowser } from '../tests/e2e/harness';
import { signInWithCookie, startPortal } from '../tests/e2e/harness/portal';
import { bundleSize, kb } from './bundle-size';
import { BROWSER_BINARIES } from '../tests/e2e/harness/config';
import { STATUS_VISIBLE_MARK } from '../lib/perf';
import { playwrightPageOf } from '../tests/e2e/harness';
import { startNavixyPanel } from '../tests/navixy/server';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../tests/navixy/demo';
import { messageFor } from '../tests/support/locale-catalogs';

const chromiumVersion = spawnSync(BROWSER_BINARIES.chromium, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'Chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const LATENCY_MS = 50;
const root = resolve(import.meta.dirname, '..');
const say = (line = '') => process.stdout.write(`${line}\n`);

for (const script of ['build', 'build:test']) {
  const r = spawnSync('npm', ['run', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed:\n${r.stderr}`);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Groups request arrival times into round trips: a new level starts once a full latency has passed. */
function depth(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let levels = 0;
  let levelStart = -Infinity;
  for (const t of sorted) {
    if (t - levelStart >= LATENCY_MS) {
      levels += 1;
      levelStart = t;
    }
  }
  return levels;
}

const portal = await startPortal({ latencyMs: LATENCY_MS });
const browser = await ChromiumBrowser.launch();
try {
  const tab = await signInWithCookie(browser, portal, 'admin');
  const expected = `Signed in as ${portal.user('admin').displayName}`;
  /** first: nothing known (first contact: anonymous recognition, then the signed-in reads); known: recognised, no status cached; warm: status cached. */
  const measure = async (mode: 'first' | 'known' | 'warm') => {
    const times: number[] = [];
    const inPage: number[] = [];
    const counts: number[] = [];
    const depths: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (mode !== 'warm') {
        const worker = await browser.serviceWorker();
        await worker.evaluate(async (clearLocal: boolean) => {
          const c = (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> }; local: { clear(): Promise<void> } } } }).chrome;
          await c.storage.session.clear();
          if (clearLocal) await c.storage.local.clear();
        }, mode === 'first');
      }
      portal.clearLog();
      const t0 = performance.now();
      const popup = await browser.openPopup(tab);
      await popup.waitForText(expected, 10_000);
      times.push(performance.now() - t0);
      // The popup's own User Timing mark: when the status was first rendered, on the page's clock.
      const mark = await popup.evaluate((name: string) => {
        const entry = performance.getEntriesByName(name)[0];
        return entry ? { origin: performance.timeOrigin, at: entry.startTime } : null;
      }, STATUS_VISIBLE_MARK);
      if (!mark) throw new Error(`the popup set no ${STATUS_VISIBLE_MARK} mark`);
      inPage.push(mark.at);
      const visibleAt = mark.origin + mark.at;
      // Requests that reached the portal after the popup started loading and before the status was on screen.
      const critical = portal.requests.filter((q) => q.at >= mark.origin && q.at < visibleAt);
      counts.push(critical.length);
      depths.push(critical.length ? depth(critical.map((q) => q.at)) : 0);
      await popup.close();
    }
    return { times, inPage, counts, depths };
  };
  // Warm-up (first popup load compiles scripts).
  await measure('first').catch(() => undefined);
  const first = await measure('first');
  const known = await measure('known');
  const warm = await measure('warm');
  say(`Popup: time from opening to status visible, ${RUNS} runs each, ${LATENCY_MS} ms portal latency (${chromiumVersion})`);
  for (const [name, m] of [['first contact', first], ['known, not cached', known], ['warm (cached status)', warm]] as const) {
    say(`  ${name.padEnd(22)} click to visible: median ${percentile(m.times, 50).toFixed(0)} ms, p95 ${percentile(m.times, 95).toFixed(0)} ms; ` +
      `popup load to visible: median ${percentile(m.inPage, 50).toFixed(0)} ms, p95 ${percentile(m.inPage, 95).toFixed(0)} ms; ` +
      `portal requests on the critical path: median ${percentile(m.counts, 50)}, max ${Math.max(...m.counts)}, round-trip depth max ${Math.max(...m.depths)}`);
  }
} finally {
  await browser.close();
  await portal.close();
}


/**
 * A Navixy dealer with 50,000 users: the options page's users view (the panel's own paging) from
 * opening to the first page visible, its JS heap after GC, counting every user's MFA, and the popup.
 */
const NAVIXY_USERS = 50_000;
const m = (key: string, ...subs: string[]) => messageFor('en', key, ...subs);
{
  const navixy = await startNavixyPanel({ userCount: NAVIXY_USERS, latencyMs: LATENCY_MS, rateLimitPerSecond: Infinity });
  const chromium = await ChromiumBrowser.launch();
  try {
    const panels = await chromium.openExtensionPage('options.html?view=navixy-panels');
    // The test build holds loopback access already: add and sign in through the background directly.
    const send = (cmd: object) => panels.evaluate((c: object) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage(c), cmd);
    for (const cmd of [
      { type: 'addNavixyPanel', panel: navixy.panelOrigin, apiBase: navixy.apiBase },
      { type: 'navixySignIn', panel: navixy.panelOrigin, login: DEMO_LOGINS.admin, password: DEMO_PASSWORD },
    ]) if (!(await send(cmd)).ok) throw new Error(`${JSON.stringify(cmd)} failed`);
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
      const cdp = await playwrightPageOf(page).context().newCDPSession(playwrightPageOf(page));
      await cdp.send('HeapProfiler.collectGarbage');
      heaps.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
      if (i === 0) {
        const c0 = performance.now();
        navixy.clearLog();
        await page.click('button', m('navixy.users.countNow'));
        await page.waitForText(m('navixy.users.countedJustNow'), 120_000);
        say(`Navixy, ${NAVIXY_USERS.toLocaleString('en')} users, ${LATENCY_MS} ms API latency: counting MFA over every user took ${((performance.now() - c0) / 1000).toFixed(1)} s in ${navixy.requests.filter((r) => r.action === 'panel/user/list').length} list pages`);
      }
      await page.close();
    }
    say(`  options page, users view: open to first page visible median ${percentile(loads, 50).toFixed(0)} ms, p95 ${percentile(loads, 95).toFixed(0)} ms; ` +
      `API requests median ${percentile(requests, 50)}; JS heap after GC median ${(percentile(heaps, 50) / 1024 / 1024).toFixed(2)} MB`);
    const tab = await chromium.openTab(navixy.panelOrigin);
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
    }
    say(`  popup on the panel: click to status visible median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms; API requests per open (incl. revalidation) max ${Math.max(...popupRequests)}`);
  } finally {
    await chromium.close();
    await navixy.close();
  }
}

say('\nBundle sizes (release build, what each page loads):');
/** What each page loads as it opens: each page loads one provider's screens (a chunk of their own). */
const PAGES: [label: string, entry: string, lazy: string[]][] = [
  ['popup (DocSpace)', 'popup.html', ['Popup-']],
  ['popup (Navixy)', 'popup.html', ['NavixyPopup-']],
  ['options (DocSpace)', 'options.html', ['Options-']],
  ['options (Navixy)', 'options.html', ['NavixyOptions-']],
  ['background.js', 'background.js', []],
];
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  for (const [label, entry, lazy] of PAGES) {
    const s = bundleSize(resolve(root, '.output', target), entry, lazy);
    say(`  ${target.padEnd(12)} ${label.padEnd(19)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  (${s.files.length} files)`);
  }
}

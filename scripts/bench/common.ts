// What the bench's sections share: the run count, the portal latency, output, percentiles and the popup timing.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ChromiumBrowser, E2EPage } from '../../tests/e2e/harness';
import { BROWSER_BINARIES } from '../../tests/e2e/harness/config';
import { playwrightPageOf } from '../../tests/e2e/harness';
import { STATUS_VISIBLE_MARK } from '../../lib/perf';
import type { RequestLogEntry } from '../../tests/portal/server';

export const RUNS = Number(process.env.BENCH_RUNS ?? 15);
export const LATENCY_MS = 50;
export const root = resolve(import.meta.dirname, '../..');
export const chromiumVersion = spawnSync(BROWSER_BINARIES.chromium, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'Chromium';
export const say = (line = '') => process.stdout.write(`${line}\n`);

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
export const ms = (xs: number[], p: number) => `${percentile(xs, p).toFixed(0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

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

/** A server whose requests the bench counts (the emulated portal). */
export interface Logged { requests: RequestLogEntry[]; clearLog(): void }

export type Mode = 'first' | 'known' | 'warm';
export interface MeasureOptions {
  /** Another page set as the popup (the floor). */
  popupPage?: string;
  /** Opens (default RUNS). */
  runs?: number;
  /** Runs after each open (the floor popup, interleaved so that both see the same machine load). */
  afterEach?: () => Promise<void>;
}
export interface PopupRuns { times: number[]; inPage: number[]; counts: number[]; depths: number[]; perOpen: number[] }

/**
 * Opens the popup on `tab` RUNS times and measures it. first: nothing known (first contact: anonymous
 * recognition, then the signed-in reads); known: recognised, no status cached; warm: status cached.
 * `settled` is text that shows once everything the popup asks for by itself is on screen (the names it shows):
 * the requests per open are counted until then, plus a quiet 300 ms. `portal` null: no server to count.
 */
export async function measurePopup(browser: ChromiumBrowser, portal: Logged | null, tab: E2EPage, expected: string, settled: string, mode: Mode, more: MeasureOptions = {}): Promise<PopupRuns> {
  const { popupPage, runs = RUNS, afterEach } = more;
  const out: PopupRuns = { times: [], inPage: [], counts: [], depths: [], perOpen: [] };
  for (let i = 0; i < runs; i++) {
    if (mode !== 'warm') {
      const worker = await browser.serviceWorker();
      await worker.evaluate(async (clearLocal: boolean) => {
        const c = (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> }; local: { clear(): Promise<void> } } } }).chrome;
        await c.storage.session.clear();
        if (clearLocal) await c.storage.local.clear();
      }, mode === 'first');
    }
    portal?.clearLog();
    const t0 = performance.now();
    const popup = await browser.openPopup(tab, popupPage);
    await popup.waitForText(expected, 10_000);
    out.times.push(performance.now() - t0);
    // The popup's own User Timing mark: when the status was first rendered, on the page's clock.
    const mark = await popup.evaluate((name: string) => {
      const entry = performance.getEntriesByName(name)[0];
      return entry ? { origin: performance.timeOrigin, at: entry.startTime } : null;
    }, STATUS_VISIBLE_MARK);
    if (!mark) throw new Error(`the popup set no ${STATUS_VISIBLE_MARK} mark`);
    out.inPage.push(mark.at);
    const visibleAt = mark.origin + mark.at;
    // Requests that reached the portal after the popup started loading and before the status was on screen.
    const critical = portal?.requests.filter((q) => q.at >= mark.origin && q.at < visibleAt) ?? [];
    out.counts.push(critical.length);
    out.depths.push(critical.length ? depth(critical.map((q) => q.at)) : 0);
    await popup.waitForText(settled, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    out.perOpen.push(portal?.requests.filter((q) => q.at >= mark.origin && q.path.startsWith('/api/')).length ?? 0);
    await popup.close();
    await afterEach?.();
  }
  return out;
}

export function sayPopup(label: string, runs: [string, PopupRuns][]): void {
  say(label);
  for (const [name, m] of runs) {
    say(`  ${name.padEnd(22)} click to visible: median ${ms(m.times, 50)}, p95 ${ms(m.times, 95)}; ` +
      `popup load to visible: median ${ms(m.inPage, 50)}, p95 ${ms(m.inPage, 95)}; ` +
      `requests on the critical path: median ${percentile(m.counts, 50)}, max ${Math.max(...m.counts)}, round-trip depth max ${Math.max(...m.depths)}; ` +
      `API requests per open: max ${Math.max(...m.perOpen)}`);
  }
}

/** The page's JS heap after a full GC (CDP), in bytes. */
export async function heapAfterGc(page: E2EPage): Promise<number> {
  const raw = playwrightPageOf(page);
  const cdp = await raw.context().newCDPSession(raw);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Sends a command to the background from an extension page, as the extension's own pages do. */
export function sendFrom<R>(page: E2EPage, cmd: object): Promise<R> {
  return page.evaluate((c: object) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<R> } } }).chrome.runtime.sendMessage(c), cmd);
}

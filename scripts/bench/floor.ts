// The floor popup: what the fastest possible popup costs on this machine at this moment, so that the popup times
// can be read as ratios to it (machine-independent budgets) rather than compared with milliseconds from another day.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChromiumBrowser, E2EPage } from '../../tests/e2e/harness';
import { TEST_BUILDS } from '../../tests/e2e/harness/config';
import { measurePopup, percentile, type PopupRuns } from './common';

const FLOOR_FILES = ['floor.html', 'floor.js'];

/**
 * A copy of the built Chromium test extension with the floor page added (scripts/bench/floor/). The floor never
 * enters a build: not the release build (.output/, which `npm run zip` packs), not the test build itself.
 */
export async function floorExtension(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-floor-'));
  await cp(TEST_BUILDS.chromium, dir, { recursive: true });
  for (const f of FLOOR_FILES) await cp(path.join(import.meta.dirname, 'floor', f), path.join(dir, f));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

interface ActionApi { chrome: { action: { setPopup(d: { popup: string }): Promise<void> } } }

export interface Floor {
  /** Every floor open so far. */
  runs: PopupRuns;
  /** One floor open (meant as measurePopup's afterEach: the floor and the popup then share the machine's load). */
  once: () => Promise<void>;
  /** Forgets the opens so far (a warm-up). */
  reset: () => void;
}

/**
 * The floor popup on `tab`, timed exactly as the real one (measurePopup: the same opening, the same mark): the
 * toolbar button shows floor.html reading the session key `key` (`portal:<origin>`, the DocSpace status the
 * background cached; `navixy:<panel>` for a Navixy panel), and the real popup is put back after each open.
 */
export function floorPopup(browser: ChromiumBrowser, tab: E2EPage, key: string, expected: string): Floor {
  const runs: PopupRuns = { times: [], inPage: [], counts: [], depths: [], perOpen: [] };
  const page = `floor.html?key=${encodeURIComponent(key)}`;
  const setPopup = async (popup: string) => (await browser.serviceWorker()).evaluate((p: string) => (globalThis as unknown as ActionApi).chrome.action.setPopup({ popup: p }), popup);
  return {
    runs,
    reset: () => {
      for (const xs of Object.values(runs)) xs.length = 0;
    },
    once: async () => {
      await setPopup(page);
      try {
        const one = await measurePopup(browser, null, tab, expected, expected, 'warm', { popupPage: page, runs: 1 });
        for (const k of Object.keys(runs) as (keyof PopupRuns)[]) runs[k].push(...one[k]);
      } finally {
        await setPopup('popup.html');
      }
    },
  };
}

/** The floor's medians: popup load to visible, and click to visible. */
export const floorMedians = (f: PopupRuns) => ({ inPage: percentile(f.inPage, 50), click: percentile(f.times, 50) });

// `npm run bench`: figures, not a test. Real headless Chromium with the built test extension against the emulated
// portal (50 ms injected latency on every request) and the emulated Navixy panel. Sections, in order:
//
// popup     The DocSpace popup on the demo portal (an enrolled admin), RUNS opens each: first contact (nothing
//           known), known but not cached, warm (status cached in storage.session). Per open: click to visible (the
//           harness), popup load to visible (the popup's own User Timing mark `tfa:status-visible`), the portal
//           requests before the status showed and their round-trip depth, the API requests per open. Then the
//           FLOOR popup in the same browser on the same tab: floor.html + floor.js (scripts/bench/floor/), a few
//           lines of plain JS that read the status the background cached (one storage.session key) and render
//           one line of it, timed exactly like the popup (same opening, same mark, same runs). It is added to a
//           copy of the built test extension (scripts/bench/floor.ts), never to a build: the popup times are
//           then read as ratios to the floor's median, which do not depend on the machine or its day.
// heap      The popup's JS heap after GC in a fresh browser (median of 5): the demo portal's small status, the big
//           portal's, and a realistic admin's (trusted IPs, 25 named mandatory users and 5 groups, backup codes,
//           a stored coverage count), the last against the goal of 2.00 MB (issue 26).
// big       The big portal (5,000 people, a policy naming 5,000): the popup (not cached, warm) beside the floor,
//           and the policy editor (open to interactive with every id named; save of a trusted-IP change).
// navixy    A Navixy dealer with 50,000 users: the options page's users view (first page, heap), the MFA count
//           over every user, and the popup on the panel beside the floor (click to visible: it sets no mark).
// coverage  The coverage scan of the big portal as an admin (issue 26): time from sending scanCoverage to the
//           report, the API requests it made (the emulator's log), and the options page's JS heap after GC
//           with the report on screen; goal under 3 s.
// bundles   Sizes of what each page of the release build loads, raw and gzip.
// Then the budgets: sizes and heap in bytes; popup times as multiples of the floor measured in the same run.
//
// Environment: BENCH_ONLY=popup,heap,... runs only those sections (default: all); BENCH_RUNS=n opens each popup n
// times (default 15); BENCH_BUILD=0 skips `npm run build` and `npm run build:test` (when both are current).
import { spawnSync } from 'node:child_process';
import { kb } from './bundle-size';
import { RUNS, mb, root, say } from './bench/common';
import { floorExtension } from './bench/floor';
import { bigPortal, demoPopup, type PopupFigures } from './bench/popup';
import { heaps } from './bench/heap';
import { navixy, type NavixyFigures } from './bench/navixy';
import { coverageScan, type CoverageFigures } from './bench/coverage';
import { bundles, chromeGzip } from './bench/bundles';

const SECTIONS = ['popup', 'heap', 'big', 'navixy', 'coverage', 'bundles'] as const;
type Section = (typeof SECTIONS)[number];
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((s) => !SECTIONS.includes(s as Section));
if (unknown?.length) throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (use ${SECTIONS.join(', ')})`);
const runs = (s: Section) => !only?.length || only.includes(s);

if (process.env.BENCH_BUILD !== '0') {
  for (const script of ['build', 'build:test']) {
    const r = spawnSync('npm', ['run', script], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run ${script} failed:\n${r.stderr}`);
  }
}

const floor = await floorExtension();
let demo: PopupFigures | undefined;
let heap: Awaited<ReturnType<typeof heaps>> | undefined;
let big: PopupFigures | undefined;
let nav: NavixyFigures | undefined;
let coverage: CoverageFigures | undefined;
try {
  if (runs('popup')) demo = await demoPopup(floor.dir);
  if (runs('heap')) heap = await heaps();
  if (runs('big')) big = await bigPortal(floor.dir);
  if (runs('navixy')) nav = await navixy(floor.dir);
  if (runs('coverage')) coverage = await coverageScan();
} finally {
  await floor.remove();
}
if (runs('bundles')) bundles();

/**
 * Budgets. Sizes and heap are stable to the byte across runs and are checked in bytes (issue 14's budgets, and
 * issue 26's 2.00 MB for the realistic popup). Times move with the machine's day, so they are checked as
 * multiples of the floor popup measured in the same browser in the same run ("popup load to visible" medians;
 * click to visible for Navixy, whose popup sets no mark); the milliseconds are printed for information only.
 */
const KB = 1024;
const times = (n: number) => `×${n.toFixed(2)}`;
const bytes: [name: string, now: number | undefined, limit: number, unit: (n: number) => string][] = [
  ['background.js, gzip', runs('bundles') ? chromeGzip('background.js', []) : undefined, 30 * KB, kb],
  ['popup (DocSpace), gzip', runs('bundles') ? chromeGzip('popup.html', ['Popup-']) : undefined, 22 * KB, kb],
  ['popup JS heap after GC', heap?.demo, 2 * KB * KB, mb],
  ['popup heap, realistic admin', heap?.realistic, 2 * KB * KB, mb],
];
// Ratio budgets: today's ratios plus about 10 %, so that a slower popup shows while the noise of the ratio does not.
// Measured 2026-12-07 (issue 26) in the full run on a quiet machine (floor 48-55 ms): demo warm ×4.38, demo not cached
// ×5.43, big warm ×4.47, big not cached ×5.41, Navixy (click to visible, which includes the browser opening the
// window for both) ×1.30. Under heavy load (load average 10-14 on 2 cores) the ratios were lower (demo warm
// ×2.83-2.95, not cached ×3.09-3.54, big ×3.41 / ×4.11: the floor slows more than the popup), so budgets taken from
// a quiet run hold on a busy one; the ratio is steadier than milliseconds, not independent of the load.
const ratios: [name: string, ms: number | undefined, floorMs: number | undefined, limit: number][] = [
  ['status visible, warm', demo?.warm, demo?.floor, 4.8],
  ['status visible, not cached', demo?.cold, demo?.floor, 6.0],
  ['big portal, warm', big?.warm, big?.floor, 4.9],
  ['big portal, not cached', big?.cold, big?.floor, 6.0],
  ['Navixy popup (click)', nav?.click, nav?.floorClick, 1.45],
];
say(`\nBudgets (sizes and heap in bytes; times as multiples of the floor popup of the same run, ${RUNS} runs each)`);
for (const [name, now, limit, unit] of bytes) {
  if (now === undefined) continue;
  say(`  ${name.padEnd(30)} ${unit(now).padStart(9)}   budget ${unit(limit).padStart(8)}   ${now <= limit ? 'met' : 'NOT MET'}`);
}
for (const [name, msNow, floorMs, limit] of ratios) {
  if (msNow === undefined || floorMs === undefined) continue;
  const r = msNow / floorMs;
  say(`  ${name.padEnd(30)} ${times(r).padStart(9)}   budget ${times(limit).padStart(8)}   ${r <= limit ? 'met' : 'NOT MET'}   (${msNow.toFixed(0)} ms, floor ${floorMs.toFixed(0)} ms)`);
}
if (coverage) {
  say(`  ${'coverage scan, 5,000 people'.padEnd(30)} ${`${(coverage.ms / 1000).toFixed(2)} s`.padStart(9)}   budget ${'3.00 s'.padStart(8)}   ${coverage.ms < 3000 ? 'met' : 'NOT MET'}`);
}

// The DocSpace popup's times (demo portal and big portal, each beside the floor popup) and the policy editor on the big portal.
import { ChromiumBrowser } from '../../tests/e2e/harness';
import { signInWithCookie, startPortal } from '../../tests/e2e/harness/portal';
import { BIG_USERS, ODD_NAMES } from '../../tests/portal/big';
import { LATENCY_MS, RUNS, chromiumVersion, measurePopup, ms, percentile, say, sayPopup } from './common';
import { floorMedians, floorPopup } from './floor';

/** Medians (ms) the budgets are checked against: popup load to visible, and the floor's in the same browser. */
export interface PopupFigures { warm: number; cold: number; floor: number; floorClick: number }

/** The demo portal, an enrolled admin: first contact, known but not cached, warm; the floor on the same tab after each open. */
export async function demoPopup(extensionDir: string): Promise<PopupFigures> {
  const portal = await startPortal({ latencyMs: LATENCY_MS });
  const browser = await ChromiumBrowser.launch({ extensionDir });
  try {
    const tab = await signInWithCookie(browser, portal, 'admin');
    const expected = `Signed in as ${portal.user('admin').displayName}`;
    // The floor opens after each open of the popup (it reads the status that open cached).
    const floor = floorPopup(browser, tab, `portal:${portal.origin}`, expected);
    // Warm-up (first popup load compiles scripts).
    await measurePopup(browser, portal, tab, expected, expected, 'first').catch(() => undefined);
    await floor.once();
    floor.reset();
    const afterEach = floor.once;
    const first = await measurePopup(browser, portal, tab, expected, expected, 'first', { afterEach });
    const known = await measurePopup(browser, portal, tab, expected, expected, 'known', { afterEach });
    const warm = await measurePopup(browser, portal, tab, expected, expected, 'warm', { afterEach });
    sayPopup(`Popup: time from opening to status visible, ${RUNS} runs each, ${LATENCY_MS} ms portal latency (${chromiumVersion})`,
      [['first contact', first], ['known, not cached', known], ['warm (cached status)', warm], [`floor popup (${floor.runs.times.length} opens)`, floor.runs]]);
    const f = floorMedians(floor.runs);
    return { cold: percentile(known.inPage, 50), warm: percentile(warm.inPage, 50), floor: f.inPage, floorClick: f.click };
  } finally {
    await browser.close();
    await portal.close();
  }
}

/**
 * The big portal (tests/portal/big.ts): 5,000 more users, a policy naming 5,000 of them. The popup (status,
 * counts, first names; requests per open against the stated bound of 10) beside the floor, and the policy editor
 * (open to interactive with the whole list loaded, and a save of a trusted-IP change with every id).
 */
export async function bigPortal(extensionDir: string): Promise<PopupFigures> {
  const portal = await startPortal({ latencyMs: LATENCY_MS, big: true });
  const browser = await ChromiumBrowser.launch({ extensionDir });
  try {
    portal.enrol('admin@demo.test');
    const tab = await signInWithCookie(browser, portal, 'admin');
    const expected = 'Users who always need a code (5,000)';
    const firstName = `${ODD_NAMES[0]!.first} ${ODD_NAMES[0]!.last}`;
    const floor = floorPopup(browser, tab, `portal:${portal.origin}`, `Signed in as ${portal.user('admin').displayName}`);
    await measurePopup(browser, portal, tab, expected, firstName, 'known').catch(() => undefined);
    await floor.once();
    floor.reset();
    const afterEach = floor.once;
    const known = await measurePopup(browser, portal, tab, expected, firstName, 'known', { afterEach });
    const warm = await measurePopup(browser, portal, tab, expected, firstName, 'warm', { afterEach });
    sayPopup(`\nPopup on the big portal (policy naming ${BIG_USERS.toLocaleString('en')} users), ${RUNS} runs each, ${LATENCY_MS} ms latency:`,
      [['known, not cached', known], ['warm (cached status)', warm], [`floor popup (${floor.runs.times.length} opens)`, floor.runs]]);
    const f = floorMedians(floor.runs);
    const figures = { cold: percentile(known.inPage, 50), warm: percentile(warm.inPage, 50), floor: f.inPage, floorClick: f.click };

    const opens: number[] = [];
    const saves: number[] = [];
    const loadRequests: number[] = [];
    for (let i = 0; i < 3; i++) {
      portal.reset();
      portal.enrol('admin@demo.test');
      await signInWithCookie(browser, portal, 'admin').then((t) => t.close());
      portal.clearLog();
      const t0 = performance.now();
      const page = await browser.openExtensionPage(`options.html?view=policy&origin=${encodeURIComponent(portal.origin)}`);
      await page.waitForText(`Showing 1–50 of ${BIG_USERS.toLocaleString('en')}`, 120_000);
      opens.push(performance.now() - t0);
      loadRequests.push(portal.requests.filter((q) => q.path.startsWith('/api/')).length);
      const ips = await page.evaluate(() => document.querySelector('textarea')?.value ?? '');
      await page.fill('Trusted IP addresses', `${ips}\n10.${20 + i}.0.0/16`);
      await page.click('button', 'Review changes');
      await page.waitForText('Saving signs out everyone on the portal, you included.');
      const s0 = performance.now();
      await page.click('button', 'Save policy');
      await page.waitForText('The portal signed everyone out, you included', 120_000);
      saves.push(performance.now() - s0);
      await page.close();
    }
    say(`  policy editor, ${BIG_USERS.toLocaleString('en')} mandatory users: open to interactive (every id named, first page shown) median ${ms(opens, 50)}, max ${ms(opens, 100)}, ` +
      `API requests ${Math.max(...loadRequests)}; save (full PUT, re-read, compare) median ${ms(saves, 50)}, max ${ms(saves, 100)}`);
    return figures;
  } finally {
    await browser.close();
    await portal.close();
  }
}

// The built extension in real Chromium and Firefox against the big emulated portal (tests/portal/big.ts):
// 5,000 more users with names of every shape, a policy naming 5,000 of them (10 deleted), 255 groups and
// malformed trusted IPs stored by another client. The popup stays at its width, shows counts and the first
// names within its request bound; the policy editor loads, edits and saves without losing an entry.
import { describe, expect } from 'vitest';
import { playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { DELETED_USERS, MALFORMED_IPS, ODD_NAMES, bigPolicy } from '../portal/big';

/** What one popup open may cost (README, "Big portals"): 4 for the status, at most 3 + 3 names shown. */
const POPUP_REQUEST_BOUND = 10;

const name = (i: number) => {
  const n = ODD_NAMES[i]!;
  return n.last ? `${n.first} ${n.last}` : n.first;
};

/** Whether anything on the page reaches past the body's right edge (what would widen or scroll the popup). */
const overflow = (page: E2EPage) =>
  page.evaluate(() => {
    const body = document.body.getBoundingClientRect();
    // Content of a deliberate sideways scroller (the options page's tab row on a narrow window) is clipped there and
    // does not widen the page; everything else counts.
    const inScroller = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const widest = Math.max(...[...document.querySelectorAll('body *')].filter((e) => !inScroller(e)).map((e) => e.getBoundingClientRect().right));
    const style = getComputedStyle(document.body);
    // The page's designed width: the body and its margins.
    const normal = Math.round(body.width + parseFloat(style.marginLeft) + parseFloat(style.marginRight));
    const html = document.documentElement;
    return { bodyWidth: Math.round(body.width), normal, scrollWidth: html.scrollWidth, clientWidth: html.clientWidth, past: Math.max(0, Math.round(widest - body.right)) };
  });

const test = e2eTest.extend('apiRequests', ({ portal }) => () => portal.requests.filter((r) => r.path.startsWith('/api/')));

describe.each(selectedBrowsers())('%s with a big portal', (browserName) => {
  test.override({ browserName, portalOptions: { big: true } });

  test('popup: status, counts and the first names (right-to-left, 300 characters, markup) at its normal width, within the request bound; 20 more on demand', async ({ browser, portal, opened, apiRequests }) => {
    portal.reset();
    portal.enrol('admin@demo.test');
    const tab = await signInWithCookie(browser, portal, 'admin');
    opened.push(tab);
    portal.clearLog();
    const popup = await browser.openPopup(tab);
    opened.push(popup);

    await popup.waitForText('On, authenticator app');
    await popup.waitForText('Users who always need a code (5,000):');
    await popup.waitForText('Groups who always need a code (255):');
    await popup.waitForText('Trusted IP addresses (4):');
    await popup.waitForText('2 entries match no one and are ignored');
    await popup.waitForText(`${MALFORMED_IPS[0]} (matches no one)`);
    await popup.waitForText(name(0));
    await popup.waitForText(name(1));
    await popup.waitForText(name(2)); // the markup, as text
    await popup.waitForText('مجموعة المالية');
    await popup.waitForText('and 4,997 more');
    // The markup in names is text: no element came from a portal string.
    expect(await popup.evaluate(() => [...document.querySelectorAll('main img, main b, main script')].filter((e) => !e.closest('.brand')).length)).toBe(0);
    expect(await popup.evaluate(() => document.querySelector('[aria-busy="true"]') === null)).toBe(true);
    expect(await popup.bodyText()).not.toContain('Loading');

    const width = await overflow(popup);
    // The body keeps its 360 px, nothing reaches past its edge, and the popup does not scroll sideways.
    expect(width.bodyWidth, JSON.stringify(width)).toBe(360);
    expect(width.normal, JSON.stringify(width)).toBe(360);
    expect(width.past, JSON.stringify(width)).toBe(0);
    expect(width.scrollWidth, JSON.stringify(width)).toBeLessThanOrEqual(width.clientWidth);
    if (browserName === 'chromium') expect(await axeBothSchemes(playwrightPageOf(popup))).toEqual({ light: [], dark: [] });

    // Settled: nothing more is asked for than the bound.
    await new Promise((r) => setTimeout(r, 500));
    const atOpen = apiRequests();
    expect(atOpen.length, atOpen.map((r) => r.path).join('\n')).toBeLessThanOrEqual(POPUP_REQUEST_BOUND);

    portal.clearLog();
    await popup.click('button', 'and 4,997 more');
    await popup.waitForText('User23 Big0023');
    await popup.waitForText('and 4,977 more');
    expect(apiRequests().length).toBeLessThanOrEqual(21);
    expect((await overflow(popup)).past).toBe(0);
  });

  test('policy editor: loads 5,000 users a page at a time, shows deleted ids and malformed IPs as such, saves a trusted-IP change without losing an entry', async ({ browser, portal, opened }) => {
    portal.reset();
    const admin = portal.user('admin');
    portal.enrol(admin.email);
    await signInWithCookie(browser, portal, admin.email).then((t) => opened.push(t));
    const page = await browser.openExtensionPage(`options.html?view=policy&origin=${encodeURIComponent(portal.origin)}`);
    opened.push(page);
    await page.waitForText('Showing 1–50 of 5,000', 60_000);
    await page.waitForText('2 stored entries never match a visitor’s address');
    expect((await overflow(page)).past).toBe(0);
    if (browserName === 'chromium') {
      // The paged lists, their filters and pagers, the odd names: no accessibility violation in either scheme.
      expect(await axeBothSchemes(playwrightPageOf(page))).toEqual({ light: [], dark: [] });
    }

    // The deleted users, found with the users list's own "only deleted, unnamed or not valid" (each list has one).
    const problemsOnly = () => page.click('checkbox', 'Only deleted, unnamed or not valid users');
    await problemsOnly();
    await page.waitForText(`Deleted user (${DELETED_USERS[0]!.slice(0, 8)}`);
    await page.waitForText('Remove the 10 deleted entries');
    await problemsOnly();

    const p = bigPolicy();
    const ips = await page.evaluate(() => document.querySelector('textarea')?.value ?? '');
    await page.fill('Trusted IP addresses', `${ips}\n10.20.0.0/16`);
    portal.clearLog();
    await page.click('button', 'Review changes');
    await page.waitForText('Saving signs out everyone on the portal, you included.');
    await page.click('button', 'Save policy');
    await page.waitForText('The portal signed everyone out, you included', 60_000);

    const puts = portal.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/2.0/settings/tfaapp'));
    expect(puts).toHaveLength(1);
    const body = puts[0]!.body as { type: string; trustedIps: string[]; mandatoryUsers: string[]; mandatoryGroups: string[] };
    expect(body.type).toBe('App');
    // Every id as stored (deleted ones too: only the admin removes those), in order.
    expect(body.mandatoryUsers).toEqual(p.mandatoryUsers);
    expect(body.mandatoryGroups).toEqual(p.mandatoryGroups);
    // The valid stored IPs (an IPv6 block as the range it means), the new one; the malformed ones gone, as the editor said.
    expect(body.trustedIps).toEqual(['192.0.2.0/24', '198.51.100.10-198.51.100.20', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '203.0.113.7', '10.20.0.0/16']);
    expect(portal.getPolicy()).toEqual({ enabled: true, trustedIps: body.trustedIps, mandatoryUsers: p.mandatoryUsers, mandatoryGroups: p.mandatoryGroups });
  });
});

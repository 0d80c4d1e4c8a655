// A copied secret does not outlive its 45 seconds because the control that copied it went away: the options page
// keeps the timer (clipboard-guard.ts). The system clipboard is read by the test driver (harness readClipboard);
// the extension itself cannot read it.
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { shownSetupKey } from './harness/enrolment';
import type { E2EBrowser, E2EPage } from './harness/types';
import type { RunningPortal } from './harness/portal';

/** The enrolment page at the setup key (step 2), signed in on the portal; returns the page, the portal tab and the key. */
async function atSetupKey(browser: E2EBrowser, portal: RunningPortal, opened: E2EPage[]) {
  const tab = await signInWithCookie(browser, portal, 'user');
  opened.push(tab);
  portal.setPolicy({ enabled: true });
  const page = await browser.openExtensionPage(`options.html?view=enrol&origin=${encodeURIComponent(portal.origin)}`);
  opened.push(page);
  await page.bringToFront();
  await page.waitForText('Get an authenticator app');
  await page.click('button', 'Next');
  await page.waitForText('Setup key');
  return { page, tab, key: await shownSetupKey(page) };
}

describe.each(selectedBrowsers())('%s clipboard', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  test('setup key copied, then Next: the page-level notice speaks for it and the clipboard is cleared 45 s after the copy', async ({ browser, portal, opened }) => {
    const { page, tab, key } = await atSetupKey(browser, portal, opened);
    await page.click('button', 'Copy key');
    await page.waitForText('Setup key copied. It is cleared from the clipboard in 45 seconds');
    expect(await browser.readClipboard(tab)).toBe(key);
    // The copy button leaves the page with step 2; the page goes on counting.
    await page.click('button', 'Next');
    await page.waitForText('Enter the code from the app');
    await page.waitForText('Setup key copied. It is cleared from the clipboard 45 seconds after copying if this page stays in front.');
    expect(await browser.readClipboard(tab)).toBe(key);
    await page.waitForText('Clipboard cleared.', 60_000);
    expect(await browser.readClipboard(tab)).toBe('');
  }, 120_000);

  test('setup key copied, then the page closed while in front: the clipboard is cleared as it closes', async ({ browser, portal, opened }) => {
    const { page, tab, key } = await atSetupKey(browser, portal, opened);
    await page.click('button', 'Copy key');
    await page.waitForText('Setup key copied.');
    expect(await browser.readClipboard(tab)).toBe(key);
    await page.close();
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      seen.push(await browser.readClipboard(tab));
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(seen).toEqual([]);
  });

  test('setup key copied, then the page left for another (the privacy policy) while in front', async ({ browser, portal, opened }) => {
    const { page, tab, key } = await atSetupKey(browser, portal, opened);
    await page.click('button', 'Copy key');
    await page.waitForText('Setup key copied.');
    expect(await browser.readClipboard(tab)).toBe(key);
    await page.click('link', 'Privacy policy');
    await page.waitForText('Privacy');
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      seen.push(await browser.readClipboard(tab));
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(seen).toEqual([]);
  });
});

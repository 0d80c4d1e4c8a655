// A copied secret does not outlive its 45 seconds because the control that copied it went away: the options page
// keeps the timer (clipboard-guard.ts). The system clipboard is read by the test driver (harness readClipboard);
// the extension itself cannot read it.
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { pollFor } from './harness/wait';
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

  test('setup key copied, then Next: the page-level notice speaks for it, and 45 s after the copy the clipboard is cleared (Chromium) or the notice offers to (Firefox)', async ({ browser, portal, opened }) => {
    const { page, tab, key } = await atSetupKey(browser, portal, opened);
    // Firefox refuses a clipboard write 45 s after the last click (no user activation left): there the page asks
    // for *Clear the clipboard* from the start rather than promise a clearing Firefox will refuse.
    const asked = 'Setup key copied. Firefox lets this page clear the clipboard only right after a click, so choose “Clear the clipboard” once you have pasted it.';
    await page.click('button', 'Copy key');
    await page.waitForText(browserName === 'chromium' ? 'Setup key copied. It is cleared from the clipboard in 45 seconds' : asked);
    expect(await browser.readClipboard(tab)).toBe(key);
    // The copy button leaves the page with step 2; the page goes on counting.
    await page.click('button', 'Next');
    await page.waitForText('Enter the code from the app');
    await page.waitForText(browserName === 'chromium' ? 'Setup key copied. It is cleared from the clipboard 45 seconds after copying if you stay on this page.' : asked);
    expect(await browser.readClipboard(tab)).toBe(key);
    if (browserName === 'chromium') {
      await page.waitForText('Clipboard cleared.', 60_000);
      expect(await browser.readClipboard(tab)).toBe('');
      return;
    }
    // Firefox lets a page write to the clipboard only shortly after a click or key press on it (user activation),
    // which a timer 45 s later is not: the page says the clipboard may still hold the key, and clears it on request.
    await page.waitForText('Setup key copied. The copied text may still be in the clipboard.', 60_000);
    expect(await browser.readClipboard(tab)).toBe(key);
    await page.click('button', 'Clear the clipboard');
    await page.waitForText('Clipboard cleared.');
    expect(await browser.readClipboard(tab)).toBe('');
  }, 120_000);

  test('backup codes copied on Done, then the page left for another (the privacy policy) while in front: cleared as it goes', async ({ browser, portal, opened }) => {
    const { page, tab } = await atSetupKey(browser, portal, opened);
    await page.click('button', 'Next');
    await page.fill('6-digit code', await portal.totp(portal.user('user').email));
    await page.click('button', 'Check and connect');
    await page.waitForText('Your authenticator app is set up');
    const codes = portal.backupCodes(portal.user('user').email).map((c) => c.code);
    await page.click('button', 'Copy all');
    await page.waitForText(`${codes.length} unused backup codes copied.`);
    expect(await browser.readClipboard(tab)).toBe(codes.join('\n'));
    await page.click('link', 'Privacy policy');
    await page.waitForText('Privacy');
    expect(await browser.readClipboard(tab)).toBe('');
  });

  // Chromium does not reliably run a closing tab's pagehide clipboard write: on this machine (Chromium 156) it was left
  // on the clipboard in 7 of 8 runs with the page focused and a click 0.3 s before (README "Copying a secret").
  test.skipIf(browserName === 'chromium')('setup key copied, then the tab closed while in front: cleared as it closes', async ({ browser, portal, opened }) => {
    const { page, tab, key } = await atSetupKey(browser, portal, opened);
    await page.click('button', 'Copy key');
    await page.waitForText('Setup key copied.');
    expect(await browser.readClipboard(tab)).toBe(key);
    // A page being closed can still write to the clipboard only within a few seconds of a click on it (transient user
    // activation, both browsers): copied again just before, as someone who copies and closes at once. Reading the
    // clipboard above can take longer than that on a loaded machine.
    await page.click('button', 'Copy key');
    // Its clipboard write is a promise: let it land before the page goes (well inside the activation's few seconds).
    await new Promise((r) => setTimeout(r, 300));
    // Closed as the tab strip closes it (Firefox takes the focus from the tab first, Chromium does not).
    void page.evaluate(async () => {
      interface Tabs { tabs: { getCurrent(): Promise<{ id?: number } | undefined>; remove(id: number): Promise<void> } }
      const api = (globalThis as { browser?: Tabs; chrome?: Tabs }).browser ?? (globalThis as { chrome?: Tabs }).chrome;
      const id = (await api?.tabs.getCurrent())?.id;
      if (id !== undefined) await api?.tabs.remove(id);
    }).catch(() => undefined);
    await pollFor(async () => ((await browser.readClipboard(tab)) === '' ? true : undefined), () => 'an empty clipboard', 5_000).catch(() => undefined);
    expect(await browser.readClipboard(tab)).toBe('');
  });

  // Playwright's Chromium keeps every page focused (focus emulation), so a lost focus is staged in Firefox only.
  test.skipIf(browserName === 'chromium')('setup key copied, then the page lost the focus, then was left: the clipboard is left alone', async ({ browser, portal, opened }) => {
    const { page, tab, key } = await atSetupKey(browser, portal, opened);
    await page.click('button', 'Copy key');
    await page.waitForText('Setup key copied.');
    await tab.bringToFront();
    await new Promise((r) => setTimeout(r, 1500));
    await page.evaluate(() => {
      location.href = '/privacy.html';
    });
    await page.waitForText('Privacy');
    expect(await browser.readClipboard(tab)).toBe(key);
  });
});

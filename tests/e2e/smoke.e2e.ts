// Smoke: the built extension, in each browser, shows what the emulated portal says about the signed-in user.
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie, signInWithForm, startPortal } from './harness/portal';

describe.each(selectedBrowsers())('%s', (browserName) => {
  test.override({ browserName });

  test('popup on a portal tab shows the user signed in through the portal form', async ({ browser, portal }) => {
    const user = portal.user('user');
    const tab = await signInWithForm(browser, portal, user.email);

    const popup = await browser.openPopup(tab);

    expect(await popup.text('heading')).toBe(new URL(portal.origin).host);
    await popup.waitForText(`Signed in as ${user.displayName}`);
    // The status may be shown from the background's cache and revalidated behind it (aria-busy meanwhile).
    await expect.poll(() => popup.isBusy()).toBe(false);
    // The background asked the portal who is signed in, with the browser's own portal cookie.
    const self = portal.requests.filter((r) => r.path === '/api/2.0/people/@self');
    expect(self.map((r) => [r.status, r.auth])).toContainEqual([200, 'cookie']);
  });

  test('popup reaches the portal again after the background restarts', async ({ browser, portal }) => {
    const user = portal.user('user');
    const tab = await browser.openTab(`${portal.origin}/`);
    await browser.restartBackground();

    const popup = await browser.openPopup(tab);

    await popup.waitForText(`Signed in as ${user.displayName}`);
  });

  test('a second portal signed in by cookie gets its own popup', async ({ browser }) => {
    const other = await startPortal({ version: '3.6' });
    try {
      const admin = other.user('admin');
      const tab = await signInWithCookie(browser, other, admin.email);

      const popup = await browser.openPopup(tab);

      expect(await popup.text('heading')).toBe(new URL(other.origin).host);
      await popup.waitForText(`Signed in as ${admin.displayName}`);
      expect(other.requests.some((r) => r.path === '/api/2.0/people/@self' && r.auth === 'cookie')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

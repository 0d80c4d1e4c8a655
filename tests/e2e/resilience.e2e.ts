// Resilience in real Chromium and Firefox: the background stopped in the middle of an enrolment, two portals
// open side by side, signing out on the portal between two opens of the popup, and a portal that went away.
import { describe, expect } from 'vitest';
import { ChromiumBrowser, selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { AUTH_COOKIE, signInWithCookie, signInWithForm, startPortal, type RunningPortal } from './harness/portal';
import { walkToCodeStep } from './harness/enrolment';

const test = e2eTest.extend('popupFor', ({ browser, track }) => async (tab: E2EPage) => track(await browser.openPopup(tab)));

describe.each(selectedBrowsers())('%s resilience', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  const settled = (page: E2EPage) => expect.poll(() => page.isBusy()).toBe(false);
  const host = (origin: string) => new URL(origin).host;

  test('the background stopped after the setup key is shown: the popup offers to continue, and the code is accepted without starting over', async ({ browser, portal, track, popupFor }) => {
    const user = portal.user('user');
    const tab = track(await signInWithCookie(browser, portal, 'user'));
    portal.setPolicy({ enabled: true });
    const page = track(await browser.openExtensionPage(`options.html?view=enrol&origin=${encodeURIComponent(portal.origin)}`));
    const key = await walkToCodeStep(page);
    portal.clearLog();

    // Stopped as the browser stops an idle worker (Chromium: CDP ServiceWorker.stopAllWorkers; Firefox: terminate).
    await browser.stopBackground();

    // The next message wakes it: the popup knows an enrolment is in progress and offers to continue it.
    const popup = await popupFor(tab);
    await popup.waitForText('Continue setup');
    await settled(popup);
    await popup.close();

    await page.bringToFront();
    await page.fill('6-digit code', await portal.totp(user.email));
    await page.click('button', 'Check and connect');
    await page.waitForText('Your authenticator app is set up');
    await page.waitForText('5 codes left');
    // Enrolled with the key shown before the stop; no new confirm key or setup was asked for.
    expect(portal.state.isEnrolled(user.id)).toBe(true);
    expect(portal.secretOf(user.email)).toBe(key);
    const paths = portal.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/api/2.0/settings/tfaapp/validate')).toHaveLength(1);
    expect(paths).not.toContain('/api/2.0/settings/tfaapp/confirm');
    expect(paths).not.toContain('/api/2.0/settings/tfaapp/setup');
    expect(await page.bodyText()).not.toContain('Start again');
  });

  test('two portals in two tabs at once, different people and policies: each popup shows its own', async ({ browser, portal, track, popupFor }) => {
    // The second portal is reached as localhost: cookies are per host, not per port, so two portals on
    // 127.0.0.1 could not keep two sign-ins at once.
    const second = await startPortal();
    try {
      const secondOrigin = `http://localhost:${new URL(second.origin).port}`;
      const user = portal.user('user');
      const admin = second.user('admin');
      second.setPolicy({ enabled: true, trustedIps: ['203.0.113.0/24'] });
      second.enrol(admin.email);
      const first = track(await signInWithCookie(browser, portal, 'user'));
      await browser.setCookie({ origin: secondOrigin, name: AUTH_COOKIE, value: await second.signIn(admin.email) });
      const other = track(await browser.openTab(`${secondOrigin}/`));
      await other.waitForText(`Signed in as ${admin.displayName}`);

      const popupA = await popupFor(first);
      expect(await popupA.text('heading')).toBe(host(portal.origin));
      await popupA.waitForText(`Signed in as ${user.displayName}`);
      await popupA.waitForText('No, 2FA is off');
      await popupA.close();

      const popupB = await popupFor(other);
      expect(await popupB.text('heading')).toBe(host(secondOrigin));
      await popupB.waitForText(`Signed in as ${admin.displayName}`);
      await popupB.waitForText('On, authenticator app');
      await popupB.waitForText('203.0.113.0/24');
      await popupB.close();

      // Back on the first tab: still its own person and policy, nothing of the second portal.
      const again = await popupFor(first);
      await again.waitForText(`Signed in as ${user.displayName}`);
      await settled(again);
      const text = await again.bodyText();
      expect(text).not.toContain(admin.displayName);
      expect(text).not.toContain('203.0.113.0/24');
      // Each portal was asked who is signed in with its own cookie, and always recognised its own person.
      for (const p of [portal, second]) {
        const self = p.requests.filter((r) => r.path === '/api/2.0/people/@self').map((r) => [r.status, r.auth]);
        expect(self.length).toBeGreaterThan(0);
        expect(self.filter(([status, auth]) => status !== 200 || auth !== 'cookie')).toEqual([]);
      }
    } finally {
      await second.close();
    }
  });

  test('signing out on the portal page: the next popup says signed out, not the status it showed before', async ({ browser, portal, track, popupFor }) => {
    const user = portal.user('user');
    const tab = track(await signInWithForm(browser, portal, user.email));
    const before = await popupFor(tab);
    await before.waitForText(`Signed in as ${user.displayName}`);
    await settled(before);
    await before.close();

    await tab.bringToFront();
    await tab.click('button', 'Sign out');
    await tab.waitForText('Password');

    const after = await popupFor(tab);
    await after.waitForText(`Signed out of ${host(portal.origin)}`);
    await settled(after);
    expect(await after.bodyText()).not.toContain(`Signed in as ${user.displayName}`);
    expect(await after.text('button', 'Open the sign-in page')).toBe('Open the sign-in page');
  });

  test('a portal that stopped answering: one sentence naming it, what to do, and Retry that recovers when it is back', async ({ browser, track, popupFor }) => {
    const down = await startPortal();
    const { port } = new URL(down.origin);
    let back: RunningPortal | null = null;
    try {
      const user = down.user('user');
      const tab = track(await signInWithCookie(browser, down, 'user'));
      const first = await popupFor(tab);
      await first.waitForText(`Signed in as ${user.displayName}`);
      await settled(first);
      await first.close();
      await down.close();

      const popup = await popupFor(tab);
      await popup.waitForText(`Could not reach ${host(down.origin)}.`);
      await popup.waitForText('Check your connection and that the portal is up, then retry.');
      await settled(popup);
      // The cached status is not passed off as current.
      expect(await popup.bodyText()).not.toContain(`Signed in as ${user.displayName}`);

      // The portal comes back on the same address (a fresh one: sign in there again), and Retry reads it.
      back = await startPortal({ port: Number(port) });
      await browser.setCookie({ origin: back.origin, name: AUTH_COOKIE, value: await back.signIn(user.email) });
      await popup.click('button', 'Retry');
      await popup.waitForText(`Signed in as ${user.displayName}`);
      await settled(popup);
      expect(await popup.bodyText()).not.toContain('Could not reach');
    } finally {
      await back?.close();
    }
  });

  test.runIf(browserName === 'chromium')('the browser offline (Chromium network emulation): the same clear sentence, and Retry works once it is online again', async ({ browser, portal, track, popupFor }) => {
    if (!(browser instanceof ChromiumBrowser)) throw new Error('Chromium only');
    const context = browser.context;
    const user = portal.user('user');
    const tab = track(await signInWithCookie(browser, portal, 'user'));
    const first = await popupFor(tab);
    await first.waitForText(`Signed in as ${user.displayName}`);
    await settled(first);
    await first.close();
    portal.clearLog();

    // Every request of the context fails, the service worker's included (its navigator.onLine stays true under
    // this emulation, so the message is the "could not reach" one rather than "you are offline").
    await context.setOffline(true);
    try {
      const popup = await popupFor(tab);
      await popup.waitForText(`Could not reach ${host(portal.origin)}.`);
      await settled(popup);
      expect(portal.requests.filter((r) => r.path.startsWith('/api/'))).toEqual([]);
      await context.setOffline(false);
      await popup.click('button', 'Retry');
      await popup.waitForText(`Signed in as ${user.displayName}`);
    } finally {
      await context.setOffline(false);
    }
  });
});

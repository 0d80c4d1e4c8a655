// The popup in real Chromium and Firefox against the emulated portal: every state a user can meet.
import { describe, expect } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie, startPortal } from './harness/portal';

/** Badge text of the tab showing `origin`, read from an extension page. */
async function badgeOf(page: E2EPage, origin: string): Promise<string> {
  return page.evaluate(async (o: string) => {
    interface Api { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; action: { getBadgeText(d: { tabId: number }): Promise<string> } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith(`${o}/`));
    return tab?.id === undefined ? 'no tab' : api.action.getBadgeText({ tabId: tab.id });
  }, origin);
}

const test = e2eTest
  /** A web site that is not a portal. */
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its first parameter's pattern
  .extend('plainOrigin', async ({}, { onCleanup }) => {
    const plainSite = createServer((_q, r) => r.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Blog</title><h1>Just a blog</h1>'));
    await new Promise<void>((r) => plainSite.listen(0, '127.0.0.1', r));
    // The test's tab may still hold a keep-alive connection (its pages close after this): end it rather than wait for it.
    onCleanup(() => new Promise<void>((r) => {
      plainSite.close(() => r());
      plainSite.closeAllConnections();
    }));
    return `http://127.0.0.1:${(plainSite.address() as AddressInfo).port}`;
  })
  .extend('popupFor', ({ browser, opened }) => async (tab: E2EPage) => {
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    return popup;
  });

describe.each(selectedBrowsers())('%s popup', (browserName) => {
  test.override({ browserName });
  test.afterEach(({ portal }) => portal.injectFault(null));

  test('admin: policy with trusted IPs and mandatory users and groups by name', async ({ browser, portal, opened, popupFor }) => {
    const alice = portal.user('alice@demo.test');
    const finance = portal.groups.find((g) => g.name === 'Finance')!;
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [alice.id], mandatoryGroups: [finance.id] });
    const tab = await signInWithCookie(browser, portal, 'admin');
    opened.push(tab);
    const popup = await popupFor(tab);
    await popup.waitForText(`Signed in as ${portal.user('admin').displayName}`);
    await popup.waitForText('On, authenticator app');
    await popup.waitForText('10.0.0.0/8');
    await popup.waitForText(alice.displayName);
    await popup.waitForText('Finance');
    // Issue 27: "Applies to you" as yes/no with its condition; your facts and the portal's policy in two blocks.
    const body = await popup.bodyText();
    expect(body).toContain('Yes, except from trusted IP addresses');
    // (innerText follows the headings' small caps)
    expect(await popup.text('heading', 'You')).toMatch(/^you$/i);
    expect(await popup.text('heading', 'Portal policy')).toMatch(/^portal policy$/i);
    expect(await popup.text('button', 'Change policy')).toBe('Change policy');
    expect(body).not.toContain('(Admin)');
  });

  test('user not enrolled while TFA applies: says so, offers set-up, badge "!"', async ({ browser, portal, opened, popupFor }) => {
    portal.reset();
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    portal.setPolicy({ enabled: true });
    const popup = await popupFor(tab);
    // Issue 27: the answer first: the status line, then the one primary action; a plain user sees no policy block.
    await popup.waitForText('Set up required');
    await popup.waitForText('Not set up');
    await popup.waitForText('Yes, everyone is asked for a code');
    await popup.waitForText('Set up authenticator');
    expect(await popup.bodyText()).not.toContain('Portal policy');
    if (browserName === 'firefox') {
      // The Firefox popup runs in a tab of its own; the portal tab's badge follows its next load.
      await tab.evaluate(() => location.reload());
      await tab.waitForText('Signed in as');
    }
    await expect.poll(() => badgeOf(popup, portal.origin), { timeout: 5000 }).toBe('!');
  });

  test('policy off: says 2FA is off', async ({ browser, portal, opened, popupFor }) => {
    portal.reset();
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    const popup = await popupFor(tab);
    await popup.waitForText('No, 2FA is off');
    expect(await popup.bodyText()).toContain('2FA is off');
  });

  test('the header’s Check again reads the status again from the portal', async ({ browser, portal, opened, popupFor }) => {
    portal.reset();
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    const popup = await popupFor(tab);
    await popup.waitForText('2FA is off');
    await expect.poll(() => popup.isBusy(), { timeout: 5000 }).toBe(false);
    portal.setPolicy({ enabled: true });
    portal.clearLog();
    await popup.click('button', 'Check again');
    await popup.waitForText('Set up required');
    expect(portal.requests.some((r) => r.path === '/api/2.0/settings/tfaapp')).toBe(true);
  });

  test('signed out: says so and offers the sign-in page', async ({ browser, portal, opened, popupFor }) => {
    portal.reset();
    await browser.setCookie({ origin: portal.origin, name: 'asc_auth_key', value: 'expired' });
    const tab = await browser.openTab(`${portal.origin}/`);
    opened.push(tab);
    const popup = await popupFor(tab);
    await popup.waitForText(`Signed out of ${new URL(portal.origin).host}`);
    expect(await popup.text('button', 'Open the sign-in page')).toBe('Open the sign-in page');
  });

  test('not a portal: a short explanation, not an error', async ({ browser, opened, plainOrigin, popupFor }) => {
    const tab = await browser.openTab(`${plainOrigin}/`);
    opened.push(tab);
    const popup = await popupFor(tab);
    await popup.waitForText('Not a DocSpace portal');
    expect(await popup.bodyText()).not.toMatch(/HTTP|error/i);
  });

  test('an error from the portal: one sentence naming the portal and the status, with Retry that recovers', async ({ browser, portal, opened, popupFor }) => {
    portal.reset();
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    portal.injectFault({ kind: 'html502', path: /tfaapp$/ });
    const popup = await popupFor(tab);
    await popup.waitForText(`${new URL(portal.origin).host} had an internal error (HTTP 502).`);
    portal.injectFault(null);
    await popup.click('button', 'Retry');
    await popup.waitForText(`Signed in as ${portal.user('user').displayName}`);
  });

  test('one round trip cold: each status endpoint is asked once; a reopen shows the cache and revalidates once', async ({ browser, opened, popupFor }) => {
    // A portal of its own: nothing is cached for its origin yet.
    const fresh = await startPortal();
    try {
      const tab = await signInWithCookie(browser, fresh, 'user');
      opened.push(tab);
      const apiCalls = () => fresh.requests.filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
      const settle = async (popup: E2EPage) => {
        await popup.waitForText(`Signed in as ${fresh.user('user').displayName}`);
        await expect.poll(() => popup.isBusy(), { timeout: 5000 }).toBe(false);
      };
      fresh.clearLog();
      await settle(await popupFor(tab));
      const cold = apiCalls();
      expect(cold.length).toBeGreaterThan(0);
      expect(new Set(cold).size).toBe(cold.length);
      expect(cold).toContain('GET /api/2.0/settings');

      fresh.clearLog();
      await settle(await popupFor(tab));
      const warm = apiCalls();
      expect(new Set(warm).size).toBe(warm.length);
      // Recognition is cached; the status itself is revalidated once behind the cached view.
      expect(warm).not.toContain('GET /api/2.0/settings');
      expect(warm).toContain('GET /api/2.0/settings/tfaapp');
    } finally {
      await fresh.close();
    }
  });

  test.runIf(browserName === 'chromium')('service worker restart between two opens: the status is still there', async ({ browser, portal, opened, popupFor }) => {
    portal.reset();
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    const first = await popupFor(tab);
    await first.waitForText('Signed in as');
    await first.close();
    await browser.restartBackground();
    portal.setLatency(3000);
    portal.clearLog();
    const second = await popupFor(tab);
    // Shown from storage.session before the (slow) portal could have answered.
    await second.waitForText(`Signed in as ${portal.user('user').displayName}`, 2500);
    expect(portal.requests.filter((r) => r.path.startsWith('/api/')).length).toBe(0);
    portal.setLatency(0);
  });
});

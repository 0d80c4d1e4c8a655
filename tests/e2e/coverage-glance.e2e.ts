// Issue 26, the glances, in the built extension against the emulated portal: the popup line after a count, the Portals
// overview figure, the impact in the policy review, and the emptied-lists notice with its restore through the review.
import { describe, expect } from 'vitest';
import { ChromiumBrowser, playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import type { CoverageReport } from '../../lib/providers/docspace/coverage/types';

const test = e2eTest
  .extend('openView', ({ browser, portal, track }) => async (view: string): Promise<E2EPage> => {
    const page = track(await browser.openExtensionPage(`options.html?view=${view}&origin=${encodeURIComponent(portal.origin)}`));
    await page.waitForText('Two-factor authentication');
    return page;
  })
  // A command as an extension page sends it (the coverage view's "Count" sends this one).
  .extend('send', () => (page: E2EPage, cmd: object) =>
    page.evaluate((arg) => {
      type Api = { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (g.browser ?? g.chrome).runtime.sendMessage(arg);
    }, cmd));

describe.each(selectedBrowsers())('%s', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  test('after a count: the popup line (no people read as it opens), the overview figure, and the impact in the review', async ({ browser, portal, track, openView, send }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('admin@demo.test');
    portal.enrolUser('owner@demo.test');
    const tab = track(await signInWithCookie(browser, portal, 'admin'));
    const side = await openView('portals');
    const reply = (await send(side, { type: 'scanCoverage', origin: portal.origin })) as { ok: boolean; value: CoverageReport };
    expect(reply.ok).toBe(true);
    const s = reply.value.summary!;
    expect(s.active).toBeGreaterThan(0);

    portal.clearLog();
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText(`Authenticator: ${s.covered} of ${s.active} (`);
    await popup.waitForText('counted just now');
    expect(portal.requests.filter((r) => r.path.startsWith('/api/2.0/people/filter'))).toEqual([]);

    // axe (Chromium only: the harness evaluates it there): the popup with its line, light and dark.
    if (browser instanceof ChromiumBrowser) expect(await axeBothSchemes(playwrightPageOf(popup))).toEqual({ light: [], dark: [] });

    const overview = await openView('portals');
    await overview.waitForText(`${s.covered} of ${s.active} (`);
    expect(await overview.evaluate(() => document.querySelector('[data-field="coverage"] a')?.getAttribute('href') ?? null)).toContain('view=coverage');

    // The review of a save that names Alice mandatory, worked out from this session's people.
    const alice = reply.value.people.find((p) => p.email === 'alice@demo.test')!;
    const page = await openView('policy');
    await page.fill('Find users by name or email', 'alice');
    await page.click('button', 'Add Alice Anderson');
    await page.waitForText('Alice Anderson (alice@demo.test)');
    await page.click('button', 'Review changes');
    await page.waitForText('Who this save stops at the next sign-in');
    await page.waitForText(s.without === 0 ? 'Every active person who does not sign in through SSO has an authenticator.'
      : s.without === 1 ? '1 active person who does not sign in through SSO has no authenticator' : `${s.without} active people who do not sign in through SSO have no authenticator`);
    if (s.without > 0) await page.waitForText(`${alice.hasApp ? 0 : 1} of them ${alice.hasApp ? 'are' : 'is'} mandatory`);
    await page.waitForText('You have an authenticator.');
    await page.waitForText('The owner has an authenticator.');
    await page.waitForText('From the count taken just now on this device.');
    if (browser instanceof ChromiumBrowser) expect(await axeBothSchemes(playwrightPageOf(page))).toEqual({ light: [], dark: [] });
    // One sign-out warning, in the consequences.
    expect((await page.bodyText()).split('signs out everyone').length - 1).toBe(1);
  });

  test('lists a portal page emptied: the notice says what they held, and Restore goes through the review', async ({ browser, portal, track, openView }) => {
    const alice = portal.user('alice@demo.test');
    portal.setPolicy({ enabled: true, trustedIps: ['192.0.2.0/24', '198.51.100.7'], mandatoryUsers: [alice.id] });
    portal.enrol('admin@demo.test');
    track(await signInWithCookie(browser, portal, 'admin'));
    const first = await openView('policy');
    await first.waitForText('Alice Anderson');
    await first.close();

    // What the portal's own settings page does: only the method is saved, the lists go.
    portal.setPolicy({ enabled: true });
    const page = await openView('policy');
    await page.waitForText('Lists emptied on the portal');
    await page.waitForText('2 trusted IP ranges: 192.0.2.0/24 and 198.51.100.7');
    await page.waitForText('1 mandatory user: Alice Anderson');
    await page.waitForText('it sends only the method');
    if (browser instanceof ChromiumBrowser) expect(await axeBothSchemes(playwrightPageOf(page))).toEqual({ light: [], dark: [] });
    portal.clearLog();
    await page.click('button', 'Restore in the editor');
    await page.waitForText('Adds 192.0.2.0/24 and 198.51.100.7 to trusted IPs and adds Alice Anderson to mandatory users.');
    expect(portal.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    await page.click('button', 'Save policy');
    await page.waitForText('The portal signed everyone out, you included');
    expect(portal.getPolicy()).toMatchObject({ enabled: true, trustedIps: ['192.0.2.0/24', '198.51.100.7'], mandatoryUsers: [alice.id] });
  });
});

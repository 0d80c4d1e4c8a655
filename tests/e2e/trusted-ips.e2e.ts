// Trusted IPs as the server parses them (issue 23 §1, fact sheet §12.1), in the built extension in real Chromium
// and Firefox: a stored entry the portal cannot read makes password sign-in fail; the popup says so, the editor
// shows it with its fix, and after saving the fix the portal's password sign-in works again.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { passwordSignIn } from '../portal/test-client';

const test = e2eTest.extend('signInStatus', ({ portal }) => async (email: string) => {
  const { reply } = await passwordSignIn(portal.origin, email);
  return { status: reply.status, tfa: (reply.json as { response?: { tfa?: boolean } } | undefined)?.response?.tfa };
});

describe.each(selectedBrowsers())('%s', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  const ipText = (page: E2EPage) => page.evaluate(() => document.querySelector('textarea')?.value ?? '');

  test('a host-bit block breaks sign-in: the popup names the portal and the entry, the editor offers the fix, and saving it makes sign-in work again', async ({ browser, portal, opened, signInStatus }) => {
    const admin = portal.user('admin');
    const host = new URL(portal.origin).host;
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.1', '192.168.1.5/24', 'office'] });
    portal.enrol(admin.email);
    // The portal as it is: everyone not mandatory gets HTTP 500 at password sign-in.
    expect(await signInStatus('user@demo.test')).toEqual({ status: 500, tfa: undefined });

    const tab = await signInWithCookie(browser, portal, admin.email);
    opened.push(tab);
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    await popup.waitForText(`Password sign-in on ${host} fails (HTTP 500) for everyone who is not a mandatory user or in a mandatory group`);
    await popup.waitForText('192.168.1.5/24 (breaks sign-in)');
    await popup.waitForText('office (matches no one)');
    await popup.waitForText('Unless a proxy in front of the portal strips the request-x-real-ip parameter, anyone can claim a trusted IP address at sign-in.');
    expect(await popup.evaluate(() => document.querySelector('.policy-summary .notice.error') !== null)).toBe(true);

    const page = await browser.openExtensionPage(`options.html?view=policy&origin=${encodeURIComponent(portal.origin)}`);
    opened.push(page);
    await page.waitForText('Stored entries that make sign-in fail on this portal');
    await page.waitForText('“192.168.1.5/24”: will be saved as 192.168.1.0/24');
    await page.waitForText('1 stored entry never matches a visitor’s address');
    await page.waitForText('Anyone can claim a trusted IP unless your proxy prevents it');
    await page.click('button', 'Apply the fixes');
    await page.waitForText('2 valid entries.');
    expect((await ipText(page)).split('\n')).toEqual(['10.0.0.1', '192.168.1.0/24', 'office']);
    expect(await page.bodyText()).not.toContain('Stored entries that make sign-in fail on this portal');

    portal.clearLog();
    await page.click('button', 'Review changes');
    await page.waitForText('Adds 192.168.1.0/24 to trusted IPs');
    await page.waitForText('Trusted IPs can be claimed: unless a proxy in front of the portal removes the request-x-real-ip parameter');
    await page.click('button', 'Save policy');
    await page.waitForText('The portal signed everyone out, you included');

    const puts = portal.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/2.0/settings/tfaapp'));
    expect(puts.map((r) => (r.body as { trustedIps: string[] }).trustedIps)).toEqual([['10.0.0.1', '192.168.1.0/24']]);
    expect(portal.getPolicy().trustedIps).toEqual(['10.0.0.1', '192.168.1.0/24']);
    // Sign-in works again: asked for a code from outside the trusted addresses, exempt from inside them.
    expect(await signInStatus('user@demo.test')).toEqual({ status: 200, tfa: true });
    portal.setClientIp('192.168.1.77');
    expect(await signInStatus('user@demo.test')).toEqual({ status: 200, tfa: false });
  });

  test('a typed host-bit block is shown converted before review and saved as its network; the popup then has nothing alarming', async ({ browser, portal, opened, signInStatus }) => {
    const admin = portal.user('admin');
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.1'] });
    portal.enrol(admin.email);
    const tab = await signInWithCookie(browser, portal, admin.email);
    opened.push(tab);
    const page = await browser.openExtensionPage(`options.html?view=policy&origin=${encodeURIComponent(portal.origin)}`);
    opened.push(page);
    await page.waitForText('1 valid entry.');
    await page.fill('Trusted IP addresses', '10.0.0.1\n172.16.5.4/12');
    await page.waitForText('Line 2: “172.16.5.4/12” will be saved as 172.16.0.0/12, the block you typed. The portal cannot read a block with bits set after the prefix');
    portal.clearLog();
    await page.click('button', 'Review changes');
    await page.waitForText('Adds 172.16.0.0/12 to trusted IPs');
    await page.click('button', 'Save policy');
    await page.waitForText('The portal signed everyone out, you included');
    expect(portal.getPolicy().trustedIps).toEqual(['10.0.0.1', '172.16.0.0/12']);
    expect(await signInStatus('user@demo.test')).toEqual({ status: 200, tfa: true });

    const again = await signInWithCookie(browser, portal, admin.email);
    opened.push(again);
    const popup = await browser.openPopup(again);
    opened.push(popup);
    await popup.waitForText('Trusted IP addresses (2):');
    expect(await popup.bodyText()).not.toContain('fails (HTTP 500)');
  });
});

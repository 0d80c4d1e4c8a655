// Policy editor: the built extension's options page in real Chromium and Firefox against the emulated portal.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { GROUP_IDS } from '../portal/demo';

const test = e2eTest
  .extend('openPolicy', ({ browser, portal }) => async (): Promise<E2EPage> => {
    const page = await browser.openExtensionPage(`options.html?view=policy&origin=${encodeURIComponent(portal.origin)}`);
    await page.waitForText('Two-factor authentication');
    return page;
  })
  .extend('policyPuts', ({ portal }) => () => portal.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/2.0/settings/tfaapp')));

describe.each(selectedBrowsers())('%s', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  const reviewDisabled = (page: E2EPage) =>
    page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Review changes')?.disabled ?? null);

  test('an admin edits trusted IPs and mandatory users and groups by name, reviews, saves: the portal holds exactly the full body', async ({ browser, portal, openPolicy, policyPuts }) => {
    const admin = portal.user('admin');
    const alice = portal.user('alice@demo.test');
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    portal.enrol(admin.email);
    await signInWithCookie(browser, portal, admin.email);
    const page = await openPolicy();
    await page.waitForText('1 valid entry.');

    await page.fill('Trusted IP addresses', '10.0.0.0/8\n192.0.2.0/24\n10.0.0.0/8');
    await page.waitForText('1 duplicate will be removed.');
    await page.fill('Find users by name or email', 'alice');
    await page.click('button', 'Add Alice Anderson');
    await page.fill('Find groups by name', 'fin');
    await page.click('button', 'Add Finance');
    await page.waitForText('Alice Anderson (alice@demo.test)');
    portal.clearLog();

    await page.click('button', 'Review changes');
    await page.waitForText('Adds 192.0.2.0/24 to trusted IPs, adds Alice Anderson to mandatory users, and adds Finance to mandatory groups.');
    await page.waitForText('Saving signs out everyone on the portal, you included.');
    expect(policyPuts()).toEqual([]);
    await page.click('button', 'Save policy');

    await page.waitForText('The portal signed everyone out, you included');
    const lists = { trustedIps: ['10.0.0.0/8', '192.0.2.0/24'], mandatoryUsers: [alice.id], mandatoryGroups: [GROUP_IDS.finance] };
    expect(policyPuts().map((r) => [r.path, r.body])).toEqual([['/api/2.0/settings/tfaappwithlink', { type: 'App', id: admin.id, ...lists }]]);
    expect(portal.getPolicy()).toEqual({ enabled: true, ...lists });
    // Names, not GUIDs, in what the page says the portal holds.
    const text = await page.bodyText();
    expect(text).toContain('Alice Anderson');
    expect(text).toContain('Finance');
    expect(text).not.toContain(alice.id);
    await page.close();
  });

  test('an IPv6 block is shown and saved as the range it means; a range over a large part of the Internet needs a confirmation (fact sheet §11.2)', async ({ browser, portal, openPolicy, policyPuts }) => {
    const admin = portal.user('admin');
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    portal.enrol(admin.email);
    await signInWithCookie(browser, portal, admin.email);
    const page = await openPolicy();
    await page.waitForText('1 valid entry.');
    await page.fill('Trusted IP addresses', '10.0.0.0/8\n2001:db8:0:1::/64\n0.0.0.0/0');
    await page.waitForText('Line 2: “2001:db8:0:1::/64” will be saved as 2001:db8:0:1::-2001:db8:0:1:ffff:ffff:ffff:ffff, exactly the addresses you typed.');
    await page.waitForText('Line 3: “0.0.0.0/0” trusts a very large address range');
    portal.clearLog();
    await page.click('button', 'Review changes');
    await page.waitForText('New entries that trust very large address ranges');
    // 10.0.0.0/8 is just as large, but already on the portal: only the new entry asks for a confirmation.
    expect(await page.evaluate(() => [...document.querySelectorAll('.policy-review .notice.warn li')].map((li) => li.textContent))).toEqual(['0.0.0.0/0']);
    const saveDisabled = () => page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save policy')?.disabled ?? null);
    expect(await saveDisabled()).toBe(true);
    await page.click('checkbox', 'I understand that sign-ins from these addresses are not asked for a code, except for mandatory users and groups.');
    await expect.poll(saveDisabled).toBe(false);
    await page.click('button', 'Save policy');
    await page.waitForText('The portal signed everyone out, you included');
    const sent = ['10.0.0.0/8', '2001:db8:0:1::-2001:db8:0:1:ffff:ffff:ffff:ffff', '0.0.0.0-255.255.255.255'];
    expect(policyPuts().map((r) => (r.body as { trustedIps: string[] }).trustedIps)).toEqual([sent]);
    expect(portal.getPolicy().trustedIps).toEqual(sent);
  });

  test('an invalid trusted IP blocks saving, with a message', async ({ browser, portal, openPolicy, policyPuts }) => {
    portal.setPolicy({ enabled: true });
    await signInWithCookie(browser, portal, 'admin');
    const page = await openPolicy();
    await page.fill('Trusted IP addresses', '192.0.2.1\n10.0.0.999');
    await page.waitForText('Line 2: “10.0.0.999” is not an IPv4 or IPv6 address, range or CIDR block.');
    await page.waitForText('1 entry is not valid; fix it to save the policy.');
    expect(await reviewDisabled(page)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('textarea')?.getAttribute('aria-invalid'))).toBe('true');
    await page.fill('Trusted IP addresses', '192.0.2.1\n10.0.0.9');
    await page.waitForText('2 valid entries.');
    expect(await reviewDisabled(page)).toBe(false);
    expect(policyPuts()).toEqual([]);
    await page.close();
  });

  test('a non-admin sees the policy read-only, with the reason', async ({ browser, portal, openPolicy }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['203.0.113.0/24'] });
    portal.enrol('user@demo.test');
    await signInWithCookie(browser, portal, 'user');
    const page = await openPolicy();
    await page.waitForText('Your role on this portal is user, so you can view this policy but not change it');
    await page.waitForText('203.0.113.0/24');
    const controls = await page.evaluate(() => ({
      textareas: document.querySelectorAll('textarea').length,
      searches: document.querySelectorAll('input[type="search"]').length,
      review: [...document.querySelectorAll('button')].some((b) => b.textContent === 'Review changes'),
      fieldsetDisabled: document.querySelector('fieldset')?.disabled ?? null,
    }));
    expect(controls).toEqual({ textareas: 0, searches: 0, review: false, fieldsetDisabled: true });
    await page.close();
  });

  test('enabling TFA as a not-yet-enrolled admin ends with that admin enrolled and signed in', async ({ browser, portal, openPolicy }) => {
    const admin = portal.user('admin');
    await signInWithCookie(browser, portal, admin.email);
    const page = await openPolicy();
    await page.click('radio', 'Authenticator app');
    await page.click('button', 'Review changes');
    await page.waitForText('Enables the authenticator app.');
    await page.waitForText('Saving signs out everyone on the portal, you included.');
    await page.click('button', 'Save policy');

    // Straight into enrolment with the portal's activation link.
    await page.waitForText('Set up your authenticator');
    expect(await page.url()).toContain('view=enrol');
    await page.click('button', 'Next');
    await page.waitForText('Setup key');
    await page.click('button', 'Next');
    await page.fill('6-digit code', await portal.totp(admin.email));
    await page.click('button', 'Check and connect');
    await page.waitForText('Your authenticator app is set up');

    expect(portal.state.isEnrolled(admin.id)).toBe(true);
    expect(portal.getPolicy()).toMatchObject({ enabled: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    // Signed in again in this browser: the policy view reads the portal with the new cookie.
    portal.clearLog();
    const again = await openPolicy();
    await again.waitForText('Review changes');
    expect(portal.requests.filter((r) => r.path === '/api/2.0/people/@self').map((r) => [r.status, r.auth])).toContainEqual([200, 'cookie']);
    await again.close();
    await page.close();
  });
});

// Accessibility in real Chromium: axe-core finds no violations on the popup and the options page, in the light
// and the dark colour scheme, in the states people meet; and the main flows work from the keyboard alone, with
// a visible focus ring on every control that takes focus. (axe runs in Chromium only; the harness evaluates it.)
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumBrowser, playwrightPageOf, selectedBrowsers, type E2EPage } from './harness';
import { axeBothSchemes } from './harness/axe';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';

const clean = { light: [], dark: [] };

/** What has focus now, and whether it shows the focus ring (theme.css: 2px solid outline on :focus-visible). */
interface FocusStop { name: string; tag: string; ring: boolean }
const focusStop = (page: Page): Promise<FocusStop | null> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const style = getComputedStyle(el);
    const labelled = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.labels?.[0]?.textContent : null;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const ring = el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return { name, tag: el.tagName.toLowerCase(), ring };
  });

/** Waits until a view's heading has taken focus (views move it there in an effect, after their text shows). */
const headingFocused = (page: Page) => expect.poll(async () => /^h[1-6]$/.test((await focusStop(page))?.tag ?? '')).toBe(true);

/** Presses Tab until the control named `name` has focus; every stop on the way must show its focus ring. */
async function tabTo(page: Page, name: string, maxStops = 25): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop) stops.push(stop);
    if (stop?.name === name) {
      expect(stops.filter((s) => !s.ring)).toEqual([]);
      return stops;
    }
  }
  throw new Error(`Tab never reached ${JSON.stringify(name)}; stops: ${stops.map((s) => s.name).join(' → ')}`);
}

const test = e2eTest
  .extend<{ browser: ChromiumBrowser }>({
    browser: async ({ browser }, use) => {
      if (!(browser instanceof ChromiumBrowser)) throw new Error('Accessibility runs in Chromium only');
      await use(browser);
    },
  })
  .extend('popupOf', ({ browser, portal, track }) => async (role: string) => {
    const tab = track(await signInWithCookie(browser, portal, role));
    const popup = track(await browser.openPopup(tab));
    return { tab, popup };
  })
  .extend('options', ({ browser, portal, track }) => async (view: string) => track(await browser.openExtensionPage(`options.html?view=${view}&origin=${encodeURIComponent(portal.origin)}`)));

describe.runIf(selectedBrowsers().includes('chromium'))('chromium accessibility', () => {
  test.override({ browserName: 'chromium' });
  test.beforeEach(({ portal }) => portal.reset());

  const settled = async (page: E2EPage) => expect.poll(() => page.isBusy()).toBe(false);

  test('popup: an admin’s status with the policy and its lists, and a user who must enrol', async ({ portal, popupOf }) => {
    const alice = portal.user('alice@demo.test');
    const finance = portal.groups.find((g) => g.name === 'Finance')!;
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [alice.id], mandatoryGroups: [finance.id] });
    portal.enrol(portal.user('admin').email);
    const admin = await popupOf('admin');
    await admin.popup.waitForText(alice.displayName);
    await settled(admin.popup);
    expect(await axeBothSchemes(playwrightPageOf(admin.popup))).toEqual(clean);

    const user = await popupOf('user');
    await user.popup.waitForText('Not set up');
    await settled(user.popup);
    expect(await axeBothSchemes(playwrightPageOf(user.popup))).toEqual(clean);
  });

  test('popup: signed out, with the API key form open and its error shown; a portal error with Retry', async ({ browser, portal, track, popupOf }) => {
    await browser.setCookie({ origin: portal.origin, name: 'asc_auth_key', value: 'expired' });
    const tab = track(await browser.openTab(`${portal.origin}/`));
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('Signed out of');
    const raw = playwrightPageOf(popup);
    await raw.getByText('Sign in with an API key instead').click();
    await popup.fill('API key (starts with sk-)', 'not-a-key');
    await raw.getByLabel('Remember on this device').focus();
    await popup.waitForText('An API key starts with');
    expect(await axeBothSchemes(raw)).toEqual(clean);

    portal.injectFault({ kind: 'html502', path: /tfaapp$/ });
    const user = await popupOf('user');
    await user.popup.waitForText('had an internal error (HTTP 502)');
    expect(await axeBothSchemes(playwrightPageOf(user.popup))).toEqual(clean);
  });

  test('options: every enrolment step, a refused code, and the backup codes at the end', async ({ browser, portal, track, options }) => {
    track(await signInWithCookie(browser, portal, 'user'));
    portal.setPolicy({ enabled: true });
    const page = await options('enrol');
    const raw = playwrightPageOf(page);
    await page.waitForText('Get an authenticator app');
    expect(await axeBothSchemes(raw), 'step 1').toEqual(clean);
    await page.click('button', 'Next');
    await page.waitForText('Setup key');
    expect(await axeBothSchemes(raw), 'step 2: QR and key').toEqual(clean);
    await page.click('button', 'Next');
    await page.fill('6-digit code', '12');
    await page.click('button', 'Check and connect');
    await page.waitForText('Enter the 6-digit code the app shows.');
    expect(await axeBothSchemes(raw), 'step 3 with an error').toEqual(clean);
    await page.fill('6-digit code', await portal.totp('user@demo.test'));
    await page.click('button', 'Check and connect');
    await page.waitForText('5 codes left');
    expect(await axeBothSchemes(raw), 'done: backup codes').toEqual(clean);

    await page.click('link', 'Backup codes');
    await page.waitForText('5 codes left');
    expect(await axeBothSchemes(raw), 'backup codes view').toEqual(clean);
    await page.click('button', 'Make new codes…');
    await page.waitForText('Make new backup codes?');
    expect(await axeBothSchemes(raw), 'the confirm dialog').toEqual(clean);
  });

  test('options: the policy editor with an invalid entry, its review, the owner tools, reset and portals', async ({ browser, portal, track, options }) => {
    const owner = portal.user('owner');
    // A mandatory user the portal no longer has: shown as a "missing" chip in the warning colour.
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: ['0badc0de-0000-4000-8000-000000000000'] });
    portal.enrol(owner.email);
    track(await signInWithCookie(browser, portal, 'owner'));
    const policy = await options('policy');
    const raw = playwrightPageOf(policy);
    await policy.waitForText('1 valid entry.');
    await policy.waitForText('Deleted user (0badc0de');
    await policy.fill('Trusted IP addresses', '10.0.0.0/8\n10.0.0.999');
    await policy.waitForText('is not an IPv4 or IPv6 address');
    expect(await axeBothSchemes(raw), 'policy editor with an error').toEqual(clean);
    await policy.fill('Trusted IP addresses', '10.0.0.0/8\n192.0.2.0/24');
    await policy.click('button', 'Review changes');
    await policy.waitForText('Saving signs out everyone on the portal, you included.');
    expect(await axeBothSchemes(raw), 'policy review').toEqual(clean);

    const ownerTools = await options('owner');
    await ownerTools.fill('Find a user by name or email', 'alice');
    await ownerTools.click('button', 'Search');
    await ownerTools.waitForText('alice@demo.test');
    expect(await axeBothSchemes(playwrightPageOf(ownerTools)), 'owner tools').toEqual(clean);

    const reset = await options('reset');
    await reset.waitForText('You are signed out of this portal everywhere else');
    expect(await axeBothSchemes(playwrightPageOf(reset)), 'reset').toEqual(clean);

    const portals = await options('portals');
    await portals.waitForText(new URL(portal.origin).host);
    await settled(portals);
    expect(await axeBothSchemes(playwrightPageOf(portals)), 'portals').toEqual(clean);
  });

  test('keyboard only: from the popup into enrolment, through every step, to the backup codes; focus always visible', async ({ browser, portal, track }) => {
    const user = portal.user('user');
    const tab = track(await signInWithCookie(browser, portal, 'user'));
    portal.setPolicy({ enabled: true });
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('Not set up');
    await settled(popup);
    const rawPopup = playwrightPageOf(popup);

    // Enter on the popup's main action opens the options page on the enrolment view.
    await tabTo(rawPopup, 'Set up authenticator');
    const optionsOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('view=enrol') });
    // The popup closes itself as the options page opens, which can end the key press before its keyup.
    await rawPopup.keyboard.press('Enter').catch((e: unknown) => {
      if (!rawPopup.isClosed()) throw e;
    });
    const page = await optionsOpened;
    await page.waitForLoadState('domcontentloaded');
    await page.getByText('Get an authenticator app').waitFor();

    // The first step's heading has focus; the next Tab reaches Next.
    await headingFocused(page);
    expect(await focusStop(page)).toMatchObject({ tag: 'h3', name: 'Get an authenticator app' });
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByText('Setup key').first().waitFor();
    const key = ((await page.locator('.setup-key-value').textContent()) ?? '').replace(/\s+/g, '');
    expect(key).toBe(portal.secretOf(user.email));
    // Focus moved to the new step's heading; from there Space on Next.
    await headingFocused(page);
    await tabTo(page, 'Next');
    await page.keyboard.press('Space');
    await page.getByText('Enter the code from the app').waitFor();
    await headingFocused(page);

    await tabTo(page, '6-digit code');
    await page.keyboard.type(await portal.totp(user.email));
    await page.keyboard.press('Enter');
    await page.getByText('Your authenticator app is set up').waitFor();
    expect(portal.state.isEnrolled(user.id)).toBe(true);
    await page.getByText('5 codes left').waitFor();

    // The backup codes' actions are reachable and show the ring too; Shift+Tab goes back to the view links.
    await tabTo(page, 'Download .txt');
    for (let i = 0; i < 30 && (await focusStop(page))?.name !== 'Portals'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusStop(page)).toMatchObject({ tag: 'a', name: 'Portals', ring: true });
    await page.close();
  });

  test('keyboard only: signed out, the popup takes an API key through its disclosure, "remember" left off', async ({ browser, portal, track }) => {
    const user = portal.user('user');
    await browser.setCookie({ origin: portal.origin, name: 'asc_auth_key', value: 'expired' });
    const tab = track(await browser.openTab(`${portal.origin}/`));
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('Signed out of');
    const raw = playwrightPageOf(popup);
    await tabTo(raw, 'Sign in with an API key instead');
    await raw.keyboard.press('Enter');
    await tabTo(raw, 'API key (starts with sk-)');
    await raw.keyboard.type(portal.apiKeyOf(user.email));
    const stops = await tabTo(raw, 'Use this key');
    expect(stops.map((s) => s.name)).toContain('Remember on this device');
    await raw.keyboard.press('Enter');
    await popup.waitForText(`Signed in as ${user.displayName}`);
    await popup.waitForText('Signed in with an API key.');
    // And back to the browser's own sign-in (signed out there), so later tests use the cookie again.
    await tabTo(raw, 'Use my portal sign-in instead');
    await raw.keyboard.press('Enter');
    await popup.waitForText('Signed out of');
  });

  test('keyboard only: an admin turns the policy on with the arrow keys, reviews and saves with Enter', async ({ browser, portal, track, options }) => {
    const admin = portal.user('admin');
    track(await signInWithCookie(browser, portal, admin.email));
    const page = await options('policy');
    await page.waitForText('Review changes');
    const raw = playwrightPageOf(page);
    await tabTo(raw, 'Off');
    await raw.keyboard.press('ArrowDown');
    expect(await focusStop(raw)).toMatchObject({ name: 'Authenticator app', ring: true });
    await tabTo(raw, 'Review changes');
    await raw.keyboard.press('Enter');
    await page.waitForText('Enables the authenticator app.');
    await headingFocused(raw);
    await tabTo(raw, 'Save policy');
    await raw.keyboard.press('Enter');
    await page.waitForText('Set up your authenticator');
    expect(portal.getPolicy()).toMatchObject({ enabled: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
  });

  // Last: the extension remembers the lock for this portal for a minute.
  test('options: the lock after too many refused codes, with its countdown', async ({ browser, portal, track, options }) => {
    track(await signInWithCookie(browser, portal, 'user'));
    portal.setPolicy({ enabled: true });
    const page = await options('enrol');
    await page.click('button', 'Next');
    await page.click('button', 'Next');
    await page.waitForText('Enter the code from the app');
    // The portal's clock jumps: codes pass the local check and the portal refuses them until it locks.
    portal.setClockOffset(20 * 60_000);
    await page.fill('6-digit code', await portal.totp('user@demo.test', Date.now()));
    await page.click('button', 'Check and connect');
    await page.waitForText('The portal did not accept the code.');
    // Attempts made elsewhere have used up the rest: the next code meets the portal's lock.
    portal.useUpCodeAttempts('user');
    await page.fill('6-digit code', await portal.totp('user@demo.test', Date.now()));
    await page.click('button', 'Check and connect');
    await page.waitForText('Too many attempts');
    await page.waitForText('Try again in');
    expect(await axeBothSchemes(playwrightPageOf(page)), 'locked').toEqual(clean);
  });
});

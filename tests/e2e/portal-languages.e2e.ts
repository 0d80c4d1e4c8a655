// A portal that answers in another language (fact sheet §11.1), in real Chromium and Firefox: a Russian-culture
// user on an English portal, and a German-culture portal. The extension's own words stay the browser's (English);
// what the portal means must come through: must enrol (the "!" badge state), a refused code counted, the lock.
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie, startPortal } from './harness/portal';
import { codeAt } from './harness/otp';
import { walkToCodeStep } from './harness/enrolment';

const CASES = [
  { name: 'a Russian-culture user', portalCulture: 'en-US', userCulture: 'ru-RU', notAvailable: 'Настройки приложения для аутентификации недоступны' },
  { name: 'a German-culture portal', portalCulture: 'de-DE', userCulture: undefined, notAvailable: 'TFA-Anwendungseinstellungen sind nicht verfügbar' },
] as const;

// A portal of its own for each case: the extension keeps its count of refused codes per portal for the minute
// they count, so a second case on the same origin would start locked.
const test = e2eTest.extend('portal', async ({ portalOptions }, { onCleanup }) => {
  const portal = await startPortal(portalOptions);
  onCleanup(() => portal.close());
  return portal;
});

describe.each(selectedBrowsers())('%s, portal answering in another language', (browserName) => {
  test.override({ browserName });

  test.for(CASES)('$name: must enrol in the popup; a refused code is counted; the portal\'s lock shows its countdown', async ({ portalCulture, userCulture, notAvailable }, { browser, portal, opened }) => {
    portal.setPortalCulture(portalCulture);
    portal.setUserCulture('user', userCulture);
    const tab = await signInWithCookie(browser, portal, 'user');
    opened.push(tab);
    portal.setPolicy({ enabled: true });

    // Not available → not enrolled (the status probe of backup codes got the portal's translated 403).
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    await popup.waitForText('Not set up');
    await popup.waitForText('Set up authenticator');
    const probe = portal.requests.filter((r) => r.path === '/api/2.0/settings/tfaappcodes');
    expect(probe.at(-1)?.status).toBe(403);

    const page = await browser.openExtensionPage(`options.html?${new URLSearchParams({ view: 'enrol', origin: portal.origin }).toString()}`);
    opened.push(page);
    const key = await walkToCodeStep(page);

    // The portal's clock is 20 minutes off: the code passes the local check and the portal refuses it, in its language.
    portal.setClockOffset(20 * 60_000);
    await page.fill('6-digit code', await codeAt(key));
    await page.click('button', 'Check and connect');
    await page.waitForText('The portal did not accept the code. Wait for the next code in the app and enter it.');

    // Attempts made elsewhere (the portal's own page) locked the account: the portal's lock, not a generic refusal.
    portal.useUpCodeAttempts('user');
    await page.fill('6-digit code', await codeAt(key));
    await page.click('button', 'Check and connect');
    await page.waitForText('Too many attempts');
    await page.waitForText('Try again in');
    const validations = portal.requests.filter((r) => r.path === '/api/2.0/settings/tfaapp/validate').map((r) => r.status);
    expect(validations).toEqual([400, 403]);
    expect(await page.bodyText()).not.toContain(notAvailable);
  });
});

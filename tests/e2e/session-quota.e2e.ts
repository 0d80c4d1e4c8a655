// One hostile answer cannot fill the session storage (issue 24 §4), in real Chromium and Firefox: Chrome refuses a
// storage.session write past its 10 MB quota, so a status holding two 3 MB trusted-IP entries (each kept twice, as the
// entry and its text) could not be kept, and the popup had only an error to show. The background keeps each entry at
// 100 characters, and the popup says it is shortened and how long it is.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';

const test = e2eTest.extend('popupFor', ({ browser, opened }) => async (tab: E2EPage) => {
  const popup = await browser.openPopup(tab);
  opened.push(popup);
  return popup;
});

describe.each(selectedBrowsers())('%s: portal strings in session storage are bounded', (browserName) => {
  test.override({ browserName });

  test('trusted-IP entries of 3 MB each: the status is shown and kept, each entry shortened with its length', async ({ browser, portal, opened, popupFor }) => {
    const junk = 'x'.repeat(3_000_000);
    portal.setPolicy({ enabled: true, trustedIps: [junk, `${junk}y`, '10.0.0.0/8'] });
    const tab = await signInWithCookie(browser, portal, 'admin');
    opened.push(tab);
    const popup = await popupFor(tab);
    await popup.waitForText('On, authenticator app');
    await popup.waitForText('shortened, 3,000,000 characters in all');
    await popup.waitForText('shortened, 3,000,001 characters in all');
    await popup.waitForText('10.0.0.0/8');
    expect(await popup.bodyText()).not.toContain('x'.repeat(101));
    // Opened again, the popup shows the status the background kept in storage.session.
    const again = await popupFor(tab);
    await again.waitForText('shortened, 3,000,000 characters in all');
  });
});

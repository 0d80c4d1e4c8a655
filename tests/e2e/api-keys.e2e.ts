// API keys in real Chromium and Firefox against the emulated portal (issue 23 §3): a pasted key the portal stops
// accepting is said to be refused, is forgotten, and both ways on work; on DocSpace 3.5 an API key's "reset my app" is
// refused before anything changes on the portal.
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithForm } from './harness/portal';
import { readStorage } from './harness/storage';

const test = e2eTest.extend('host', ({ portal }) => () => new URL(portal.origin).host);

describe.each(selectedBrowsers())('%s API keys', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  async function pasteKey(popup: E2EPage, key: string, remember: boolean) {
    await popup.evaluate(() => {
      const details = document.querySelector('details.api-key');
      if (details instanceof HTMLDetailsElement) details.open = true;
    });
    await popup.fill('API key (starts with sk-)', key);
    if (remember) {
      await popup.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('details.api-key input[type="checkbox"]');
        box?.click();
      });
    }
    await popup.click('button', 'Use this key');
  }

  test('a revoked key: the popup says it was refused, storage no longer holds it, then a new key and the portal sign-in both work', async ({ browser, portal, track: keep, host }) => {
    const user = portal.user('admin');
    const tab = keep(await browser.openTab(`${portal.origin}/`));
    const first = keep(await browser.openPopup(tab));
    await first.waitForText(`Signed out of ${host()}`);
    const key = portal.apiKeyOf(user.email);
    await pasteKey(first, key, true);
    await first.waitForText(`Signed in as ${user.displayName}`);
    await first.waitForText('Signed in with an API key.');
    const held = await readStorage(first);
    expect(JSON.stringify(held.local)).toContain(key);
    await first.close();

    portal.killApiKey(key, 'deactivated');
    const refused = keep(await browser.openPopup(tab));
    await refused.waitForText('The portal refused the API key');
    await refused.waitForText('The key has expired, or was revoked or deleted (HTTP 401).');
    expect(await refused.bodyText()).not.toContain('Signed in with an API key.');
    // Both ways on are offered at once: the key form open, and the portal's sign-in page.
    expect(await refused.evaluate(() => document.querySelector<HTMLDetailsElement>('details.api-key')?.open)).toBe(true);
    expect(await refused.text('button', 'Open the sign-in page')).toBe('Open the sign-in page');
    const after = await readStorage(refused);
    expect(JSON.stringify([after.local, after.session])).not.toContain(key);
    expect(Object.keys(after.local)).toContain(`portal:${portal.origin}`);

    // Way on 1: a new key, pasted right there.
    const fresh = portal.scopedApiKeyOf(user.email, ['*:write']);
    await refused.fill('API key (starts with sk-)', fresh);
    await refused.click('button', 'Use this key');
    await refused.waitForText(`Signed in as ${user.displayName}`);
    await refused.waitForText('Signed in with an API key.');
    await refused.close();

    // Way on 2: that key revoked too, then the portal's own sign-in in the browser; the popup reads by cookie.
    portal.killApiKey(fresh, 'expired');
    const again = keep(await browser.openPopup(tab));
    await again.waitForText('The portal refused the API key');
    await again.close();
    const signedIn = keep(await signInWithForm(browser, portal, user.email));
    portal.clearLog();
    const byCookie = keep(await browser.openPopup(signedIn));
    await byCookie.waitForText(`Signed in as ${user.displayName}`);
    expect(await byCookie.bodyText()).not.toContain('Signed in with an API key.');
    expect(portal.requests.some((r) => r.auth === 'cookie' && r.status === 200)).toBe(true);
    expect(portal.requests.filter((r) => r.auth === 'apiKey')).toEqual([]);
    const last = await readStorage(byCookie);
    expect(JSON.stringify([last.local, last.session])).not.toContain(key);
    expect(JSON.stringify([last.local, last.session])).not.toContain(fresh);
  });

  test('DocSpace 3.5 with an API key: "reset my app" is refused before any change, naming 3.5', async ({ browser, portal, track: keep, host }) => {
    portal.setVersion('3.5');
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    const { secret, backupCodes } = portal.enrol(user.email);
    const tab = keep(await browser.openTab(`${portal.origin}/`));
    const popup = keep(await browser.openPopup(tab));
    await popup.waitForText(`Signed out of ${host()}`);
    await pasteKey(popup, portal.apiKeyOf(user.email), false);
    await popup.waitForText(`Signed in as ${user.displayName}`);

    const page = keep(await browser.openExtensionPage(`options.html?view=reset&origin=${encodeURIComponent(portal.origin)}`));
    await page.click('button', 'Reset authenticator…');
    portal.clearLog();
    await page.click('button', 'Reset and set up again');
    await page.waitForText(`${host()} runs DocSpace 3.5.0.1418`);
    await page.waitForText('Nothing was changed.');
    expect(portal.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(portal.secretOf(user.email)).toBe(secret);
    expect(portal.backupCodes(user.email).map((c) => c.code)).toEqual(backupCodes);
    expect(await page.bodyText()).not.toContain('3.6');
  });
});

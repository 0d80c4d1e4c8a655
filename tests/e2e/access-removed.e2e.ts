// Access removed in the browser's own extension settings (Chromium: chrome://extensions site access; Firefox:
// about:addons permissions): everything held for the portal and the Navixy panel is wiped at once, the popup asks
// for access again, and granting it again starts clean (the portal's own sign-in, not the remembered API key).
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import { readStorage } from './harness/storage';
import { pollFor } from './harness/wait';
import { sendToBackground } from './harness/messages';
import { DEMO_LOGINS } from '../navixy/server';

describe.each(selectedBrowsers())('%s access removed', (browserName) => {
  test.override({ browserName });

  test('wipes the API key, session, names and Navixy hash at once; granting again starts clean', async ({ browser, portal, panel, track }) => {
    const admin = portal.user('admin');
    const tab = track(await signInWithCookie(browser, portal, 'admin'));
    const options = track(await browser.openExtensionPage('options.html'));
    // A working day: an API key remembered on this device, a status, names; a Navixy panel signed in.
    for (const cmd of [
      { type: 'setApiKey', origin: portal.origin, key: portal.apiKeyOf(admin.email), remember: true },
      { type: 'getStatus', origin: portal.origin, refresh: true },
      { type: 'resolveNames', origin: portal.origin, users: [admin.id], groups: [] },
      { type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: panel.apiBase },
      { type: 'navixySignIn', panel: panel.panelOrigin, login: DEMO_LOGINS.admin, password: 'demo-password', apiBase: panel.apiBase },
    ]) expect(await sendToBackground(options, cmd), JSON.stringify(cmd.type)).toMatchObject({ ok: true });
    const before = await readStorage(options);
    expect(before.local[`portal:${portal.origin}`]).toMatchObject({ rememberedKey: portal.apiKeyOf(admin.email) });
    expect(Object.keys(before.session)).toEqual(expect.arrayContaining([`portal:${portal.origin}`, `names:${portal.origin}`, `navixy:${panel.panelOrigin}`]));

    await browser.setHostAccess('http://127.0.0.1/*', false);
    const after = await pollFor(
      async () => {
        const s = await readStorage(options);
        const held = [...Object.keys(s.local), ...Object.keys(s.session)].filter((k) => k.includes('127.0.0.1') && !k.startsWith('navixy-panel:') && !k.startsWith('enrolmentAttempts:'));
        return held.length === 0 ? s : undefined;
      },
      async () => `storage still holding ${JSON.stringify(Object.keys((await readStorage(options)).session))}`,
      10_000,
    );
    // Nothing of the portal or the panel's session is left anywhere; the panel's (non-secret) address stays.
    expect(JSON.stringify(after)).not.toContain(portal.apiKeyOf(admin.email));
    expect(Object.keys(after.local)).toEqual([`navixy-panel:${panel.panelOrigin}`]);

    // The popup page for the portal (Chromium's real popup, opened by script rather than a click, gets no activeTab
    // grant and so cannot read the tab's address once host access is gone; a click would give it).
    const noAccess = track(await browser.openExtensionPage(`popup.html?origin=${encodeURIComponent(portal.origin)}`));
    await noAccess.waitForText(`Allow access to ${new URL(portal.origin).host}?`);

    await browser.setHostAccess('http://127.0.0.1/*', true);
    portal.clearLog();
    const again = track(await browser.openPopup(tab));
    await again.waitForText(`Signed in as ${admin.displayName}`);
    // The portal's own sign-in (the tab's cookie), not the API key that was remembered before.
    expect(await again.bodyText()).not.toContain('Signed in with an API key');
    expect(portal.requests.length).toBeGreaterThan(0);
    expect(portal.requests.every((r) => r.auth === 'cookie' || r.auth === 'none')).toBe(true);
  });
});

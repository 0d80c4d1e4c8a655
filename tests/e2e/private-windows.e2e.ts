// Private windows and containers (README "Private windows and containers"): the extension's requests carry the
// browser's normal cookies, so in a private window (both browsers) or a Firefox container tab the popup refuses the
// browser's sign-in (naming the portal and what to do), shows nothing of the normal window's account and sends the
// portal no cookie; an API key still works, and from a private window nothing reaches storage.local.
import { describe, expect } from 'vitest';
import { selectedBrowsers } from './harness';
import { e2eTest as test } from './harness/fixtures';
import { signInWithCookie } from './harness/portal';
import type { E2EPage } from './harness';
import { sendToBackground } from './harness/messages';

/** storage.local alone (readStorage also lists IndexedDB, which a Firefox private window's page may not open). */
function readLocal(page: E2EPage): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    interface Api { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (g.browser ?? g.chrome).storage.local.get(null);
  });
}

const SENTENCE = "The extension signs in with this browser's normal cookies, so it cannot see the account signed in to";

describe.each(selectedBrowsers())('%s private window', (browserName) => {
  test.override({ browserName });

  test('the popup refuses the browser sign-in, an API key works, nothing is written to disk', async ({ browser, portal, track }) => {
    const admin = portal.user('admin');
    const host = new URL(portal.origin).host;
    // The normal window is signed in as the admin.
    track(await signInWithCookie(browser, portal, 'admin'));
    const popupUrl = `popup.html?origin=${encodeURIComponent(portal.origin)}`;
    const readInNormalWindow = async () => track(await browser.openExtensionPage(popupUrl)).waitForText(`Signed in as ${admin.displayName}`);
    // Firefox opens the harness's new tabs in the private window once there is one, and the background refuses the
    // browser sign-in to a page there itself (below): the normal window's read comes first in Firefox.
    if (browserName === 'firefox') await readInNormalWindow();
    // Allowing the extension in private windows reloads it, closing its pages (and Firefox then opens new tabs in
    // the private window: the extension's pages below are told the tab they stand for).
    const privateTab = await browser.openSeparateTab(`${portal.origin}/`, 'private');
    // The popup page for the portal with no tab (as for a normal one) has read, and cached, the admin's account.
    // (Not Chromium's real popup: the reload took away the tab the harness drives the worker through.)
    if (browserName === 'chromium') await readInNormalWindow();
    else {
      // An extension page open in the private window itself (as Firefox opens the options page from a private
      // window's popup): the background sees its window and refuses the browser sign-in there too.
      await track(await browser.openExtensionPage(popupUrl)).waitForText(`${host} in a private window`);
    }
    const before = await readLocal(track(await browser.openExtensionPage('privacy.html')));
    portal.clearLog();

    const popup = track(await browser.openExtensionPage(`${popupUrl}&tab=${privateTab}`));
    await popup.waitForText(`${host} in a private window`);
    const text = await popup.bodyText();
    expect(text).toContain(`${SENTENCE} ${host} in this private window. Paste an API key for this portal, or open it in a normal window.`);
    expect(text).not.toContain(admin.displayName);
    // No "remember on this device" in a private window.
    expect(text).not.toContain('Remember on this device');
    expect(portal.requests.filter((r) => r.auth === 'cookie')).toEqual([]);

    await popup.fill('API key (starts with sk-)', portal.apiKeyOf(admin.email));
    await popup.click('button', 'Use this key');
    await popup.waitForText(`Signed in as ${admin.displayName}`);
    expect(await popup.bodyText()).not.toContain('Use my portal sign-in instead');
    expect(portal.requests.filter((r) => r.auth === 'cookie')).toEqual([]);
    // storage.local is as the normal window left it: no key, no record.
    const after = await readLocal(popup);
    expect(Object.keys(before)).toEqual([`portal:${portal.origin}`]);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain(portal.apiKeyOf(admin.email));
  });
});

describe.each(selectedBrowsers().filter((b) => b === 'firefox'))('%s container tab', (browserName) => {
  test.override({ browserName });

  test('the popup refuses the browser sign-in and the background sends no cookie', async ({ browser, portal, track }) => {
    const admin = portal.user('admin');
    const host = new URL(portal.origin).host;
    const tab = track(await signInWithCookie(browser, portal, 'admin'));
    await track(await browser.openPopup(tab)).waitForText(`Signed in as ${admin.displayName}`);
    const containerTab = await browser.openSeparateTab(`${portal.origin}/`, 'container');
    portal.clearLog();
    const popup = track(await browser.openExtensionPage(`popup.html?origin=${encodeURIComponent(portal.origin)}&tab=${containerTab}`));
    await popup.waitForText(`${host} in a container tab`);
    expect(await popup.bodyText()).toContain(`${SENTENCE} ${host} in this container.`);
    expect(await popup.bodyText()).not.toContain(admin.displayName);
    // The background itself, asked for a fresh read: still refused, still no cookie sent.
    const r = await sendToBackground(popup, { type: 'getStatus', origin: portal.origin, refresh: true, tabId: containerTab });
    expect(r).toMatchObject({ ok: true, value: { state: 'separateCookies', jar: 'container', me: null } });
    expect(portal.requests.filter((q) => q.auth === 'cookie')).toEqual([]);
  });
});

// Secrets stay out of persistent storage and the console: a whole flow (sign-in on the portal's form, enrolment,
// backup codes, a new set of them, sign-out, an API key used without "remember"), then every storage area and
// every console message of the extension's pages and background is searched for the actual secret values.
import { describe, expect } from 'vitest';
import { ChromiumBrowser, selectedBrowsers } from './harness';
import { e2eTest } from './harness/fixtures';
import { signInWithForm } from './harness/portal';
import { readStorage } from './harness/storage';
import { shownSetupKey } from './harness/enrolment';

/** The secrets of `values` found in `text` (none, when all is well). */
const leaked = (text: string, values: Record<string, string[]>) =>
  Object.entries(values).flatMap(([what, list]) => list.filter((v) => text.includes(v)).map((v) => `${what} ${v}`));

/** Console messages of the extension's pages and background from before the test's first step. */
const test = e2eTest.extend('consoleLog', async ({ browser }, { onCleanup }) => {
  const consoleLog = await browser.captureConsole();
  onCleanup(() => consoleLog.stop());
  return consoleLog;
});

describe.each(selectedBrowsers())('%s secrets', (browserName) => {
  test.override({ browserName });

  test('after sign-in, enrolment, backup codes and an API key not remembered: no secret in storage.local/sync, none left in session but the API key, none in the console', async ({ browser, portal, opened, consoleLog }) => {
    const user = portal.user('user');
    const tab = await signInWithForm(browser, portal, user.email);
    opened.push(tab);
    portal.setPolicy({ enabled: true });

    // Enrolment: the setup key as the page shows it, the confirm key as the background holds it.
    const page = await browser.openExtensionPage(`options.html?view=enrol&origin=${encodeURIComponent(portal.origin)}`);
    opened.push(page);
    await page.waitForText('Get an authenticator app');
    await page.click('button', 'Next');
    await page.waitForText('Setup key');
    const setupKey = await shownSetupKey(page);
    expect(setupKey).toBe(portal.secretOf(user.email));
    await page.click('button', 'Next');
    await page.waitForText('Enter the code from the app');
    const during = await readStorage(page);
    const enrolment = (during.session[`portal:${portal.origin}`] as { enrolment?: { token: { uid: string; key?: string } } } | undefined)?.enrolment;
    const confirmKey = enrolment?.token.key ?? '';
    // The design keeps the confirm token of an enrolment in progress in storage.session, and only there.
    expect(portal.state.confirmKeys.check(user.id, 'TfaActivation', confirmKey, portal.state.now())).toBe('ok');
    expect(JSON.stringify([during.local, during.sync])).not.toContain(confirmKey);

    await page.fill('6-digit code', await portal.totp(user.email));
    await page.click('button', 'Check and connect');
    await page.waitForText('Your authenticator app is set up');
    const firstCodes = portal.backupCodes(user.email).map((c) => c.code);
    expect(firstCodes).toHaveLength(5);
    for (const c of firstCodes) await page.waitForText(c);

    await page.click('link', 'Backup codes');
    await page.waitForText('5 codes left');
    await page.click('button', 'Make new codes…');
    await page.click('button', 'Make new codes');
    await page.waitForText('New backup codes are ready. The old ones no longer work.');
    const secondCodes = portal.backupCodes(user.email).map((c) => c.code);
    for (const c of secondCodes) await page.waitForText(c);

    // Signed out on the portal, then an API key pasted in the popup, "Remember on this device" left unticked.
    await tab.bringToFront();
    await tab.click('button', 'Sign out');
    await tab.waitForText('Password');
    const popup = await browser.openPopup(tab);
    opened.push(popup);
    await popup.waitForText(`Signed out of ${new URL(portal.origin).host}`);
    await popup.evaluate(() => {
      const details = document.querySelector('details.api-key');
      if (details instanceof HTMLDetailsElement) details.open = true;
    });
    const apiKey = portal.apiKeyOf(user.email);
    await popup.fill('API key (starts with sk-)', apiKey);
    expect(await popup.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((b) => b.checked))).toEqual([false]);
    await popup.click('button', 'Use this key');
    await popup.waitForText(`Signed in as ${user.displayName}`);
    await popup.waitForText('Signed in with an API key.');
    expect(portal.requests.some((r) => r.auth === 'apiKey' && r.status === 200)).toBe(true);

    const secrets = {
      'setup key': [setupKey],
      'confirm key': [confirmKey],
      'backup code': [...firstCodes, ...secondCodes],
      'API key': [apiKey],
      password: [user.password],
    };
    const after = await readStorage(popup);
    // The dump is real: the portal's record is in local, the session holds this portal's sign-in.
    expect(Object.keys(after.local)).toContain(`portal:${portal.origin}`);
    expect(leaked(JSON.stringify(after.local), secrets)).toEqual([]);
    expect(leaked(JSON.stringify(after.sync), secrets)).toEqual([]);
    expect(after.web.localStorage).toEqual({});
    expect(after.web.cacheStorage).toEqual([]);
    expect(leaked(JSON.stringify(after.web), secrets)).toEqual([]);
    // An API key not remembered lives for this browser session (README "Security"); nothing else secret does.
    const session = JSON.stringify(after.session);
    expect(session).toContain(apiKey);
    expect(leaked(session, { ...secrets, 'API key': [] })).toEqual([]);

    // Chromium: nor in the extension's files in the profile (the record of this portal is, so they were read).
    if (browser instanceof ChromiumBrowser) {
      const disk = await browser.extensionFilesOnDisk();
      expect(disk.text).toContain(`portal:${portal.origin}`);
      expect(leaked(disk.text, secrets)).toEqual([]);
    }

    // The console: the background's own log lines were captured, and no secret is in any message.
    const messages = await consoleLog.messages();
    expect(messages.some((m) => m.includes('[tfa] enrolment-finished'))).toBe(true);
    expect(leaked(messages.join('\n'), secrets)).toEqual([]);
  });
});

// Navixy codes by meaning (issue 25 §5), in real Chromium and Firefox against the emulated panel: 103 ends the session
// and shows the sign-in form with its own sentence; 101 on a save has its own sentence and no Retry; adding a panel
// whose API has no MFA actions (112) says so instead of "not a Navixy API".
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../navixy/server';
import { envelopeAnswer, startFakeApi } from '../support/fake-api';

/** storage.session as an extension page reads it. */
async function sessionText(page: E2EPage): Promise<string> {
  return page.evaluate(async () => {
    interface Api { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return JSON.stringify(await (g.browser ?? g.chrome).storage.session.get(null));
  });
}

/** Whether a button with exactly this text is on the page. */
const hasButton = (page: E2EPage, name: string) => page.evaluate((n) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n), name);

const test = e2eTest
  .extend('host', ({ panel }) => () => new URL(panel.panelOrigin).host)
  .extend('signIn', ({ host }) => async (page: E2EPage) => {
    await page.waitForText(`Sign in to ${host()}`);
    await page.fill('Login', DEMO_LOGINS.admin);
    await page.fill('Password', DEMO_PASSWORD);
    await page.click('button', 'Sign in');
    await page.waitForText('users have MFA allowed.');
  });

describe.each(selectedBrowsers())('%s Navixy codes by meaning', (browserName) => {
  test.override({ browserName });
  test.afterEach(({ panel }) => panel.forceError(null));
  let users: E2EPage;

  test('adding a panel whose API answers 112 says the panel has no MFA API, and adds nothing', async ({ browser, track }) => {
    const old = await startFakeApi(envelopeAnswer(112));
    try {
      const origin = new URL(old.apiBase).origin;
      const page = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
      await page.waitForText('No Navixy panels yet.');
      await page.fill('Panel address', origin);
      await page.fill('API base URL', old.apiBase);
      await page.click('button', 'Add panel');
      await page.waitForText(`The API of the Navixy panel ${new URL(origin).host} has no such action (error 112): this panel’s version has no MFA API.`);
      await page.waitForText('MFA cannot be managed for this panel until it is updated; ask your Navixy provider.');
      expect(await page.bodyText()).not.toContain('did not answer like a Navixy panel API');
      expect(await page.bodyText()).toContain('No Navixy panels yet.');
      expect(old.paths).toContain('/v2/panel/user/mfa/settings/default/read');
    } finally {
      await old.close();
    }
  });

  test('code 103 on the users page: the session is forgotten and the sign-in form shows with its sentence', async ({ browser, panel, host, signIn }) => {
    panel.reset();
    users = await browser.openExtensionPage('options.html?view=navixy-panels');
    await users.fill('Panel address', panel.panelOrigin);
    await users.fill('API base URL', panel.apiBase);
    await users.click('button', 'Add panel');
    await signIn(users);
    panel.forceError({ code: 103, action: 'panel/user/list', times: 1 });
    await users.click('button', 'Reload users');
    await users.waitForText(`The Navixy panel ${host()} says this panel account is not activated (error 103).`);
    await users.waitForText('You were signed out. Ask your Navixy provider to activate the account, then sign in again.');
    await users.waitForText(`Sign in to ${host()}`);
    expect(await sessionText(users)).not.toMatch(/"hash"/);
    await signIn(users);
  });

  test('code 101 on saving the default: its own sentence and next step, no Retry, nothing changed', async ({ panel, host }) => {
    panel.forceError({ code: 101, action: 'panel/user/mfa/settings/default/update', times: 1 });
    await users.click('radio', 'Allow MFA (email code)');
    await users.click('button', 'Save');
    await users.click('button', 'Save the default');
    await users.waitForText(`The Navixy panel ${host()} is in demo mode, where this function is disabled (error 101).`);
    await users.waitForText('Nothing was changed. Sign in with a panel account that is not a demo account to change MFA.');
    expect(await hasButton(users, 'Retry')).toBe(false);
    expect(await users.bodyText()).not.toMatch(/Retry in a moment/);
    expect(panel.defaultSettings()).toEqual({ type: 'disallowed' });
    // The session is kept: the page still shows the signed-in operator.
    await users.waitForText(`Signed in to the panel as ${DEMO_LOGINS.admin}`);
    await users.close();
  });
});

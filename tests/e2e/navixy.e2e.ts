// Navixy Admin Panel: the built extension in real Chromium and Firefox against the emulated panel
// (its web page and its API on different ports, i.e. different origins).
import { describe, expect } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { e2eTest } from './harness/fixtures';
import { pollFor } from './harness/wait';
import { DEMO_LOGINS, startNavixyPanel, type ErrorCode } from '../navixy/server';

/** Everything the extension holds in storage.local and storage.session, read from an extension page. */
async function storedText(page: E2EPage): Promise<{ local: string; session: string }> {
  return page.evaluate(async () => {
    interface Area { get(k: null): Promise<Record<string, unknown>> }
    interface Api { storage: { local: Area; session: Area } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    return { local: JSON.stringify(await api.storage.local.get(null)), session: JSON.stringify(await api.storage.session.get(null)) };
  });
}

const test = e2eTest
  .extend('host', ({ panel }) => () => new URL(panel.panelOrigin).host)
  .extend('updates', ({ panel }) => () => panel.requests.filter((r) => r.action === 'panel/user/mfa/settings/update'))
  .extend('signIn', ({ host }) => async (page: E2EPage, login = DEMO_LOGINS.admin) => {
    await page.waitForText(`Sign in to ${host()}`);
    await page.fill('Login', login);
    await page.fill('Password', 'demo-password');
    await page.click('button', 'Sign in');
    await page.waitForText(`Signed in to the panel as ${login}`);
  })
  /** The users' MFA view, signed in (the panel was added by the first test). */
  .extend('openUsers', ({ browser, panel, track, signIn }) => async (login = DEMO_LOGINS.admin): Promise<E2EPage> => {
    const page = track(await browser.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(panel.panelOrigin)}`));
    await page.waitForText('Navixy panels');
    // Either the sign-in form (the panel was reset, so the kept hash is unknown) or a signed-in view.
    const text = await pollFor(async () => {
      const body = await page.bodyText();
      return /Sign in to |users have MFA allowed\.|users: read permission is missing/.test(body) ? body : undefined;
    }, () => 'the sign-in form or the users view');
    if (text.includes(`Signed in to the panel as ${login}`)) return page;
    if (text.includes('Signed in to the panel as')) {
      await page.click('button', 'Sign out of the panel');
    }
    await signIn(page, login);
    if (login !== DEMO_LOGINS.support) await page.waitForText('users have MFA allowed.');
    return page;
  });

describe.each(selectedBrowsers())('%s Navixy panel', (browserName) => {
  test.override({ browserName });
  test.afterEach(({ panel }) => panel.forceError(null));

  test('adds a panel (panel address and API base URL on different origins), signs in, and shows the users and the default; only the session hash is kept, in session storage', async ({ browser, panel, track, signIn }) => {
    panel.reset();
    const page = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
    await page.waitForText('No Navixy panels yet.');
    await page.fill('Panel address', 'http://panel.example.com');
    await page.fill('API base URL', `${panel.apiBase}?x=1`);
    await page.click('button', 'Add panel');
    await page.waitForText('The panel address must be an https:// address.');
    await page.waitForText('The API base URL must be an https:// URL without a query or credentials.');
    await page.fill('Panel address', `${panel.panelOrigin}/`);
    await page.fill('API base URL', `${panel.apiBase}/`);
    await page.click('button', 'Add panel');
    await signIn(page);
    await page.waitForText('50 of 250 users have MFA allowed.');
    await page.waitForText('Default MFA: Disallowed');
    await page.waitForText('driver250@fleet.test');
    expect(panel.requests.filter((r) => r.action === 'panel/account/auth').map((r) => r.body)).toEqual([{ login: DEMO_LOGINS.admin, password: '***' }]);

    const stored = await storedText(page);
    expect(stored.local).toContain(panel.apiBase);
    expect(stored.local + stored.session).not.toContain('demo-password');
    expect(stored.session).toMatch(/"hash":"[0-9a-f]{32}"/);
    expect(stored.local).not.toMatch(/[0-9a-f]{32}/);
  });

  test('the popup on the panel tab shows the default for new users and how many users have MFA allowed', async ({ browser, panel, track, openUsers }) => {
    await openUsers();
    const tab = track(await browser.openTab(`${panel.panelOrigin}/`));
    await tab.waitForText('Navixy Admin Panel (emulated)');
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('Navixy Admin Panel');
    await popup.waitForText('Default MFA: Disallowed');
    await popup.waitForText('50 of 250 users with MFA allowed');
    await popup.waitForText('Manage users’ MFA');
    await popup.waitForText(`Signed in to the panel as ${DEMO_LOGINS.admin}`);
  });

  test('the popup after the panel ended the session: the panel\'s message and a way to sign in again', async ({ browser, panel, track, host, openUsers }) => {
    await openUsers();
    panel.endSessions();
    const tab = track(await browser.openTab(`${panel.panelOrigin}/`));
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText(`The Navixy panel ${host()} ended the session or found no such operator (error 4).`);
    await popup.waitForText('Sign in to the panel');
    const stored = await storedText(popup);
    expect(stored.session).not.toMatch(/"hash"/);
  });

  test('allows MFA for 250 selected users: the 50 already allowed are left alone, the 200 others go in two batches of at most 100, showing progress; all are applied', async ({ panel, updates, openUsers }) => {
    const page = await openUsers();
    await page.click('checkbox', 'Select all shown users');
    await page.waitForText('250 users selected.');
    panel.clearLog();
    await page.click('button', 'Allow MFA');
    await page.waitForText('MFA allowed for 200 users. 50 selected users already had MFA allowed and were not written, so they still follow the default. The panel now reports 250 users with MFA allowed.');
    await page.waitForText('Batch 2 of 2: 200 of 200 users done.');
    expect(updates().map((r) => (r.body.target as { ids: number[] }).ids.length)).toEqual([100, 100]);
    expect(new Set(updates().flatMap((r) => (r.body.target as { ids: number[] }).ids)).size).toBe(200);
    expect(updates().every((r) => JSON.stringify(r.body.settings) === '{"type":"allowed","factor_types":["email"]}')).toBe(true);
    expect(panel.users().every((u) => u.mfa_allowed)).toBe(true);
    expect(await page.evaluate(() => { const p = document.querySelector('progress'); return p ? [p.value, p.max] : null; })).toEqual([200, 200]);
    await page.waitForText('250 of 250 users have MFA allowed.');
  });

  test('stops at a failing batch and says it failed (and may be partly applied); only the earlier batch was applied', async ({ panel, host, updates, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    await page.fill('Filter users by name or login', 'driver1');
    await page.click('checkbox', 'Select all shown users');
    await page.fill('Filter users by name or login', 'driver2');
    await page.click('checkbox', 'Select all shown users');
    await page.waitForText('151 users selected.');
    panel.forceError({ code: 217, action: 'panel/user/mfa/settings/update', after: 1, times: 1 });
    panel.clearLog();
    await page.click('button', 'Allow MFA');
    // 31 of the 151 already have MFA allowed: 120 are sent, 100 then 20.
    await page.waitForText('Batch 2 of 2 (20 users) failed and may be partly applied. 31 selected users already had MFA allowed and were not written, so they still follow the default. The list below was read again from the panel.');
    await page.waitForText(`The Navixy panel ${host()} says the list contains users that do not exist (error 217).`);
    const allowed = panel.users().filter((u) => u.mfa_allowed).map((u) => u.id);
    // driver100…driver224 (the first batch) allowed; of the rest only the demo's every fifth user.
    expect(allowed).toEqual(panel.users().map((u) => u.id).filter((id) => (id >= 100 && id <= 224) || id % 5 === 0));
    expect(updates().map((r) => r.code ?? 'ok')).toEqual(['ok', 217]);
  });

  test('"all users" changes ask for confirmation first; cancelling sends nothing', async ({ panel, host, updates, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    panel.clearLog();
    await page.click('button', 'Allow MFA for all users…');
    await page.waitForText('Allow MFA for all users?');
    await page.click('button', 'Cancel');
    expect(updates()).toEqual([]);
    await page.click('button', 'Disallow MFA for all users…');
    await page.waitForText(`Every user of ${host()} gets exactly this setting: MFA disallowed. Users who rely on MFA lose it.`);
    expect(updates()).toEqual([]);
    await page.click('button', 'Disallow for all users');
    await page.waitForText('MFA disallowed for all users. The panel now reports 0 users with MFA allowed.');
    expect(updates().map((r) => r.body)).toEqual([{ target: { type: 'all' }, settings: { type: 'disallowed' } }]);
    expect(panel.users().some((u) => u.mfa_allowed)).toBe(false);
  });

  test('the default is worded as the spec defines it and saved only after a confirmation', async ({ panel, host, updates, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    await page.waitForText('The default applies to every user who has no MFA setting of their own');
    panel.clearLog();
    await page.click('radio', 'Allow MFA (email code)');
    await page.click('button', 'Save');
    await page.waitForText(`The default of ${host()} becomes: Allowed (email code). Every user with no setting of their own follows it.`);
    await page.click('button', 'Cancel');
    expect(panel.requests.filter((r) => r.action === 'panel/user/mfa/settings/default/update')).toEqual([]);
    await page.click('button', 'Save');
    await page.click('button', 'Save the default');
    await page.waitForText('Default saved: Allowed (email code).');
    expect(panel.defaultSettings()).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(updates()).toEqual([]);
  });

  test('"apply to all users" saves the default and writes it to every user in one confirmed step', async ({ panel, host, updates, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    await page.click('radio', 'Allow MFA (email code)');
    await page.click('checkbox', 'Also apply this setting to all users now (every user of the dealer, as the panel’s own settings page does)');
    await page.click('button', 'Save');
    await page.waitForText(`and the same setting is written for all users and sub-users of ${host()}. Users who had their own setting get this one.`);
    await page.waitForText('“All users” is every user of the dealer, as Navixy’s API documents it; Navixy’s own panel says the demo user is left out.');
    panel.clearLog();
    await page.click('button', 'Save and apply to all users');
    await page.waitForText('Default saved and applied to all users: Allowed (email code).');
    expect(panel.defaultSettings()).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(updates().map((r) => r.body)).toEqual([{ target: { type: 'all' }, settings: { type: 'allowed', factor_types: ['email'] } }]);
    await page.waitForText('250 of 250 users have MFA allowed.');
  });

  test('a read-only operator (users: read) sees users with every change disabled and the reason; nothing fails with 13', async ({ browser, panel, track, openUsers }) => {
    panel.reset();
    const page = await openUsers(DEMO_LOGINS.viewer);
    await page.waitForText('You can view users; changing MFA needs the users: update permission.');
    await page.waitForText('Changing the default needs the users: update permission.');
    const disabled = await page.evaluate(() => [...document.querySelectorAll('button')]
      .filter((b) => /^(Save|Allow MFA for all users…|Disallow MFA for all users…)$/.test(b.textContent ?? ''))
      .map((b) => b.disabled));
    expect(disabled).toEqual([true, true, true]);
    // Users cannot be selected, so no selection bar (with its Allow / Disallow MFA) ever shows.
    expect(await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('table input[type="checkbox"]')].every((c) => c.disabled))).toBe(true);
    expect(await page.evaluate(() => document.querySelector('[data-field="navixy-selection-bar"]'))).toBeNull();
    expect(panel.requests.filter((r) => r.code === 13)).toEqual([]);
    const tab = track(await browser.openTab(`${panel.panelOrigin}/`));
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('Read-only: this operator cannot change MFA (the users: update permission is missing).');
  });

  test('an operator without users: read is told so, and the list is never requested', async ({ browser, panel, track, openUsers }) => {
    panel.reset();
    await openUsers(DEMO_LOGINS.support);
    // Signed in as this operator: opening the page again asks nothing it may not read.
    panel.clearLog();
    const page = track(await browser.openExtensionPage(`options.html?view=navixy&panel=${encodeURIComponent(panel.panelOrigin)}`));
    await page.waitForText('This operator cannot list users: the users: read permission is missing.');
    expect(panel.requests.filter((r) => r.action === 'panel/user/list' || r.action.includes('default/read'))).toEqual([]);
    expect(panel.requests.filter((r) => r.code === 13)).toEqual([]);
  });

  test('a blocked dealer: sign-in says the panel account is blocked, and nothing is kept', async ({ panel, host, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    await page.click('button', 'Sign out of the panel');
    await page.waitForText(`Sign in to ${host()}`);
    await page.fill('Login', DEMO_LOGINS.blocked);
    await page.fill('Password', 'demo-password');
    await page.click('button', 'Sign in');
    await page.waitForText(`The Navixy panel ${host()} says this panel account is blocked (error 11).`);
    expect((await storedText(page)).session).not.toMatch(/"hash"/);
  });

  test('sign-out ends the session on the panel: the old session hash no longer works there', async ({ panel, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    const hash = /"hash":"([0-9a-f]{32})"/.exec((await storedText(page)).session)?.[1];
    expect(hash).toBeDefined();
    await page.waitForText('session ends at');
    await page.click('button', 'Sign out of the panel');
    await page.waitForText('Signed out of the panel.');
    expect(panel.requests.some((r) => r.action === 'panel/account/logout' && r.status === 200)).toBe(true);
    const reply = await fetch(`${panel.apiBase}/panel/user/list`, { method: 'POST', headers: { Authorization: `NVX ${hash}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(((await reply.json()) as { status?: { code: number } }).status?.code).toBe(4);
    expect((await storedText(page)).session).not.toMatch(/"hash"/);
  });

  test('a changed API address asks first, then needs a fresh sign-in; the old session is never sent to the new address', async ({ browser, panel, track, host, openUsers }) => {
    panel.reset();
    const other = await startNavixyPanel();
    try {
      const users = await openUsers();
      const oldHash = /"hash":"([0-9a-f]{32})"/.exec((await storedText(users)).session)?.[1];
      const page = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
      await page.fill('Panel address', panel.panelOrigin);
      await page.fill('API base URL', other.apiBase);
      await page.click('button', 'Add panel');
      await page.waitForText(`Change the API address of ${host()}?`);
      await page.click('button', 'Change the API address');
      await page.waitForText(`Sign in to ${host()}`);
      await page.waitForText(`Your password is sent to ${new URL(other.apiBase).host} (this panel’s API) and to no other site.`);
      expect(other.requests.filter((r) => r.auth === 'hash')).toEqual([]);
      expect(panel.requests.some((r) => r.action === 'panel/account/logout')).toBe(true);
      expect((await storedText(page)).session).not.toContain(oldHash ?? 'none');
    } finally {
      // Back to the first API address for the tests that follow.
      const page = track(await browser.openExtensionPage('options.html?view=navixy-panels'));
      await page.fill('Panel address', panel.panelOrigin);
      await page.fill('API base URL', panel.apiBase);
      await page.click('button', 'Add panel');
      await page.click('button', 'Change the API address');
      await page.waitForText(`Sign in to ${host()}`);
      await other.close();
    }
  });

  test('a factor type the extension does not know is shown by name and kept when allowing', async ({ panel, updates, openUsers }) => {
    panel.reset();
    panel.setDefault({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    const page = await openUsers();
    await page.waitForText('Default MFA: Allowed (email code and authenticator_app)');
    await page.click('checkbox', 'Select Boris Novak');
    panel.clearLog();
    await page.click('button', 'Allow MFA');
    await page.waitForText('MFA allowed for 1 user.');
    expect(updates().map((r) => r.body.settings)).toEqual([{ type: 'allowed', factor_types: ['email', 'authenticator_app'] }]);
  });

  test.for([
    [3, 'did not recognise the session (error 3: wrong session hash).', 'Sign in to the panel again.'],
    [4, 'ended the session or found no such operator (error 4).', 'Sign in again, checking the login and password.'],
    [7, 'rejected the request’s parameters (error 7: invalid parameters).', 'Check the selection and the settings, then try again.'],
    [13, 'does not allow this operator to do this: the users: update permission is missing (error 13).', 'Nothing was changed. Ask a panel administrator for the permission.'],
    [201, 'could not find a selected user in its database (error 201); it may be deleted or belong to another dealer.', 'Reload the user list and try again.'],
    [217, 'says the list contains users that do not exist (error 217).', 'Reload the user list and select the users again.'],
  ] as [ErrorCode, string, string][])('error %i is shown as one sentence naming the panel, with the next step', async ([code, words, next], { panel, host, signIn, openUsers }) => {
    panel.reset();
    const page = await openUsers();
    panel.forceError({ code, action: 'panel/user/mfa/settings/update', times: 1 });
    await page.click('checkbox', 'Select Boris Novak');
    await page.click('button', 'Allow MFA');
    await page.waitForText(`The Navixy panel ${host()} ${words}`);
    await page.waitForText(next);
    expect(panel.user(2).mfa_allowed).toBe(false);
    if (code === 3 || code === 4) {
      // The session is forgotten: the sign-in form is back, and signing in again works.
      await signIn(page);
      expect(await storedText(page).then((s) => s.session.match(/"hash":"[0-9a-f]{32}"/g)?.length)).toBe(1);
    }
  });
});

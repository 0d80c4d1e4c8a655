import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_LOGINS, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';
import { route } from '../../lib/providers/background';
import { getNavixySession } from '../../lib/providers/navixy/session';

/**
 * The background's Navixy handlers through the real router (sender check, command parsing)
 * against the emulated panel over real HTTP, with fakeBrowser storage.
 */
let panel: RunningNavixyPanel;
beforeAll(async () => {
  panel = await startNavixyPanel();
});
afterAll(async () => {
  await panel.close();
});

let granted: string[];
beforeEach(() => {
  fakeBrowser.reset();
  panel.reset();
  granted = ['http://127.0.0.1/*'];
  fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.includes(o));
  fakeBrowser.permissions.remove = vi.fn(async () => true);
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = (cmd: object) => route(cmd, sender()) as Promise<{ ok: boolean; value?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
const add = () => send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: `${panel.apiBase}/` });
const signIn = (login = DEMO_LOGINS.admin, password = 'demo-password') => send({ type: 'navixySignIn', panel: panel.panelOrigin, login, password, apiBase: panel.apiBase });

describe('Navixy background', () => {
  it('a site is DocSpace until added as a panel; adding checks the API speaks Navixy and keeps only non-secret config locally', async () => {
    expect((await send({ type: 'identifySite', origin: panel.panelOrigin })).value).toEqual({ provider: 'docspace', origin: panel.panelOrigin });
    const added = await add();
    expect(added).toEqual({ ok: true, value: { panel: panel.panelOrigin, host: new URL(panel.panelOrigin).host, apiBase: panel.apiBase, granted: true, login: null, sessionEndsAt: null } });
    expect((await send({ type: 'identifySite', origin: panel.panelOrigin })).value.provider).toBe('navixy');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [`navixy-panel:${panel.panelOrigin}`]: { panel: panel.panelOrigin, apiBase: panel.apiBase, addedAt: expect.any(Number) } });
  });

  it('refuses an API base that is not a Navixy API, and one without host access', async () => {
    const notNavixy = await send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: `${panel.panelOrigin}/v2` });
    expect(notNavixy.error).toMatchObject({ kind: 'panel', reason: 'notNavixy' });
    const plainHttp = await send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: 'http://api.example.com/v2' });
    expect(plainHttp.error).toMatchObject({ kind: 'badRequest' });
    granted = [];
    expect((await add()).error).toMatchObject({ kind: 'noPermission' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  // Issue 24 §4: the form the page checks (config.ts), checked again by the background for a command a page would never send.
  it.for([
    ['a plain-http panel', { panel: 'http://panel.example' }],
    ['a panel address with credentials in the API base', { apiBase: 'https://user:pw@api.example/v2' }],
    ['an API base with a query', { apiBase: 'https://api.example/v2?x=1' }],
  ] as const)('refuses %s before contacting anything, and keeps nothing', async ([, bad]) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = await send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: `${panel.apiBase}/`, ...bad });
    expect(r).toEqual({ ok: false, error: { kind: 'badRequest', message: 'panel' in bad ? 'panel' : 'apiBase' } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('signs in: only the hash and login are kept, in session storage; the password is nowhere', async () => {
    await add();
    const status = await signIn();
    expect(status.value).toMatchObject({ state: 'ready', login: DEMO_LOGINS.admin, usersTotal: 250, mfaAllowed: 50, defaultSettings: { type: 'disallowed' } });
    const session = await getNavixySession(panel.panelOrigin);
    expect(session?.hash).toMatch(/^[0-9a-f]{32}$/);
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]);
    expect(everything).not.toContain('demo-password');
    expect(everything).not.toContain('"password"');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(session!.hash);
  });

  it('a wrong password is "login or password not accepted" and keeps nothing', async () => {
    await add();
    expect((await signIn(DEMO_LOGINS.admin, 'nope')).error).toMatchObject({ kind: 'panel', reason: 'badCredentials' });
    expect((await signIn('99999', 'nope')).error).toMatchObject({ kind: 'panel', code: 12, reason: 'badCredentials' });
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
    expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin })).value.state).toBe('signedOut');
  });

  it('status is cached until refreshed or changed', async () => {
    await add();
    await signIn();
    panel.clearLog();
    expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin })).value.mfaAllowed).toBe(50);
    expect(panel.requests).toEqual([]);
    await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'selected', ids: [1] }, settings: { type: 'allowed', factor_types: ['email'] } });
    expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin })).value.mfaAllowed).toBe(51);
  });

  it('error 3 or 4 from the panel forgets the session; the next status is signed out', async () => {
    await add();
    await signIn();
    panel.endSessions();
    const r = await send({ type: 'listNavixyUsers', panel: panel.panelOrigin });
    expect(r.error).toMatchObject({ kind: 'panel', code: 4 });
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
    expect((await send({ type: 'listNavixyUsers', panel: panel.panelOrigin })).error).toMatchObject({ kind: 'panel', reason: 'notSignedIn' });
  });

  it('the protocol refuses more than 100 ids, zero ids, non-positive ids and allowed without factor types before any request', async () => {
    await add();
    await signIn();
    panel.clearLog();
    const update = (target: object, settings: object = { type: 'disallowed' }) => send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target, settings });
    for (const target of [{ type: 'selected', ids: Array.from({ length: 101 }, (_, i) => i + 1) }, { type: 'selected', ids: [] }, { type: 'selected', ids: [0] }, { type: 'selected', ids: [1.5] }, { type: 'some' }]) {
      expect((await update(target)).error).toMatchObject({ kind: 'badRequest' });
    }
    expect((await update({ type: 'all' }, { type: 'allowed' })).error).toMatchObject({ kind: 'badRequest' });
    expect((await update({ type: 'all' }, { type: 'allowed', factor_types: [] })).error).toMatchObject({ kind: 'badRequest' });
    expect(panel.requests).toEqual([]);
  });

  it('lists users as rows, sets the default and re-reads it', async () => {
    await add();
    await signIn();
    const list = (await send({ type: 'listNavixyUsers', panel: panel.panelOrigin })).value as { mode: string; count: number; users: { id: number }[] };
    expect(list.mode).toBe('whole');
    expect(list.users).toHaveLength(250);
    expect(list.users[4]).toMatchObject({ id: 5, login: 'driver005@fleet.test', name: 'Emil Novak', mfaAllowed: true });
    const saved = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: { type: 'allowed', factor_types: ['email'] } });
    expect(saved.value).toEqual({ settings: { type: 'allowed', factor_types: ['email'] }, appliedToAll: false });
    expect(panel.defaultSettings()).toEqual({ type: 'allowed', factor_types: ['email'] });
  });

  it('a read-only operator sees the status; a change is refused before anything is sent, naming users: update', async () => {
    await add();
    const status = (await signIn(DEMO_LOGINS.viewer)).value;
    expect(status).toMatchObject({ state: 'ready', canRead: true, canUpdate: false });
    panel.clearLog();
    const r = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: { type: 'disallowed' } });
    expect(r.error).toMatchObject({ kind: 'panel', reason: 'notPermitted', permission: 'users: update' });
    expect(panel.requests).toEqual([]);
  });

  it('an operator without users: read gets a status without any list or default request', async () => {
    await add();
    panel.clearLog();
    const status = (await signIn(DEMO_LOGINS.support)).value;
    expect(status).toMatchObject({ state: 'ready', canRead: false, canUpdate: false, usersTotal: null });
    expect(panel.requests.map((r) => r.action)).toEqual(['panel/account/auth']);
    expect((await send({ type: 'listNavixyUsers', panel: panel.panelOrigin })).error).toMatchObject({ reason: 'notPermitted', permission: 'users: read' });
  });

  it('a 13 from the panel re-reads the session\'s permissions, so the page stops offering the change', async () => {
    await add();
    await signIn();
    panel.forceError({ code: 13, action: 'panel/user/mfa/settings/update', times: 1 });
    const r = await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'selected', ids: [1] }, settings: { type: 'disallowed' } });
    expect(r.error).toMatchObject({ kind: 'panel', code: 13, reason: 'notPermitted', permission: 'users: update' });
    expect(panel.requests.at(-1)?.action).toBe('panel/account/get_permissions');
  });

  it('a blocked dealer (11 at sign-in) keeps nothing', async () => {
    await add();
    expect((await signIn(DEMO_LOGINS.blocked)).error).toMatchObject({ kind: 'panel', code: 11, reason: 'dealerBlocked' });
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
  });

  it('a session is bound to its API address: a changed address needs a confirmation, ends the session and never receives the hash', async () => {
    const other = await startNavixyPanel();
    try {
      await add();
      await signIn();
      const hash = (await getNavixySession(panel.panelOrigin))!.hash;
      const change = { type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: other.apiBase };
      expect((await send(change)).error).toMatchObject({ kind: 'panel', reason: 'apiChanged' });
      expect((await send({ type: 'listNavixyPanels' })).value[0].apiBase).toBe(panel.apiBase);
      const changed = await send({ ...change, confirmApiChange: true });
      expect(changed.value).toMatchObject({ apiBase: other.apiBase, login: null });
      expect(await getNavixySession(panel.panelOrigin)).toBeNull();
      expect(panel.requests.some((r) => r.action === 'panel/account/logout')).toBe(true);
      expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin })).value.state).toBe('signedOut');
      expect(JSON.stringify(other.requests)).not.toContain(hash);
      expect(other.requests.filter((r) => r.auth === 'hash')).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('a stored session whose API address differs from the panel\'s is dropped, not used', async () => {
    await add();
    await signIn();
    const session = (await getNavixySession(panel.panelOrigin))!;
    await fakeBrowser.storage.session.set({ [`navixy:${panel.panelOrigin}`]: { ...session, apiBase: 'https://api.elsewhere.example/v2' } });
    panel.clearLog();
    expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin, refresh: true })).value.state).toBe('signedOut');
    expect(panel.requests).toEqual([]);
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
  });

  it('a session older than 24 hours is not used', async () => {
    await add();
    await signIn();
    const session = (await getNavixySession(panel.panelOrigin))!;
    await fakeBrowser.storage.session.set({ [`navixy:${panel.panelOrigin}`]: { ...session, signedInAt: Date.now() - 24 * 3600_000 - 1 } });
    expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin, refresh: true })).value.state).toBe('signedOut');
  });

  it('"apply to all" saves the default and writes it to every user; a count is never taken over a partial list', async () => {
    await add();
    await signIn();
    const r = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: { type: 'allowed', factor_types: ['email'] }, applyToAll: true });
    expect(r.value).toEqual({ settings: { type: 'allowed', factor_types: ['email'] }, appliedToAll: true });
    expect(panel.requests.filter((q) => q.action === 'panel/user/mfa/settings/update').map((q) => q.body.target)).toEqual([{ type: 'all' }]);
    expect((await send({ type: 'getNavixyStatus', panel: panel.panelOrigin, refresh: true })).value).toMatchObject({ mfaAllowed: 250, usersTotal: 250 });
  });

  it('a panel\'s host access is not listed as a DocSpace portal', async () => {
    fakeBrowser.permissions.getAll = async () => ({ origins: ['http://127.0.0.1/*'], permissions: [] });
    expect((await send({ type: 'listPortals' })).value).toHaveLength(1);
    await add();
    expect((await send({ type: 'listPortals' })).value).toEqual([]);
  });

  it('forgetting a DocSpace portal on the same host keeps the panel\'s access', async () => {
    await add();
    expect((await send({ type: 'forgetPortal', origin: 'http://127.0.0.1:1' })).ok).toBe(true);
    expect(fakeBrowser.permissions.remove).not.toHaveBeenCalled();
  });

  it('sign-out and remove forget the session and the config', async () => {
    await add();
    await signIn();
    const hash = (await getNavixySession(panel.panelOrigin))!.hash;
    expect((await send({ type: 'navixySignOut', panel: panel.panelOrigin })).ok).toBe(true);
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
    // The session ended on the panel too.
    expect(panel.requests.filter((r) => r.action === 'panel/account/logout').map((r) => r.status)).toEqual([200]);
    const reused = await fetch(`${panel.apiBase}/panel/user/list`, { method: 'POST', headers: { Authorization: `NVX ${hash}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(((await reused.json()) as { status: { code: number } }).status.code).toBe(4);
    await signIn();
    expect((await send({ type: 'removeNavixyPanel', panel: panel.panelOrigin })).ok).toBe(true);
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
    expect((await send({ type: 'listNavixyPanels' })).value).toEqual([]);
    expect((await send({ type: 'identifySite', origin: panel.panelOrigin })).value.provider).toBe('docspace');
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });
});

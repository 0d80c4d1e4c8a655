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
const signIn = (login = DEMO_LOGINS.admin, password = 'demo-password') => send({ type: 'navixySignIn', panel: panel.panelOrigin, login, password });

describe('Navixy background', () => {
  it('a site is DocSpace until added as a panel; adding checks the API speaks Navixy and keeps only non-secret config locally', async () => {
    expect((await send({ type: 'identifySite', origin: panel.panelOrigin })).value).toEqual({ provider: 'docspace', origin: panel.panelOrigin });
    const added = await add();
    expect(added).toEqual({ ok: true, value: { panel: panel.panelOrigin, host: new URL(panel.panelOrigin).host, apiBase: panel.apiBase, granted: true, login: null } });
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

  it('a wrong password answers error 4 and keeps nothing', async () => {
    await add();
    expect((await signIn(DEMO_LOGINS.admin, 'nope')).error).toMatchObject({ kind: 'panel', code: 4, reason: 'sessionEnded' });
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
    const rows = (await send({ type: 'listNavixyUsers', panel: panel.panelOrigin })).value as { id: number; name: string; mfaAllowed: boolean }[];
    expect(rows).toHaveLength(250);
    expect(rows[4]).toEqual({ id: 5, login: 'driver005@fleet.test', name: 'Emil Novak', mfaAllowed: true });
    const saved = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: { type: 'allowed', factor_types: ['email'] } });
    expect(saved.value).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(panel.defaultSettings()).toEqual({ type: 'allowed', factor_types: ['email'] });
  });

  it('a read-only operator sees the status; changing is error 11', async () => {
    await add();
    expect((await signIn(DEMO_LOGINS.viewer)).value.state).toBe('ready');
    const r = await send({ type: 'setNavixyDefault', panel: panel.panelOrigin, settings: { type: 'disallowed' } });
    expect(r.error).toMatchObject({ kind: 'panel', code: 11, reason: 'accessDenied' });
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
    expect((await send({ type: 'navixySignOut', panel: panel.panelOrigin })).ok).toBe(true);
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
    await signIn();
    expect((await send({ type: 'removeNavixyPanel', panel: panel.panelOrigin })).ok).toBe(true);
    expect(await getNavixySession(panel.panelOrigin)).toBeNull();
    expect((await send({ type: 'listNavixyPanels' })).value).toEqual([]);
    expect((await send({ type: 'identifySite', origin: panel.panelOrigin })).value.provider).toBe('docspace');
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });
});

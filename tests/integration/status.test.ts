import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerLifecycle } from '../../lib/providers/docspace/background/lifecycle';
import { getStatus, resolveNames, setApiKey, useBrowserSignIn, forgetPortal, listPortals } from '../../lib/providers/docspace/background/status';
import { getSession, updateSession } from '../../lib/providers/docspace/background/session';
import { backgroundTest } from './fixtures';

/**
 * The background's status service (the popup's one call) against the emulated
 * portal over real HTTP, with the browser's cookie sign-in emulated by a cookie jar.
 */
let other: Server;
let otherOrigin: string;
const otherSeen: { path: string; cookie?: string; authorization?: string }[] = [];
beforeAll(async () => {
  other = createServer((req, res) => {
    otherSeen.push({ path: req.url ?? '', cookie: req.headers.cookie, authorization: req.headers.authorization });
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>not a portal</html>');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => other.close(r));
});

const badge = vi.fn();
const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (role: string) => {
    const value = await portal.signIn(portal.user(role).email);
    fetchWithJar.jar.cookies.set('asc_auth_key', value);
  })
  .extend('status', ({ portal }) => (refresh = true, tabId?: number) => getStatus({ type: 'getStatus', origin: portal.origin, refresh, tabId }));
it.beforeEach(() => {
  fakeBrowser.permissions.getAll = async () => ({ origins: ['http://127.0.0.1/*'], permissions: [] });
  fakeBrowser.action.setBadgeText = badge;
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
  badge.mockReset();
});

describe('getStatus', () => {
  it('admin: policy with trusted IPs and mandatory lists; names resolved separately', async ({ portal, signInAs, status }) => {
    const alice = portal.user('alice@demo.test');
    const finance = portal.groups.find((g) => g.name === 'Finance')!;
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [alice.id, '99999999-9999-9999-9999-999999999999'], mandatoryGroups: [finance.id] });
    await signInAs('admin');
    portal.clearLog();
    const r = await status(true, 7);
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value).toMatchObject({
      state: 'ready', me: { role: 'admin' }, applies: { kind: 'outsideTrusted' },
      policy: { method: 'app', trustedIps: { total: 1, invalid: 0, first: [{ id: '10.0.0.0/8', name: '10.0.0.0/8' }] }, mandatoryUsers: { total: 2 }, mandatoryGroups: { total: 1 } },
    });
    // One round trip: every request of a cold status read was sent before any answer came back.
    expect(portal.requests.map((q) => q.path).sort()).toEqual(
      ['/api/2.0/people/@self', '/api/2.0/settings', '/api/2.0/settings/tfaapp', '/api/2.0/settings/tfaappcodes'].sort(),
    );
    const ids = (list: { id: string }[]) => list.map((e) => e.id);
    const names = await resolveNames({ type: 'resolveNames', origin: portal.origin, users: ids(r.value.policy!.mandatoryUsers.first), groups: ids(r.value.policy!.mandatoryGroups.first) });
    expect(names.ok && names.value.users.map((u) => u.missing ? 'missing' : u.name)).toEqual([alice.displayName, 'missing']);
    expect(names.ok && names.value.groups.map((g) => g.name)).toEqual(['Finance']);
  });

  it('user not enrolled while the policy applies: "!" badge', async ({ portal, signInAs, status }) => {
    await signInAs('user');
    // The session predates enabling (set directly, no sign-out), as after a trusted-IP sign-in.
    portal.setPolicy({ enabled: true });
    const r = await status(true, 3);
    expect(r.ok && r.value.enrolment).toEqual({ state: 'notEnrolled' });
    expect(r.ok && r.value.applies.kind).toBe('everyone');
    expect(badge).toHaveBeenLastCalledWith({ tabId: 3, text: '!' });
  });

  it('a system group in the mandatory groups (Everyone): applies to the user from the role, "!" badge (fact sheet §11.3)', async ({ portal, signInAs, status }) => {
    await signInAs('user');
    portal.setPolicy({ enabled: true, trustedIps: ['127.0.0.1'], mandatoryGroups: ['c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e'] });
    expect(portal.state.appApplies(portal.user('user'))).toBe(true);
    const r = await status(true, 6);
    expect(r.ok && r.value.applies.kind).toBe('mandatoryGroup');
    expect(r.ok && r.value.enrolment).toEqual({ state: 'notEnrolled' });
    expect(badge).toHaveBeenLastCalledWith({ tabId: 6, text: '!' });
  });

  it('enrolled user: backup code count and a check badge', async ({ portal, signInAs, status }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    await signInAs('user');
    const r = await status(true, 4);
    expect(r.ok && r.value.enrolment).toEqual({ state: 'enrolled', unusedCodes: 5, totalCodes: 5 });
    expect(badge).toHaveBeenLastCalledWith({ tabId: 4, text: '✓' });
  });

  it('the tab navigates to another site while the status loads: no badge of the old portal lands on the new page (issue 12 §5)', async ({ portal, signInAs, status }) => {
    registerLifecycle();
    portal.setPolicy({ enabled: true });
    await signInAs('user');
    portal.state.latencyMs = 300;
    try {
      const pending = status(true, 11);
      await new Promise((r) => setTimeout(r, 50));
      await fakeBrowser.tabs.onUpdated.trigger(11, { url: 'https://example.org/', status: 'loading' }, { id: 11, url: 'https://example.org/' } as Browser.tabs.Tab);
      const r = await pending;
      expect(r.ok && r.value.applies.kind).toBe('everyone');
      await new Promise((r) => setTimeout(r, 20));
      expect(badge.mock.calls.filter(([a]) => a.tabId === 11).map(([a]) => a.text)).toEqual(['']);
    } finally {
      portal.state.latencyMs = 0;
    }
  });

  it('policy off: no badge, says off', async ({ signInAs, status }) => {
    await signInAs('user');
    const r = await status(true, 5);
    expect(r.ok && r.value.applies).toEqual({ kind: 'off' });
    expect(badge).toHaveBeenLastCalledWith({ tabId: 5, text: '' });
  });

  it('signed out', async ({ portal, status }) => {
    const r = await status();
    expect(r.ok && r.value.state).toBe('signedOut');
    expect(r.ok && r.value.signInUrl).toBe(`${portal.origin}/login`);
  });

  it('not a portal: recognised anonymously first, so the site never sees the user\'s cookie or key (issue 12 §5)', async ({ fetchWithJar }) => {
    otherSeen.length = 0;
    fetchWithJar.jar.cookies.set('asc_auth_key', 'secret-session');
    await updateSession(otherOrigin, (s) => ({ ...s, auth: { kind: 'apiKey', key: 'sk-secretsecretsecret' } }));
    const r = await getStatus({ type: 'getStatus', origin: otherOrigin, refresh: true });
    expect(r.ok && r.value.state).toBe('notPortal');
    expect(otherSeen.map((q) => q.path)).toEqual(['/api/2.0/settings']);
    expect(otherSeen.every((q) => !q.cookie && !q.authorization)).toBe(true);
  });

  it('first contact with a portal: the anonymous recognition comes before any signed-in request; once known, one round trip', async ({ portal, signInAs, status }) => {
    await signInAs('user');
    portal.clearLog();
    await status();
    expect(portal.requests[0]).toMatchObject({ path: '/api/2.0/settings', auth: 'none' });
    expect(portal.requests.slice(1).every((q) => q.auth === 'cookie')).toBe(true);
    portal.clearLog();
    await status();
    expect(portal.requests.map((q) => q.path).sort()).toEqual(['/api/2.0/people/@self', '/api/2.0/settings/tfaapp', '/api/2.0/settings/tfaappcodes']);
  });

  it('a portal error is returned as a typed error', async ({ portal, signInAs, status }) => {
    await signInAs('user');
    portal.injectFault({ kind: 'status500', path: /tfaapp$/ });
    try {
      const r = await status();
      expect(r.ok ? null : r.error).toEqual({ kind: 'server', origin: portal.origin, status: 500, message: expect.any(String) });
    } finally {
      portal.injectFault(null);
    }
  });

  it('serves the cached status without network, and it survives in storage.session', async ({ portal, signInAs, status }) => {
    await signInAs('user');
    const first = await status(true);
    portal.clearLog();
    const cached = await status(false);
    // Marked as cached so the popup revalidates it; a fresh read is not marked (the popup asks once).
    expect(first.ok && first.value.fromCache).toBeUndefined();
    expect(cached).toEqual(first.ok ? { ok: true, value: { ...first.value, fromCache: true } } : first);
    expect(portal.requests).toHaveLength(0);
    expect((await getSession(portal.origin)).lastStatus).toEqual(first.ok && first.value);
    expect(await fakeBrowser.storage.session.get(null)).toHaveProperty([`portal:${portal.origin}`]);
  });

  it('no host access: asks, and tells whether the site looks like a portal', async ({ status }) => {
    fakeBrowser.permissions.contains = async () => false;
    const r = await status();
    expect(r.ok && r.value).toMatchObject({ state: 'noPermission', looksLikePortal: true });
  });
});

describe('API key sign-in', () => {
  const secretsOnDisk = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

  it('keeps the key for the browser session only unless remembered', async ({ portal }) => {
    const key = portal.apiKeyOf('admin@demo.test');
    const r = await setApiKey({ type: 'setApiKey', origin: portal.origin, key, remember: false });
    expect(r.ok && r.value).toMatchObject({ state: 'ready', auth: 'apiKey', me: { role: 'admin' } });
    expect(await secretsOnDisk()).not.toContain(key);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(key);

    await setApiKey({ type: 'setApiKey', origin: portal.origin, key, remember: true });
    expect(await secretsOnDisk()).toContain(key);
    const portals = await listPortals({ type: 'listPortals' });
    expect(portals.ok && portals.value).toEqual([{ origin: portal.origin, host: portal.origin.slice(7), granted: true, auth: 'apiKey', rememberedKey: true }]);

    await useBrowserSignIn({ type: 'useBrowserSignIn', origin: portal.origin });
    expect(await secretsOnDisk()).not.toContain(key);
  });

  it('refuses a key the portal does not accept, keeping the old sign-in', async ({ portal }) => {
    const r = await setApiKey({ type: 'setApiKey', origin: portal.origin, key: 'sk-0000000000000000', remember: true });
    expect(r.ok ? null : r.error.kind).toBe('signedOut');
    expect((await getSession(portal.origin)).auth).toEqual({ kind: 'cookie' });
  });

  it('a scoped key (accounts.self:read) reads the profile but not TFA: refused with the missing scope, nothing kept', async ({ portal }) => {
    const key = portal.state.scopedApiKey(portal.user('admin'), ['accounts.self:read']);
    portal.clearLog();
    const r = await setApiKey({ type: 'setApiKey', origin: portal.origin, key, remember: true });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'forbidden', missingScope: '*:read' });
    // The emulated portal answered as the real one: the profile passes, the TFA route is a bare 403.
    expect(portal.requests.map((q) => `${q.method} ${q.path} ${q.status}`).sort()).toEqual([
      'GET /api/2.0/people/@self 200',
      'GET /api/2.0/settings/tfaapp 403',
    ]);
    expect((await getSession(portal.origin)).auth).toEqual({ kind: 'cookie' });
    expect(await secretsOnDisk()).not.toContain(key);
  });

  it('a key with the global read scope is accepted', async ({ portal }) => {
    const key = portal.state.scopedApiKey(portal.user('admin'), ['*:read']);
    const r = await setApiKey({ type: 'setApiKey', origin: portal.origin, key, remember: false });
    expect(r.ok && r.value).toMatchObject({ state: 'ready', auth: 'apiKey' });
  });

  it('forgetting a portal deletes its data', async ({ portal, signInAs, status }) => {
    await signInAs('user');
    await status();
    await updateSession(portal.origin, (s) => ({ ...s, enrolment: { token: { type: 'TfaActivation', uid: portal.user('user').id }, startedAt: 1 } }));
    fakeBrowser.permissions.remove = vi.fn(async () => true);
    await forgetPortal({ type: 'forgetPortal', origin: portal.origin });
    // Only the access generations remain (no portal data: requests still in flight for it are stale).
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['accessGenerations']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });
});

import { describe, expect, it } from 'vitest';
import { DAY_MS, DEMO_LOGINS, DEMO_PASSWORD, type ErrorCode } from '../navixy/server';
import { outcome, withPanel, type Json, sharedPanel } from '../navixy/probe';

/** The emulated Navixy Admin Panel itself, over real HTTP: sign-in, sessions, permissions and the test controls (see the top of tests/navixy/server.ts; users, the list and MFA settings in navixy-emulator-data.test.ts, what issue 25 added in navixy-emulator-spec.test.ts). */
const emulated = sharedPanel();
const { call, signIn } = emulated;

describe('1. operators sign in with numeric panel IDs', () => {
  it('admin, viewer, support and blocked, all with the demo password', async () => {
    expect(emulated.panel().operators.map((o) => o.login)).toEqual([DEMO_LOGINS.admin, DEMO_LOGINS.viewer, DEMO_LOGINS.support, DEMO_LOGINS.blocked]);
    for (const login of Object.values(DEMO_LOGINS)) expect(login).toMatch(/^\d+$/);
    for (const login of [DEMO_LOGINS.admin, DEMO_LOGINS.viewer, DEMO_LOGINS.support]) expect(await signIn(login)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the blocked dealer\'s operator gets code 11 with HTTP 403, and no session', async () => {
    const r = await call('panel/account/auth', { login: DEMO_LOGINS.blocked, password: DEMO_PASSWORD });
    expect(r.json).toEqual({ success: false, status: { code: 11, description: 'Access denied' } });
    expect(r.status).toBe(403);
    expect(emulated.panel().activeSessions()).toBe(0);
  });
});

describe('2. panel/account/auth', () => {
  it('answers success, hash and permissions (categories → actions)', async () => {
    const r = await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ success: true, hash: expect.stringMatching(/^[0-9a-f]{32}$/), permissions: expect.objectContaining({ users: ['read', 'update'] }) });
    expect((await call('panel/account/auth', { login: DEMO_LOGINS.viewer, password: DEMO_PASSWORD })).json.permissions.users).toEqual(['read']);
    expect((await call('panel/account/auth', { login: DEMO_LOGINS.support, password: DEMO_PASSWORD })).json.permissions).not.toHaveProperty('users');
  });

  it('an unknown login is code 12 (HTTP 400); a wrong password 12 too by default, 4 when configured', async () => {
    expect(outcome(await call('panel/account/auth', { login: '99999', password: DEMO_PASSWORD }))).toEqual([400, 12]);
    expect(outcome(await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: 'nope' }))).toEqual([400, 12]);
    expect(outcome(await call('panel/account/auth', { login: 'admin@panel.test', password: DEMO_PASSWORD }))).toEqual([400, 12]);
    await withPanel({ wrongPasswordCode: 4 }, async (p) => {
      expect(outcome(await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: 'nope' }, undefined, p))).toEqual([400, 4]);
    });
  });

  it('a missing login or password is code 7 naming it; a numeric login is taken as its digits', async () => {
    const r = await call('panel/account/auth', { password: DEMO_PASSWORD });
    expect(outcome(r)).toEqual([400, 7]);
    expect(r.json.errors).toEqual([{ parameter: 'login', error: expect.any(String) }]);
    expect((await call('panel/account/auth', { login: Number(DEMO_LOGINS.admin), password: DEMO_PASSWORD })).json.success).toBe(true);
  });

  it('authPermissions: false is a panel that answers the hash only', async () => {
    await withPanel({ authPermissions: false }, async (p) => {
      const r = await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }, undefined, p);
      expect(Object.keys(r.json).sort()).toEqual(['hash', 'success']);
      expect((await call('panel/account/get_permissions', {}, r.json.hash, p)).json.permissions.users).toEqual(['read', 'update']);
    });
  });
});

describe('3. panel/account/logout and panel/account/get_permissions', () => {
  it('get_permissions answers what auth did', async () => {
    const auth = await call('panel/account/auth', { login: DEMO_LOGINS.viewer, password: DEMO_PASSWORD });
    expect(await call('panel/account/get_permissions', {}, auth.json.hash)).toMatchObject({ status: 200, json: { success: true, permissions: auth.json.permissions } });
  });

  it('logout ends the session at once: every later call with the hash, another logout too, is code 4; other sessions live on', async () => {
    const hash = await signIn();
    const other = await signIn();
    expect(await call('panel/account/logout', {}, hash)).toMatchObject({ status: 200, json: { success: true } });
    expect(outcome(await call('panel/user/list', {}, hash))).toEqual([400, 4]);
    expect(outcome(await call('panel/account/logout', {}, hash))).toEqual([400, 4]);
    expect(outcome(await call('panel/account/get_permissions', {}, hash))).toEqual([400, 4]);
    expect(outcome(await call('panel/user/list', { limit: 1 }, other))).toEqual([200, 0]);
    expect(emulated.panel().activeSessions()).toBe(1);
  });

  it('an operator without users permission can still read its permissions and log out', async () => {
    const hash = await signIn(DEMO_LOGINS.support);
    expect(outcome(await call('panel/account/get_permissions', {}, hash))).toEqual([200, 0]);
    expect(outcome(await call('panel/account/logout', {}, hash))).toEqual([200, 0]);
  });
});

describe('4. sessions: 24 h on a controllable clock; missing or malformed hash', () => {
  it('a hash works until 24 h after sign-in, then answers code 4', async () => {
    const hash = await signIn();
    const t0 = emulated.panel().now();
    emulated.panel().advanceClock(DAY_MS - 1000);
    expect(emulated.panel().now() - t0).toBeGreaterThanOrEqual(DAY_MS - 1000);
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([200, 0]);
    emulated.panel().advanceClock(1000);
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([400, 4]);
    expect(emulated.panel().activeSessions()).toBe(0);
    expect(outcome(await call('panel/user/list', { limit: 1 }, await signIn()))).toEqual([200, 0]);
  });

  it('sessionLifetimeMs shortens it', async () => {
    await withPanel({ sessionLifetimeMs: 60_000 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      p.advanceClock(60_000);
      expect(outcome(await call('panel/user/list', {}, hash, p))).toEqual([400, 4]);
    });
  });

  it('no hash, a malformed hash or another scheme is code 3; a well-formed hash never issued is code 4', async () => {
    expect(outcome(await call('panel/user/list', {}))).toEqual([400, 3]);
    expect(outcome(await call('panel/user/list', {}, 'not-a-hash'))).toEqual([400, 3]);
    const bearer = await fetch(`${emulated.panel().apiBase}/panel/user/list`, { method: 'POST', headers: { Authorization: `Bearer ${await signIn()}` }, body: '{}' });
    expect(bearer.status).toBe(400);
    expect(((await bearer.json()) as Json).status.code).toBe(3);
    expect(outcome(await call('panel/user/list', {}, 'f'.repeat(32)))).toEqual([400, 4]);
  });

  it('endSessions() ends every session (code 4)', async () => {
    const a = await signIn();
    const b = await signIn(DEMO_LOGINS.viewer);
    emulated.panel().endSessions();
    expect(outcome(await call('panel/user/list', {}, a))).toEqual([400, 4]);
    expect(outcome(await call('panel/account/get_permissions', {}, b))).toEqual([400, 4]);
  });

  it('the hash may come as a `hash` parameter (form-encoded or query string), as Navixy\'s own panel sends it; it is redacted in the log', async () => {
    const hash = await signIn();
    const form = await fetch(`${emulated.panel().apiBase}/panel/user/list`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ hash, limit: '2' }) });
    expect(((await form.json()) as Json).list).toHaveLength(2);
    const get = await fetch(`${emulated.panel().apiBase}/panel/user/list?hash=${hash}&limit=3&ascending=false`);
    expect(((await get.json()) as Json).list.map((u: Json) => u.id)).toEqual([250, 249, 248]);
    expect(emulated.panel().requests.at(-1)).toMatchObject({ method: 'GET', auth: 'hash', body: { hash: '***', limit: '3', ascending: 'false' } });
  });
});

describe('5. a missing permission is code 13 (HTTP 403)', () => {
  const READ = [['panel/user/list', {}], ['panel/user/mfa/settings/default/read', {}]] as const;
  const UPDATE = [
    ['panel/user/mfa/settings/update', { target: { type: 'selected', ids: [1] }, settings: { type: 'disallowed' } }],
    ['panel/user/mfa/settings/default/update', { settings: { type: 'disallowed' } }],
  ] as const;

  it.each([
    ['admin', DEMO_LOGINS.admin, 0, 0],
    ['viewer', DEMO_LOGINS.viewer, 0, 13],
    ['support', DEMO_LOGINS.support, 13, 13],
  ] as const)('%s: users read → %i, users update → %i', async (_name, login, read, update) => {
    const hash = await signIn(login);
    for (const [action, body] of READ) expect(outcome(await call(action, body, hash))).toEqual([read ? 403 : 200, read]);
    for (const [action, body] of UPDATE) expect(outcome(await call(action, body, hash))).toEqual([update ? 403 : 200, update]);
    const r = await call(READ[0][0], {}, await signIn(DEMO_LOGINS.support));
    expect(r.json.status).toEqual({ code: 13, description: 'Operation not permitted' });
  });

  it('nothing changes on a refused update; permissions changed by the platform owner apply to open sessions at once', async () => {
    const hash = await signIn(DEMO_LOGINS.viewer);
    expect(outcome(await call(UPDATE[1][0], { settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([403, 13]);
    expect(emulated.panel().defaultSettings()).toEqual({ type: 'disallowed' });
    emulated.panel().setPermissions(DEMO_LOGINS.viewer, { users: ['read', 'update'] });
    expect((await call('panel/account/get_permissions', {}, hash)).json.permissions).toEqual({ users: ['read', 'update'] });
    expect(outcome(await call(UPDATE[1][0], { settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    emulated.panel().setPermissions(DEMO_LOGINS.viewer, {});
    expect(outcome(await call(READ[0][0], {}, hash))).toEqual([403, 13]);
  });
});

describe('10. what the existing tests rely on', () => {
  it.each([
    [1, 500], [2, 403], [3, 400], [4, 400], [5, 400], [6, 500], [7, 400], [8, 503], [9, 412], [11, 403], [12, 400], [13, 403], [14, 503], [15, 429],
    [101, 403], [103, 400], [111, 400], [112, 400], [201, 400], [212, 400], [217, 400],
  ] as [ErrorCode, number][])('forceError(%i) answers HTTP %i, once when times is 1', async (code, status) => {
    const hash = await signIn();
    emulated.panel().forceError({ code, action: 'panel/user/mfa/settings/default/read', times: 1 });
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([200, 0]);
    expect(outcome(await call('panel/user/mfa/settings/default/read', {}, hash))).toEqual([status, code]);
    expect(outcome(await call('panel/user/mfa/settings/default/read', {}, hash))).toEqual([200, 0]);
  });

  it('forceError: after, errors, every action but sign-in when unnamed, sign-in only when named', async () => {
    const hash = await signIn();
    emulated.panel().forceError({ code: 7, after: 1, times: 1, errors: [{ parameter: 'target', error: 'forced' }] });
    expect(outcome(await call('panel/user/list', {}, hash))).toEqual([200, 0]);
    expect((await call('panel/user/list', {}, hash)).json).toMatchObject({ status: { code: 7 }, errors: [{ parameter: 'target' }] });
    emulated.panel().forceError({ code: 8 });
    expect(await signIn()).toMatch(/^[0-9a-f]{32}$/);
    expect(outcome(await call('panel/account/get_permissions', {}, hash))).toEqual([503, 8]);
    emulated.panel().forceError({ code: 14, action: 'panel/account/auth', times: 1 });
    expect(outcome(await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }))).toEqual([503, 14]);
    emulated.panel().forceError(null);
    expect(outcome(await call('panel/account/get_permissions', {}, hash))).toEqual([200, 0]);
  });

  it('the request log: action, method, status, code, auth, parameters with password and hash redacted', async () => {
    const hash = await signIn();
    await call('panel/user/list', { limit: 2 }, hash);
    await call('panel/user/list', {});
    expect(emulated.panel().requests).toEqual([
      { action: 'panel/account/auth', method: 'POST', status: 200, auth: 'none', body: { login: DEMO_LOGINS.admin, password: '***' }, at: expect.any(Number) },
      { action: 'panel/user/list', method: 'POST', status: 200, auth: 'hash', body: { limit: 2 }, at: expect.any(Number) },
      { action: 'panel/user/list', method: 'POST', status: 400, code: 3, auth: 'none', body: {}, at: expect.any(Number) },
    ]);
    emulated.panel().clearLog();
    expect(emulated.panel().requests).toEqual([]);
  });

  it('reset() restores users, default, sessions, clock, permissions, factor types and limits', async () => {
    const hash = await signIn();
    await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'allowed', factor_types: ['email'] } }, hash);
    emulated.panel().setDefault(null);
    emulated.panel().setPermissions(DEMO_LOGINS.admin, {});
    emulated.panel().setFactorTypes(['email', 'sms']);
    emulated.panel().setRateLimit(1);
    emulated.panel().advanceClock(5 * DAY_MS);
    const t = Date.now();
    emulated.panel().reset();
    expect(emulated.panel().now() - t).toBeLessThan(60_000);
    expect(emulated.panel().users().filter((u) => u.mfa_allowed)).toHaveLength(50);
    expect(emulated.panel().defaultSettings()).toEqual({ type: 'disallowed' });
    expect(emulated.panel().factorTypes()).toEqual(['email']);
    expect(emulated.panel().activeSessions()).toBe(0);
    expect(outcome(await call('panel/user/list', {}, hash))).toEqual([400, 4]);
    const fresh = await signIn();
    expect(outcome(await call('panel/user/list', { limit: 1 }, fresh))).toEqual([200, 0]);
    expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: { type: 'disallowed' } }, fresh))).toEqual([200, 0]);
  });

  it('users() and user(id): the dealer\'s users as listed; user(id) of another dealer too; unknown ids throw', async () => {
    expect(emulated.panel().users()).toHaveLength(250);
    expect(emulated.panel().users()[4]).toMatchObject({ id: 5, login: 'driver005@fleet.test', first_name: 'Emil', last_name: 'Novak', mfa_allowed: true, activated: true });
    expect(emulated.panel().users().filter((u) => !u.activated).map((u) => u.id).slice(0, 3)).toEqual([7, 14, 21]);
    expect(emulated.panel().foreignUserIds).toEqual([901, 902, 903, 904, 905]);
    expect(emulated.panel().user(901).dealer_id).not.toBe(emulated.panel().dealerId);
    expect(() => emulated.panel().user(77_777)).toThrow();
  });

  it('CORS: the preflight and every answer allow any origin, the Authorization header and POST', async () => {
    const pre = await fetch(`${emulated.panel().apiBase}/panel/user/list`, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://x', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const r = await call('panel/user/list', {});
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('origins: the panel page and the API on different ports; other paths and methods are not the API', async () => {
    expect(new URL(emulated.panel().panelOrigin).port).not.toBe(new URL(emulated.panel().apiOrigin).port);
    expect(emulated.panel().apiBase).toBe(`${emulated.panel().apiOrigin}/v2`);
    expect(await (await fetch(`${emulated.panel().panelOrigin}/`)).text()).toContain('Navixy Admin Panel (emulated)');
    expect((await fetch(`${emulated.panel().apiOrigin}/v3/panel/user/list`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${emulated.panel().apiBase}/panel/user/list`, { method: 'DELETE' })).status).toBe(405);
  });

  it('latencyMs delays every answer', async () => {
    await withPanel({ latencyMs: 120 }, async (p) => {
      const t0 = performance.now();
      await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }, undefined, p);
      const delayed = performance.now() - t0;
      expect(delayed).toBeGreaterThanOrEqual(100);
      p.setLatency(0);
      const t1 = performance.now();
      await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }, undefined, p);
      // Without the delay the same call is faster by most of it (relative: a loaded machine is slow either way).
      expect(performance.now() - t1).toBeLessThan(delayed - 60);
    });
  });
});

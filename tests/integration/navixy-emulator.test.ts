import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DAY_MS, DEMO_LOGINS, DEMO_PASSWORD, startNavixyPanel, type ErrorCode, type NavixyPanelOptions, type RunningNavixyPanel,
} from '../navixy/server';

/** The emulated Navixy Admin Panel itself, over real HTTP: each behaviour it promises (see the top of tests/navixy/server.ts). */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let panel: RunningNavixyPanel;
beforeAll(async () => {
  panel = await startNavixyPanel();
});
afterAll(async () => {
  await panel.close();
});
beforeEach(() => panel.reset());

async function call(action: string, body: unknown = {}, hash?: string, p: RunningNavixyPanel = panel): Promise<{ status: number; json: Json; headers: Headers }> {
  const res = await fetch(`${p.apiBase}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(hash ? { Authorization: `NVX ${hash}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}
/** `[HTTP status, code]` of an answer (`code` 0 for success). */
const outcome = (r: { status: number; json: Json }) => [r.status, r.json.success ? 0 : r.json.status?.code];
async function signIn(login = DEMO_LOGINS.admin, p: RunningNavixyPanel = panel): Promise<string> {
  const r = await call('panel/account/auth', { login, password: DEMO_PASSWORD }, undefined, p);
  if (!r.json.success) throw new Error(`sign-in failed: ${JSON.stringify(r.json)}`);
  return r.json.hash as string;
}
async function withPanel<T>(opts: NavixyPanelOptions, f: (p: RunningNavixyPanel) => Promise<T>): Promise<T> {
  const p = await startNavixyPanel(opts);
  try {
    return await f(p);
  } finally {
    await p.close();
  }
}
const list = async (body: Json, hash: string, p: RunningNavixyPanel = panel) => (await call('panel/user/list', body, hash, p)).json as { list: Json[]; count: number };

describe('1. operators sign in with numeric panel IDs', () => {
  it('admin, viewer, support and blocked, all with the demo password', async () => {
    expect(panel.operators.map((o) => o.login)).toEqual([DEMO_LOGINS.admin, DEMO_LOGINS.viewer, DEMO_LOGINS.support, DEMO_LOGINS.blocked]);
    for (const login of Object.values(DEMO_LOGINS)) expect(login).toMatch(/^\d+$/);
    for (const login of [DEMO_LOGINS.admin, DEMO_LOGINS.viewer, DEMO_LOGINS.support]) expect(await signIn(login)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the blocked dealer\'s operator gets code 11 with HTTP 403, and no session', async () => {
    const r = await call('panel/account/auth', { login: DEMO_LOGINS.blocked, password: DEMO_PASSWORD });
    expect(r.json).toEqual({ success: false, status: { code: 11, description: 'Access denied' } });
    expect(r.status).toBe(403);
    expect(panel.activeSessions()).toBe(0);
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
    expect(panel.activeSessions()).toBe(1);
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
    const t0 = panel.now();
    panel.advanceClock(DAY_MS - 1000);
    expect(panel.now() - t0).toBeGreaterThanOrEqual(DAY_MS - 1000);
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([200, 0]);
    panel.advanceClock(1000);
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([400, 4]);
    expect(panel.activeSessions()).toBe(0);
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
    const bearer = await fetch(`${panel.apiBase}/panel/user/list`, { method: 'POST', headers: { Authorization: `Bearer ${await signIn()}` }, body: '{}' });
    expect(bearer.status).toBe(400);
    expect(((await bearer.json()) as Json).status.code).toBe(3);
    expect(outcome(await call('panel/user/list', {}, 'f'.repeat(32)))).toEqual([400, 4]);
  });

  it('endSessions() ends every session (code 4)', async () => {
    const a = await signIn();
    const b = await signIn(DEMO_LOGINS.viewer);
    panel.endSessions();
    expect(outcome(await call('panel/user/list', {}, a))).toEqual([400, 4]);
    expect(outcome(await call('panel/account/get_permissions', {}, b))).toEqual([400, 4]);
  });

  it('the hash may come as a `hash` parameter (form-encoded or query string), as Navixy\'s own panel sends it; it is redacted in the log', async () => {
    const hash = await signIn();
    const form = await fetch(`${panel.apiBase}/panel/user/list`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ hash, limit: '2' }) });
    expect(((await form.json()) as Json).list).toHaveLength(2);
    const get = await fetch(`${panel.apiBase}/panel/user/list?hash=${hash}&limit=3&ascending=false`);
    expect(((await get.json()) as Json).list.map((u: Json) => u.id)).toEqual([250, 249, 248]);
    expect(panel.requests.at(-1)).toMatchObject({ method: 'GET', auth: 'hash', body: { hash: '***', limit: '3', ascending: 'false' } });
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
    expect(panel.defaultSettings()).toEqual({ type: 'disallowed' });
    panel.setPermissions(DEMO_LOGINS.viewer, { users: ['read', 'update'] });
    expect((await call('panel/account/get_permissions', {}, hash)).json.permissions).toEqual({ users: ['read', 'update'] });
    expect(outcome(await call(UPDATE[1][0], { settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    panel.setPermissions(DEMO_LOGINS.viewer, {});
    expect(outcome(await call(READ[0][0], {}, hash))).toEqual([403, 13]);
  });
});

describe('6. unknown users, unknown actions, invalid parameters', () => {
  it('an id of another dealer or one that does not exist is code 201, and nothing of the batch is applied', async () => {
    const hash = await signIn();
    for (const bad of [panel.foreignUserIds[0]!, 77_777]) {
      const r = await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [2, bad] }, settings: { type: 'allowed', factor_types: ['email'] } }, hash);
      expect(outcome(r)).toEqual([400, 201]);
    }
    expect(panel.user(2).mfa_allowed).toBe(false);
    expect(panel.user(panel.foreignUserIds[0]!).dealer_id).not.toBe(panel.dealerId);
  });

  it('an unknown handler is code 111, an unknown action of a known handler 112 (HTTP 400), before the session is looked at', async () => {
    expect(outcome(await call('panel/nothing/list', {}))).toEqual([400, 111]);
    expect(outcome(await call('panel/user/mfa/list', {}, await signIn()))).toEqual([400, 111]);
    expect(outcome(await call('panel/user/delete', {}))).toEqual([400, 112]);
    expect(outcome(await call('panel/account/whoami', {}))).toEqual([400, 112]);
    expect(outcome(await call('panel/user/mfa/settings/default/delete', {}))).toEqual([400, 112]);
    expect((await call('panel/user/delete', {})).json.status.description).toBe('Wrong method');
  });

  it('invalid parameters are code 7 with errors naming each parameter', async () => {
    const hash = await signIn();
    const errorsOf = async (action: string, body: unknown) => {
      const r = await call(action, body, hash);
      expect(outcome(r)).toEqual([400, 7]);
      return (r.json.errors as { parameter: string; error: string }[]).map((e) => e.parameter);
    };
    expect(await errorsOf('panel/user/mfa/settings/update', {})).toEqual(['target', 'settings']);
    expect(await errorsOf('panel/user/mfa/settings/update', { target: { type: 'some' }, settings: { type: 'maybe' } })).toEqual(['target.type', 'settings.type']);
    expect(await errorsOf('panel/user/mfa/settings/update', { target: { type: 'selected', ids: Array.from({ length: 101 }, (_, i) => i + 1) }, settings: { type: 'disallowed' } })).toEqual(['target.ids']);
    expect(await errorsOf('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [0, 1.5] }, settings: { type: 'disallowed' } })).toEqual(['target.ids']);
    expect(await errorsOf('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'allowed' } })).toEqual(['settings.factor_types']);
    expect(await errorsOf('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: [] } })).toEqual(['settings.factor_types']);
    expect(await errorsOf('panel/user/list', { limit: -1 })).toEqual(['limit']);
    expect(await errorsOf('panel/user/list', { offset: 'x' })).toEqual(['offset']);
    expect(await errorsOf('panel/user/list', { order_by: 'mfa_allowed' })).toEqual(['order_by']);
    expect(await errorsOf('panel/user/list', { ascending: 'sideways' })).toEqual(['ascending']);
    expect(await errorsOf('panel/user/list', { filter: { id: 1 } })).toEqual(['filter']);
    const malformed = await fetch(`${panel.apiBase}/panel/user/list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `NVX ${hash}` }, body: '{"limit":' });
    expect(((await malformed.json()) as Json).status.code).toBe(7);
    expect(panel.users().filter((u) => u.mfa_allowed)).toHaveLength(50);
  });
});

describe('7. panel/user/list', () => {
  it('answers list and count; count is the total matching, ignoring offset and limit; default order id ascending', async () => {
    const hash = await signIn(DEMO_LOGINS.viewer);
    const r = await list({ offset: 10, limit: 5 }, hash);
    expect(r.count).toBe(250);
    expect(r.list.map((u) => u.id)).toEqual([11, 12, 13, 14, 15]);
    expect(Object.keys(r.list[0]!).sort()).toEqual(['activated', 'creation_date', 'dealer_id', 'first_name', 'id', 'last_name', 'legal_type', 'login', 'mfa_allowed', 'middle_name', 'verified']);
    expect(r.list.map((u) => u.activated)).toEqual([true, true, true, false, true]);
    expect((await list({ offset: 245, limit: 100 }, hash)).list).toHaveLength(5);
    expect(await list({ offset: 1000 }, hash)).toEqual({ success: true, list: [], count: 250 });
    expect(await list({ limit: 0 }, hash)).toEqual({ success: true, list: [], count: 250 });
  });

  it('filter: id, login and names, case-insensitive substring, server-side; count follows the filter', async () => {
    const hash = await signIn();
    const boris = await list({ filter: 'BORIS' }, hash);
    expect(boris.list.every((u) => u.first_name === 'Boris')).toBe(true);
    expect(boris.count).toBe(boris.list.length);
    expect(boris.count).toBe(panel.users().filter((u) => u.first_name === 'Boris').length);
    expect((await list({ filter: 'driver12', limit: 3 }, hash))).toMatchObject({ count: 10, list: [{ id: 120 }, { id: 121 }, { id: 122 }] });
    expect((await list({ filter: '250' }, hash)).list.map((u) => u.id)).toEqual([250]);
    expect((await list({ filter: 'kowalski' }, hash)).count).toBe(panel.users().filter((u) => u.last_name.startsWith('Kowalski')).length);
    expect((await list({ filter: 'elsewhere' }, hash)).count).toBe(0);
    expect((await list({ filter: '' }, hash)).count).toBe(250);
  });

  it('order_by id, login, first_name, last_name… ascending by default, descending when asked', async () => {
    const hash = await signIn();
    const byFirst = (await list({ order_by: 'first_name', limit: 1000 }, hash)).list;
    expect(byFirst.map((u) => u.first_name)).toEqual([...byFirst.map((u) => u.first_name)].sort());
    const desc = (await list({ order_by: 'last_name', ascending: false, limit: 1000 }, hash)).list;
    const asc = (await list({ order_by: 'last_name', ascending: true, limit: 1000 }, hash)).list;
    expect(desc.map((u) => u.id)).toEqual(asc.map((u) => u.id).reverse());
    expect(asc[0]!.last_name.localeCompare(asc.at(-1)!.last_name)).toBeLessThan(0);
    expect((await list({ order_by: 'id', ascending: false, limit: 2 }, hash)).list.map((u) => u.id)).toEqual([250, 249]);
    expect((await list({ order_by: 'login', filter: 'driver00', limit: 3 }, hash)).list.map((u) => u.login)).toEqual(['driver001@fleet.test', 'driver002@fleet.test', 'driver003@fleet.test']);
  });

  it('a limit above the page-size cap silently answers the cap (default 1000); 500 is honoured in full', async () => {
    await withPanel({ userCount: 2500 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      expect((await list({ limit: 500 }, hash, p)).list).toHaveLength(500);
      const big = await list({ limit: 5000 }, hash, p);
      expect(big.list).toHaveLength(1000);
      expect(big.count).toBe(2500);
      expect((await list({}, hash, p)).list).toHaveLength(1000);
    });
    await withPanel({ maxPageSize: 100 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      expect(await list({ limit: 500, offset: 200 }, hash, p)).toMatchObject({ count: 250, list: { length: 50 } });
      expect((await list({ limit: 500 }, hash, p)).list).toHaveLength(100);
    });
    await withPanel({ maxPageSize: 100, overLimit: 'error' }, async (p) => {
      expect(outcome(await call('panel/user/list', { limit: 101 }, await signIn(DEMO_LOGINS.admin, p), p))).toEqual([400, 212]);
    });
  });

  it('with 50,000 users a 500-user page takes a few ms', async () => {
    await withPanel({ userCount: 50_000 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      await list({ limit: 500, order_by: 'last_name' }, hash, p); // warm-up: the sort order is built once
      const times: number[] = [];
      for (const body of [{ limit: 500, offset: 49_000 }, { limit: 500, offset: 25_000, ascending: false }, { limit: 500, offset: 10_000, order_by: 'last_name' }, { limit: 500, offset: 0 }]) {
        const t0 = performance.now();
        const r = await list(body, hash, p);
        times.push(performance.now() - t0);
        expect(r).toMatchObject({ count: 50_000, list: { length: 500 } });
      }
      expect(times.sort((a, b) => a - b)[1]).toBeLessThan(50);
      const t0 = performance.now();
      const filtered = await list({ filter: 'driver4999', limit: 500 }, hash, p);
      expect(performance.now() - t0).toBeLessThan(200);
      expect(filtered.count).toBe(11);
      expect(p.foreignUserIds.every((id) => id > 50_000)).toBe(true);
    });
  }, 60_000);
});

describe('8. rate limit: more than N requests a second per session hash and IP is code 15, HTTP 429', () => {
  it('the 51st request within a second is refused; another session, and the next second, are not', async () => {
    const hash = await signIn();
    const other = await signIn(DEMO_LOGINS.viewer);
    const answers = await Promise.all(Array.from({ length: 60 }, () => call('panel/user/list', { limit: 1 }, hash)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(50);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(r.json).toEqual({ success: false, status: { code: 15, description: 'Too many requests (rate limit exceeded)' } });
    expect(refused.every((r) => r.status === 429)).toBe(true);
    expect(outcome(await call('panel/user/list', { limit: 1 }, other))).toEqual([200, 0]);
    panel.advanceClock(1000);
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([200, 0]);
  });

  it('rateLimitPerSecond sets N; Infinity turns it off', async () => {
    await withPanel({ rateLimitPerSecond: 2 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push(outcome(await call('panel/user/list', { limit: 1 }, hash, p))[1]);
      expect(codes).toEqual([0, 0, 15]);
      expect(p.requests.at(-1)).toMatchObject({ status: 429, code: 15 });
    });
    await withPanel({ rateLimitPerSecond: Infinity }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      const answers = await Promise.all(Array.from({ length: 120 }, () => call('panel/user/list', { limit: 1 }, hash, p)));
      expect(answers.every((r) => r.status === 200)).toBe(true);
    });
  });
});

describe('9. MFA settings', () => {
  it('allowed (email) and disallowed are written per user and by target all, which leaves the demo user alone', async () => {
    const hash = await signIn();
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [1, 2] }, settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    expect([1, 2, 3].map((id) => panel.user(id).mfa_allowed)).toEqual([true, true, false]);
    expect(panel.userSettings(2)).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    expect(panel.users().filter((u) => !u.mfa_allowed).map((u) => u.id)).toEqual([panel.demoUserId]);
    expect(panel.userSettings(panel.demoUserId)).toBeNull();
    await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['email'] } }, hash);
    expect(panel.user(panel.demoUserId).mfa_allowed).toBe(true); // it follows the default
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [panel.demoUserId] }, settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    expect(panel.user(panel.demoUserId).mfa_allowed).toBe(true);
    expect(JSON.stringify((await list({ limit: 1000 }, hash)).list)).not.toMatch(/"demo"|haystack|"mfa"/);
  });

  it('default/read answers value: the settings, or null when none; default/update writes it', async () => {
    const hash = await signIn();
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: { type: 'disallowed' } });
    expect((await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['email'] } }, hash)).json).toEqual({ success: true });
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: { type: 'allowed', factor_types: ['email'] } });
    panel.setDefault(null);
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: null });
    await withPanel({ defaultSettings: null }, async (p) => {
      expect((await call('panel/user/mfa/settings/default/read', {}, await signIn(DEMO_LOGINS.viewer, p), p)).json).toEqual({ success: true, value: null });
    });
  });

  it('the default applies to users without their own setting (ids ending in 3, and the demo user), and to users added later', async () => {
    const hash = await signIn();
    const inheriting = panel.users().filter((u) => panel.userSettings(u.id) === null).map((u) => u.id);
    expect(inheriting.slice(0, 4)).toEqual([3, panel.demoUserId, 13, 23]);
    expect(inheriting.every((id) => !panel.user(id).mfa_allowed)).toBe(true);
    await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['email'] } }, hash);
    expect(inheriting.every((id) => panel.user(id).mfa_allowed)).toBe(true);
    expect(panel.users().filter((u) => u.mfa_allowed)).toHaveLength(50 + inheriting.length);
    const added = panel.addUser({ first_name: 'Zoe' });
    expect(added).toMatchObject({ id: 906, mfa_allowed: true, dealer_id: panel.dealerId });
    expect((await list({ filter: 'zoe' }, hash)).list).toEqual([added]);
  });

  it('a factor type the panel does not know is code 7; a panel configured with more accepts and returns it', async () => {
    const hash = await signIn();
    const app = { type: 'allowed', factor_types: ['email', 'authenticator_app'] };
    expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: app }, hash))).toEqual([400, 7]);
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: app }, hash))).toEqual([400, 7]);
    expect(() => panel.setDefault({ type: 'allowed', factor_types: [] })).toThrow(/settings refused/);
    await withPanel({ factorTypes: ['email', 'authenticator_app'] }, async (p) => {
      const h = await signIn(DEMO_LOGINS.admin, p);
      expect(p.factorTypes()).toEqual(['email', 'authenticator_app']);
      expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: app }, h, p))).toEqual([200, 0]);
      expect((await call('panel/user/mfa/settings/default/read', {}, h, p)).json.value).toEqual(app);
      expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [7] }, settings: { type: 'allowed', factor_types: ['authenticator_app'] } }, h, p))).toEqual([200, 0]);
      expect(p.userSettings(7)).toEqual({ type: 'allowed', factor_types: ['authenticator_app'] });
      p.setDefault({ type: 'allowed', factor_types: ['authenticator_app'] });
      expect((await call('panel/user/mfa/settings/default/read', {}, h, p)).json.value).toEqual({ type: 'allowed', factor_types: ['authenticator_app'] });
      expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['sms'] } }, h, p))).toEqual([400, 7]);
    });
    panel.setFactorTypes(['email', 'sms']);
    expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['sms'] } }, hash))).toEqual([200, 0]);
  });

  it('presetting a default (or a user\'s setting) with a new factor type makes the panel know it, until reset()', async () => {
    const hash = await signIn();
    panel.setDefault({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    expect(panel.factorTypes()).toEqual(['email', 'authenticator_app']);
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json.value).toEqual({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [2] }, settings: { type: 'allowed', factor_types: ['email', 'authenticator_app'] } }, hash))).toEqual([200, 0]);
    panel.setUserSettings(3, { type: 'allowed', factor_types: ['sms'] });
    expect(panel.factorTypes()).toEqual(['email', 'authenticator_app', 'sms']);
    expect(panel.user(3).mfa_allowed).toBe(true);
    panel.reset();
    expect(panel.factorTypes()).toEqual(['email']);
  });
});

describe('10. what the existing tests rely on', () => {
  it.each([
    [1, 500], [2, 403], [3, 400], [4, 400], [6, 500], [7, 400], [8, 503], [11, 403], [12, 400], [13, 403], [14, 503], [15, 429], [111, 400], [112, 400], [201, 400], [212, 400], [217, 400],
  ] as [ErrorCode, number][])('forceError(%i) answers HTTP %i, once when times is 1', async (code, status) => {
    const hash = await signIn();
    panel.forceError({ code, action: 'panel/user/mfa/settings/default/read', times: 1 });
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([200, 0]);
    expect(outcome(await call('panel/user/mfa/settings/default/read', {}, hash))).toEqual([status, code]);
    expect(outcome(await call('panel/user/mfa/settings/default/read', {}, hash))).toEqual([200, 0]);
  });

  it('forceError: after, errors, every action but sign-in when unnamed, sign-in only when named', async () => {
    const hash = await signIn();
    panel.forceError({ code: 7, after: 1, times: 1, errors: [{ parameter: 'target', error: 'forced' }] });
    expect(outcome(await call('panel/user/list', {}, hash))).toEqual([200, 0]);
    expect((await call('panel/user/list', {}, hash)).json).toMatchObject({ status: { code: 7 }, errors: [{ parameter: 'target' }] });
    panel.forceError({ code: 8 });
    expect(await signIn()).toMatch(/^[0-9a-f]{32}$/);
    expect(outcome(await call('panel/account/get_permissions', {}, hash))).toEqual([503, 8]);
    panel.forceError({ code: 14, action: 'panel/account/auth', times: 1 });
    expect(outcome(await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }))).toEqual([503, 14]);
    panel.forceError(null);
    expect(outcome(await call('panel/account/get_permissions', {}, hash))).toEqual([200, 0]);
  });

  it('the request log: action, method, status, code, auth, parameters with password and hash redacted', async () => {
    const hash = await signIn();
    await call('panel/user/list', { limit: 2 }, hash);
    await call('panel/user/list', {});
    expect(panel.requests).toEqual([
      { action: 'panel/account/auth', method: 'POST', status: 200, auth: 'none', body: { login: DEMO_LOGINS.admin, password: '***' }, at: expect.any(Number) },
      { action: 'panel/user/list', method: 'POST', status: 200, auth: 'hash', body: { limit: 2 }, at: expect.any(Number) },
      { action: 'panel/user/list', method: 'POST', status: 400, code: 3, auth: 'none', body: {}, at: expect.any(Number) },
    ]);
    panel.clearLog();
    expect(panel.requests).toEqual([]);
  });

  it('reset() restores users, default, sessions, clock, permissions, factor types and limits', async () => {
    const hash = await signIn();
    await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'allowed', factor_types: ['email'] } }, hash);
    panel.setDefault(null);
    panel.setPermissions(DEMO_LOGINS.admin, {});
    panel.setFactorTypes(['email', 'sms']);
    panel.setRateLimit(1);
    panel.advanceClock(5 * DAY_MS);
    const t = Date.now();
    panel.reset();
    expect(panel.now() - t).toBeLessThan(60_000);
    expect(panel.users().filter((u) => u.mfa_allowed)).toHaveLength(50);
    expect(panel.defaultSettings()).toEqual({ type: 'disallowed' });
    expect(panel.factorTypes()).toEqual(['email']);
    expect(panel.activeSessions()).toBe(0);
    expect(outcome(await call('panel/user/list', {}, hash))).toEqual([400, 4]);
    const fresh = await signIn();
    expect(outcome(await call('panel/user/list', { limit: 1 }, fresh))).toEqual([200, 0]);
    expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: { type: 'disallowed' } }, fresh))).toEqual([200, 0]);
  });

  it('users() and user(id): the dealer\'s users as listed; user(id) of another dealer too; unknown ids throw', async () => {
    expect(panel.users()).toHaveLength(250);
    expect(panel.users()[4]).toMatchObject({ id: 5, login: 'driver005@fleet.test', first_name: 'Emil', last_name: 'Novak', mfa_allowed: true, activated: true });
    expect(panel.users().filter((u) => !u.activated).map((u) => u.id).slice(0, 3)).toEqual([7, 14, 21]);
    expect(panel.foreignUserIds).toEqual([901, 902, 903, 904, 905]);
    expect(panel.user(901).dealer_id).not.toBe(panel.dealerId);
    expect(() => panel.user(77_777)).toThrow();
  });

  it('CORS: the preflight and every answer allow any origin, the Authorization header and POST', async () => {
    const pre = await fetch(`${panel.apiBase}/panel/user/list`, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://x', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const r = await call('panel/user/list', {});
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('origins: the panel page and the API on different ports; other paths and methods are not the API', async () => {
    expect(new URL(panel.panelOrigin).port).not.toBe(new URL(panel.apiOrigin).port);
    expect(panel.apiBase).toBe(`${panel.apiOrigin}/v2`);
    expect(await (await fetch(`${panel.panelOrigin}/`)).text()).toContain('Navixy Admin Panel (emulated)');
    expect((await fetch(`${panel.apiOrigin}/v3/panel/user/list`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${panel.apiBase}/panel/user/list`, { method: 'DELETE' })).status).toBe(405);
  });

  it('latencyMs delays every answer', async () => {
    await withPanel({ latencyMs: 120 }, async (p) => {
      const t0 = performance.now();
      await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }, undefined, p);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
      p.setLatency(0);
      const t1 = performance.now();
      await call('panel/account/auth', { login: DEMO_LOGINS.admin, password: DEMO_PASSWORD }, undefined, p);
      expect(performance.now() - t1).toBeLessThan(100);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../navixy/server';
import { outcome, withPanel, sharedPanel } from '../navixy/probe';

/** The emulated Navixy Admin Panel over real HTTP: unknown users and actions, invalid parameters, `panel/user/list`, the rate limit and MFA settings (see the top of tests/navixy/server.ts). */
const emulated = sharedPanel();
const { call, signIn, list } = emulated;

describe('6. unknown users, unknown actions, invalid parameters', () => {
  it('an id of another dealer or one that does not exist is code 201, and nothing of the batch is applied', async () => {
    const hash = await signIn();
    for (const bad of [emulated.panel().foreignUserIds[0]!, 77_777]) {
      const r = await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [2, bad] }, settings: { type: 'allowed', factor_types: ['email'] } }, hash);
      expect(outcome(r)).toEqual([400, 201]);
    }
    expect(emulated.panel().user(2).mfa_allowed).toBe(false);
    expect(emulated.panel().user(emulated.panel().foreignUserIds[0]!).dealer_id).not.toBe(emulated.panel().dealerId);
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
    expect(await errorsOf('panel/user/list', { order_by: 'middle_name' })).toEqual(['order_by']);
    expect(await errorsOf('panel/user/list', { ascending: 'sideways' })).toEqual(['ascending']);
    expect(await errorsOf('panel/user/list', { filter: { id: 1 } })).toEqual(['filter']);
    expect(emulated.panel().users().filter((u) => u.mfa_allowed)).toHaveLength(50);
  });
});

describe('7. panel/user/list', () => {
  it('answers list and count; count is the total matching, ignoring offset and limit; default order id ascending', async () => {
    const hash = await signIn(DEMO_LOGINS.viewer);
    const r = await list({ offset: 10, limit: 5 }, hash);
    expect(r.count).toBe(250);
    expect(r.list.map((u) => u.id)).toEqual([11, 12, 13, 14, 15]);
    expect(Object.keys(r.list[0]!)).toEqual(expect.arrayContaining(['id', 'dealer_id', 'login', 'first_name', 'middle_name', 'last_name', 'activated', 'mfa_allowed']));
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
    expect(boris.count).toBe(emulated.panel().users().filter((u) => u.first_name === 'Boris').length);
    expect((await list({ filter: 'driver12', limit: 3 }, hash))).toMatchObject({ count: 10, list: [{ id: 120 }, { id: 121 }, { id: 122 }] });
    expect((await list({ filter: 'driver250' }, hash)).list.map((u) => u.id)).toEqual([250]);
    expect((await list({ filter: 'kowalski' }, hash)).count).toBe(emulated.panel().users().filter((u) => u.last_name.startsWith('Kowalski')).length);
    expect((await list({ filter: 'elsewhere' }, hash)).count).toBe(0);
    expect((await list({ filter: '' }, hash)).count).toBe(250);
  });

  it('order_by id, login, last_name… ascending by default, descending when asked', async () => {
    const hash = await signIn();
    const byLast = (await list({ order_by: 'last_name', limit: 1000 }, hash)).list;
    expect(byLast.map((u) => u.last_name.toLowerCase())).toEqual([...byLast.map((u) => u.last_name.toLowerCase())].sort());
    const desc = (await list({ order_by: 'last_name', ascending: false, limit: 1000 }, hash)).list;
    const asc = (await list({ order_by: 'last_name', ascending: true, limit: 1000 }, hash)).list;
    expect(desc.map((u) => u.id)).toEqual(asc.map((u) => u.id).reverse());
    expect(asc[0]!.last_name.localeCompare(asc.at(-1)!.last_name)).toBeLessThan(0);
    expect((await list({ order_by: 'id', ascending: false, limit: 2 }, hash)).list.map((u) => u.id)).toEqual([250, 249]);
    expect((await list({ order_by: 'login', filter: 'driver00', limit: 3 }, hash)).list.map((u) => u.login)).toEqual(['driver001@fleet.test', 'driver002@fleet.test', 'driver003@fleet.test']);
  });

  it('maxPageSize: a limit above it silently answers the cap (overLimit \'error\': 212); 500 is honoured in full', async () => {
    await withPanel({ userCount: 2500, maxPageSize: 1000 }, async (p) => {
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

  // How fast the emulator pages is the bench's business (scripts/bench), not a timed assertion here.
  it('with 50,000 users a 500-user page at any offset, order and filter answers the right users', async () => {
    await withPanel({ userCount: 50_000 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      const byLast = await list({ limit: 500, order_by: 'last_name' }, hash, p);
      expect(byLast).toMatchObject({ count: 50_000, list: { length: 500 } });
      for (let i = 1; i < byLast.list.length; i++) {
        expect(byLast.list[i - 1]!.last_name.localeCompare(byLast.list[i]!.last_name)).toBeLessThanOrEqual(0);
      }
      const seen = new Set<number>();
      for (const body of [{ limit: 500, offset: 49_000 }, { limit: 500, offset: 25_000, ascending: false }, { limit: 500, offset: 10_000, order_by: 'last_name' }, { limit: 500, offset: 0 }]) {
        const r = await list(body, hash, p);
        expect(r).toMatchObject({ count: 50_000, list: { length: 500 } });
        if (!('order_by' in body)) for (const u of r.list) seen.add(u.id);
      }
      // Three pages by id at three offsets: 1,500 different users.
      expect(seen.size).toBe(1_500);
      const filtered = await list({ filter: 'driver4999', limit: 500 }, hash, p);
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
    emulated.panel().advanceClock(1000);
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
  it('allowed (email) and disallowed are written per user and by target all (allSkipsDemoUser: all but the demo user)', async () => {
    const hash = await signIn();
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [1, 2] }, settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    expect([1, 2, 3].map((id) => emulated.panel().user(id).mfa_allowed)).toEqual([true, true, false]);
    expect(emulated.panel().userSettings(2)).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'allowed', factor_types: ['email'] } }, hash))).toEqual([200, 0]);
    expect(emulated.panel().users().filter((u) => !u.mfa_allowed)).toEqual([]);
    expect(emulated.panel().userSettings(emulated.panel().demoUserId)).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(JSON.stringify((await list({ limit: 1000 }, hash)).list)).not.toMatch(/"demo"|haystack|"mfa"/);
    await withPanel({ allSkipsDemoUser: true }, async (p) => {
      const h = await signIn(DEMO_LOGINS.admin, p);
      expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'allowed', factor_types: ['email'] } }, h, p))).toEqual([200, 0]);
      expect(p.users().filter((u) => !u.mfa_allowed).map((u) => u.id)).toEqual([p.demoUserId]);
      expect(p.userSettings(p.demoUserId)).toBeNull();
      await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['email'] } }, h, p);
      expect(p.user(p.demoUserId).mfa_allowed).toBe(true); // it follows the default
      expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [p.demoUserId] }, settings: { type: 'disallowed' } }, h, p))).toEqual([200, 0]);
      expect(p.user(p.demoUserId).mfa_allowed).toBe(false); // and can be changed by id
    });
  });

  it('default/read answers value: the settings, or null when none; default/update writes it', async () => {
    const hash = await signIn();
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: { type: 'disallowed' } });
    expect((await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['email'] } }, hash)).json).toEqual({ success: true });
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: { type: 'allowed', factor_types: ['email'] } });
    emulated.panel().setDefault(null);
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: null });
    await withPanel({ defaultSettings: null }, async (p) => {
      expect((await call('panel/user/mfa/settings/default/read', {}, await signIn(DEMO_LOGINS.viewer, p), p)).json).toEqual({ success: true, value: null });
    });
  });

  it('the default applies to users without their own setting (ids ending in 3, and the demo user), and to users added later', async () => {
    const hash = await signIn();
    const inheriting = emulated.panel().users().filter((u) => emulated.panel().userSettings(u.id) === null).map((u) => u.id);
    expect(inheriting.slice(0, 4)).toEqual([3, emulated.panel().demoUserId, 13, 23]);
    expect(inheriting.every((id) => !emulated.panel().user(id).mfa_allowed)).toBe(true);
    await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['email'] } }, hash);
    expect(inheriting.every((id) => emulated.panel().user(id).mfa_allowed)).toBe(true);
    expect(emulated.panel().users().filter((u) => u.mfa_allowed)).toHaveLength(50 + inheriting.length);
    const added = emulated.panel().addUser({ first_name: 'Zoe' });
    expect(added).toMatchObject({ id: 906, mfa_allowed: true, dealer_id: emulated.panel().dealerId });
    expect((await list({ filter: 'zoe' }, hash)).list).toEqual([added]);
  });

  it('a factor type the panel does not know is code 7; a panel configured with more accepts and returns it', async () => {
    const hash = await signIn();
    const app = { type: 'allowed', factor_types: ['email', 'authenticator_app'] };
    expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: app }, hash))).toEqual([400, 7]);
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: app }, hash))).toEqual([400, 7]);
    expect(() => emulated.panel().setDefault({ type: 'allowed', factor_types: [] })).toThrow(/settings refused/);
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
    emulated.panel().setFactorTypes(['email', 'sms']);
    expect(outcome(await call('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['sms'] } }, hash))).toEqual([200, 0]);
  });

  it('presetting a default (or a user\'s setting) with a new factor type makes the panel know it, until reset()', async () => {
    const hash = await signIn();
    emulated.panel().setDefault({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    expect(emulated.panel().factorTypes()).toEqual(['email', 'authenticator_app']);
    expect((await call('panel/user/mfa/settings/default/read', {}, hash)).json.value).toEqual({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    expect(outcome(await call('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [2] }, settings: { type: 'allowed', factor_types: ['email', 'authenticator_app'] } }, hash))).toEqual([200, 0]);
    emulated.panel().setUserSettings(3, { type: 'allowed', factor_types: ['sms'] });
    expect(emulated.panel().factorTypes()).toEqual(['email', 'authenticator_app', 'sms']);
    expect(emulated.panel().user(3).mfa_allowed).toBe(true);
    emulated.panel().reset();
    expect(emulated.panel().factorTypes()).toEqual(['email']);
  });
});

it('option loginDomain puts the dealer’s users’ logins on that domain, also after a reset (the screenshots’ acme-fleet.com)', async () => {
  await withPanel({ loginDomain: 'acme-fleet.com', userCount: 3 }, async (p) => {
    expect(p.users().map((u) => u.login)).toEqual(['driver001@acme-fleet.com', 'driver002@acme-fleet.com', 'driver003@acme-fleet.com']);
    p.reset();
    expect(p.users()[0]!.login).toBe('driver001@acme-fleet.com');
  });
  await withPanel({ userCount: 1 }, async (p) => expect(p.users()[0]!.login).toBe('driver001@fleet.test'));
});

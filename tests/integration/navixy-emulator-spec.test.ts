import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate, type JsonSchema } from '../navixy/json-schema';
import { ACTIONS, DEMO_LOGINS, SPEC_ACTIONS } from '../navixy/server';
import { callPanel, outcome, postRaw, withPanel, type Json, sharedPanel } from '../navixy/probe';

/**
 * The emulated Navixy Admin Panel as wide as the spec (issue 25, item 4; facts in navixy-panel-api.md §5): every `User`
 * field, `order_by` and `filter` as [LIST] documents them, no silent page cap, target `all` for every user, 112 only
 * for paths the spec lacks, codes 5 and 9, 13 on logout and get_permissions, partial batches and runaway paging on demand.
 */
const spec = JSON.parse(readFileSync(new URL('../fixtures/navixy-admin-panel-openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, JsonSchema & { properties: Record<string, unknown> }> };
};
const USER_FIELDS = Object.keys(spec.components.schemas.User!.properties);

const emulated = sharedPanel();
const { call, signIn, list } = emulated;
const ALLOW = { type: 'allowed', factor_types: ['email'] };

describe('users carry every field of the spec\'s User', () => {
  it('every listed user has exactly the spec\'s properties, conforms to the schema, legal fields present for everyone', async () => {
    const page = await list({}, await signIn());
    expect(USER_FIELDS).toHaveLength(33);
    for (const u of page.list) {
      expect(Object.keys(u)).toEqual(USER_FIELDS);
      expect(validate(spec, { $ref: '#/components/schemas/User' }, u)).toEqual([]);
    }
    const byType = (t: string) => page.list.filter((u) => u.legal_type === t);
    expect(byType('individual').every((u) => u.legal_name === '' && u.tin === '' && u.registered_city === '')).toBe(true);
    expect(byType('legal_entity').every((u) => u.legal_name !== '' && /^\d+$/.test(u.okpo_code) && u.iec !== '')).toBe(true);
    expect(byType('sole_trader').every((u) => u.tin !== '' && u.legal_name === '' && u.iec === '')).toBe(true);
  });

  it('values vary as on a real panel (sorting by them means something) and a 500-user page is several hundred KB', async () => {
    await withPanel({ userCount: 600 }, async (p) => {
      const r = await callPanel(p, 'panel/user/list', { limit: 500 }, await signIn(DEMO_LOGINS.admin, p));
      const users = r.json.list as Json[];
      for (const f of ['balance', 'bonus', 'phone', 'post_city', 'legal_name', 'trackers_count', 'creation_date', 'comment']) {
        expect(new Set(users.map((u) => u[f])).size, f).toBeGreaterThan(3);
      }
      expect(users.some((u) => u.balance < 0) && users.some((u) => !Number.isInteger(u.balance))).toBe(true);
      expect(JSON.stringify(r.json).length).toBeGreaterThan(350_000);
    });
  });
});

describe('order_by and filter of panel/user/list', () => {
  const ACCEPTED = ['id', 'login', 'last_name', 'balance', 'bonus', 'phone', 'post_city', 'legal_name', 'trackers_count', 'mfa_allowed', 'creation_date'];
  const key = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : typeof v === 'boolean' ? Number(v) : (v as number));

  it.each(ACCEPTED)('order_by %s: ascending by the field, ties in id order; descending the exact reverse', async (field) => {
    const hash = await signIn();
    const asc = (await list({ order_by: field }, hash)).list;
    expect(asc).toHaveLength(250);
    for (let i = 1; i < asc.length; i++) {
      const [a, b] = [asc[i - 1]!, asc[i]!];
      expect(key(a[field]) < key(b[field]) || (key(a[field]) === key(b[field]) && a.id < b.id), `${field} at ${i}`).toBe(true);
    }
    const desc = (await list({ order_by: field, ascending: false }, hash)).list;
    expect(desc.map((u) => u.id)).toEqual(asc.map((u) => u.id).reverse());
  });

  it.each(['first_name', 'middle_name', 'activated', 'dealer_id', 'comment', 'email'])('order_by %s is refused with code 7 naming order_by', async (field) => {
    const r = await call('panel/user/list', { order_by: field }, await signIn());
    expect(outcome(r)).toEqual([400, 7]);
    expect(r.json.errors).toEqual([{ parameter: 'order_by', error: expect.any(String) }]);
  });

  it('filter matches phone, post_*, registered_*, tin, iec and legal_name, not the comment or the balance', async () => {
    const hash = await signIn();
    const u6 = emulated.panel().user(6); // a legal entity
    expect(u6.legal_type).toBe('legal_entity');
    for (const f of ['phone', 'post_city', 'post_index', 'post_street_address', 'registered_street_address', 'tin', 'iec', 'legal_name'] as const) {
      const r = await list({ filter: String(u6[f]).toUpperCase() }, hash);
      expect(r.list.map((u) => u.id), f).toContain(6);
      expect(r.count).toBe(r.list.length);
    }
    expect((await list({ filter: 'invoices' }, hash)).count).toBe(0);
    expect((await list({ filter: String(emulated.panel().user(2).balance) }, hash)).list.map((u) => u.id)).not.toContain(2);
  });
});

describe('paging: no silent cap, limit 0, the cap only when asked', () => {
  it('2,500 users: no limit answers them all, a limit of 5,000 too; limit 0 answers only the count', async () => {
    await withPanel({ userCount: 2500 }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      expect(await list({}, hash, p)).toMatchObject({ count: 2500, list: { length: 2500 } });
      expect(await list({ limit: 5000, offset: 100 }, hash, p)).toMatchObject({ count: 2500, list: { length: 2400 } });
      expect(await list({ limit: 0, filter: 'driver1' }, hash, p)).toEqual({ success: true, list: [], count: 1100 });
    });
    await withPanel({ maxPageSize: 100, overLimit: 'error' }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      const r = await call('panel/user/list', { limit: 101 }, hash, p);
      expect(r.json.status).toEqual({ code: 212, description: 'Requested limit is too big' });
      expect(outcome(await call('panel/user/list', { limit: 100 }, hash, p))).toEqual([200, 0]);
    });
  });
});

describe('target all', () => {
  it('applies to every user of the dealer, the demo user included; allSkipsDemoUser leaves the demo user alone', async () => {
    const body = { target: { type: 'all' }, settings: ALLOW };
    expect(outcome(await call('panel/user/mfa/settings/update', body, await signIn()))).toEqual([200, 0]);
    expect(emulated.panel().userSettings(emulated.panel().demoUserId)).toEqual(ALLOW);
    expect(emulated.panel().users().every((u) => u.mfa_allowed)).toBe(true);
    await withPanel({ allSkipsDemoUser: true }, async (p) => {
      expect(outcome(await call('panel/user/mfa/settings/update', body, await signIn(DEMO_LOGINS.admin, p), p))).toEqual([200, 0]);
      expect(p.userSettings(p.demoUserId)).toBeNull();
      expect(p.users().filter((u) => !u.mfa_allowed).map((u) => u.id)).toEqual([p.demoUserId]);
    });
  });
});

describe('paths: 112 only for what the spec lacks', () => {
  const notImplemented = SPEC_ACTIONS.filter((a) => !(a in ACTIONS));

  it('the spec\'s actions the emulator implements include every one of the spec subset the extension uses', () => {
    for (const path of Object.keys(spec.paths)) expect(SPEC_ACTIONS).toContain(path.slice(1));
    expect(SPEC_ACTIONS).toHaveLength(64);
    expect(notImplemented).toHaveLength(56);
  });

  it('every spec action it does not implement answers 101 (HTTP 403) with a session, 3 without, never 111 or 112', async () => {
    const hash = await signIn();
    for (const action of notImplemented) {
      const r = await call(action, {}, hash);
      expect([action, ...outcome(r)]).toEqual([action, 403, 101]);
      expect(r.json.status.description).toBe('In demo mode this function is disabled');
      expect(outcome(await call(action, {}))).toEqual([400, 3]);
      emulated.panel().advanceClock(1000); // stay under the rate limit
    }
  });

  it('paths the spec lacks: 112 under a known handler (panel/dealer, panel/tracker too), 111 elsewhere', async () => {
    for (const action of ['panel/user/delete', 'panel/dealer/delete', 'panel/tracker/update', 'panel/user/mfa/settings/default/delete']) {
      expect([action, ...outcome(await call(action, {}))]).toEqual([action, 400, 112]);
    }
    for (const action of ['panel/nothing/list', 'panel/user/mfa/list', 'panel/dealers/get_info']) {
      expect([action, ...outcome(await call(action, {}))]).toEqual([action, 400, 111]);
    }
  });

  it('panel/user/read: the user as listed and the siblings the spec names; 201 for another dealer\'s or no user; 7 without user_id; 13 without users: read', async () => {
    const hash = await signIn();
    const r = await call('panel/user/read', { user_id: 5 }, hash);
    expect(r.json).toEqual({ success: true, value: emulated.panel().user(5), discount: null, default_tariff_id: null, block_parameters: null, dealer_mfa_settings: { type: 'disallowed' } });
    expect(outcome(await call('panel/user/read', { user_id: emulated.panel().foreignUserIds[0] }, hash))).toEqual([400, 201]);
    expect(outcome(await call('panel/user/read', { user_id: 77_777 }, hash))).toEqual([400, 201]);
    expect((await call('panel/user/read', {}, hash)).json.errors).toEqual([{ parameter: 'user_id', error: expect.any(String) }]);
    expect(outcome(await call('panel/user/read', { user_id: 5 }, await signIn(DEMO_LOGINS.support)))).toEqual([403, 13]);
  });
});

describe('unreadable requests: 5 for a malformed body, 9 (HTTP 412) for a too large one', () => {
  it('JSON that does not parse, or is not an object, is code 5 "Wrong request format", HTTP 400, before the session', async () => {
    const hash = await signIn();
    for (const body of ['{"limit":', '[1, 2]', '"text"', '{"limit": 1,}']) {
      const r = await postRaw(emulated.panel(), 'panel/user/list', body, 'application/json', hash);
      expect([body, ...outcome(r)]).toEqual([body, 400, 5]);
      expect(r.json.status.description).toBe('Wrong request format');
    }
    expect(outcome(await postRaw(emulated.panel(), 'panel/user/mfa/settings/update', '{"target": {"type": "all"', 'application/json'))).toEqual([400, 5]);
    expect(outcome(await postRaw(emulated.panel(), 'panel/user/list', 'limit=1', 'application/x-www-form-urlencoded', hash))).toEqual([200, 0]);
    expect(outcome(await postRaw(emulated.panel(), 'panel/user/list', '', 'application/json', hash))).toEqual([200, 0]);
  });

  it('a body over 1 MiB (or maxRequestBytes) is code 9 "Too large request" with HTTP 412; nothing is written', async () => {
    const hash = await signIn();
    const padding = 'x'.repeat(1024 * 1024);
    const big = JSON.stringify({ target: { type: 'all' }, settings: ALLOW, comment: padding });
    const r = await postRaw(emulated.panel(), 'panel/user/mfa/settings/update', big, 'application/json', hash);
    expect(outcome(r)).toEqual([412, 9]);
    expect(r.json.status.description).toBe('Too large request');
    expect(emulated.panel().users().filter((u) => u.mfa_allowed)).toHaveLength(50);
    await withPanel({ maxRequestBytes: 200 }, async (p) => {
      const h = await signIn(DEMO_LOGINS.admin, p);
      expect(outcome(await callPanel(p, 'panel/user/list', { filter: 'y'.repeat(300) }, h))).toEqual([412, 9]);
      expect(outcome(await callPanel(p, 'panel/user/list', { limit: 1 }, h))).toEqual([200, 0]);
    });
  });
});

describe('13 on logout and get_permissions', () => {
  it.each(['panel/account/logout', 'panel/account/get_permissions'])('forceError({ code: 13, action: %s }) answers 403/13; a refused logout ends nothing', async (action) => {
    const hash = await signIn();
    emulated.panel().forceError({ code: 13, action, times: 1 });
    const r = await call(action, {}, hash);
    expect(outcome(r)).toEqual([403, 13]);
    expect(r.json.status.description).toBe('Operation not permitted');
    expect(emulated.panel().activeSessions()).toBe(1);
    expect(outcome(await call('panel/user/list', { limit: 1 }, hash))).toEqual([200, 0]);
    expect(outcome(await call(action, {}, hash))).toEqual([200, 0]);
  });
});

describe('partialBatch: a selected batch with a foreign or unknown id is applied in part before 201', () => {
  it('default: nothing written; partialBatch: the dealer\'s ids written, then 201', async () => {
    const ids = [2, emulated.panel().foreignUserIds[0]!, 6, 77_777];
    const body = { target: { type: 'selected', ids }, settings: ALLOW };
    expect(outcome(await call('panel/user/mfa/settings/update', body, await signIn()))).toEqual([400, 201]);
    expect([emulated.panel().userSettings(2), emulated.panel().userSettings(6)]).toEqual([{ type: 'disallowed' }, { type: 'disallowed' }]);
    await withPanel({ partialBatch: true }, async (p) => {
      expect(outcome(await callPanel(p, 'panel/user/mfa/settings/update', body, await signIn(DEMO_LOGINS.admin, p)))).toEqual([400, 201]);
      expect([p.userSettings(2), p.userSettings(6)]).toEqual([ALLOW, ALLOW]);
      expect(p.userSettings(p.foreignUserIds[0]!)).toEqual({ type: 'disallowed' });
    });
  });
});

describe('runawayCount: a huge count with one new user per page', () => {
  it('every page claims the count and holds at most perPage users with new ids, as many pages as asked, cheaply', async () => {
    await withPanel({ runawayCount: { count: 2_000_000, perPage: 1 }, rateLimitPerSecond: Infinity }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      const t0 = performance.now();
      const seen = new Set<number>();
      for (let offset = 0; offset < 300; offset++) {
        const page = await list({ limit: 500, offset }, hash, p);
        expect(page.count).toBe(2_000_000);
        expect(page.list).toHaveLength(1);
        expect(Object.keys(page.list[0]!)).toEqual(USER_FIELDS);
        seen.add(page.list[0]!.id as number);
      }
      expect(seen.size).toBe(300);
      expect(performance.now() - t0).toBeLessThan(10_000);
      expect(await list({ limit: 0 }, hash, p)).toEqual({ success: true, list: [], count: 2_000_000 });
      expect((await list({ offset: 1_999_999 }, hash, p)).list).toHaveLength(1);
      expect((await list({ offset: 2_000_000 }, hash, p)).list).toEqual([]);
      expect(outcome(await callPanel(p, 'panel/user/list', { order_by: 'first_name' }, hash))).toEqual([400, 7]);
      expect(p.users()).toHaveLength(250);
    });
    await withPanel({ runawayCount: { count: 10_000, perPage: 3 } }, async (p) => {
      const hash = await signIn(DEMO_LOGINS.admin, p);
      const [a, b] = [await list({ limit: 500 }, hash, p), await list({ limit: 500, offset: 3 }, hash, p)];
      expect([a.list.length, b.list.length, a.count]).toEqual([3, 3, 10_000]);
      expect(new Set([...a.list, ...b.list].map((u) => u.id)).size).toBe(6);
      const ids = a.list.map((u) => u.id as number);
      expect(outcome(await callPanel(p, 'panel/user/mfa/settings/update', { target: { type: 'selected', ids }, settings: ALLOW }, hash))).toEqual([400, 201]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createNavixyClient, USER_PAGE } from '../../lib/providers/navixy/client';
import { allowSettingsFrom } from '../../lib/providers/navixy/users';
import type { PanelUser } from '../../lib/providers/navixy/schemas';

// The Navixy client against a scripted fetch: how each documented answer becomes a typed error,
// and how the user list is paged. Real-server behaviour is covered against the emulator in
// tests/integration/navixy-*.test.ts.

const panel = 'https://panel.example.com';
const apiBase = 'https://api.example.com/v2';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
function scripted(answer: (action: string, body: Record<string, unknown>) => Answer) {
  const calls: { action: string; body: Record<string, unknown> }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const action = new URL(String(input)).pathname.replace('/v2/', '');
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ action, body });
    const a = answer(action, body);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': 'application/json', ...a.headers } });
  }) as typeof globalThis.fetch;
  return { client: createNavixyClient({ panel, apiBase, hash: 'abcdef0123456789', fetch }), calls };
}
const fail = (code: number, status: number, extra: Record<string, unknown> = {}): Answer => ({ status, body: { success: false, status: { code, description: 'x' }, ...extra } });

describe('documented error codes', () => {
  it.each([
    ['13 on an update names users: update, no retry', 'updateDefault', fail(13, 403), { kind: 'panel', reason: 'notPermitted', code: 13, permission: 'users: update' }],
    ['13 on the list names users: read', 'readDefault', fail(13, 403), { kind: 'panel', reason: 'notPermitted', permission: 'users: read' }],
    ['15 is rate limiting, not a refusal', 'readDefault', fail(15, 429), { kind: 'rateLimited' }],
    ['1 is a server failure', 'readDefault', fail(1, 500), { kind: 'server', status: 500 }],
    ['6 is a server failure', 'readDefault', fail(6, 500), { kind: 'server', status: 500 }],
    ['8 is a server failure', 'readDefault', fail(8, 503), { kind: 'server', status: 503 }],
    ['14 is a server failure even behind a 200', 'readDefault', fail(14, 200), { kind: 'server', status: 503 }],
    ['7 names its parameters', 'updateDefault', fail(7, 400, { errors: [{ parameter: 'settings.factor_types', error: 'bad' }] }), { kind: 'panel', reason: 'invalidParameters', parameters: ['settings.factor_types'] }],
    ['11 is a blocked dealer', 'readDefault', fail(11, 403), { kind: 'panel', reason: 'dealerBlocked' }],
  ] as const)('%s', async (_name, method, answer, expected) => {
    const { client } = scripted(() => answer);
    const r = method === 'updateDefault' ? await client.updateDefault({ type: 'disallowed' }) : await client.readDefault();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject(expected);
  });

  it('a rate-limit answer retries after a second by default, not the 30 s of a portal', async () => {
    const { client } = scripted(() => fail(15, 429));
    const before = Date.now();
    const r = await client.readDefault();
    if (r.ok || r.error.kind !== 'rateLimited') throw new Error('expected rateLimited');
    expect(r.error.retryAt - before).toBeGreaterThanOrEqual(1000);
    expect(r.error.retryAt - before).toBeLessThan(2000);
  });

  it.each([4, 12, 102])('sign-in refused with %i means "login or password not accepted"', async (code) => {
    const { client } = scripted(() => fail(code, 400));
    const r = await client.signIn('20410', 'wrong');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'panel', reason: 'badCredentials', code });
  });

  it('4 outside sign-in is an ended session', async () => {
    const { client } = scripted(() => fail(4, 400));
    const r = await client.readDefault();
    if (!r.ok) expect(r.error).toMatchObject({ reason: 'sessionEnded' });
  });

  it('sign-in keeps the permissions the panel returns; get_permissions treats a missing category as nothing', async () => {
    const { client, calls } = scripted((action) => action === 'panel/account/auth'
      ? { status: 200, body: { success: true, hash: 'fa7bf873fab9333144e171372a321b06', permissions: { users: ['read'], trackers: ['read'] } } }
      : { status: 200, body: { success: true, permissions: { base: ['get_dealer_info'] } } });
    expect(await client.signIn('20410', 'pw')).toEqual({ ok: true, value: { hash: 'fa7bf873fab9333144e171372a321b06', permissions: { users: ['read'] } } });
    expect(await client.getPermissions()).toEqual({ ok: true, value: {} });
    expect(calls.map((c) => c.action)).toEqual(['panel/account/auth', 'panel/account/get_permissions']);
  });
});

describe('paging panel/user/list', () => {
  const users = (n: number, from = 1): PanelUser[] => Array.from({ length: n }, (_, i) => ({ id: from + i, login: `u${from + i}`, mfa_allowed: (from + i) % 4 === 0 }));

  it('asks 500 at a time and follows a silent page-size cap by the offset it received', async () => {
    const all = users(1234);
    const { client, calls } = scripted((_a, body) => {
      const offset = Number(body.offset);
      return { status: 200, body: { success: true, list: all.slice(offset, offset + Math.min(Number(body.limit), 200)), count: all.length } };
    });
    const seen: number[] = [];
    const r = await client.eachPage(10_000, (page) => seen.push(...page.map((u) => u.id)));
    expect(r).toEqual({ ok: true, value: { count: 1234, seen: 1234, complete: true, tooLarge: false } });
    expect(seen).toEqual(all.map((u) => u.id));
    expect(calls.every((c) => c.body.limit === USER_PAGE)).toBe(true);
    expect(calls.map((c) => c.body.offset)).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
  });

  it('stops at an empty page and says the list is incomplete, so nothing is counted over it', async () => {
    const { client, calls } = scripted((_a, body) => ({ status: 200, body: { success: true, list: Number(body.offset) === 0 ? users(500) : [], count: 900 } }));
    const r = await client.eachPage(10_000, () => undefined);
    expect(r).toEqual({ ok: true, value: { count: 900, seen: 500, complete: false, tooLarge: false, stopped: 'emptyPage' } });
    expect(calls).toHaveLength(2);
  });

  it('a panel repeating one page forever cannot keep it reading', async () => {
    const { client, calls } = scripted(() => ({ status: 200, body: { success: true, list: users(500), count: 5000 } }));
    const r = await client.eachPage(5000, () => undefined);
    expect(r.ok && r.value.complete).toBe(false);
    expect(calls.length).toBeLessThanOrEqual(21);
  });

  it('more users than the caller loads stops after the first page', async () => {
    const { client, calls } = scripted(() => ({ status: 200, body: { success: true, list: users(500), count: 50_000 } }));
    const r = await client.eachPage(2000, () => undefined);
    expect(r).toEqual({ ok: true, value: { count: 50_000, seen: 500, complete: false, tooLarge: true } });
    expect(calls).toHaveLength(1);
  });

  it('a rate-limited page is asked again after the wait', async () => {
    let n = 0;
    const { client, calls } = scripted(() => (n++ === 0 ? { ...fail(15, 429), headers: { 'Retry-After': '0' } } : { status: 200, body: { success: true, list: users(3), count: 3 } }));
    const r = await client.listPage({ offset: 0, limit: 500 });
    expect(r.ok && r.value.users).toHaveLength(3);
    expect(calls).toHaveLength(2);
  });

  it('server-side search sends filter, order_by and ascending', async () => {
    const { client, calls } = scripted(() => ({ status: 200, body: { success: true, list: [], count: 0 } }));
    await client.listPage({ offset: 1000, limit: 500, filter: 'novak', orderBy: 'last_name', ascending: false });
    expect(calls[0]!.body).toEqual({ offset: 1000, limit: 500, filter: 'novak', order_by: 'last_name', ascending: false });
  });
});

describe('helpers', () => {
  it('allowing keeps the factor types the default allows, including unknown ones', () => {
    expect(allowSettingsFrom({ type: 'allowed', factor_types: ['email', 'sms'] })).toEqual({ type: 'allowed', factor_types: ['email', 'sms'] });
    expect(allowSettingsFrom({ type: 'disallowed' })).toEqual({ type: 'allowed', factor_types: ['email'] });
    expect(allowSettingsFrom(null)).toEqual({ type: 'allowed', factor_types: ['email'] });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, startNavixyPanel, type ErrorCode, type RunningNavixyPanel } from '../navixy/server';
import { createNavixyClient } from '../../lib/providers/navixy/client';
import { batchesOf } from '../../lib/providers/navixy/users';
import type { PanelUser } from '../../lib/providers/navixy/schemas';
import type { AppError } from '../../lib/errors';

/** The real Navixy client over real HTTP against the emulated panel (API on its own port). */
let panel: RunningNavixyPanel;
beforeAll(async () => {
  panel = await startNavixyPanel();
});
afterAll(async () => {
  await panel.close();
});
beforeEach(() => panel.reset());

const anon = () => createNavixyClient({ panel: panel.panelOrigin, apiBase: panel.apiBase });
async function signedIn(login = DEMO_LOGINS.admin) {
  const signed = await anon().signIn(login, 'demo-password');
  if (!signed.ok) throw new Error(`sign-in failed: ${signed.error.kind}`);
  return { hash: signed.value.hash, client: createNavixyClient({ panel: panel.panelOrigin, apiBase: panel.apiBase, hash: signed.value.hash }) };
}
/** Every user, through the paging the background uses. */
async function listUsers(client: ReturnType<typeof createNavixyClient>) {
  const users: PanelUser[] = [];
  const r = await client.eachPage(100_000, (page) => users.push(...page));
  return r.ok ? { ok: true as const, value: { users, count: r.value.count } } : r;
}
const reasonOf = (r: { ok: boolean; error?: AppError }) => (r.ok ? 'ok' : r.error?.kind === 'panel' ? `${r.error.code}:${r.error.reason}` : r.error?.kind);

describe('Navixy client against the emulated panel', () => {
  it('signs in with login and password once and sends the hash as "Authorization: NVX <hash>"', async () => {
    const { hash, client } = await signedIn();
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    const auth = panel.requests.find((r) => r.action === 'panel/account/auth');
    expect(auth?.body).toEqual({ login: DEMO_LOGINS.admin, password: '***' });
    expect(auth?.auth).toBe('none');
    const users = await listUsers(client);
    expect(users.ok && users.value.count).toBe(250);
    expect(panel.requests.at(-1)).toMatchObject({ action: 'panel/user/list', auth: 'hash', status: 200 });
  });

  it('a wrong password or an unknown login is "not accepted" and yields no hash', async () => {
    const r = await anon().signIn(DEMO_LOGINS.admin, 'wrong');
    expect(reasonOf(r)).toMatch(/^(4|12):badCredentials$/);
    expect(reasonOf(await anon().signIn('99999', 'wrong'))).toBe('12:badCredentials');
  });

  it('lists every user with mfa_allowed, reading pages of the list', async () => {
    const { client } = await signedIn(DEMO_LOGINS.viewer);
    const r = await listUsers(client);
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value.users).toHaveLength(250);
    expect(r.value.users.filter((u) => u.mfa_allowed)).toHaveLength(50);
    expect(r.value.users.map((u) => u.id)).not.toContain(901);
  });

  it('updates selected users, then all users; the panel holds exactly that', async () => {
    const { client } = await signedIn();
    expect((await client.updateMfa({ type: 'selected', ids: [1, 2, 3] }, { type: 'allowed', factor_types: ['email'] })).ok).toBe(true);
    expect([1, 2, 3, 4].map((id) => panel.user(id).mfa_allowed)).toEqual([true, true, true, false]);
    expect(panel.requests.at(-1)?.body).toEqual({ target: { type: 'selected', ids: [1, 2, 3] }, settings: { type: 'allowed', factor_types: ['email'] } });
    expect((await client.updateMfa({ type: 'all' }, { type: 'disallowed' })).ok).toBe(true);
    expect(panel.users().filter((u) => u.mfa_allowed)).toEqual([]);
  });

  it('reads and updates the default for new users', async () => {
    const { client } = await signedIn();
    expect(await client.readDefault()).toEqual({ ok: true, value: { type: 'disallowed' } });
    expect((await client.updateDefault({ type: 'allowed', factor_types: ['email'] })).ok).toBe(true);
    expect(await client.readDefault()).toEqual({ ok: true, value: { type: 'allowed', factor_types: ['email'] } });
    expect(panel.defaultSettings()).toEqual({ type: 'allowed', factor_types: ['email'] });
  });

  it.each([
    ['no hash at all', async () => createNavixyClient({ panel: panel.panelOrigin, apiBase: panel.apiBase }).readDefault(), '3:wrongSession'],
    ['an unknown hash', async () => createNavixyClient({ panel: panel.panelOrigin, apiBase: panel.apiBase, hash: 'ffffffffffffffffffffffffffffffff' }).readDefault(), /^(3:wrongSession|4:sessionEnded)$/],
    ['an ended session', async () => {
      const { client } = await signedIn();
      panel.endSessions();
      return listUsers(client);
    }, '4:sessionEnded'],
    ['a read-only operator updating', async () => (await signedIn(DEMO_LOGINS.viewer)).client.updateMfa({ type: 'all' }, { type: 'disallowed' }), '13:notPermitted'],
    ['an operator without users permission reading', async () => (await signedIn(DEMO_LOGINS.support)).client.readDefault(), '13:notPermitted'],
    ['a user of another dealer', async () => (await signedIn()).client.updateMfa({ type: 'selected', ids: [5, 901] }, { type: 'disallowed' }), '201:notFound'],
    ['an id that does not exist', async () => (await signedIn()).client.updateMfa({ type: 'selected', ids: [5, 77777] }, { type: 'disallowed' }), '201:notFound'],
  ] as [string, () => Promise<{ ok: boolean; error?: AppError }>, string | RegExp][])('%s is a typed panel error (%#)', async (_name, act, expected) => {
    expect(reasonOf(await act())).toMatch(expected);
  });

  it('allowed without factor_types and more than 100 ids are error 7 from the panel (sent raw, bypassing the types)', async () => {
    const { hash } = await signedIn();
    const raw = (body: unknown) =>
      fetch(`${panel.apiBase}/panel/user/mfa/settings/update`, { method: 'POST', headers: { Authorization: `NVX ${hash}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<unknown>);
    expect(await raw({ target: { type: 'all' }, settings: { type: 'allowed' } })).toMatchObject({ success: false, status: { code: 7 } });
    expect(await raw({ target: { type: 'selected', ids: Array.from({ length: 101 }, (_, i) => i + 1) }, settings: { type: 'disallowed' } })).toMatchObject({ success: false, status: { code: 7 } });
    expect(panel.users().filter((u) => u.mfa_allowed)).toHaveLength(50);
  });

  it.each([3, 4, 7, 11, 201, 217] as ErrorCode[])('a forced error %i maps to its reason, and only the next call gets it', async (code) => {
    const { client } = await signedIn();
    panel.forceError({ code, action: 'panel/user/mfa/settings/default/read', times: 1 });
    const r = await client.readDefault();
    expect(!r.ok && r.error.kind === 'panel' && r.error.code).toBe(code);
    expect((await client.readDefault()).ok).toBe(true);
  });

  it('an unreachable API is a network error naming the API origin; an HTML answer is badResponse', async () => {
    const closed = createNavixyClient({ panel: panel.panelOrigin, apiBase: 'http://127.0.0.1:9/v2', timeoutMs: 2000 });
    const r = await closed.readDefault();
    expect(!r.ok && r.error).toMatchObject({ kind: 'network', origin: 'http://127.0.0.1:9' });
    const page = createNavixyClient({ panel: panel.panelOrigin, apiBase: `${panel.panelOrigin}/v2` });
    expect(reasonOf(await page.readDefault())).toBe('badResponse');
  });

  it('a large selection goes in batches of 100: 250 users in 3 calls, all applied', async () => {
    const { client } = await signedIn();
    const ids = panel.users().map((u) => u.id);
    const batches = batchesOf(ids, 100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    panel.clearLog();
    for (const ids of batches) expect((await client.updateMfa({ type: 'selected', ids }, { type: 'allowed', factor_types: ['email'] })).ok).toBe(true);
    expect(panel.requests.map((r) => r.action)).toEqual(Array(3).fill('panel/user/mfa/settings/update'));
    expect(panel.users().every((u) => u.mfa_allowed)).toBe(true);
  });
});

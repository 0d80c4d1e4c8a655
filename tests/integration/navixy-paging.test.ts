import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_LOGINS, startNavixyPanel, type NavixyPanelOptions, type RunningNavixyPanel } from '../navixy/server';
import { route } from '../../lib/providers/background';
import { getNavixySession } from '../../lib/providers/navixy/session';
import { SORT_FIELDS } from '../../lib/providers/navixy/protocol';
import { SHORT_PAGES } from '../../lib/providers/navixy/client';

/**
 * Issue 25 §1 and §3 through the real router against the emulated panel: sorting only by the
 * `order_by` values the panel accepts, paging that cannot run away, a count that can be cancelled,
 * and a count that stopped early reported as such and never saved.
 */
const panels: RunningNavixyPanel[] = [];
const start = async (opts: NavixyPanelOptions) => {
  const p = await startNavixyPanel({ rateLimitPerSecond: Infinity, ...opts });
  panels.push(p);
  return p;
};
let big: RunningNavixyPanel;
beforeAll(async () => {
  big = await start({ userCount: 2_500 });
});
afterAll(async () => {
  await Promise.all(panels.map((p) => p.close()));
});
beforeEach(() => {
  fakeBrowser.reset();
  for (const p of panels) p.reset();
  fakeBrowser.permissions.contains = async () => true;
  fakeBrowser.permissions.remove = vi.fn(async () => true);
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = (cmd: object) => route(cmd, sender()) as Promise<{ ok: boolean; value?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function signedIn(p: RunningNavixyPanel) {
  expect((await send({ type: 'addNavixyPanel', panel: p.panelOrigin, apiBase: p.apiBase })).ok).toBe(true);
  expect((await send({ type: 'navixySignIn', panel: p.panelOrigin, apiBase: p.apiBase, login: DEMO_LOGINS.admin, password: 'demo-password' })).ok).toBe(true);
  p.clearLog();
}
const lists = (p: RunningNavixyPanel) => p.requests.filter((r) => r.action === 'panel/user/list');

describe('sorting on the panel', () => {
  it.for(SORT_FIELDS.flatMap((f) => [[f, true], [f, false]] as const))('by %s (ascending: %s) is sent and accepted, and the page is in that order', async ([field, ascending]) => {
    await signedIn(big);
    const r = await send({ type: 'searchNavixyUsers', panel: big.panelOrigin, offset: 0, orderBy: field, ascending });
    expect(r.ok).toBe(true);
    expect(lists(big).map((q) => [q.status, q.body.order_by, q.body.ascending])).toEqual([[200, field, ascending]]);
    const key = (id: number) => { const v = big.user(id)[field]; return typeof v === 'string' ? v.toLowerCase() : v; };
    const ids: number[] = r.value.users.map((u: { id: number }) => u.id);
    expect(ids).toHaveLength(500);
    for (let i = 1; i < ids.length; i++) {
      const [a, b] = ascending ? [key(ids[i - 1]!), key(ids[i]!)] : [key(ids[i]!), key(ids[i - 1]!)];
      expect(a <= b).toBe(true);
    }
  });

  it('first name (which a panel refuses with code 7) is refused by the background before anything is sent', async () => {
    await signedIn(big);
    for (const orderBy of ['first_name', 'middle_name', 'balance; drop']) {
      const r = await send({ type: 'searchNavixyUsers', panel: big.panelOrigin, offset: 0, orderBy });
      expect(r).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
    }
    expect(big.requests).toEqual([]);
  });
});

describe('paging that cannot run away', () => {
  it('a count on a panel claiming 1,000,000 users with one per page stops after a few pages, says so and saves nothing', async () => {
    const p = await start({ runawayCount: { count: 1_000_000, perPage: 1 } });
    await signedIn(p);
    const r = await send({ type: 'countNavixyMfa', panel: p.panelOrigin });
    expect(r.ok).toBe(true);
    expect(r.value.outcome).toEqual({ done: 'stopped', reason: 'shortPages', read: SHORT_PAGES, total: 1_000_000, limit: 1_000_000 });
    expect(r.value.status).toMatchObject({ mfaAllowed: null, countedAt: null });
    // The count's pages and at most one more for the status read after it.
    expect(lists(p).length).toBeLessThanOrEqual(SHORT_PAGES + 1);
    expect((await getNavixySession(p.panelOrigin))?.allowedCount).toBeUndefined();
  });

  it('opening the users page of a runaway panel of 1,500 users reads a few pages, not 1,500', async () => {
    const p = await start({ runawayCount: { count: 1_500, perPage: 1 } });
    await signedIn(p);
    const r = await send({ type: 'listNavixyUsers', panel: p.panelOrigin });
    expect(r.value).toMatchObject({ mode: 'whole', count: 1_500 });
    expect(r.value.users).toHaveLength(SHORT_PAGES);
    expect(lists(p)).toHaveLength(SHORT_PAGES);
  });

  it('a count over 1,000,000 users stops at the first page and says it is too large', async () => {
    const p = await start({ runawayCount: { count: 2_000_000, perPage: 500 } });
    await signedIn(p);
    const r = await send({ type: 'countNavixyMfa', panel: p.panelOrigin });
    expect(r.value.outcome).toEqual({ done: 'stopped', reason: 'tooLarge', read: 500, total: 2_000_000, limit: 1_000_000 });
    expect(lists(p).length).toBeLessThanOrEqual(2);
  });

  it('a stopped count keeps the previous count with its time, and the reply says the new one stopped', async () => {
    const p = await start({ userCount: 1_200 });
    await signedIn(p);
    p.clearLog();
    const first = await send({ type: 'countNavixyMfa', panel: p.panelOrigin });
    expect(first.value.outcome).toMatchObject({ done: 'counted', total: 1_200 });
    // The status read after the count does not ask the permissions the count just ran with.
    expect(p.requests.filter((r) => r.action === 'panel/account/get_permissions')).toEqual([]);
    const saved = (await getNavixySession(p.panelOrigin))?.allowedCount;
    expect(saved).toMatchObject({ total: 1_200 });
    p.setUserSettings(1, { type: 'allowed', factor_types: ['email'] });
    p.setLatency(100);
    const counting = send({ type: 'countNavixyMfa', panel: p.panelOrigin });
    await vi.waitFor(async () => expect((await send({ type: 'navixyCountProgress', panel: p.panelOrigin })).value?.read).toBe(500), { timeout: 5_000, interval: 10 });
    await send({ type: 'cancelNavixyCount', panel: p.panelOrigin });
    const r = await counting;
    // The page under way when the cancel came is finished: 500 or 1,000 users read, never all 1,200.
    expect(r.value.outcome).toEqual({ done: 'stopped', reason: 'cancelled', read: expect.toBeOneOf([500, 1_000]), total: 1_200, limit: 1_000_000 });
    expect(r.value.status).toMatchObject({ mfaAllowed: saved?.allowed, countedAt: saved?.at });
    expect((await getNavixySession(p.panelOrigin))?.allowedCount).toEqual(saved);
    // A failed count keeps it too.
    p.setLatency(0);
    p.forceError({ code: 1, action: 'panel/user/list', after: 1, times: 1 });
    expect((await send({ type: 'countNavixyMfa', panel: p.panelOrigin })).ok).toBe(false);
    expect((await getNavixySession(p.panelOrigin))?.allowedCount).toEqual(saved);
  });
});

describe('cancelling a count', () => {
  it('stops the running count after its current page; progress is readable while it runs', async () => {
    const p = await start({ userCount: 20_000 });
    await signedIn(p);
    p.setLatency(40);
    expect((await send({ type: 'navixyCountProgress', panel: p.panelOrigin })).value).toBeNull();
    expect((await send({ type: 'cancelNavixyCount', panel: p.panelOrigin })).value).toBe(false);
    const counting = send({ type: 'countNavixyMfa', panel: p.panelOrigin });
    await vi.waitFor(async () => {
      const progress = (await send({ type: 'navixyCountProgress', panel: p.panelOrigin })).value;
      expect(progress?.read).toBeGreaterThanOrEqual(1000);
      expect(progress?.total).toBe(20_000);
    }, { timeout: 10_000, interval: 20 });
    expect((await send({ type: 'cancelNavixyCount', panel: p.panelOrigin })).value).toBe(true);
    const askedAtCancel = lists(p).length;
    const r = await counting;
    expect(r.value.outcome).toMatchObject({ done: 'stopped', reason: 'cancelled', total: 20_000 });
    expect(r.value.outcome.read).toBeLessThan(20_000);
    // The page under way, and the status read after the count.
    expect(lists(p).length).toBeLessThanOrEqual(askedAtCancel + 2);
    expect((await getNavixySession(p.panelOrigin))?.allowedCount).toBeUndefined();
    expect((await send({ type: 'navixyCountProgress', panel: p.panelOrigin })).value).toBeNull();
  });
});

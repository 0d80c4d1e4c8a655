// How the background turns thousands of policy ids into names with a bounded number of requests (issue 14).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedNames, CONFIRM_LIMIT, confirmBudget, MAX_CACHED_NAMES, PER_ID_LIMIT, resolveFew, resolveMany } from '../../lib/providers/docspace/background/names';
import type { DocspaceClient } from '../../lib/providers/docspace/client';
import type { AppError } from '../../lib/errors';
import { err, ok, type Result } from '../../lib/result';

const ORIGIN = 'https://big.example.com';
const idOf = (n: number) => `8d1e5b2a-7c3f-4a6e-b0d9-${n.toString(16).padStart(12, '0')}`;
const EVERYONE = 'c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e';

interface FakePortal {
  users: number;
  groups: number;
  /** Page answers: 'ok', 'forbidden', or 'endless' (every page full, no total: a broken portal). */
  listing?: 'ok' | 'forbidden' | 'endless' | 'noTotal';
  /** The listing page starting at these offsets fails (a 5xx after retries, a timeout, a dropped connection). */
  failAt?: number[];
  failKind?: AppError['kind'];
  /** Rows a listing skips, as offset paging over ties does (§12.2): a row of another page comes twice instead, pages stay full. */
  skipped?: Set<number>;
  /** 404s come without the ItemNotFoundException type (a route or a proxy, not the portal saying "no such record"). */
  bare404?: boolean;
  /** Per-id requests fail (a 5xx) for these indexes. */
  failIds?: Set<number>;
}

function fakeClient(p: FakePortal) {
  const calls = { user: 0, group: 0, peoplePage: 0, groupsPage: 0 };
  const forbidden = (): Result<never, AppError> => err({ kind: 'forbidden', origin: ORIGIN, message: 'Access denied' });
  const notFound = (): Result<never, AppError> => err({ kind: 'notFound', origin: ORIGIN, message: 'gone', ...(p.bare404 ? {} : { itemNotFound: true }) });
  const failed = (): Result<never, AppError> => err(p.failKind === 'timeout' ? { kind: 'timeout', origin: ORIGIN, ms: 10_000 } : { kind: 'server', origin: ORIGIN, status: 500 });
  const index = (id: string) => parseInt(id.slice(-12), 16);
  const page = <T>(count: number, make: (i: number) => T, start: number) => {
    if (p.listing === 'forbidden') return forbidden();
    if (p.listing === 'endless') return ok({ items: Array.from({ length: 100 }, (_, i) => make(1_000_000 + start + i)), total: null });
    if (p.failAt?.includes(start)) return failed();
    const items = Array.from({ length: Math.max(0, Math.min(100, count - start)) }, (_, i) => start + i).map((i) => {
      let j = i;
      while (p.skipped?.has(j)) j = (j + 1) % count;
      return make(j);
    });
    return ok({ items, total: p.listing === 'noTotal' ? null : count });
  };
  const client = {
    getUser: async (id: string) => {
      calls.user++;
      if (p.failIds?.has(index(id))) return failed();
      return index(id) < p.users ? ok({ id, displayName: `Person ${index(id)}`, email: null }) : notFound();
    },
    getGroup: async (id: string) => {
      calls.group++;
      if (id === EVERYONE) return ok({ id, name: 'Everyone', isSystem: true });
      return index(id) < p.groups ? ok({ id, name: `Group ${index(id)}`, isSystem: false }) : notFound();
    },
    peoplePage: async (start: number) => { calls.peoplePage++; return page(p.users, (i) => ({ id: idOf(i), displayName: `Person ${i}`, email: `p${i}@x.test` }), start); },
    groupsPage: async (start: number) => { calls.groupsPage++; return page(p.groups, (i) => ({ id: idOf(i), name: `Group ${i}`, isSystem: false }), start); },
  };
  return { api: client as unknown as DocspaceClient, calls };
}

beforeEach(() => fakeBrowser.reset());

describe('resolveMany (the policy editor)', () => {
  it('a few ids: one request each, nothing listed', async () => {
    const { api, calls } = fakeClient({ users: 50, groups: 0 });
    const ids = [idOf(1), idOf(2), idOf(99)];
    const named = await resolveMany(api, ORIGIN, 'user', ids);
    expect(named.map((e) => (e.missing ? 'deleted' : e.name))).toEqual(['Person 1', 'Person 2', 'deleted']);
    expect(calls).toMatchObject({ user: 3, peoplePage: 0 });
  });

  it('5,000 of a 6,000-account portal: pages through people/filter, far fewer requests than ids, deleted ones confirmed by id', async () => {
    const { api, calls } = fakeClient({ users: 6_000, groups: 0 });
    const ids = [...Array.from({ length: 4_990 }, (_, i) => idOf(i * 1 + 500)), ...Array.from({ length: 10 }, (_, i) => idOf(90_000 + i))];
    const named = await resolveMany(api, ORIGIN, 'user', ids.map((id, i) => (i % 7 === 0 ? id.toUpperCase() : id)));
    expect(named).toHaveLength(5_000);
    expect(named.filter((e) => e.missing)).toHaveLength(10);
    expect(named[1]).toMatchObject({ id: ids[1], name: 'Person 501', email: 'p501@x.test' });
    // The given spelling is kept (the portal compares ids case-insensitively; saving sends them back as they were).
    expect(named[7]!.id).toBe(ids[7]!.toUpperCase());
    expect(calls.peoplePage).toBeLessThanOrEqual(60 + 4);
    // The 10 the list did not hold, asked one by one: each answered 404.
    expect(calls.user).toBe(10);
    // Cached: a second open asks nothing.
    const again = fakeClient({ users: 6_000, groups: 0 });
    await resolveMany(again.api, ORIGIN, 'user', ids);
    expect(again.calls).toMatchObject({ user: 0, peoplePage: 0 });
  });

  it('switches to one request per id once that is fewer than the pages left', async () => {
    const { api, calls } = fakeClient({ users: 100_000, groups: 0 });
    // 40 ids among the first page, 5 far away: after page 1, 5 per-id requests beat 999 pages.
    const ids = [...Array.from({ length: 40 }, (_, i) => idOf(i)), ...Array.from({ length: 5 }, (_, i) => idOf(90_000 + i))];
    const named = await resolveMany(api, ORIGIN, 'user', ids);
    expect(named.every((e) => e.name)).toBe(true);
    expect(calls).toEqual({ user: 5, group: 0, peoplePage: 1, groupsPage: 0 });
  });

  it('ids the list lacks are asked by id (at most CONFIRM_LIMIT), never assumed deleted', async () => {
    const { api, calls } = fakeClient({ users: 200, groups: 0 });
    const ids = Array.from({ length: 120 }, (_, i) => idOf(i * 5)); // 0…595: 80 of them beyond the list
    const named = await resolveMany(api, ORIGIN, 'user', ids);
    expect(named.filter((e) => e.name)).toHaveLength(40);
    expect(calls.user).toBe(CONFIRM_LIMIT);
    expect(named.filter((e) => e.missing)).toHaveLength(CONFIRM_LIMIT); // the portal said 404 for each
    expect(named.filter((e) => !e.name && !e.missing).map((e) => e.unresolved)).toEqual(Array(80 - CONFIRM_LIMIT).fill('unconfirmed'));
  });

  it('groups: the tenant list, then a system group by id; a group in no list is deleted', async () => {
    const { api, calls } = fakeClient({ users: 0, groups: 250 });
    const ids = [...Array.from({ length: 40 }, (_, i) => idOf(i * 6)), EVERYONE];
    const named = await resolveMany(api, ORIGIN, 'group', ids);
    expect(named.at(-1)).toMatchObject({ id: EVERYONE, name: 'Everyone' });
    expect(named.filter((e) => e.missing).map((e) => e.id)).toEqual(ids.slice(0, 40).filter((id) => parseInt(id.slice(-12), 16) >= 250));
    expect(calls.groupsPage).toBe(3);
    expect(calls.group).toBe(1);
  });

  it('listing refused: the first ids one request each, the rest left without a name', async () => {
    const { api, calls } = fakeClient({ users: 1_000, groups: 0, listing: 'forbidden' });
    const ids = Array.from({ length: 100 }, (_, i) => idOf(i));
    const named = await resolveMany(api, ORIGIN, 'user', ids);
    expect(calls.user).toBe(CONFIRM_LIMIT);
    expect(named.filter((e) => e.name)).toHaveLength(CONFIRM_LIMIT);
    expect(named.filter((e) => e.missing || e.unresolved)).toHaveLength(0);
  });

  it('a portal whose list never ends is cut off, and what it did not name is not called deleted', async () => {
    const { api, calls } = fakeClient({ users: 0, groups: 0, listing: 'endless' });
    const ids = Array.from({ length: 80 }, (_, i) => idOf(i));
    const named = await resolveMany(api, ORIGIN, 'user', ids);
    expect(calls.peoplePage).toBeLessThanOrEqual(2_004);
    // Only what the portal itself answered 404 for is called deleted (a bounded few asked by id).
    expect(calls.user).toBe(CONFIRM_LIMIT);
    expect(named.filter((e) => e.missing)).toHaveLength(CONFIRM_LIMIT);
    expect(named.filter((e) => !e.name && !e.missing).map((e) => e.unresolved)).toEqual(Array(80 - CONFIRM_LIMIT).fill('unread'));
  });

  it('a list without a total still ends at a short page', async () => {
    const { api, calls } = fakeClient({ users: 1_234, groups: 0, listing: 'noTotal' });
    const ids = Array.from({ length: 40 }, (_, i) => idOf(2_000 + i));
    const named = await resolveMany(api, ORIGIN, 'user', ids);
    expect(named.every((e) => e.missing)).toBe(true);
    expect(calls.peoplePage).toBeLessThanOrEqual(16);
  });

  it('entries that are not ids are marked invalid and never asked for', async () => {
    const { api, calls } = fakeClient({ users: 10, groups: 0 });
    const named = await resolveMany(api, ORIGIN, 'user', ['not-a-guid', idOf(1)]);
    expect(named[0]).toEqual({ id: 'not-a-guid', name: '', invalid: true });
    expect(calls.user).toBe(1);
  });
});

describe('"deleted" only on the portal\'s word (issue 23 §2)', () => {
  const state = (e: { name: string; missing?: boolean; unresolved?: string }) => (e.missing ? 'deleted' : e.name ? 'named' : e.unresolved ?? 'hidden');
  const tally = (list: { name: string; missing?: boolean; unresolved?: string }[]) =>
    list.reduce<Record<string, number>>((out, e) => ({ ...out, [state(e)]: (out[state(e)] ?? 0) + 1 }), {});

  it.each(['server', 'timeout'] as const)('a failed page (%s) makes nobody deleted, and nothing is cached as deleted', async (failKind) => {
    // 1,000 accounts, 300 named in the policy spread over every page; the page at 300 fails, and again at 700.
    const { api } = fakeClient({ users: 1_000, groups: 0, failAt: [300, 700], failKind });
    const ids = Array.from({ length: 300 }, (_, i) => idOf(i * 3 + 1));
    const named = await resolveMany(api, ORIGIN, 'user', ids, confirmBudget());
    expect(named.filter((e) => e.missing)).toEqual([]);
    expect(named.filter((e) => !e.name).every((e) => e.unresolved === 'unread')).toBe(true);
    expect(Object.values(await cachedNames(ORIGIN)).filter((e) => e.missing)).toEqual([]);
  });

  it('a failed page: ids of it asked by id within the bound (named, or deleted on a 404), the rest unread', async () => {
    const { api, calls } = fakeClient({ users: 1_000, groups: 0, failAt: [300] });
    // 200 existing ids, 50 of them on the failed page (300…399), then 5 ids the portal never had.
    const ids = [...Array.from({ length: 200 }, (_, i) => idOf(i * 2 + 200)), ...Array.from({ length: 5 }, (_, i) => idOf(50_000 + i))];
    const named = await resolveMany(api, ORIGIN, 'user', ids, confirmBudget());
    expect(calls.user).toBe(CONFIRM_LIMIT);
    // The 50 of the failed page are named by id; the 5 beyond the bound stay unread: the listing was not whole.
    expect(tally(named)).toEqual({ named: 200, unread: 5 });
  });

  it('a complete listing that skipped people (ties, §12.2): each is confirmed by id and named; only a 404 is deleted', async () => {
    const skipped = new Set([5, 120, 121, 250]);
    const { api, calls } = fakeClient({ users: 300, groups: 0, skipped });
    const ids = [...Array.from({ length: 280 }, (_, i) => idOf(i)), idOf(7_000), idOf(7_001)];
    const named = await resolveMany(api, ORIGIN, 'user', ids, confirmBudget());
    expect(named.filter((e) => e.missing).map((e) => e.id)).toEqual([idOf(7_000), idOf(7_001)]);
    expect(named.find((e) => e.id === idOf(120))).toMatchObject({ name: 'Person 120' });
    expect(named.every((e) => e.name || e.missing)).toBe(true);
    expect(calls.user).toBe(skipped.size + 2);
    // Confirmed deletions are cached (a deleted id never comes back); skipped people are cached by name.
    const cache = await cachedNames(ORIGIN);
    expect(cache[idOf(7_000)]?.missing).toBe(true);
    expect(cache[idOf(250)]?.name).toBe('Person 250');
  });

  it('a 404 that is not the portal\'s ItemNotFoundException, or a failed confirmation, is not "deleted"', async () => {
    const bare = fakeClient({ users: 300, groups: 0, bare404: true });
    const ids = [...Array.from({ length: 40 }, (_, i) => idOf(i)), idOf(7_000)];
    const named = await resolveMany(bare.api, ORIGIN, 'user', ids, confirmBudget());
    expect(named.at(-1)).toMatchObject({ name: '', unresolved: 'unread' });
    expect(named.at(-1)?.missing).toBeUndefined();
    fakeBrowser.reset();
    const flaky = fakeClient({ users: 300, groups: 0, skipped: new Set([3]), failIds: new Set([3]) });
    const again = await resolveMany(flaky.api, ORIGIN, 'user', ids, confirmBudget());
    expect(again[3]).toMatchObject({ name: '', unresolved: 'unread' });
    expect(again[3]?.missing).toBeUndefined();
  });

  it(`at most CONFIRM_LIMIT confirmations per editor open, shared by both lists; the rest "not confirmed", never deleted`, async () => {
    expect(CONFIRM_LIMIT).toBeGreaterThanOrEqual(20);
    expect(CONFIRM_LIMIT).toBeLessThanOrEqual(100);
    const skipped = new Set(Array.from({ length: 60 }, (_, i) => i * 4)); // 60 people the listing skipped
    const { api, calls } = fakeClient({ users: 400, groups: 400, skipped });
    const ids = [...Array.from({ length: 300 }, (_, i) => idOf(i)), ...Array.from({ length: 20 }, (_, i) => idOf(9_000 + i))];
    const budget = confirmBudget();
    const [users, groups] = await Promise.all([
      resolveMany(api, ORIGIN, 'user', ids, budget),
      resolveMany(api, ORIGIN, 'group', ids, budget),
    ]);
    expect(calls.user + calls.group).toBe(CONFIRM_LIMIT);
    for (const list of [users, groups]) {
      expect(list.filter((e) => !e.name && !e.missing).every((e) => e.unresolved === 'unconfirmed')).toBe(true);
      // Whatever is called deleted is one of the 20 ids the portal never had.
      expect(list.filter((e) => e.missing).every((e) => parseInt(e.id.slice(-12), 16) >= 9_000)).toBe(true);
    }
    // 60 skipped + 20 never existed in each list: 160 to confirm, CONFIRM_LIMIT of them asked.
    const t = tally([...users, ...groups]);
    expect(t.unconfirmed).toBe(160 - CONFIRM_LIMIT);
    expect((t.named ?? 0) + (t.deleted ?? 0)).toBe(2 * 300 + CONFIRM_LIMIT - 2 * 60);
    expect(Object.values(await cachedNames(ORIGIN)).filter((e) => e.missing).length).toBe(t.deleted ?? 0);
  });
});

describe('resolveFew (the popup) and the name cache', () => {
  it('asks at most PER_ID_LIMIT ids, one request each, and only those not cached', async () => {
    const { api, calls } = fakeClient({ users: 100, groups: 0 });
    await resolveFew(api, ORIGIN, 'user', [idOf(1), idOf(2), idOf(3)]);
    expect(calls.user).toBe(3);
    const named = await resolveFew(api, ORIGIN, 'user', [idOf(1), idOf(2), idOf(3), idOf(4)]);
    expect(calls.user).toBe(4);
    expect(named.map((e) => e.name)).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4']);
    await resolveFew(api, ORIGIN, 'user', Array.from({ length: 80 }, (_, i) => idOf(10 + i)));
    expect(calls.user).toBe(4 + PER_ID_LIMIT);
  });

  it('keeps at most MAX_CACHED_NAMES per portal, dropping the oldest', async () => {
    const { api } = fakeClient({ users: MAX_CACHED_NAMES + 500, groups: 0 });
    const ids = Array.from({ length: MAX_CACHED_NAMES + 500 }, (_, i) => idOf(i));
    await resolveMany(api, ORIGIN, 'user', ids);
    const cache = await cachedNames(ORIGIN);
    expect(Object.keys(cache)).toHaveLength(MAX_CACHED_NAMES);
    expect(cache[idOf(0)]).toBeUndefined();
    expect(cache[idOf(MAX_CACHED_NAMES + 499)]?.name).toBe(`Person ${MAX_CACHED_NAMES + 499}`);
  });
});

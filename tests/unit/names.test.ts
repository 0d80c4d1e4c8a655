// How the background turns thousands of policy ids into names with a bounded number of requests (issue 14).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedNames, MAX_CACHED_NAMES, PER_ID_LIMIT, resolveFew, resolveMany } from '../../lib/providers/docspace/background/names';
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
}

function fakeClient(p: FakePortal) {
  const calls = { user: 0, group: 0, peoplePage: 0, groupsPage: 0 };
  const forbidden = (): Result<never, AppError> => err({ kind: 'forbidden', origin: ORIGIN, message: 'Access denied' });
  const notFound = (): Result<never, AppError> => err({ kind: 'notFound', origin: ORIGIN, message: 'gone' });
  const index = (id: string) => parseInt(id.slice(-12), 16);
  const page = <T>(count: number, make: (i: number) => T, start: number) => {
    if (p.listing === 'forbidden') return forbidden();
    if (p.listing === 'endless') return ok({ items: Array.from({ length: 100 }, (_, i) => make(1_000_000 + start + i)), total: null });
    const items = Array.from({ length: Math.max(0, Math.min(100, count - start)) }, (_, i) => make(start + i));
    return ok({ items, total: p.listing === 'noTotal' ? null : count });
  };
  const client = {
    getUser: async (id: string) => { calls.user++; return index(id) < p.users ? ok({ id, displayName: `Person ${index(id)}`, email: null }) : notFound(); },
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
    const named = await resolveMany(api, ORIGIN, 'user', ids, true);
    expect(named.map((e) => (e.missing ? 'deleted' : e.name))).toEqual(['Person 1', 'Person 2', 'deleted']);
    expect(calls).toMatchObject({ user: 3, peoplePage: 0 });
  });

  it('5,000 of a 6,000-account portal: pages through people/filter, far fewer requests than ids, deleted ones marked', async () => {
    const { api, calls } = fakeClient({ users: 6_000, groups: 0 });
    const ids = [...Array.from({ length: 4_990 }, (_, i) => idOf(i * 1 + 500)), ...Array.from({ length: 10 }, (_, i) => idOf(90_000 + i))];
    const named = await resolveMany(api, ORIGIN, 'user', ids.map((id, i) => (i % 7 === 0 ? id.toUpperCase() : id)), true);
    expect(named).toHaveLength(5_000);
    expect(named.filter((e) => e.missing)).toHaveLength(10);
    expect(named[1]).toMatchObject({ id: ids[1], name: 'Person 501', email: 'p501@x.test' });
    // The given spelling is kept (the portal compares ids case-insensitively; saving sends them back as they were).
    expect(named[7]!.id).toBe(ids[7]!.toUpperCase());
    expect(calls.peoplePage).toBeLessThanOrEqual(60 + 4);
    expect(calls.user).toBe(0);
    // Cached: a second open asks nothing.
    const again = fakeClient({ users: 6_000, groups: 0 });
    await resolveMany(again.api, ORIGIN, 'user', ids, true);
    expect(again.calls).toMatchObject({ user: 0, peoplePage: 0 });
  });

  it('switches to one request per id once that is fewer than the pages left', async () => {
    const { api, calls } = fakeClient({ users: 100_000, groups: 0 });
    // 40 ids among the first page, 5 far away: after page 1, 5 per-id requests beat 999 pages.
    const ids = [...Array.from({ length: 40 }, (_, i) => idOf(i)), ...Array.from({ length: 5 }, (_, i) => idOf(90_000 + i))];
    const named = await resolveMany(api, ORIGIN, 'user', ids, true);
    expect(named.every((e) => e.name)).toBe(true);
    expect(calls).toEqual({ user: 5, group: 0, peoplePage: 1, groupsPage: 0 });
  });

  it('a room admin (no terminated accounts in the list): ids the list lacks are asked by id (a bounded few), never assumed deleted', async () => {
    const { api, calls } = fakeClient({ users: 200, groups: 0 });
    const ids = Array.from({ length: 120 }, (_, i) => idOf(i * 5)); // 0…595: 80 of them beyond the list
    const named = await resolveMany(api, ORIGIN, 'user', ids, false);
    expect(named.filter((e) => e.name)).toHaveLength(40);
    expect(calls.user).toBe(PER_ID_LIMIT);
    expect(named.filter((e) => e.missing)).toHaveLength(PER_ID_LIMIT); // the portal said 404 for each
    expect(named.filter((e) => !e.name && !e.missing)).toHaveLength(80 - PER_ID_LIMIT);
  });

  it('groups: the tenant list, then a system group by id; a group in no list is deleted', async () => {
    const { api, calls } = fakeClient({ users: 0, groups: 250 });
    const ids = [...Array.from({ length: 40 }, (_, i) => idOf(i * 6)), EVERYONE];
    const named = await resolveMany(api, ORIGIN, 'group', ids, true);
    expect(named.at(-1)).toMatchObject({ id: EVERYONE, name: 'Everyone' });
    expect(named.filter((e) => e.missing).map((e) => e.id)).toEqual(ids.slice(0, 40).filter((id) => parseInt(id.slice(-12), 16) >= 250));
    expect(calls.groupsPage).toBe(3);
    expect(calls.group).toBe(1);
  });

  it('listing refused: the first ids one request each, the rest left without a name', async () => {
    const { api, calls } = fakeClient({ users: 1_000, groups: 0, listing: 'forbidden' });
    const ids = Array.from({ length: 100 }, (_, i) => idOf(i));
    const named = await resolveMany(api, ORIGIN, 'user', ids, true);
    expect(calls.user).toBe(PER_ID_LIMIT);
    expect(named.filter((e) => e.name)).toHaveLength(PER_ID_LIMIT);
    expect(named.filter((e) => e.missing)).toHaveLength(0);
  });

  it('a portal whose list never ends is cut off, and what it did not name is not called deleted', async () => {
    const { api, calls } = fakeClient({ users: 0, groups: 0, listing: 'endless' });
    const ids = Array.from({ length: 50 }, (_, i) => idOf(i));
    const named = await resolveMany(api, ORIGIN, 'user', ids, true);
    expect(calls.peoplePage).toBeLessThanOrEqual(2_004);
    // Only what the portal itself answered 404 for is called deleted (a bounded few asked by id).
    expect(calls.user).toBe(PER_ID_LIMIT);
    expect(named.filter((e) => e.missing)).toHaveLength(PER_ID_LIMIT);
    expect(named.filter((e) => !e.name && !e.missing)).toHaveLength(50 - PER_ID_LIMIT);
  });

  it('a list without a total still ends at a short page', async () => {
    const { api, calls } = fakeClient({ users: 1_234, groups: 0, listing: 'noTotal' });
    const ids = Array.from({ length: 40 }, (_, i) => idOf(2_000 + i));
    const named = await resolveMany(api, ORIGIN, 'user', ids, true);
    expect(named.every((e) => e.missing)).toBe(true);
    expect(calls.peoplePage).toBeLessThanOrEqual(16);
  });

  it('entries that are not ids are marked invalid and never asked for', async () => {
    const { api, calls } = fakeClient({ users: 10, groups: 0 });
    const named = await resolveMany(api, ORIGIN, 'user', ['not-a-guid', idOf(1)], true);
    expect(named[0]).toEqual({ id: 'not-a-guid', name: '', invalid: true });
    expect(calls.user).toBe(1);
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
    await resolveMany(api, ORIGIN, 'user', ids, true);
    const cache = await cachedNames(ORIGIN);
    expect(Object.keys(cache)).toHaveLength(MAX_CACHED_NAMES);
    expect(cache[idOf(0)]).toBeUndefined();
    expect(cache[idOf(MAX_CACHED_NAMES + 499)]?.name).toBe(`Person ${MAX_CACHED_NAMES + 499}`);
  });
});

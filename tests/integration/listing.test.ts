// Issue 23 §2 over real HTTP: the background's policy editor against the emulated portal, whose lists order ties
// anew on every request and can fail a chosen page (tests/portal/order.ts, faults.ts). "Deleted" must mean the
// portal answered 404 for that id; a failed page or a row skipped by offset paging must never make anyone deleted.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPortal, type DemoUser, type Fault, type RunningPortal } from '../portal/server';
import { DELETED_GROUPS, DELETED_USERS, bigPolicy } from '../portal/big';
import { DEMO_PASSWORD } from '../portal/demo';
import { call } from '../portal/test-client';
import { getPolicy } from '../../lib/providers/docspace/background/policy';
import { cachedNames, CONFIRM_LIMIT } from '../../lib/providers/docspace/background/names';
import type { NamedEntity } from '../../lib/providers/docspace/protocol';
import { jarFetch } from './jar-fetch';

const GUID_PATH = /^\/api\/2\.0\/(people|group)\/[0-9a-f-]{36}$/;

async function signedIn(portal: RunningPortal): Promise<void> {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = async () => true;
  fakeBrowser.action.setBadgeText = vi.fn();
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
  const f = jarFetch();
  vi.stubGlobal('fetch', f);
  portal.enrol('admin@demo.test');
  f.jar.cookies.set('asc_auth_key', await portal.signIn('admin@demo.test'));
  portal.clearLog();
}

async function editorOpen(portal: RunningPortal) {
  const r = await getPolicy({ type: 'getPolicy', origin: portal.origin });
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
}

const perIdRequests = (portal: RunningPortal) => portal.requests.filter((q) => GUID_PATH.test(q.path));
const deleted = (list: NamedEntity[]) => list.filter((e) => e.missing).map((e) => e.id);

describe('a failed page of the list (big portal: 5,000 named, 10 of them deleted)', () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal({ big: true });
  });
  afterAll(async () => {
    await portal.close();
  });
  beforeEach(async () => {
    portal.reset();
    await signedIn(portal);
  });

  it.each<[string, Fault]>([
    ['HTTP 500 on people/filter', { kind: 'status500', path: 'people/filter', query: { startIndex: '2000' } }],
    ['a dropped connection on people/filter (every retry)', { kind: 'reset', path: 'people/filter', query: { startIndex: '2000' } }],
    ['HTTP 429 on people/filter (every retry)', { kind: 'status429', retryAfterSec: 0, path: 'people/filter', query: { startIndex: '2000' } }],
  ])('%s: nobody who exists is called deleted or cached as deleted; the ids of that page are unread or named by id', async (_, fault) => {
    portal.injectFault(fault);
    const view = await editorOpen(portal);
    const failedPages = portal.requests.filter((q) => q.path === '/api/2.0/people/filter' && q.query.includes('startIndex=2000'));
    expect(failedPages.length).toBeGreaterThanOrEqual(1);
    // Only ids the portal answered 404 for: a subset of the real deletions.
    expect(deleted(view.users).every((id) => DELETED_USERS.includes(id))).toBe(true);
    const unread = view.users.filter((e) => e.unresolved === 'unread');
    expect(unread.length).toBeGreaterThan(0);
    expect(view.users.filter((e) => !e.name && !e.missing && e.unresolved !== 'unread')).toEqual([]);
    const cache = await cachedNames(portal.origin);
    expect(Object.values(cache).filter((e) => e.missing).every((e) => [...DELETED_USERS, ...DELETED_GROUPS].includes(e.id))).toBe(true);
    for (const e of unread) expect(cache[e.id]).toBeUndefined();
    expect(perIdRequests(portal).length).toBeLessThanOrEqual(CONFIRM_LIMIT + 5);

    // The page answers again: opening once more names them, and the real deletions are deleted, each after its 404.
    portal.injectFault(null);
    portal.clearLog();
    const again = await editorOpen(portal);
    expect(deleted(again.users)).toEqual([...DELETED_USERS]);
    expect(again.users.filter((e) => !e.name && !e.missing)).toEqual([]);
    const notFound = perIdRequests(portal).filter((q) => q.status === 404).map((q) => q.path.split('/').pop());
    expect(deleted(again.users).filter((id) => !cache[id]?.missing).every((id) => notFound.includes(id))).toBe(true);
  });

  it('a failed page of groups: no group that exists is called deleted', async () => {
    // 303 groups in the list; the policy names 250 of them (and 3 deleted): page 200 fails.
    portal.injectFault({ kind: 'status500', path: 'group', query: { startIndex: '200' } });
    const view = await editorOpen(portal);
    expect(portal.requests.some((q) => q.path === '/api/2.0/group' && q.query.includes('startIndex=200') && q.status === 500)).toBe(true);
    expect(deleted(view.groups).every((id) => DELETED_GROUPS.includes(id))).toBe(true);
    expect(view.groups.filter((e) => !e.name && !e.missing).every((e) => e.unresolved === 'unread')).toBe(true);
  });

  it('no failure: the 10 deleted users and 3 deleted groups are deleted, each confirmed by its own 404 ItemNotFoundException', async () => {
    const view = await editorOpen(portal);
    expect(deleted(view.users)).toEqual([...DELETED_USERS]);
    expect(deleted(view.groups)).toEqual([...DELETED_GROUPS]);
    const asked = perIdRequests(portal);
    for (const id of [...DELETED_USERS, ...DELETED_GROUPS]) {
      expect(asked.find((q) => q.path.endsWith(id))?.status, id).toBe(404);
    }
    const body = await call(portal.origin, 'GET', `people/${DELETED_USERS[0]}`, { headers: { Cookie: `asc_auth_key=${await portal.signIn('admin@demo.test')}` } });
    expect(body.json.error.type).toBe('ASC.Common.Web.ItemNotFoundException');
    expect(bigPolicy().mandatoryUsers).toHaveLength(view.users.length);
  });
});

describe('ties: offset paging over equal first names skips people (§12.2)', () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal.close();
  });

  /** `n` active accounts all called Sam, and their ids. */
  const sams = (n: number): DemoUser[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `5a000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      email: `sam${i + 1}@demo.test`,
      password: DEMO_PASSWORD,
      firstName: 'Sam',
      lastName: `Same${i + 1}`,
      displayName: `Sam Same${i + 1}`,
      role: 'user',
      groups: [],
    }));
  const gone = ['5a0000ff-0000-4000-8000-000000000001', '5a0000ff-0000-4000-8000-000000000002', '5a0000ff-0000-4000-8000-000000000003'];

  async function withSams(n: number): Promise<DemoUser[]> {
    portal.reset();
    const added = sams(n);
    portal.addUsers(added);
    portal.setPolicy({ enabled: true, mandatoryUsers: [...added.map((u) => u.id), ...gone] });
    await signedIn(portal);
    return added;
  }

  /** One whole listing as a client pages it: the ids it saw. */
  async function listOnce(): Promise<Set<string>> {
    const cookie = `asc_auth_key=${await portal.signIn('admin@demo.test')}`;
    const seen = new Set<string>();
    for (let start = 0, total = 1; start < total; start += 100) {
      const r = await call(portal.origin, 'GET', `people/filter?count=100&startIndex=${start}&fields=id`, { headers: { Cookie: cookie } });
      total = r.json.total;
      for (const p of r.json.response as { id: string }[]) seen.add(p.id);
    }
    return seen;
  }

  it('the emulator: sorted by status bucket then first name (Pending by e-mail), ties in a new order each request, so a listing skips rows', async () => {
    const added = await withSams(150);
    portal.user('erin@demo.test').pending = true;
    const cookie = `asc_auth_key=${await portal.signIn('admin@demo.test')}`;
    const page = async () => ((await call(portal.origin, 'GET', 'people/filter?count=100&startIndex=0&fields=id,firstName,status', { headers: { Cookie: cookie } })).json.response) as { id: string; firstName: string; status: number }[];
    const [a, b] = [await page(), await page()];
    expect(a.map((p) => p.id)).not.toEqual(b.map((p) => p.id));
    const statuses = (await listOnceStatuses(cookie)).map((p) => p.status);
    expect(statuses).toEqual([...statuses].sort((x, y) => (x === 4 ? 1.5 : x) - (y === 4 ? 1.5 : y)));
    const seen = await listOnce();
    expect(added.filter((u) => !seen.has(u.id)).length).toBeGreaterThan(0);
    // Stored order (no shuffle): the same page twice, nobody skipped.
    portal.shuffleTies(null);
    expect((await page()).map((p) => p.id)).toEqual((await page()).map((p) => p.id));
    const whole = await listOnce();
    expect(added.filter((u) => !whole.has(u.id))).toEqual([]);
  });

  async function listOnceStatuses(cookie: string) {
    const out: { status: number }[] = [];
    for (let start = 0, total = 1; start < total; start += 100) {
      const r = await call(portal.origin, 'GET', `people/filter?count=100&startIndex=${start}&fields=id,status`, { headers: { Cookie: cookie } });
      total = r.json.total;
      out.push(...(r.json.response as { status: number }[]));
    }
    return out;
  }

  it('the editor: every Sam the listing skipped is confirmed by id and named; only the 3 ids the portal never had are deleted', async () => {
    const added = await withSams(150);
    const view = await editorOpen(portal);
    expect(deleted(view.users)).toEqual(gone);
    expect(view.users.filter((e) => !e.name && !e.missing)).toEqual([]);
    expect(view.users.slice(0, added.length).map((e) => e.name)).toEqual(added.map((u) => u.displayName));
    const asked = perIdRequests(portal);
    // The skipped ones (some, with this seed) and the 3 gone ones, one request each.
    expect(asked.length).toBeGreaterThan(gone.length);
    expect(asked.length).toBeLessThanOrEqual(CONFIRM_LIMIT);
  });

  it(`the bound: at most CONFIRM_LIMIT (${CONFIRM_LIMIT}) ids asked one by one per editor open; the rest "not confirmed", none deleted`, async () => {
    const added = await withSams(600);
    const view = await editorOpen(portal);
    expect(perIdRequests(portal)).toHaveLength(CONFIRM_LIMIT);
    expect(deleted(view.users).every((id) => gone.includes(id))).toBe(true);
    const unconfirmed = view.users.filter((e) => e.unresolved === 'unconfirmed');
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(view.users.filter((e) => !e.name && !e.missing && e.unresolved !== 'unconfirmed')).toEqual([]);
    expect(added.filter((u) => view.users.find((e) => e.id === u.id)?.missing)).toEqual([]);
  });
});

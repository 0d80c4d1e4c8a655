import { describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getStatus, policyEntries } from '../../lib/providers/docspace/background/status';
import { startEnrolment } from '../../lib/providers/docspace/background/enrolment';
import { rememberNames, MAX_CACHED_NAMES } from '../../lib/providers/docspace/background/names';
import { MAX_ENTRY_TEXT, MAX_NAMES_BYTES } from '../../lib/providers/docspace/limits';
import type { NamedEntity } from '../../lib/providers/docspace/protocol';
import { backgroundTest } from './fixtures';

/**
 * One hostile answer cannot fill the session storage quota (issue 24 §4). Chrome allows an extension 10 MB in
 * storage.session, for every portal together; a write past it is refused, and a portal whose status cannot be written
 * cannot show one. Here fakeBrowser's session area refuses writes past the same 10 MB (counted as UTF-8 JSON), and the
 * emulated portal (or a crafted answer on one route) sends entries, names and keys of megabytes: the background keeps
 * each field within its bound (shortened and said so, or refused as a bad response) and the status stays readable.
 */
const QUOTA_BYTES = 10 * 1024 * 1024;
const sessionBytes = async () => Buffer.byteLength(JSON.stringify(await fakeBrowser.storage.session.get(null)));
const GUID = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

const it = backgroundTest
  // Chrome's storage.session quota, on the fake: a write that would pass it is refused and changes nothing.
  .extend('quota', { auto: true }, ({ fetchWithJar: _ready }) => {
    const area = fakeBrowser.storage.session;
    const set = area.set.bind(area);
    area.set = async (items: Record<string, unknown>) => {
      const after = { ...(await area.get(null)), ...items };
      if (Buffer.byteLength(JSON.stringify(after)) > QUOTA_BYTES) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      return set(items);
    };
    return QUOTA_BYTES;
  })
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  // One route of the portal answers `response` (a hostile server); every other request reaches the emulated portal.
  .extend('answer', ({ fetchWithJar }) => (path: RegExp, response: unknown) => {
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!path.test(url.pathname)) return fetchWithJar(input, init);
      return new Response(JSON.stringify({ response, count: 1, status: 0, statusCode: 200 }), { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    });
  });

const refresh = (origin: string) => getStatus({ type: 'getStatus', origin, refresh: true });

describe('policy lists: every entry is counted, long ones are kept shortened with their length', () => {
  it('two trusted-IP entries of 3 MB each: the status is read and kept, the entries shortened and marked', async ({ portal, signInAs }) => {
    const junk = 'x'.repeat(3_000_000);
    portal.setPolicy({ enabled: true, trustedIps: [junk, `${junk}y`, '10.0.0.0/8'] });
    await signInAs('admin@demo.test');
    const r = await refresh(portal.origin);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const ips = r.value.policy!.trustedIps;
    expect(ips.total).toBe(3);
    expect(ips.invalid).toBe(2);
    expect(ips.first[0]).toEqual({ id: `${'x'.repeat(MAX_ENTRY_TEXT)}…`, name: `${'x'.repeat(MAX_ENTRY_TEXT)}…`, clipped: 3_000_000, invalid: true });
    expect(ips.first[1]).toMatchObject({ clipped: 3_000_001, invalid: true });
    expect(ips.first[2]).toEqual({ id: '10.0.0.0/8', name: '10.0.0.0/8' });
    expect(await sessionBytes()).toBeLessThan(50_000);
    // The cached status is what the popup shows next.
    expect((await getStatus({ type: 'getStatus', origin: portal.origin })).ok).toBe(true);
    // "Show more" gets the same shortened entries.
    const more = await policyEntries({ type: 'policyEntries', origin: portal.origin, list: 'trustedIps', offset: 0, count: 3 });
    expect(more.ok && more.value.items.map((e) => e.clipped ?? null)).toEqual([3_000_000, 3_000_001, null]);
  });

  it('two mandatory-list entries of 3 MB that are not ids: shortened, marked, counted', async ({ portal, signInAs }) => {
    const junk = 'z'.repeat(3_000_000);
    portal.setPolicy({ enabled: true, trustedIps: [], mandatoryUsers: [junk, `${junk}!`] });
    await signInAs('admin@demo.test');
    const r = await refresh(portal.origin);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.policy!.mandatoryUsers).toEqual({
      total: 2, invalid: 2,
      first: [
        { id: `${'z'.repeat(MAX_ENTRY_TEXT)}…`, name: '', invalid: true, clipped: 3_000_000 },
        { id: `${'z'.repeat(MAX_ENTRY_TEXT)}…`, name: '', invalid: true, clipped: 3_000_001 },
      ],
    });
    expect(await sessionBytes()).toBeLessThan(50_000);
  });

  it('100,000 trusted-IP entries: the count is shown, only the first few are kept', async ({ portal, signInAs }) => {
    const many = Array.from({ length: 100_000 }, (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    portal.setPolicy({ enabled: true, trustedIps: many });
    await signInAs('admin@demo.test');
    const r = await refresh(portal.origin);
    expect(r.ok && r.value.policy!.trustedIps.total).toBe(100_000);
    expect(r.ok && r.value.policy!.trustedIps.first.map((e) => e.id)).toEqual(many.slice(0, 3));
    expect(await sessionBytes()).toBeLessThan(50_000);
  });
});

describe('names and keys: a bound each', () => {
  it('a user name of megabytes (shown when the portal gives neither name nor e-mail) is a bad response, nothing kept', async ({ portal, signInAs, answer }) => {
    await signInAs('admin@demo.test');
    const admin = portal.user('admin@demo.test');
    answer(/\/people\/@self$/, { id: admin.id, displayName: '', email: null, userName: 'u'.repeat(5_000_000), isAdmin: true });
    const r = await refresh(portal.origin);
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'badResponse' });
    expect(await sessionBytes()).toBeLessThan(50_000);
  });

  it('a long user name standing in for the name is shortened to 1,000 characters like any name', async ({ portal, signInAs, answer }) => {
    await signInAs('admin@demo.test');
    const admin = portal.user('admin@demo.test');
    answer(/\/people\/@self$/, { id: admin.id, displayName: '', email: null, userName: 'u'.repeat(3_000), isAdmin: true });
    const r = await refresh(portal.origin);
    expect(r.ok && r.value.me?.displayName).toBe('u'.repeat(1_000));
  });

  it('a confirm key of 12 MB is a bad response where it arrives: no enrolment token kept, nothing sent on with it', async ({ portal, signInAs, answer }) => {
    portal.setPolicy({ enabled: true });
    await signInAs('user@demo.test');
    const user = portal.user('user@demo.test');
    const url = `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${user.id}`;
    answer(/\/settings\/tfaapp\/confirm$/, { url, cookieName: 'asc_confirm_key', cookieValue: 'k'.repeat(12_000_000) });
    const r = await startEnrolment({ type: 'startEnrolment', origin: portal.origin });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'badResponse', where: 'GET settings/tfaapp/confirm' });
    expect(await sessionBytes()).toBeLessThan(50_000);
  });

  it('10,000 names of 1,000 emoji each: the cache keeps the newest within its byte bound, and the status still works', async ({ portal, signInAs }) => {
    const names: NamedEntity[] = Array.from({ length: MAX_CACHED_NAMES }, (_, i) => ({ id: GUID(i), name: '😀'.repeat(1_000), email: `${'e'.repeat(300)}@x.test` }));
    await rememberNames(portal.origin, names);
    const bytes = await sessionBytes();
    expect(bytes).toBeLessThanOrEqual(MAX_NAMES_BYTES + 1_000);
    const held = Object.keys(Object.values(await fakeBrowser.storage.session.get(null))[0] as object);
    expect(held.length).toBeGreaterThan(300);
    expect(held.at(-1)).toBe(GUID(MAX_CACHED_NAMES - 1));
    expect(held).not.toContain(GUID(0));
    portal.setPolicy({ enabled: true, mandatoryUsers: [GUID(MAX_CACHED_NAMES - 1)] });
    await signInAs('admin@demo.test');
    const r = await refresh(portal.origin);
    expect(r.ok && r.value.policy!.mandatoryUsers.first[0]?.name).toBe('😀'.repeat(1_000));
  });

  it('10,000 ordinary names all stay cached (the byte bound is not reached)', async ({ portal }) => {
    const names: NamedEntity[] = Array.from({ length: MAX_CACHED_NAMES }, (_, i) => ({ id: GUID(i), name: `Александра Константинова ${i}`, email: `aleksandra.konstantinova.${i}@example.com` }));
    await rememberNames(portal.origin, names);
    const held = Object.keys(Object.values(await fakeBrowser.storage.session.get(null))[0] as object);
    expect(held).toHaveLength(MAX_CACHED_NAMES);
  });
});

// Issue 26: the background coverage scan against the emulated portal (tfaAppEnabled for admins in app mode, §12.5;
// `people/filter` ordered with shuffled ties and paged by offset, §12.2; injected faults).
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { backgroundTest } from './fixtures';
import { DEMO_PASSWORD, type DemoUser } from '../portal/demo';
import { BIG_MIX } from '../portal/big';
import { startPortal, type RunningPortal } from '../portal/server';
import { cancelCoverage, coverageProgress, getCoverage, scanCoverage } from '../../lib/providers/docspace/background/coverage';
import { resetUserApp } from '../../lib/providers/docspace/background/enrolment';
import { setApiKey } from '../../lib/providers/docspace/background/status';
import { route } from '../../lib/providers/background';
import { clearSignedIn, forgetPortalData, forgetUnreachable } from '../../lib/providers/docspace/background/session';
import { coverageSessionKey, MAX_COVERAGE_BYTES, readCachedCoverage, writeCachedCoverage } from '../../lib/providers/docspace/background/coverage-cache';
import { coverageKey, readCoverageSummary } from '../../lib/providers/docspace/coverage/store';
import { accessWithdrawn } from '../../lib/background/access-generation';
import { originPattern } from '../../lib/portal/origin';
import type { CoverageReport } from '../../lib/providers/docspace/coverage/types';

const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  .extend('scan', ({ portal }) => async (): Promise<CoverageReport> => {
    const r = await scanCoverage({ type: 'scanCoverage', origin: portal.origin });
    if (!r.ok) throw new Error(`scan: ${r.error.kind}`);
    return r.value;
  });

/** `n` active users all called Sam (ties in the default order), e-mails sam0001@… */
const sams = (n: number): DemoUser[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `5a000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
    email: `sam${String(i + 1).padStart(4, '0')}@demo.test`,
    password: DEMO_PASSWORD,
    firstName: 'Sam',
    lastName: 'Same',
    displayName: 'Sam Same',
    role: 'user',
    groups: [],
  }));

const pageRequests = (portal: RunningPortal) => portal.requests.filter((q) => q.path === '/api/2.0/people/filter');
const ids = (r: CoverageReport) => r.people.map((p) => p.id.toLowerCase());

it('an admin gets every person once, hasApp as the portal holds it, e-mail order, the counts', async ({ portal, signInAs, scan }) => {
  portal.addUsers(sams(230));
  portal.setPolicy({ enabled: true, mandatoryUsers: [portal.user('carol@demo.test').id] });
  portal.enrol('admin@demo.test');
  for (const email of ['alice@demo.test', 'sam0007@demo.test', 'trent@demo.test']) portal.enrolUser(email);
  await signInAs('admin@demo.test');
  const report = await scan();
  expect(report.unavailable).toBeNull();
  expect(report.partial).toBe(false);
  expect(report.missing).toBe(0);
  expect(new Set(ids(report)).size).toBe(report.people.length);
  expect(report.people).toHaveLength(portal.users.length);
  for (const p of report.people) expect(p.hasApp, p.email ?? p.id).toBe(portal.isEnrolled(p.id));
  const active = portal.users.filter((u) => !u.terminated && !u.pending);
  const s = report.summary!;
  // sam@demo.test signs in through SSO (the emulator's demo SSO account): counted apart, never "without".
  expect(report.people.find((p) => p.email === 'sam@demo.test')).toMatchObject({ sso: true, hasApp: false });
  expect(report.people.filter((p) => p.sso).map((p) => p.email)).toEqual(portal.users.filter((u) => u.sso).map((u) => u.email));
  expect(s).toMatchObject({ mode: 'app', total: portal.users.length, read: portal.users.length, active: active.length, covered: 3, sso: 1 });
  expect(s.without).toBe(active.length - 3 - 1);
  expect(s.adminsWithout).toBe(1); // the owner
  expect(s.mandatoryWithout).toBe(1); // carol
  expect(s.meCovered).toBe(true);
  expect(s.ownerCovered).toBe(false);
  expect(report.meId).toBe(portal.user('admin@demo.test').id);
  expect(report.ownerId).toBe(portal.user('owner@demo.test').id);
  expect(report.people.find((p) => p.email === 'carol@demo.test')?.mandatory).toBe('user');
  expect(report.people.find((p) => p.email === 'trent@demo.test')?.status).toBe('disabled');
  // Sorted by e-mail, 100 a page: ceil(247/100) requests, and nothing else asked of the list.
  const pages = pageRequests(portal);
  expect(pages).toHaveLength(3);
  for (const q of pages) {
    const params = new URLSearchParams(q.query);
    expect(params.get('sortBy')).toBe('email');
    expect(params.get('count')).toBe('100');
    expect(params.get('employeeStatus')).toBeNull();
  }
  expect(await readCoverageSummary(portal.origin)).toEqual(s);
  expect((await getCoverage({ type: 'getCoverage', origin: portal.origin })).ok).toBe(true);
});

it('the owner gets the same per-person state; group mandatory through a system group', async ({ portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true, mandatoryGroups: ['cd84e66b-b803-40fc-99f9-b2969a54a1de'] });
  portal.enrol('owner@demo.test');
  await signInAs('owner@demo.test');
  const report = await scan();
  expect(report.people).toHaveLength(portal.users.length);
  expect(report.people.find((p) => p.email === 'owner@demo.test')).toMatchObject({ hasApp: true, mandatory: 'group', role: 'owner' });
  expect(report.people.find((p) => p.email === 'admin@demo.test')).toMatchObject({ hasApp: false, mandatory: 'group' });
  expect(report.people.find((p) => p.email === 'alice@demo.test')).toMatchObject({ hasApp: false, mandatory: null });
  expect(report.summary).toMatchObject({ adminsWithout: 1, mandatoryWithout: 1, meCovered: true, ownerCovered: true });
});

it.for(['roomadmin@demo.test', 'user@demo.test'])('%s is not a DocSpace admin: notAdmin, no people, no listing', async (email, { portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol(email);
  await signInAs(email);
  const report = await scan();
  expect(report).toMatchObject({ unavailable: 'notAdmin', people: [], summary: null });
  expect(pageRequests(portal)).toHaveLength(0);
  expect(await readCoverageSummary(portal.origin)).toBeNull();
});

it('an API key acts as its person: a room admin\'s key gets notAdmin, an admin\'s the list', async ({ portal }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol('roomadmin@demo.test');
  portal.enrol('admin@demo.test');
  expect((await setApiKey({ type: 'setApiKey', origin: portal.origin, key: portal.apiKeyOf('roomadmin@demo.test'), remember: false })).ok).toBe(true);
  const room = await scanCoverage({ type: 'scanCoverage', origin: portal.origin });
  expect(room.ok && room.value).toMatchObject({ unavailable: 'notAdmin', people: [] });
  expect((await setApiKey({ type: 'setApiKey', origin: portal.origin, key: portal.apiKeyOf('admin@demo.test'), remember: false })).ok).toBe(true);
  const admin = await scanCoverage({ type: 'scanCoverage', origin: portal.origin });
  expect(admin.ok && admin.value.people).toHaveLength(portal.users.length);
  expect(portal.requests.filter((q) => q.path === '/api/2.0/people/filter').every((q) => q.auth === 'apiKey')).toBe(true);
});

it('TFA off: tfaOff, no people, the last count taken while it was on', async ({ portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  const on = await scan();
  portal.setPolicy({ enabled: false });
  await signInAs('admin@demo.test');
  const off = await scan();
  expect(off).toMatchObject({ unavailable: 'tfaOff', people: [] });
  expect(off.summary).toEqual(on.summary);
  expect(await readCoverageSummary(portal.origin)).toEqual(on.summary);
});

it('SMS mode: phone activation read for everyone, mode sms, unavailable sms', async ({ portal, signInAs, scan }) => {
  portal.state.smsAvailable = true;
  portal.state.sms = { enable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
  await signInAs('admin@demo.test');
  const report = await scan();
  expect(report.unavailable).toBe('sms');
  expect(report.people).toHaveLength(portal.users.length);
  for (const p of report.people) {
    expect(p.phoneActivated, p.email ?? p.id).toBe(portal.users.find((u) => u.id === p.id)?.phoneActivated === true);
    expect(p.hasApp).toBeNull();
  }
  const phones = portal.users.filter((u) => u.phoneActivated && !u.terminated && !u.pending).length;
  expect(phones).toBeGreaterThan(0);
  expect(report.summary).toMatchObject({ mode: 'sms', covered: phones });
  expect((await readCoverageSummary(portal.origin))?.mode).toBe('sms');
});

it('a portal older than the field (no tfaAppEnabled on anyone, admin, app mode): oldPortal with the last count', async ({ portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  const before = await scan();
  // The answers of a 3.1.0 portal: the same DTO without the field (the emulator's old-portal switch).
  portal.setTfaAppField(false);
  const old = await scan();
  expect(old).toMatchObject({ unavailable: 'oldPortal', people: [] });
  expect(old.summary).toEqual(before.summary);
  expect(pageRequests(portal).filter((q) => new URLSearchParams(q.query).get('startIndex') !== '0')).toHaveLength(0);
});

it('ties in the default order do not matter: 400 Sams shuffled anew on every page, each read once, read = total', async ({ portal, signInAs, scan }) => {
  portal.addUsers(sams(400));
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  const report = await scan();
  expect(new Set(ids(report)).size).toBe(report.people.length);
  expect(report.people).toHaveLength(portal.users.length);
  expect(report.summary?.read).toBe(report.summary?.total);
  expect(report.missing).toBe(0);
});

it('a page failing once is read again; failing twice ends partial with its people missing', async ({ portal, signInAs, scan }) => {
  portal.addUsers(sams(250));
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  portal.injectFault({ kind: 'status500', path: 'people/filter', query: { startIndex: '100' }, times: 1 });
  const once = await scan();
  expect(once).toMatchObject({ partial: false, missing: 0 });
  expect(once.people).toHaveLength(portal.users.length);

  portal.injectFault({ kind: 'status500', path: 'people/filter', query: { startIndex: '100' } });
  portal.clearLog();
  const twice = await scan();
  expect(twice.partial).toBe(true);
  expect(twice.missing).toBe(100);
  expect(twice.people).toHaveLength(portal.users.length - 100);
  expect(twice.summary).toMatchObject({ total: portal.users.length, read: portal.users.length - 100 });
  expect(pageRequests(portal).filter((q) => q.query.includes('startIndex=100'))).toHaveLength(2);
});

it('an error before any page is the typed error naming the portal', async ({ portal, scan: _scan }) => {
  portal.setPolicy({ enabled: true });
  const r = await scanCoverage({ type: 'scanCoverage', origin: portal.origin });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatchObject({ kind: 'signedOut', origin: portal.origin });
});

it('progress while it runs; cancel stops after the pages in flight (partial, missing said); a second ask joins the run', async ({ portal, signInAs }) => {
  portal.addUsers(sams(1200));
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  portal.setLatency(60);
  const origin = portal.origin;
  const first = scanCoverage({ type: 'scanCoverage', origin });
  const joined = scanCoverage({ type: 'scanCoverage', origin });
  expect(joined).toBe(first);
  await vi.waitFor(async () => {
    const p = await coverageProgress({ type: 'coverageProgress', origin });
    expect(p.ok && p.value.running && p.value.read >= 100).toBe(true);
  }, { timeout: 5000, interval: 10 });
  const during = await coverageProgress({ type: 'coverageProgress', origin });
  expect(during.ok && during.value.total).toBe(portal.users.length);
  expect((await cancelCoverage({ type: 'cancelCoverage', origin })).ok).toBe(true);
  const r = await first;
  if (!r.ok) throw new Error(r.error.kind);
  expect(r.value.partial).toBe(true);
  expect(r.value.people.length).toBeLessThan(portal.users.length);
  expect(r.value.missing).toBe(portal.users.length - r.value.people.length);
  expect(new Set(ids(r.value)).size).toBe(r.value.people.length);
  expect(pageRequests(portal).filter((q) => new URLSearchParams(q.query).get('startIndex') === '0')).toHaveLength(1);
  const after = await coverageProgress({ type: 'coverageProgress', origin });
  expect(after.ok && after.value).toEqual({ running: false, read: r.value.people.length, total: portal.users.length });
});

it('the owner resets a person: the cached report and the counts on the device say so', async ({ portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true });
  for (const email of ['owner@demo.test', 'alice@demo.test', 'bob@demo.test']) portal.enrol(email);
  await signInAs('owner@demo.test');
  const before = await scan();
  const alice = portal.user('alice@demo.test').id;
  expect(before.people.find((p) => p.id === alice)?.hasApp).toBe(true);
  const r = await resetUserApp({ type: 'resetUserApp', origin: portal.origin, userId: alice });
  expect(r.ok).toBe(true);
  const cached = await getCoverage({ type: 'getCoverage', origin: portal.origin });
  if (!cached.ok || !cached.value) throw new Error('no report');
  expect(cached.value.people.find((p) => p.id === alice)?.hasApp).toBe(false);
  expect(cached.value.summary?.covered).toBe(before.summary!.covered - 1);
  expect(cached.value.summary?.without).toBe(before.summary!.without + 1);
  expect(await readCoverageSummary(portal.origin)).toEqual(cached.value.summary);
});

it('names and e-mails stay in the session storage; the device keeps counts only; sign-out and forget remove them', async ({ portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  await scan();
  const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
  for (const u of portal.users) {
    expect(local).not.toContain(u.email);
    expect(local).not.toContain(u.firstName);
  }
  const session = await fakeBrowser.storage.session.get(null);
  expect(JSON.stringify(session[`coverage:${portal.origin}`])).toContain('alice@demo.test');
  await clearSignedIn(portal.origin, null);
  expect((await getCoverage({ type: 'getCoverage', origin: portal.origin })).ok && (await getCoverage({ type: 'getCoverage', origin: portal.origin }))).toMatchObject({ value: null });
  expect(await readCoverageSummary(portal.origin)).not.toBeNull();
  await signInAs('admin@demo.test');
  await scan();
  await forgetPortalData(portal.origin);
  const all = { ...(await fakeBrowser.storage.local.get(null)), ...(await fakeBrowser.storage.session.get(null)) };
  expect(Object.keys(all)).not.toContain(coverageKey(portal.origin).slice('local:'.length));
  expect(Object.keys(all)).not.toContain(coverageSessionKey(portal.origin).slice('session:'.length));
});

/** An admin's scan of `extra` more people on a slow portal, still running, once it has read some of them. */
async function scanUnderWay(portal: RunningPortal, signInAs: (email: string) => Promise<unknown>, extra: number) {
  portal.addUsers(sams(extra));
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  portal.setLatency(40);
  const run = scanCoverage({ type: 'scanCoverage', origin: portal.origin });
  await vi.waitFor(async () => {
    const p = await coverageProgress({ type: 'coverageProgress', origin: portal.origin });
    expect(p.ok && p.value.read > 0).toBe(true);
  }, { timeout: 5000, interval: 10 });
  // In an object: an async function returning the promise itself would wait for the scan to end.
  return { run };
}

it('signed out mid-scan: the signedOut error, and nothing of the listing kept', async ({ portal, signInAs, fetchWithJar }) => {
  const { run } = await scanUnderWay(portal, signInAs, 800);
  fetchWithJar.jar.cookies.delete('asc_auth_key');
  const r = await run;
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatchObject({ kind: 'signedOut', origin: portal.origin });
  expect(await fakeBrowser.storage.session.get(`coverage:${portal.origin}`)).toEqual({});
  expect(await readCoverageSummary(portal.origin)).toBeNull();
});

it('access removed mid-scan: nothing of it is written', async ({ portal, signInAs }) => {
  const { run } = await scanUnderWay(portal, signInAs, 600);
  await accessWithdrawn([originPattern(portal.origin)]);
  const r = await run;
  expect(r.ok).toBe(false);
  expect(await readCoverageSummary(portal.origin)).toBeNull();
  expect(await fakeBrowser.storage.session.get(`coverage:${portal.origin}`)).toEqual({});
});

it('host access gone: the report and the counts go with the portal (forgetUnreachable)', async ({ portal, signInAs, scan }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  await scan();
  // Only coverage held for this portal: it is found and wiped all the same.
  await fakeBrowser.storage.local.remove(`portal:${portal.origin}`);
  await fakeBrowser.storage.session.remove(`portal:${portal.origin}`);
  fakeBrowser.permissions.contains = async () => false;
  expect(await forgetUnreachable()).toContain(portal.origin);
  const all = { ...(await fakeBrowser.storage.local.get(null)), ...(await fakeBrowser.storage.session.get(null)) };
  expect(Object.keys(all).filter((k) => k.includes(portal.origin))).toEqual([]);
});

it('a report past the session-storage bound is kept in memory only, and still answered', async ({ portal }) => {
  const people = Array.from({ length: 3000 }, (_, i) => ({
    id: `5a000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, name: 'N'.repeat(1000), email: `p${i}@x.test`, role: 'user' as const,
    status: 'active' as const, hasApp: true, phoneActivated: null, sso: false, mandatory: null, groupIds: [],
  }));
  const report: CoverageReport = { origin: portal.origin, unavailable: null, summary: null, people, missing: 0, partial: false, meId: null, ownerId: null };
  expect(JSON.stringify(report).length).toBeGreaterThan(MAX_COVERAGE_BYTES);
  await writeCachedCoverage(portal.origin, { report, lists: { mandatoryUsers: [], mandatoryGroups: [] } }, null);
  expect(await fakeBrowser.storage.session.get(`coverage:${portal.origin}`)).toEqual({});
  expect((await readCachedCoverage(portal.origin))?.report.people).toHaveLength(3000);
  await forgetPortalData(portal.origin);
  expect(await readCachedCoverage(portal.origin)).toBeNull();
});

backgroundTest('the big portal (5,017 people): 51 page requests, everyone once, read = total', async ({ fetchWithJar }) => {
  const big = await startPortal({ big: true });
  try {
    big.setPolicy({ enabled: true });
    big.enrol('admin@demo.test');
    fetchWithJar.jar.cookies.set('asc_auth_key', await big.signIn('admin@demo.test'));
    big.clearLog();
    const r = await scanCoverage({ type: 'scanCoverage', origin: big.origin });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value.people).toHaveLength(big.users.length);
    expect(new Set(ids(r.value)).size).toBe(big.users.length);
    expect(r.value.summary).toMatchObject({ total: big.users.length, read: big.users.length });
    expect(pageRequests(big)).toHaveLength(Math.ceil(big.users.length / 100));
    for (const p of r.value.people) expect(p.hasApp).toBe(big.isEnrolled(p.id));
    // The counts against the emulator's own data (BIG_MIX for the 5,000, the demo accounts besides).
    const active = big.users.filter((u) => !u.pending && !u.terminated);
    const without = active.filter((u) => !u.sso && !big.isEnrolled(u.id));
    expect(r.value.summary).toMatchObject({
      active: active.length,
      covered: active.filter((u) => big.isEnrolled(u.id)).length,
      sso: active.filter((u) => u.sso).length,
      without: without.length,
      adminsWithout: without.filter((u) => u.role === 'admin' || u.role === 'owner').length,
    });
    const byId = new Map(r.value.people.map((p) => [p.id, p]));
    for (const id of BIG_MIX.adminsWithout) expect(byId.get(id)).toMatchObject({ role: 'admin', hasApp: false, sso: false });
    for (const id of BIG_MIX.pending) expect(byId.get(id)?.status).toBe('pending');
    for (const id of BIG_MIX.disabled) expect(byId.get(id)?.status).toBe('disabled');
    for (const id of BIG_MIX.sso) expect(byId.get(id)?.sso).toBe(true);
    expect(r.value.summary!.covered / r.value.summary!.active).toBeGreaterThan(0.75);
  } finally {
    await big.close();
  }
});

it('through the router: the four commands parse and answer from the options page; a private window is refused on the browser sign-in', async ({ portal, signInAs }) => {
  portal.setPolicy({ enabled: true });
  portal.enrol('admin@demo.test');
  await signInAs('admin@demo.test');
  const page = (tab: { incognito: boolean; cookieStoreId?: string }) => ({
    id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 9, index: 0, ...tab } as Browser.tabs.Tab,
  });
  type Reply = { ok: boolean; value?: unknown; error?: { kind: string; reason?: string } };
  const send = (type: string, sender: ReturnType<typeof page>) => route({ type, origin: portal.origin }, sender) as Promise<Reply>;
  const normal = page({ incognito: false });
  expect(await send('getCoverage', normal)).toEqual({ ok: true, value: null });
  const scanned = await send('scanCoverage', normal);
  expect(scanned.ok && (scanned.value as CoverageReport).people).toHaveLength(portal.users.length);
  expect(await send('coverageProgress', normal)).toEqual({ ok: true, value: { running: false, read: portal.users.length, total: portal.users.length } });
  expect(await send('cancelCoverage', normal)).toEqual({ ok: true, value: true });
  expect((await send('getCoverage', normal)).value).toEqual(scanned.value);
  portal.clearLog();
  const priv = page({ incognito: true });
  for (const type of ['scanCoverage', 'getCoverage', 'coverageProgress', 'cancelCoverage']) {
    expect((await send(type, priv)).error, type).toMatchObject({ kind: 'notAvailable', reason: 'separateCookies' });
  }
  expect(portal.requests).toEqual([]);
});

import { describe, expect } from 'vitest';
import { GROUP_IDS } from '../portal/demo';
import { getPolicy, savePolicy, searchGroups, searchPeople } from '../../lib/providers/docspace/background/policy';
import { startEnrolment, validateCode } from '../../lib/providers/docspace/background/enrolment';
import { getSession, updateSession } from '../../lib/providers/docspace/background/session';
import type { Command } from '../../lib/providers/docspace/protocol';
import { backgroundTest } from './fixtures';

/**
 * The policy handlers against the emulated portal over real HTTP: the browser's cookie
 * sign-in is a cookie jar; the API-key variant goes through the session's auth.
 */
type Save = Omit<Extract<Command, { type: 'savePolicy' }>, 'type' | 'origin'>;
const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  .extend('useApiKey', ({ portal }) => async (email: string) => {
    await updateSession(portal.origin, (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf(email) } }));
  })
  // The review's confirmation of huge trusted blocks (10.0.0.0/8 here) given, as the page sends it once ticked.
  .extend('save', ({ portal }) => (s: Save) => savePolicy({ type: 'savePolicy', origin: portal.origin, hugeConfirmed: true, ...s }))
  .extend('puts', ({ portal }) => () => portal.requests.filter((r) => r.method === 'PUT' && /settings\/tfaapp/.test(r.path)))
  .extend('id', ({ portal }) => (email: string) => portal.user(email).id)
  // An IPv6 block goes as the range it means (fact sheet §11.2).
  .extend('lists', ({ id }) => () => ({ trustedIps: ['10.0.0.0/8', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '192.0.2.1-192.0.2.9'], mandatoryUsers: [id('alice@demo.test')], mandatoryGroups: [GROUP_IDS.finance] }));

describe('getPolicy', () => {
  it('admin: names for the lists (removed ids marked), the owner, editable', async ({ portal, signInAs, id }) => {
    const gone = '99999999-9999-4999-8999-999999999999';
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [id('alice@demo.test'), gone], mandatoryGroups: [GROUP_IDS.finance] });
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');
    const r = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value).toMatchObject({ canEdit: true, ownerId: id('owner@demo.test'), isEnrolled: true, me: { id: id('admin@demo.test'), role: 'admin' } });
    expect(r.value.policy).toMatchObject({ method: 'app', trustedIps: ['10.0.0.0/8'] });
    expect(r.value.users).toEqual([
      { id: id('alice@demo.test'), name: 'Alice Anderson', email: 'alice@demo.test' },
      { id: gone, name: '', missing: true },
    ]);
    expect(r.value.groups).toEqual([{ id: GROUP_IDS.finance, name: 'Finance' }]);
  });

  it('the owner comes from a signed-in GET settings, in one request: no scan of people, whatever the portal\'s size (fact sheet §11.3)', async ({ portal, signInAs, id }) => {
    portal.setPolicy({ enabled: true });
    await signInAs('admin@demo.test');
    portal.clearLog();
    const r = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    expect(r.ok && r.value.ownerId).toBe(id('owner@demo.test'));
    const paths = portal.requests.map((q) => q.path);
    expect(paths.filter((p) => p === '/api/2.0/settings')).toHaveLength(1);
    expect(portal.requests.find((q) => q.path === '/api/2.0/settings')?.auth).toBe('cookie');
    expect(paths.some((p) => p.startsWith('/api/2.0/people/filter') || p.startsWith('/api/2.0/people/search'))).toBe(false);
  });

  it('a plain user reads the policy but may not edit; names stay hidden from that role', async ({ portal, signInAs, id }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [id('alice@demo.test')], mandatoryGroups: [GROUP_IDS.finance] });
    portal.enrol('user@demo.test');
    await signInAs('user@demo.test');
    const r = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value.canEdit).toBe(false);
    expect(r.value.users).toEqual([{ id: id('alice@demo.test'), name: '' }]);
    expect(r.value.groups).toEqual([{ id: GROUP_IDS.finance, name: '' }]);
  });
});

describe('search', () => {
  it('finds people by name or e-mail and groups by name', async ({ portal, signInAs, id }) => {
    await signInAs('admin@demo.test');
    const people = await searchPeople({ type: 'searchPeople', origin: portal.origin, text: 'ALICE' });
    expect(people.ok && people.value).toEqual([{ id: id('alice@demo.test'), name: 'Alice Anderson', email: 'alice@demo.test' }]);
    expect(portal.requests.at(-1)?.query).toContain('filterValue=alice');
    const groups = await searchGroups({ type: 'searchGroups', origin: portal.origin, text: 'fin' });
    expect(groups.ok && groups.value).toEqual([{ id: GROUP_IDS.finance, name: 'Finance' }]);
  });

  it('a plain user may not search people (HTTP 403)', async ({ portal, signInAs }) => {
    await signInAs('user@demo.test');
    const r = await searchPeople({ type: 'searchPeople', origin: portal.origin, text: 'a' });
    expect(r.ok ? null : r.error.kind).toBe('forbidden');
  });
});

describe('savePolicy: the portal holds exactly the full body', () => {
  it('changing lists while on (API key): one full PUT, re-read matches, the enrolled admin confirms with a code', async ({ portal, useApiKey, save, puts, id, lists }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    portal.enrol('admin@demo.test');
    await useApiKey('admin@demo.test');
    portal.clearLog();
    const r = await save({ method: 'app', ...lists(), trustedIps: ['10.0.0.0/8', '2001:DB8::/32', '192.0.2.1 - 192.0.2.9', '10.0.0.0/8'] });
    if (!r.ok) throw new Error(r.error.kind);
    expect(puts().map((p) => [p.path, p.body])).toEqual([
      ['/api/2.0/settings/tfaappwithlink', { type: 'App', id: id('admin@demo.test'), ...lists() }],
    ]);
    expect(portal.getPolicy()).toEqual({ enabled: true, ...lists() });
    expect(r.value).toMatchObject({ mismatches: [], signedOut: false, enrolNext: false, policy: { method: 'app', ...lists() } });
    expect(r.value.confirmUrl).toBe(`${portal.origin}/confirm/TfaAuth?type=TfaAuth&uid=${id('admin@demo.test')}`);
  });

  it('with the browser sign-in the save signs us out: reported as expected, not as an error', async ({ portal, signInAs, save, lists }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    portal.enrol('admin@demo.test');
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', ...lists() });
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value).toMatchObject({ signedOut: true, mismatches: [], policy: { method: 'app', ...lists() } });
    expect(portal.getPolicy()).toEqual({ enabled: true, ...lists() });
    expect((await getSession(portal.origin)).me).toBeUndefined();
  });

  it('disabling: plain PUT with type None, nobody signed out, the portal clears the lists', async ({ portal, signInAs, save, puts, lists }) => {
    portal.setPolicy({ enabled: true, ...lists() });
    await signInAs('admin@demo.test');
    portal.clearLog();
    const r = await save({ method: 'none', ...lists() });
    if (!r.ok) throw new Error(r.error.kind);
    expect(puts().map((p) => [p.path, (p.body as { type: string }).type])).toEqual([['/api/2.0/settings/tfaapp', 'None']]);
    expect(r.value).toMatchObject({ signedOut: false, enrolNext: false, mismatches: [], policy: { method: 'none', trustedIps: [] } });
    expect(portal.getPolicy()).toEqual({ enabled: false, trustedIps: null, mandatoryUsers: null, mandatoryGroups: null });
  });
});

describe('savePolicy: enabling as a not-yet-enrolled admin', () => {
  it('carries the admin into enrolment; ends enrolled and signed in', async ({ portal, fetchWithJar, signInAs, save, id }) => {
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    if (!r.ok) throw new Error(r.error.kind);
    const confirmUrl = `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${id('admin@demo.test')}`;
    expect(r.value).toMatchObject({ enrolNext: true, confirmUrl, signedOut: true });
    expect((await getSession(portal.origin)).enrolment?.token).toEqual({ type: 'TfaActivation', uid: id('admin@demo.test') });
    expect(fetchWithJar.jar.get('asc_confirm_key_TfaActivation')).toBeTruthy();
    // Signed out, as everyone else:
    const before = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    expect(before.ok ? null : before.error.kind).toBe('signedOut');

    const start = await startEnrolment({ type: 'startEnrolment', origin: portal.origin, confirmUrl });
    if (!start.ok) throw new Error(start.error.kind);
    const done = await validateCode({ type: 'validateCode', origin: portal.origin, code: await portal.totp('admin@demo.test') });
    expect(done.ok && done.value.enrolled).toBe(true);
    const after = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    expect(after.ok && { enrolled: after.value.isEnrolled, method: after.value.policy.method }).toEqual({ enrolled: true, method: 'app' });
  });

  it('exempt admin (own IP trusted, not mandatory): the portal answers 500, the re-read shows it applied', async ({ portal, signInAs, save, puts }) => {
    portal.setClientIp('10.1.2.3');
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [] });
    if (!r.ok) throw new Error(r.error.kind);
    expect(puts().map((p) => p.status)).toEqual([500]);
    expect(r.value).toMatchObject({ enrolNext: false, signedOut: true, mismatches: [] });
    expect(r.value.confirmUrl).toBeUndefined();
    expect(portal.getPolicy()).toMatchObject({ enabled: true, trustedIps: ['10.0.0.0/8'] });
  });

  it('exempt admin with an API key: still signed in, re-read verified', async ({ portal, useApiKey, save }) => {
    portal.setClientIp('10.1.2.3');
    await useApiKey('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [GROUP_IDS.finance] });
    expect(r.ok && r.value).toMatchObject({ enrolNext: false, signedOut: false, mismatches: [], policy: { mandatoryGroups: [GROUP_IDS.finance] } });
  });

  it('trusted IP but in a mandatory group (Support): challenged after all, so enrol next', async ({ portal, useApiKey, save }) => {
    portal.setClientIp('10.1.2.3');
    await useApiKey('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [GROUP_IDS.support] });
    expect(r.ok && r.value).toMatchObject({ enrolNext: true, signedOut: false, mismatches: [] });
    const start = await startEnrolment({ type: 'startEnrolment', origin: portal.origin });
    expect(start.ok && start.value.account).toBe('admin@demo.test');
  });
});

describe('savePolicy: refusals and failures', () => {
  it.for(['3.7', '3.6'] as const)('owner rule of %s: a non-owner admin\'s save naming the owner is accepted by the portal, so the extension does not refuse it', async (version, { portal, signInAs, save, puts, id }) => {
    portal.setVersion(version);
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [id('owner@demo.test')], mandatoryGroups: [] });
    expect(r.ok && r.value.mismatches).toEqual([]);
    expect(puts()).toHaveLength(1);
    expect(portal.getPolicy()).toMatchObject({ enabled: true, mandatoryUsers: [id('owner@demo.test').toLowerCase()] });
  });

  it('owner guard: the owner puts themselves in, sending their own id', async ({ portal, useApiKey, save, puts, id }) => {
    portal.enrol('owner@demo.test');
    await useApiKey('owner@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [id('owner@demo.test')], mandatoryGroups: [] });
    expect(r.ok && r.value.mismatches).toEqual([]);
    expect(puts().map((p) => (p.body as { id: string }).id)).toEqual([id('owner@demo.test')]);
    expect(portal.getPolicy().mandatoryUsers).toEqual([id('owner@demo.test')]);
  });

  it('a non-admin is refused before anything is sent', async ({ signInAs, save, puts }) => {
    await signInAs('roomadmin@demo.test');
    const r = await save({ method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('Only DocSpace admins') });
    expect(puts()).toEqual([]);
  });

  it('connection cut mid-save after the portal applied it: the re-read says it was applied', async ({ portal, useApiKey, save }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    portal.enrol('admin@demo.test');
    await useApiKey('admin@demo.test');
    portal.injectFault({ path: 'settings/tfaappwithlink', kind: 'truncated', times: 1 });
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8', '192.0.2.0/24'], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok && r.value).toMatchObject({ mismatches: [], policy: { trustedIps: ['10.0.0.0/8', '192.0.2.0/24'] } });
  });

  it('enabling applied but its answer lost, signed in by cookie: never "your password is enough"; the next step is the portal\'s sign-in (issue 12 §5)', async ({ portal, signInAs, save }) => {
    await signInAs('admin@demo.test');
    portal.injectFault({ path: 'settings/tfaappwithlink', kind: 'truncated', times: 1 });
    const r = await save({ method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(portal.getPolicy().enabled).toBe(true);
    expect(r.ok && r.value).toMatchObject({ linkLost: true, enrolNext: false, signedOut: true });
    expect(r.ok && r.value.confirmUrl).toBeUndefined();
  });

  it('enabling applied but its answer lost, with an API key: the link is asked for again and enrolment continues', async ({ portal, useApiKey, save, id }) => {
    await useApiKey('admin@demo.test');
    portal.injectFault({ path: 'settings/tfaappwithlink', kind: 'truncated', times: 1 });
    const r = await save({ method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok && r.value).toMatchObject({ enrolNext: true, mismatches: [] });
    expect(r.ok && r.value.linkLost).toBeUndefined();
    expect((await getSession(portal.origin)).enrolment?.token).toMatchObject({ type: 'TfaActivation', uid: id('admin@demo.test') });
    expect((await getSession(portal.origin)).enrolment?.token.key).toBeTruthy();
    const start = await startEnrolment({ type: 'startEnrolment', origin: portal.origin });
    expect(start.ok).toBe(true);
  });

  it('applied, answer lost, and the portal really does not challenge the admin (trusted address): then, and only then, the password is enough', async ({ portal, useApiKey, save }) => {
    await useApiKey('admin@demo.test');
    portal.injectFault({ path: 'settings/tfaappwithlink', kind: 'truncated', times: 1 });
    const r = await save({ method: 'app', trustedIps: ['127.0.0.1'], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok && r.value).toMatchObject({ enrolNext: false, mismatches: [] });
    expect(r.ok && (r.value.linkLost || r.value.confirmUrl)).toBeFalsy();
  });

  it('a gateway error before the portal ran the save: the re-read shows it was not applied, the error is returned', async ({ portal, useApiKey, save }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    await useApiKey('admin@demo.test');
    portal.injectFault({ path: 'settings/tfaappwithlink', kind: 'html502', times: 1 });
    const r = await save({ method: 'app', trustedIps: ['192.0.2.0/24'], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'server', status: 502 });
    expect(portal.getPolicy().trustedIps).toEqual(['10.0.0.0/8']);
  });
});

describe('savePolicy: trusted IPs as the portal matches them (fact sheet §11.2)', () => {
  // An address in the same /32 as the office /64, but far outside it: a home connection at the same provider.
  const OFFICE = '2001:db8:0:1::/64';
  const ELSEWHERE = '2001:db8:ffff:2::9';

  it('an IPv6 /64 is saved as its range, so someone outside the /64 is still challenged; as typed the portal would exempt them', async ({ portal, useApiKey, save, puts }) => {
    portal.enrol('admin@demo.test');
    await useApiKey('admin@demo.test');
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8'] });
    portal.clearLog();
    const r = await save({ method: 'app', trustedIps: [OFFICE], mandatoryUsers: [], mandatoryGroups: [] });
    if (!r.ok) throw new Error(r.error.kind);
    const sent = (puts()[0]?.body as { trustedIps: string[] }).trustedIps;
    expect(sent).toEqual(['2001:db8:0:1::-2001:db8:0:1:ffff:ffff:ffff:ffff']);
    expect(r.value.mismatches).toEqual([]);
    const user = portal.user('user@demo.test');
    portal.setClientIp('2001:db8:0:1::77');
    expect(portal.state.appApplies(user)).toBe(false); // in the office: trusted
    portal.setClientIp(ELSEWHERE);
    expect(portal.state.appApplies(user)).toBe(true); // outside: asked for a code
    // The difference: the same block stored as typed would let the outside address skip the second factor.
    portal.setPolicy({ enabled: true, trustedIps: [OFFICE] });
    expect(portal.state.appApplies(user)).toBe(false);
  });

  it('a block stored as CIDR by another tool reads as it is stored', async ({ portal, signInAs }) => {
    portal.setPolicy({ enabled: true, trustedIps: [OFFICE] });
    await signInAs('admin@demo.test');
    const view = await getPolicy({ type: 'getPolicy', origin: portal.origin });
    expect(view.ok && view.value.policy.trustedIps).toEqual([OFFICE]);
  });
});

describe('savePolicy: SMS', () => {
  it('switching to SMS: the PhoneActivation link is the portal\'s own SMS flow, not a refused link; no enrolment token is kept', async ({ portal, signInAs, save }) => {
    portal.state.smsAvailable = true;
    try {
      await signInAs('admin@demo.test');
      const r = await save({ method: 'sms', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
      expect(r.ok && r.value).toMatchObject({ enrolNext: false, mismatches: [] });
      expect(r.ok && 'refusedLink' in r.value).toBe(false);
      expect(portal.requests.some((q) => q.path === '/api/2.0/settings/tfaappwithlink' && q.status === 200)).toBe(true);
      expect((await getSession(portal.origin)).enrolment).toBeUndefined();
    } finally {
      portal.state.smsAvailable = false;
    }
  });
});

import { describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePolicy } from '../../lib/providers/docspace/background/policy';
import { cancelEnrolment, prepareEnrolment } from '../../lib/providers/docspace/background/enrolment';
import { setApiKey, useBrowserSignIn } from '../../lib/providers/docspace/background/status';
import type { Command } from '../../lib/providers/docspace/protocol';
import { backgroundTest } from './fixtures';

/**
 * The background enforces its own rules (issue 24 §4): commands a page would never send (no confirmation for a huge
 * trusted block, a plain-http origin, an enrolment link kept for a site without host access) are refused by the
 * handler itself with a typed error, and nothing is sent, kept or written. The handlers are called directly, as a
 * buggy or future page could call them through the router.
 */
type Save = Omit<Extract<Command, { type: 'savePolicy' }>, 'type' | 'origin'>;
const HTTP_ORIGIN = 'http://portal.example';
const it = backgroundTest
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  .extend('save', ({ portal }) => (s: Omit<Save, 'mandatoryUsers' | 'mandatoryGroups'>) =>
    savePolicy({ type: 'savePolicy', origin: portal.origin, mandatoryUsers: [], mandatoryGroups: [], ...s }))
  .extend('puts', ({ portal }) => () => portal.requests.filter((r) => r.method === 'PUT' && /settings\/tfaapp/.test(r.path)))
  // A fetch that records and never reaches anything: the handlers below must not call it at all.
  .extend('offline', () => {
    const spy = vi.fn(async (): Promise<Response> => {
      throw new TypeError('no network in this test');
    });
    vi.stubGlobal('fetch', spy);
    return spy;
  });

const everything = async () => ({ local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) });

describe('savePolicy: a huge trusted block needs the confirmation from the review, worked out again by the background', () => {
  it.for([
    ['an IPv4 /8', ['10.0.0.0/8']],
    ['an IPv6 /32 sent as its range', ['2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff']],
    ['IPv4 everything in an IPv6 spelling', ['::ffff:0:0-::ffff:ffff:ffff']],
  ] as const)('%s without the confirmation: invalidInput naming it, nothing sent', async ([, ips], { portal, signInAs, save, puts }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['192.0.2.1'] });
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: [...ips, '192.0.2.1'] });
    expect(r).toEqual({ ok: false, error: { kind: 'invalidInput', origin: portal.origin, message: expect.stringContaining(ips[0]) } });
    expect(r.ok || r.error.kind !== 'invalidInput' || r.error.message).toMatch(/^Not saved: these new trusted entries trust very large address ranges/);
    expect(puts()).toEqual([]);
    expect(portal.getPolicy().trustedIps).toEqual(['192.0.2.1']);
  });

  it('small entries that together cover a huge block: refused the same way, the sentence says "together"', async ({ portal, signInAs, save, puts }) => {
    portal.setPolicy({ enabled: true, trustedIps: [] });
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/9', '10.128.0.0/9'] });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalidInput', message: expect.stringContaining('together trust a very large address range') });
    expect(puts()).toEqual([]);
  });

  it('with the confirmation the same save goes through', async ({ portal, signInAs, save, puts }) => {
    portal.setPolicy({ enabled: true, trustedIps: [] });
    await signInAs('admin@demo.test');
    const r = await save({ method: 'app', trustedIps: ['10.0.0.0/8'], hugeConfirmed: true });
    expect(r.ok).toBe(true);
    expect(puts()).toHaveLength(1);
    expect(portal.getPolicy().trustedIps).toEqual(['10.0.0.0/8']);
  });

  it('a huge block the portal already holds (in another spelling too) needs no confirmation again, nor does turning TFA off', async ({ portal, signInAs, save }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.0/8', '2001:db8::/32'] });
    await signInAs('admin@demo.test');
    const kept = await save({ method: 'app', trustedIps: ['10.0.0.0/8', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '192.0.2.7'] });
    expect(kept.ok).toBe(true);
    expect(portal.getPolicy().trustedIps).toContain('192.0.2.7');
  });

  it('a confirmation the page sends when nothing is huge changes nothing', async ({ portal, signInAs, save }) => {
    portal.setPolicy({ enabled: true, trustedIps: [] });
    await signInAs('admin@demo.test');
    expect((await save({ method: 'app', trustedIps: ['192.0.2.1'], hugeConfirmed: true })).ok).toBe(true);
    expect(portal.getPolicy().trustedIps).toEqual(['192.0.2.1']);
  });
});

describe('an origin that is not https: refused before anything is sent or written', () => {
  it('setApiKey does not send the key to a plain-http site, even with host access', async ({ offline }) => {
    const r = await setApiKey({ type: 'setApiKey', origin: HTTP_ORIGIN, key: 'sk-abcdefgh12345678', remember: true });
    expect(r).toEqual({ ok: false, error: { kind: 'notPortal', origin: HTTP_ORIGIN } });
    expect(offline).not.toHaveBeenCalled();
    expect(await everything()).toEqual({ local: {}, session: {} });
  });

  it('useBrowserSignIn writes no record (to disk) for a plain-http site', async ({ offline }) => {
    const r = await useBrowserSignIn({ type: 'useBrowserSignIn', origin: HTTP_ORIGIN });
    expect(r).toEqual({ ok: false, error: { kind: 'notPortal', origin: HTTP_ORIGIN } });
    expect(offline).not.toHaveBeenCalled();
    expect(await everything()).toEqual({ local: {}, session: {} });
  });

  it('prepareEnrolment keeps no token for a plain-http site (its own http link included)', async () => {
    const link = `${HTTP_ORIGIN}/confirm/TfaActivation?type=TfaActivation&uid=11111111-1111-4111-8111-111111111111`;
    const r = await prepareEnrolment({ type: 'prepareEnrolment', origin: HTTP_ORIGIN, confirmUrl: link });
    expect(r).toEqual({ ok: false, error: { kind: 'notPortal', origin: HTTP_ORIGIN } });
    expect(await everything()).toEqual({ local: {}, session: {} });
  });

  it('cancelEnrolment creates no session record for a plain-http site', async () => {
    const r = await cancelEnrolment({ type: 'cancelEnrolment', origin: HTTP_ORIGIN });
    expect(r).toEqual({ ok: false, error: { kind: 'notPortal', origin: HTTP_ORIGIN } });
    expect(await everything()).toEqual({ local: {}, session: {} });
  });
});

describe('host access: nothing is kept for a site the user has not granted', () => {
  it('prepareEnrolment without host access: noPermission, no confirm token kept', async ({ portal }) => {
    fakeBrowser.permissions.contains = async () => false;
    const link = `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${portal.user('admin@demo.test').id}`;
    const r = await prepareEnrolment({ type: 'prepareEnrolment', origin: portal.origin, confirmUrl: link });
    expect(r).toEqual({ ok: false, error: { kind: 'noPermission', origin: portal.origin } });
    expect(await everything()).toEqual({ local: {}, session: {} });
  });

  it('prepareEnrolment with host access keeps the token (what the popup does)', async ({ portal }) => {
    const link = `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${portal.user('admin@demo.test').id}`;
    expect(await prepareEnrolment({ type: 'prepareEnrolment', origin: portal.origin, confirmUrl: link })).toEqual({ ok: true, value: true });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(portal.user('admin@demo.test').id);
  });

  it('useBrowserSignIn without host access: noPermission, no record written', async ({ portal }) => {
    fakeBrowser.permissions.contains = async () => false;
    const r = await useBrowserSignIn({ type: 'useBrowserSignIn', origin: portal.origin });
    expect(r).toEqual({ ok: false, error: { kind: 'noPermission', origin: portal.origin } });
    expect(await everything()).toEqual({ local: {}, session: {} });
  });
});

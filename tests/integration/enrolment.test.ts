import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createGuardrails, generate } from 'otplib';
import { startPortal, type RunningPortal } from '../portal/server';
import { CookieJar, passwordSignIn } from '../portal/test-client';
import {
  cancelEnrolment, getBackupCodes, regenerateBackupCodes, resetMyApp, resetUserApp, startEnrolment, validateCode,
} from '../../lib/background/enrolment';
import { route } from '../../lib/background/router';
import { getSession, updateSession } from '../../lib/background/session';
import type { EnrolmentStart } from '../../lib/protocol';
import { jarFetch } from './jar-fetch';

/**
 * The real enrolment handlers against the emulated portal over real HTTP. The browser's
 * cookie handling is played by a jar (HttpOnly confirm and sign-in cookies included).
 */
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal.close();
});

let fetchWithJar: ReturnType<typeof jarFetch>;
function useJar(jar = new CookieJar()) {
  fetchWithJar = jarFetch(jar);
  vi.stubGlobal('fetch', fetchWithJar);
}
beforeEach(() => {
  fakeBrowser.reset();
  portal.reset();
  portal.setVersion('3.7');
  fakeBrowser.permissions.contains = async () => true;
  useJar();
});
afterEach(() => {
  vi.useRealTimers();
});

const origin = () => portal.origin;
const codeFor = (secret: string, atMs = Date.now()) =>
  generate({ secret, epoch: Math.floor(atMs / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
const paths = () => portal.requests.map((r) => `${r.method} ${r.path}`);

/** Signed in through the browser, then the admin turned the policy on (this session predates it). */
async function signedInUnderPolicy(role: string) {
  const user = portal.user(role);
  fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(user.email));
  portal.setPolicy({ enabled: true });
  return user;
}

async function start(confirmUrl?: string): Promise<EnrolmentStart> {
  const r = await startEnrolment({ type: 'startEnrolment', origin: origin(), ...(confirmUrl ? { confirmUrl } : {}) });
  if (!r.ok) throw new Error(`startEnrolment: ${JSON.stringify(r.error)}`);
  return r.value;
}
const validate = (code: string) => validateCode({ type: 'validateCode', origin: origin(), code });

async function everythingStoredLocally(): Promise<string> {
  return JSON.stringify(await browser.storage.local.get(null));
}

describe.each(['3.7', '3.6'] as const)('enrolment on DocSpace %s', (version) => {
  beforeEach(() => portal.setVersion(version));

  it('signed in, not enrolled: confirm → setup → local code → validate → backup codes', async () => {
    const user = await signedInUnderPolicy('user');
    const s = await start();
    expect(s).toMatchObject({ account: user.email, issuer: '127.0.0.1', attemptsLeft: 5 });
    expect(s.setupKey).toBe(portal.secretOf(user.email));
    expect(s.otpauthUri).toBe(`otpauth://totp/127.0.0.1:${encodeURIComponent(user.email)}?secret=${s.setupKey}&issuer=127.0.0.1`);
    expect(s.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(Math.abs(s.serverClockOffsetMs ?? Infinity)).toBeLessThan(1500);
    // Only the confirm token is kept, in session storage; the setup key is in neither area.
    const session = await getSession(origin());
    expect(session.enrolment?.token).toMatchObject({ type: 'TfaActivation', uid: user.id });
    expect(session.enrolment?.token.key ? 'key' : 'cookie').toBe(version === '3.7' ? 'key' : 'cookie');
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain(s.setupKey);
    expect(await everythingStoredLocally()).not.toContain(s.setupKey);

    const done = await validate(await codeFor(s.setupKey));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.enrolled).toBe(true);
    expect(done.value.backupCodes).toEqual(portal.backupCodes(user.email));
    expect(done.value.backupCodes).toHaveLength(5);
    expect((await getSession(origin())).enrolment).toBeUndefined();
    const stored = JSON.stringify(await browser.storage.session.get(null)) + (await everythingStoredLocally());
    for (const c of done.value.backupCodes) expect(stored).not.toContain(c.code);
  });

  it('from the activation page after a password sign-in (not signed in; key in the HttpOnly cookie)', async () => {
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    const { jar, reply } = await passwordSignIn(origin(), user.email);
    const confirmUrl = reply.json.response.confirmUrl as string;
    expect(confirmUrl).toContain('/confirm/TfaActivation?');
    expect(jar.get('asc_auth_key')).toBeUndefined();
    useJar(jar);
    portal.clearLog();
    const s = await start(confirmUrl);
    expect(paths()).toEqual(['GET /api/2.0/settings/tfaapp/setup']);
    expect((await getSession(origin())).enrolment?.token.key).toBeUndefined();
    const done = await validate(await codeFor(s.setupKey));
    expect(done.ok && done.value.backupCodes.length).toBe(5);
    // The portal's sign-in cookie now reaches the background.
    expect(jar.get('asc_auth_key')).toBeTruthy();
  });
});

describe('start', () => {
  it('refuses a confirm link to another site without contacting anyone', async () => {
    await signedInUnderPolicy('user');
    portal.clearLog();
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin(), confirmUrl: 'https://evil.example/confirm/TfaActivation?type=TfaActivation&uid=0b1e4f3a-2f6c-4c55-9b1d-4f3c2b1a0e9d' });
    expect(r.ok ? null : r.error.kind).toBe('unsafeUrl');
    expect(portal.requests).toHaveLength(0);
  });

  it('an expired activation cookie falls back to a fresh key for a signed-in user', async () => {
    const user = await signedInUnderPolicy('user');
    const link = `${origin()}/confirm/TfaActivation?type=TfaActivation&uid=${user.id}`;
    const s = await start(link);
    expect(s.setupKey).toBe(portal.secretOf(user.email));
    expect(paths()).toContain('GET /api/2.0/settings/tfaapp/confirm');
  });

  it('already enrolled: notAvailable, no setup key', async () => {
    const user = await signedInUnderPolicy('user');
    portal.enrol(user.email);
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(r.ok ? null : r.error.kind).toBe('notAvailable');
    expect((await getSession(origin())).enrolment).toBeUndefined();
  });

  it('policy off: notAvailable', async () => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(portal.user('user').email));
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(r.ok ? null : r.error.kind).toBe('notAvailable');
  });

  it('no host permission: noPermission before any request', async () => {
    fakeBrowser.permissions.contains = async () => false;
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(r.ok ? null : r.error.kind).toBe('noPermission');
    expect(portal.requests).toHaveLength(0);
  });

  it('reports the portal clock offset', async () => {
    await signedInUnderPolicy('user');
    portal.setClockOffset(120_000);
    const s = await start();
    expect(s.serverClockOffsetMs).toBeGreaterThan(118_000);
    expect(s.serverClockOffsetMs).toBeLessThan(121_500);
  });

  it('a reopened page resumes with the stored token (someone who came from the activation page is not signed in)', async () => {
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    const { jar, reply } = await passwordSignIn(origin(), user.email);
    useJar(jar);
    await start(reply.json.response.confirmUrl as string);
    portal.clearLog();
    const again = await start();
    expect(again.setupKey).toBe(portal.secretOf(user.email));
    expect(paths()).toEqual(['GET /api/2.0/settings/tfaapp/setup']);
  });

  it('a stored token of someone else is not resumed after another person signed in', async () => {
    const ann = await signedInUnderPolicy('user');
    await start();
    const admin = portal.user('admin');
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(admin.email));
    await updateSession(origin(), (s) => ({ ...s, me: { id: admin.id, displayName: admin.displayName, email: admin.email, role: 'admin' } }));
    portal.clearLog();
    const s = await start();
    expect(s.account).toBe(admin.email);
    expect(paths()).toEqual(['GET /api/2.0/settings/tfaapp/confirm', 'GET /api/2.0/settings/tfaapp/setup']);
    expect((await getSession(origin())).enrolment?.token.uid).toBe(admin.id);
    expect(admin.id).not.toBe(ann.id);
  });

  it('works through the router for our own pages', async () => {
    await signedInUnderPolicy('user');
    const r = await route({ type: 'startEnrolment', origin: origin() }, { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
    expect(r.ok && (r.value as EnrolmentStart).setupKey).toMatch(/^[A-Z2-7]{16}$/);
  });
});

describe('validate', () => {
  it('the policy switched off during setup: the portal answers false and enrols nobody; never reported as connected (fact sheet §11.3)', async () => {
    const user = await signedInUnderPolicy('user');
    const s = await start();
    portal.setPolicy({ enabled: false });
    const r = await validate(await codeFor(s.setupKey));
    expect(r).toEqual({ ok: false, error: { kind: 'notAvailable', origin: origin(), message: 'Nothing was set up', reason: 'notApplied' } });
    expect(portal.requests.filter((q) => q.path === '/api/2.0/settings/tfaapp/validate').map((q) => q.status)).toEqual([200]);
    expect(portal.backupCodes(user.email)).toEqual([]);
    expect((await getSession(origin())).enrolment).toBeUndefined();
  });

  it('a code 3 minutes ahead is accepted by the portal (±5 min window)', async () => {
    await signedInUnderPolicy('user');
    const s = await start();
    const r = await validate(await codeFor(s.setupKey, Date.now() + 180_000));
    expect(r.ok).toBe(true);
  });

  it('a wrong code: wrongCode with the attempts left', async () => {
    await signedInUnderPolicy('user');
    await start();
    const first = await validate('000000');
    expect(first).toEqual({ ok: false, error: { kind: 'wrongCode', origin: origin(), attemptsLeft: 4 } });
    const second = await validate('000001');
    expect(second.ok ? null : second.error).toMatchObject({ kind: 'wrongCode', attemptsLeft: 3 });
  });

  it('five wrong codes lock; the sixth is answered locally (not sent: it would extend the lock); after a minute it works', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now());
    await signedInUnderPolicy('user');
    const s = await start();
    for (let i = 0; i < 5; i++) await validate(String(100000 + i));
    portal.clearLog();
    const locked = await validate(await codeFor(s.setupKey));
    expect(locked.ok ? null : locked.error.kind).toBe('tooManyAttempts');
    if (locked.ok || locked.error.kind !== 'tooManyAttempts') return;
    expect(locked.error.retryAt - Date.now()).toBeGreaterThan(55_000);
    expect(locked.error.retryAt - Date.now()).toBeLessThanOrEqual(60_000);
    expect(paths()).toEqual([]);
    // The start screen reports no attempts left meanwhile.
    expect((await start()).attemptsLeft).toBe(0);
    vi.setSystemTime(Date.now() + 61_000);
    const later = await validate(await codeFor(s.setupKey));
    expect(later.ok).toBe(true);
  });

  it('a lock we did not count (attempts made elsewhere) comes back from the portal as tooManyAttempts', async () => {
    await signedInUnderPolicy('user');
    await start();
    for (let i = 0; i < 5; i++) await validate(String(200000 + i));
    // Forget our own count, as if the attempts had been made on the portal's page.
    await browser.storage.session.remove(`enrolmentAttempts:${origin()}`);
    portal.clearLog();
    const r = await validate('123456');
    expect(r.ok ? null : r.error.kind).toBe('tooManyAttempts');
    expect(paths()).toEqual(['POST /api/2.0/settings/tfaapp/validate']);
    const next = await validate('123456');
    expect(next.ok ? null : next.error.kind).toBe('tooManyAttempts');
    expect(paths()).toHaveLength(1);
  });

  it('cancel drops the token: validate then says no setup is in progress', async () => {
    await signedInUnderPolicy('user');
    const s = await start();
    expect(await cancelEnrolment({ type: 'cancelEnrolment', origin: origin() })).toEqual({ ok: true, value: true });
    expect((await getSession(origin())).enrolment).toBeUndefined();
    const r = await validate(await codeFor(s.setupKey));
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', message: 'No setup in progress' });
  });

  it('with a pasted API key (3.7): the confirm endpoint key is used, no cookies needed', async () => {
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf(user.email) } }));
    const s = await start();
    expect((await getSession(origin())).enrolment?.token.key).toBeTruthy();
    const r = await validate(await codeFor(s.setupKey));
    expect(r.ok && r.value.backupCodes).toEqual(portal.backupCodes(user.email));
  });
});

describe('backup codes', () => {
  it('lists (used ones included) and regenerates; the old set stops working', async () => {
    const user = await signedInUnderPolicy('user');
    const { backupCodes } = portal.enrol(user.email);
    const list = await getBackupCodes({ type: 'getBackupCodes', origin: origin() });
    expect(list.ok && list.value.map((c) => c.code)).toEqual(backupCodes);
    const fresh = await regenerateBackupCodes({ type: 'regenerateBackupCodes', origin: origin() });
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(fresh.value).toHaveLength(5);
    expect(fresh.value.every((c) => !c.isUsed)).toBe(true);
    expect(fresh.value.map((c) => c.code)).not.toEqual(backupCodes);
    expect(portal.backupCodes(user.email)).toEqual(fresh.value);
  });

  it('not enrolled: notAvailable', async () => {
    await signedInUnderPolicy('user');
    const r = await getBackupCodes({ type: 'getBackupCodes', origin: origin() });
    expect(r.ok ? null : r.error.kind).toBe('notAvailable');
  });
});

describe('reset', () => {
  it('my own: reset with my id, then straight into enrolment with a new key', async () => {
    const user = await signedInUnderPolicy('user');
    const { secret: old } = portal.enrol(user.email);
    const r = await resetMyApp({ type: 'resetMyApp', origin: origin() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(portal.requests.find((q) => q.path === '/api/2.0/settings/tfaappnewapp')).toBeTruthy();
    expect(r.value.setupKey).not.toBe(old);
    expect(r.value.setupKey).toBe(portal.secretOf(user.email));
    const done = await validate(await codeFor(r.value.setupKey));
    expect(done.ok && done.value.enrolled).toBe(true);
  });

  it('the owner resets another user; that user must enrol again', async () => {
    const ownerUser = await signedInUnderPolicy('owner');
    portal.enrol(ownerUser.email);
    const target = portal.user('user');
    portal.enrol(target.email);
    const r = await resetUserApp({ type: 'resetUserApp', origin: origin(), userId: target.id });
    expect(r).toEqual({ ok: true, value: true });
    expect(portal.backupCodes(target.email)).toEqual([]);
  });

  it('an admin who is not the owner is told only the owner can, without a request that would get a 403', async () => {
    await signedInUnderPolicy('admin');
    const target = portal.user('user');
    portal.enrol(target.email);
    portal.clearLog();
    const r = await resetUserApp({ type: 'resetUserApp', origin: origin(), userId: target.id });
    expect(r.ok ? null : r.error.kind).toBe('ownerOnly');
    expect(paths()).toEqual(['GET /api/2.0/people/@self']);
  });

  it('the owner resetting someone not enrolled: notAvailable', async () => {
    const ownerUser = await signedInUnderPolicy('owner');
    portal.enrol(ownerUser.email);
    const r = await resetUserApp({ type: 'resetUserApp', origin: origin(), userId: portal.user('user').id });
    expect(r.ok ? null : r.error.kind).toBe('notAvailable');
  });
});

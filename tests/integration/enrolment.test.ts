import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createGuardrails, generate } from 'otplib';
import { startPortal, type RunningPortal } from '../portal/server';
import { CookieJar, passwordSignIn } from '../portal/test-client';
import {
  cancelEnrolment, getBackupCodes, prepareEnrolment, regenerateBackupCodes, resetMyApp, resetUserApp, startEnrolment, validateCode,
} from '../../lib/providers/docspace/background/enrolment';
import { route } from '../../lib/providers/background';
import { getSession, updateSession } from '../../lib/providers/docspace/background/session';
import type { EnrolmentStart } from '../../lib/providers/docspace/protocol';
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
    expect(s).toMatchObject({ account: user.email, issuer: '127.0.0.1', attemptsLeft: null, attemptLimit: null });
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
    // Who is signed in is asked first: nobody (401), so the stored token is theirs to resume.
    expect(paths()).toEqual(['GET /api/2.0/people/@self', 'GET /api/2.0/settings/tfaapp/setup']);
  });

  it('a stored token is not resumed for someone else even when the background still remembers the earlier person', async () => {
    await signedInUnderPolicy('user');
    await start();
    const admin = portal.user('admin');
    // Another person signs in in this browser; no status was read since, so the remembered "me" is stale.
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(admin.email));
    const s = await start();
    expect(s.account).toBe(admin.email);
    expect((await getSession(origin())).enrolment?.token.uid).toBe(admin.id);
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
    // Who is signed in now is asked (not taken from memory); the admin's setup also reads the code limit (admins only).
    expect(paths()).toEqual(['GET /api/2.0/people/@self', 'GET /api/2.0/settings/tfaapp/confirm', 'GET /api/2.0/settings/tfaapp/setup', 'GET /api/2.0/settings/security/loginSettings']);
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

  it('a wrong code as a non-admin: wrongCode without a promised count (the portal\'s limit is admin-only)', async () => {
    await signedInUnderPolicy('user');
    const s = await start();
    expect(s).toMatchObject({ attemptsLeft: null, attemptLimit: null });
    const first = await validate('000000');
    expect(first).toEqual({ ok: false, error: { kind: 'wrongCode', origin: origin() } });
  });

  it('an admin reads the portal\'s own limit (3 here): attempts left count down from it and the 4th is answered locally', async () => {
    portal.state.attemptLimit = 3;
    const admin = await signedInUnderPolicy('admin');
    // The popup's status read has told the background who is signed in.
    await updateSession(origin(), (x) => ({ ...x, me: { id: admin.id, displayName: admin.displayName, email: admin.email, role: 'admin' } }));
    const s = await start();
    expect(s).toMatchObject({ attemptsLeft: 3, attemptLimit: 3 });
    expect(paths()).toContain('GET /api/2.0/settings/security/loginSettings');
    const left = [];
    for (let i = 0; i < 3; i++) {
      const r = await validate(String(300000 + i));
      left.push(r.ok ? null : r.error.kind === 'wrongCode' ? r.error.attemptsLeft : r.error.kind);
    }
    expect(left).toEqual([2, 1, 0]);
    portal.clearLog();
    const locked = await validate(await codeFor(s.setupKey));
    expect(locked.ok ? null : locked.error.kind).toBe('tooManyAttempts');
    expect(paths()).toEqual([]);
  });

  it('a portal that allows 7 codes: the 6th is sent and accepted (no fixed limit of 5 invented by the extension)', async () => {
    portal.state.attemptLimit = 7;
    await signedInUnderPolicy('user');
    const s = await start();
    for (let i = 0; i < 5; i++) await validate(String(400000 + i));
    const sixth = await validate(await codeFor(s.setupKey));
    expect(sixth.ok).toBe(true);
  });

  it('the portal\'s lock: refused as tooManyAttempts, then answered locally until a minute after the last counted code; the refused call does not extend it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.now();
    vi.setSystemTime(t0);
    await signedInUnderPolicy('user');
    const s = await start();
    for (let i = 0; i < 5; i++) {
      vi.setSystemTime(t0 + i * 1000);
      await validate(String(100000 + i));
    }
    const lastCounted = t0 + 4000;
    const portalLastCounted = portal.state.now(); // the same moment on the portal's clock
    vi.setSystemTime(t0 + 10_000);
    portal.clearLog();
    const locked = await validate(await codeFor(s.setupKey));
    expect(locked.ok ? null : locked.error).toMatchObject({ kind: 'tooManyAttempts', retryAt: lastCounted + 60_000 });
    expect(paths()).toEqual(['POST /api/2.0/settings/tfaapp/validate']);
    expect(portal.state.codeAttempts.expiresAt(portal.state.codeAttemptKey(portal.user('user').id))).toBe(portalLastCounted + 60_000);
    portal.clearLog();
    const again = await validate(await codeFor(s.setupKey));
    expect(again.ok ? null : again.error.kind).toBe('tooManyAttempts');
    expect(paths()).toEqual([]);
    vi.setSystemTime(lastCounted + 61_000);
    const later = await validate(await codeFor(s.setupKey, lastCounted + 61_000));
    expect(later.ok).toBe(true);
  });

  it('attempts are kept per user: another account enrolling on the same portal is not locked by the first one\'s codes', async () => {
    await signedInUnderPolicy('user');
    await start();
    for (let i = 0; i < 6; i++) await validate(String(500000 + i));
    expect((await validate('123456')).ok ? null : 'locked').toBe('locked');
    await cancelEnrolment({ type: 'cancelEnrolment', origin: origin() });
    useJar();
    const other = await signedInUnderPolicy('alice@demo.test');
    const s = await start();
    portal.clearLog();
    const r = await validate(await codeFor(s.setupKey));
    expect(r.ok).toBe(true);
    expect(paths()[0]).toBe('POST /api/2.0/settings/tfaapp/validate');
    expect(other.email).toBe('alice@demo.test');
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

describe('prepareEnrolment: the activation link goes to the background, never into a page address (issue 12 §5)', () => {
  it('a portal activation link is kept as a token; the setup then starts from it with no confirm-data call', async () => {
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    const { jar, reply } = await passwordSignIn(origin(), user.email);
    const confirmUrl = reply.json.response.confirmUrl as string;
    useJar(jar);
    const r = await prepareEnrolment({ type: 'prepareEnrolment', origin: origin(), confirmUrl });
    expect(r).toEqual({ ok: true, value: true });
    expect((await getSession(origin())).enrolment?.token).toMatchObject({ type: 'TfaActivation', uid: user.id });
    portal.clearLog();
    const s = await start();
    expect(s.setupKey).toBe(portal.secretOf(user.email));
    expect(paths()).not.toContain('GET /api/2.0/settings/tfaapp/confirm');
  });

  it('a link to another site is refused and nothing is kept', async () => {
    const r = await prepareEnrolment({ type: 'prepareEnrolment', origin: origin(), confirmUrl: `https://evil.example/confirm/TfaActivation?type=TfaActivation&uid=${portal.user('user').id}` });
    expect(r.ok ? null : r.error.kind).toBe('unsafeUrl');
    expect((await getSession(origin())).enrolment).toBeUndefined();
  });
});

describe('what only the portal can do (fact sheet §11.3)', () => {
  it('an SMS policy: the PhoneActivation link is the portal\'s own SMS flow, reported as such (not an unsafe link)', async () => {
    const user = portal.user('user');
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(user.email));
    portal.state.smsAvailable = true;
    portal.state.sms = { enable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
    try {
      portal.clearLog();
      const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
      expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', reason: 'sms' });
      expect(paths()).not.toContain('GET /api/2.0/settings/tfaapp/setup');
      expect((await getSession(origin())).enrolment).toBeUndefined();
    } finally {
      portal.state.smsAvailable = false;
    }
  });

  it('DocSpace 3.6 with an API key: enrolment needs the browser sign-in, said before anything is set up', async () => {
    portal.setVersion('3.6');
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf(user.email) } }));
    portal.clearLog();
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', reason: 'needsBrowserSignIn' });
    expect(paths()).not.toContain('GET /api/2.0/settings/tfaapp/setup');
  });

  it('DocSpace 3.6 with an API key: resetting my app is refused before the reset (the new one could not be set up here)', async () => {
    portal.setVersion('3.6');
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    portal.enrol(user.email);
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf(user.email) } }));
    portal.clearLog();
    const r = await resetMyApp({ type: 'resetMyApp', origin: origin() });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', reason: 'needsBrowserSignIn' });
    expect(paths()).not.toContain('PUT /api/2.0/settings/tfaappnewapp');
    expect(portal.backupCodes(user.email).length).toBeGreaterThan(0);
  });

  it('DocSpace 3.7 with an API key still enrols (the confirm answer carries the key)', async () => {
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf(user.email) } }));
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(r.ok).toBe(true);
  });
});

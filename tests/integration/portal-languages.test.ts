import { describe, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { call } from '../portal/test-client';
import { getBackupCodes, resetUserApp, startEnrolment, validateCode } from '../../lib/providers/docspace/background/enrolment';
import { getStatus } from '../../lib/providers/docspace/background/status';
import { backgroundTest } from './fixtures';

/**
 * Fact sheet §11.1: a real portal answers errors in the caller's language (the user's own, else the portal's).
 * The real background handlers against the emulated portal, with a Russian-culture user and a German-culture
 * portal: a wrong code is still a wrong code, the lock is still the lock, "not available" still means it.
 */
const it = backgroundTest
  .extend('origin', ({ portal }) => () => portal.origin)
  .extend('validate', ({ origin }) => (code: string) => validateCode({ type: 'validateCode', origin: origin(), code }))
  .extend('signInUnderPolicy', ({ portal, fetchWithJar }) => async (role: string) => {
    const user = portal.user(role);
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(user.email));
    portal.setPolicy({ enabled: true });
    return user;
  })
  /** What the portal itself answered to the last request to `path` (the raw error message, in its language). */
  .extend('rawError', ({ origin, fetchWithJar }) => async (method: string, path: string, headers: Record<string, string> = {}): Promise<string> => {
    const r = await call(origin(), method, path, { jar: fetchWithJar.jar, headers, ...(method === 'GET' ? {} : { body: { code: '000000' } }) });
    return (r.json as { error?: { message?: string } } | undefined)?.error?.message ?? '';
  });
it.beforeEach(() => {
  fakeBrowser.permissions.getAll = async () => ({ origins: ['http://127.0.0.1/*'], permissions: [] });
  fakeBrowser.action.setBadgeText = vi.fn();
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn();
  fakeBrowser.action.setTitle = vi.fn();
});

const CASES = [
  { name: 'a Russian-culture user on an English portal', portal: 'en-US', user: 'ru-RU', words: { wrong: 'Неправильный код', notAvailable: 'Настройки приложения для аутентификации недоступны', tooMany: 'Вы отправили слишком много' } },
  { name: 'a user with no language of their own on a German-culture portal', portal: 'de-DE', user: undefined, words: { wrong: 'Falscher Code', notAvailable: 'TFA-Anwendungseinstellungen sind nicht verfügbar', tooMany: 'Sie haben zu viele Kurzmitteilungen gesendet' } },
] as const;

describe.each(CASES)('$name', ({ portal: portalCulture, user: userCulture, words }) => {
  it.beforeEach(({ portal }) => {
    portal.setPortalCulture(portalCulture);
    portal.setUserCulture('user', userCulture);
    portal.setUserCulture('owner', userCulture);
  });

  it('the emulated portal answers in that language (the check that the cases below are not English in disguise)', async ({ signInUnderPolicy, rawError }) => {
    await signInUnderPolicy('user');
    expect(await rawError('GET', 'settings/tfaappcodes')).toBe(words.notAvailable);
  });

  it('a wrong code is a wrong code: counted (the limit is admin-only, so no count is promised)', async ({ portal, origin, validate, signInUnderPolicy }) => {
    await signInUnderPolicy('user');
    const s = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(s.ok).toBe(true);
    const r = await validate('000000');
    expect(r).toEqual({ ok: false, error: { kind: 'wrongCode', origin: origin() } });
    const logged = portal.requests.filter((q) => q.path === '/api/2.0/settings/tfaapp/validate');
    expect(logged.at(-1)?.status).toBe(400);
  });

  it('the lock after too many codes is the lock, with its countdown, even when we did not count the attempts', async ({ portal, origin, validate, signInUnderPolicy }) => {
    await signInUnderPolicy('user');
    expect((await startEnrolment({ type: 'startEnrolment', origin: origin() })).ok).toBe(true);
    for (let i = 0; i < 5; i++) await validate(String(300000 + i));
    await browser.storage.session.remove(`enrolmentAttempts:${origin()}`);
    const r = await validate('123456');
    expect(r.ok ? null : r.error.kind).toBe('tooManyAttempts');
    if (r.ok || r.error.kind !== 'tooManyAttempts') return;
    expect(r.error.retryAt).toBeGreaterThan(Date.now());
    // The portal's words were not English.
    const last = portal.requests.filter((q) => q.path === '/api/2.0/settings/tfaapp/validate').at(-1);
    expect(last?.status).toBe(403);
  });

  it('"not available" is read as such: a user who must enrol is notEnrolled, with the "!" badge', async ({ origin, signInUnderPolicy }) => {
    await signInUnderPolicy('user');
    const r = await getStatus({ type: 'getStatus', origin: origin(), refresh: true, tabId: 9 });
    expect(r.ok && r.value.enrolment).toEqual({ state: 'notEnrolled' });
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 9, text: '!' });
    const codes = await getBackupCodes({ type: 'getBackupCodes', origin: origin() });
    expect(codes).toEqual({ ok: false, error: { kind: 'notAvailable', origin: origin(), message: words.notAvailable } });
  });

  it('the owner resetting someone not enrolled: notAvailable, with the portal\'s words to show', async ({ portal, origin, signInUnderPolicy }) => {
    const owner = await signInUnderPolicy('owner');
    portal.enrol(owner.email);
    const r = await resetUserApp({ type: 'resetUserApp', origin: origin(), userId: portal.user('user').id });
    expect(r).toEqual({ ok: false, error: { kind: 'notAvailable', origin: origin(), message: words.notAvailable } });
  });
});

describe('which language the portal answers in', () => {
  it('the user\'s own language wins over the portal\'s; without a session, the portal\'s', async ({ portal, fetchWithJar, origin, signInUnderPolicy, rawError }) => {
    portal.setPortalCulture('de-DE');
    portal.setUserCulture('user', 'ru-RU');
    await signInUnderPolicy('user');
    expect(await rawError('GET', 'settings/tfaappcodes')).toBe('Настройки приложения для аутентификации недоступны');
    // A confirm key alone (no session cookie) authenticates its user too: a wrong code comes back in that user's language.
    const user = portal.user('user');
    expect((await startEnrolment({ type: 'startEnrolment', origin: origin() })).ok).toBe(true);
    const key = fetchWithJar.jar.get('asc_confirm_key_TfaActivation');
    expect(key).toBeTruthy();
    const onlyKey = await call(origin(), 'POST', 'settings/tfaapp/validate', { headers: { confirm: `type=TfaActivation&uid=${user.id}&key=${key}` }, body: { code: '000000' } });
    expect(onlyKey.json.error).toMatchObject({ message: 'Неправильный код', type: 'System.ArgumentException' });
    // Anonymous: the portal's language, which GET settings reports.
    const settings = await call(origin(), 'GET', 'settings');
    expect(settings.json.response.culture).toBe('de-DE');
  });

  it('the lock body has type, stack and hresult as null, null, 0, as the server writes BruteForce errors; a wrong code carries its type', async ({ portal, fetchWithJar, origin, signInUnderPolicy }) => {
    portal.setUserCulture('user', 'ru-RU');
    const user = await signInUnderPolicy('user');
    expect((await startEnrolment({ type: 'startEnrolment', origin: origin() })).ok).toBe(true);
    const confirm = `type=TfaActivation&uid=${user.id}`;
    const bodies: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await call(origin(), 'POST', 'settings/tfaapp/validate', { jar: fetchWithJar.jar, headers: { confirm }, body: { code: String(400000 + i) } });
      bodies.push({ status: r.status, error: r.json?.error });
    }
    expect(bodies[0]).toMatchObject({ status: 400, error: { message: 'Неправильный код', type: 'System.ArgumentException' } });
    expect(bodies[5]).toEqual({ status: 403, error: { message: 'Вы отправили слишком много текстовых сообщений. Повторите попытку позже.', type: null, stack: null, hresult: 0 } });
  });
});

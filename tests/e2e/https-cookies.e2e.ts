// Real cookies over https (issue 12 §4, fact sheet §11.4): the emulated portal served over TLS with a throwaway
// certificate, setting `Secure; HttpOnly; SameSite=Strict` cookies as a real portal does, and the https test build,
// whose CSP is the release one (`connect-src https:`). Cookie-mode enrolment works only if the browser stores the
// cookies set in answers to the extension's background requests and sends them back: the confirm cookie from
// `tfaappwithlink` / `tfaappnewapp`, and the new `asc_auth_key` from `validate` and from resetting one's own app.
// Every check of what a request carried is made on the emulator's side, from its request log.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectedBrowsers, type E2EPage } from './harness';
import { HTTPS_TEST_BUILDS, REPO_ROOT } from './harness/config';
import { walkToCodeStep } from './harness/enrolment';
import { e2eTest } from './harness/fixtures';
import { codeAt } from './harness/otp';
import { AUTH_COOKIE, signInWithForm } from './harness/portal';
import { makeThrowawayCertificate, startPortal, type RequestLogEntry, type ThrowawayCertificate } from '../portal/server';

const CONFIRM_COOKIE = 'asc_confirm_key_TfaActivation';
const API = '/api/2.0/';

/** The `Set-Cookie` line an answer set for `name` (the last one, as the browser applies them in order). */
function setCookieLine(entry: RequestLogEntry | undefined, name: string): string | undefined {
  return entry?.setCookies?.filter((l) => l.startsWith(`${name}=`)).at(-1);
}
const valueOf = (line: string | undefined): string => line?.split(';')[0]?.slice(line.indexOf('=') + 1) ?? '';
/** The attributes of a Set-Cookie line, lower-cased, without the expiry date. */
const attributesOf = (line: string | undefined): string[] =>
  (line ?? '').split(';').slice(1).map((a) => a.trim().toLowerCase()).filter((a) => !a.startsWith('expires='));
/** As a real portal on https sets them (CookiesManager.cs). */
const REAL_PORTAL_ATTRIBUTES = ['path=/', 'secure', 'samesite=strict', 'httponly'];

describe.each(['chrome-mv3', 'firefox-mv3'])('https test build %s', (target) => {
  const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, target, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('is the release build plus host access to https://127.0.0.1 only: the same CSP (connect-src https:), nothing else', () => {
    const release = manifestOf(path.join(REPO_ROOT, '.output'));
    const https = manifestOf(path.dirname(HTTPS_TEST_BUILDS.chromium));
    const { host_permissions: granted, ...rest } = https;
    expect(granted).toEqual(['https://127.0.0.1/*']);
    expect(rest).toEqual(release);
    expect((https.content_security_policy as { extension_pages: string }).extension_pages).toMatch(/(^|; )connect-src https:(;|$)/);
  });
});

/** The portal over https with a throwaway certificate, and the https test build trusting exactly that certificate. */
const test = e2eTest
  .extend('cert', { scope: 'file' }, (): Promise<ThrowawayCertificate> => makeThrowawayCertificate())
  .extend('launchOptions', ({ cert }) => ({ https: cert }))
  .extend('portalOptions', ({ cert }) => ({ tls: cert }))
  /** The log entries of one API call, in order. */
  .extend('calls', ({ portal }) => (method: string, apiPath: string) => portal.requests.filter((r) => r.method === method && r.path === `${API}${apiPath}`))
  /** The one call of `method apiPath`, failing when there was not exactly one. */
  .extend('theCall', ({ calls }) => (method: string, apiPath: string): RequestLogEntry => {
    const found = calls(method, apiPath);
    expect(found, `${method} ${apiPath} calls`).toHaveLength(1);
    return found[0]!;
  })
  /** Every request after `after` (log index) that carried a session cookie, with the cookie it carried. */
  .extend('sessionCookiesAfter', ({ portal }) => (after: number) =>
    portal.requests.slice(after + 1).filter((r) => r.cookies?.[AUTH_COOKIE] !== undefined).map((r) => r.cookies![AUTH_COOKIE]))
  .extend('openOptions', ({ browser, portal, track }) => async (view: string) =>
    track(await browser.openExtensionPage(`options.html?${new URLSearchParams({ view, origin: portal.origin }).toString()}`)))
  /** `validate` set a new Secure session cookie, cleared the confirm cookie, and the next call carried exactly that cookie. */
  .extend('expectNewSessionUsed', ({ portal, theCall, sessionCookiesAfter }) => (confirmKey: string, before: string[]): string => {
    const validate = theCall('POST', 'settings/tfaapp/validate');
    expect(validate).toMatchObject({ status: 200, auth: 'confirm' });
    expect(validate.cookies?.[CONFIRM_COOKIE]).toBe(confirmKey);
    const sessionLine = setCookieLine(validate, AUTH_COOKIE);
    expect(attributesOf(sessionLine)).toEqual(REAL_PORTAL_ATTRIBUTES);
    const fresh = valueOf(sessionLine);
    expect(fresh).not.toBe('');
    for (const old of before) expect(fresh).not.toBe(old);
    const cleared = setCookieLine(validate, CONFIRM_COOKIE);
    expect(cleared).toMatch(new RegExp(`^${CONFIRM_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT;`));
    expect(attributesOf(cleared)).toEqual(REAL_PORTAL_ATTRIBUTES);

    // The backup codes are read right after, signed in with the cookie validate set, and the confirm cookie is gone.
    const at = portal.requests.indexOf(validate);
    const codes = portal.requests.slice(at + 1).find((r) => r.method === 'GET' && r.path === `${API}settings/tfaappcodes`);
    expect(codes).toMatchObject({ status: 200, auth: 'cookie' });
    expect(codes?.cookies?.[AUTH_COOKIE]).toBe(fresh);
    expect(codes?.cookies).not.toHaveProperty(CONFIRM_COOKIE);
    expect(new Set(sessionCookiesAfter(at))).toEqual(new Set([fresh]));
    return fresh;
  });

describe.each(selectedBrowsers())('%s over https', (browserName) => {
  test.override({ browserName });
  test.beforeEach(({ portal }) => portal.reset());

  async function enterCode(page: E2EPage, key: string): Promise<void> {
    await page.fill('6-digit code', await codeAt(key));
    await page.click('button', 'Check and connect');
    await page.waitForText('Your authenticator app is set up');
    await page.waitForText('5 codes left');
  }

  test('signing in on the portal’s https page stores the Secure, HttpOnly, SameSite=Strict cookie; the popup reads the status with it', async ({ browser, portal, track, calls, sessionCookiesAfter }) => {
    const admin = portal.user('admin');
    const tab = track(await signInWithForm(browser, portal, 'admin'));
    const login = portal.requests.find((r) => r.method === 'POST' && r.path === '/login');
    expect(login?.status).toBe(303);
    const line = setCookieLine(login, AUTH_COOKIE);
    expect(attributesOf(line)).toEqual(REAL_PORTAL_ATTRIBUTES);
    const token = valueOf(line);
    // Stored (the home page after the redirect is signed in with it) and HttpOnly (the page's script cannot see it).
    expect(portal.requests.find((r) => r.method === 'GET' && r.path === '/' && r.cookies?.[AUTH_COOKIE] === token)?.status).toBe(200);
    expect(await tab.evaluate(() => document.cookie)).not.toContain(AUTH_COOKIE);

    portal.clearLog();
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText(`Signed in as ${admin.displayName}`);
    await popup.waitForText('No, 2FA is off');
    const self = calls('GET', 'people/@self');
    expect(self.length).toBeGreaterThan(0);
    for (const r of self) expect(r).toMatchObject({ status: 200, auth: 'cookie', cookies: { [AUTH_COOKIE]: token } });
    expect(calls('GET', 'settings/tfaapp').map((r) => [r.status, r.auth])).toContainEqual([200, 'cookie']);
    expect(new Set(sessionCookiesAfter(-1))).toEqual(new Set([token]));
  });

  test('enabling TFA from the options page enrols in cookie mode: tfaappwithlink’s confirm cookie, then validate’s new session cookie, are stored and used', async ({ browser, portal, track, calls, theCall, sessionCookiesAfter, openOptions, expectNewSessionUsed }) => {
    const admin = portal.user('admin');
    const tab = track(await signInWithForm(browser, portal, 'admin'));
    const firstSession = valueOf(setCookieLine(portal.requests.find((r) => r.path === '/login'), AUTH_COOKIE));
    portal.clearLog();

    const page = await openOptions('policy');
    await page.waitForText('Two-factor authentication');
    await page.click('radio', 'Authenticator app');
    await page.click('button', 'Review changes');
    await page.waitForText('Saving signs out everyone on the portal, you included.');
    await page.click('button', 'Save policy');
    await page.waitForText('Set up your authenticator');

    // tfaappwithlink went out with the session cookie and answered the activation link and a Secure confirm cookie;
    // the portal then signed every session out, so from here on only cookies set later can sign anyone in.
    const withLink = theCall('PUT', 'settings/tfaappwithlink');
    expect(withLink).toMatchObject({ status: 200, auth: 'cookie', cookies: { [AUTH_COOKIE]: firstSession } });
    const confirmLine = setCookieLine(withLink, CONFIRM_COOKIE);
    expect(attributesOf(confirmLine)).toEqual(REAL_PORTAL_ATTRIBUTES);
    const confirmKey = valueOf(confirmLine);
    expect(confirmKey).not.toBe('');
    expect(portal.state.sessionUser(firstSession)).toBeUndefined();

    // The setup key can only come with the stored confirm cookie: the link carries no key, and the endpoint that
    // would hand one out (tfaapp/confirm) is not called.
    const key = await walkToCodeStep(page);
    expect(key).toBe(portal.secretOf(admin.email));
    const setup = calls('GET', 'settings/tfaapp/setup');
    expect(setup.length).toBeGreaterThan(0);
    for (const r of setup) expect(r).toMatchObject({ status: 200, auth: 'confirm', cookies: { [CONFIRM_COOKIE]: confirmKey } });
    expect(calls('GET', 'settings/tfaapp/confirm')).toEqual([]);

    await enterCode(page, key);
    expect(portal.state.isEnrolled(admin.id)).toBe(true);
    const session = expectNewSessionUsed(confirmKey, [firstSession]);

    // The tab shares the browser's cookie store with the extension's background: the portal page is signed in again
    // with the cookie validate set, and the popup reads the new status with it.
    const reloadedAt = portal.requests.length - 1;
    await tab.evaluate(() => location.reload());
    await tab.waitForText(`Signed in as ${admin.displayName}`);
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText('On, authenticator app');
    await popup.waitForText('5 of 5 backup codes left');
    expect(new Set(sessionCookiesAfter(reloadedAt))).toEqual(new Set([session]));
  });

  test('resetting my own authenticator: the new session and confirm cookies from tfaappnewapp are stored and used, then validate’s; the extension keeps working', async ({ browser, portal, track, calls, theCall, openOptions, expectNewSessionUsed }) => {
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    const { secret: oldSecret } = portal.enrol(user.email);
    const firstSession = await portal.signIn(user.email);
    await browser.setCookie({ origin: portal.origin, name: AUTH_COOKIE, value: firstSession });
    const tab = track(await browser.openTab(`${portal.origin}/`));
    await tab.waitForText(`Signed in as ${user.displayName}`);
    portal.clearLog();

    const page = await openOptions('reset');
    await page.click('button', 'Reset authenticator…');
    await page.waitForText('Reset your authenticator?');
    await page.click('button', 'Reset and set up again');
    await page.waitForText('Your authenticator was reset. Set up the app again now.');

    // The reset signed all my sessions out and answered a new Secure session cookie and a Secure confirm cookie.
    const newApp = theCall('PUT', 'settings/tfaappnewapp');
    expect(newApp).toMatchObject({ status: 200, auth: 'cookie', cookies: { [AUTH_COOKIE]: firstSession } });
    const sessionLine = setCookieLine(newApp, AUTH_COOKIE);
    const confirmLine = setCookieLine(newApp, CONFIRM_COOKIE);
    expect(attributesOf(sessionLine)).toEqual(REAL_PORTAL_ATTRIBUTES);
    expect(attributesOf(confirmLine)).toEqual(REAL_PORTAL_ATTRIBUTES);
    const resetSession = valueOf(sessionLine);
    const confirmKey = valueOf(confirmLine);
    expect(portal.state.sessionUser(firstSession)).toBeUndefined();
    expect(portal.state.sessionUser(resetSession)?.id).toBe(user.id);

    const key = await walkToCodeStep(page);
    expect(key).not.toBe(oldSecret);
    expect(key).toBe(portal.secretOf(user.email));
    const setup = calls('GET', 'settings/tfaapp/setup');
    expect(setup.length).toBeGreaterThan(0);
    for (const r of setup) {
      expect(r).toMatchObject({ status: 200, auth: 'confirm', cookies: { [CONFIRM_COOKIE]: confirmKey, [AUTH_COOKIE]: resetSession } });
    }
    expect(calls('GET', 'settings/tfaapp/confirm')).toEqual([]);

    await enterCode(page, key);
    const session = expectNewSessionUsed(confirmKey, [firstSession, resetSession]);

    // Still working afterwards: the popup and the portal page, both signed in with the newest cookie.
    const laterAt = portal.requests.length - 1;
    const popup = track(await browser.openPopup(tab));
    await popup.waitForText(`Signed in as ${user.displayName}`);
    await popup.waitForText('5 of 5 backup codes left');
    await tab.evaluate(() => location.reload());
    await tab.waitForText(`Signed in as ${user.displayName}`);
    const after = portal.requests.slice(laterAt + 1).filter((r) => r.cookies?.[AUTH_COOKIE] !== undefined);
    expect(after.length).toBeGreaterThan(0);
    for (const r of after) expect(r).toMatchObject({ cookies: { [AUTH_COOKIE]: session } });
    expect(after.filter((r) => r.path.startsWith(API)).every((r) => r.status === 200 && r.auth === 'cookie')).toBe(true);
  });

  test.runIf(browserName === 'chromium')('Chromium trusts only this run’s certificate: a portal with another throwaway certificate is refused', async ({ browser }) => {
    const other = await startPortal({ tls: await makeThrowawayCertificate() });
    try {
      await expect(browser.openTab(`${other.origin}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

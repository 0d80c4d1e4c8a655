import { generate, createGuardrails } from 'otplib';
import { describe, expect } from 'vitest';
import { CookieJar, call, passwordSignIn } from '../portal/test-client';
import { integrationTest as test } from './fixtures';

// An independent TOTP computation (otplib directly), not the portal's helper.
const codeFor = (secret: string): Promise<string> =>
  generate({ secret, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });

const confirmHeader = (url: string): string => new URL(url).search.slice(1);

describe('full enrolment over plain HTTP', () => {
  test('admin enables TFA, is signed out, enrols via the confirm flow and signs in with a code later', async ({ portal }) => {
    const admin = portal.user('admin');
    const { jar, reply } = await passwordSignIn(portal.origin, admin.email);
    expect(reply.status).toBe(200);
    expect(jar.get('asc_auth_key')).toBeTruthy();

    const enable = await call(portal.origin, 'PUT', 'settings/tfaappwithlink', { jar, body: { type: 'app' } });
    expect(enable.status).toBe(200);
    const url = enable.json.response as string;
    expect(url).toBe(`${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${admin.id}`);
    expect(jar.get('asc_confirm_key_TfaActivation')).toMatch(/^\d+\.[\w-]+$/);
    expect(portal.getPolicy()).toEqual({ enabled: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });

    const self = await call(portal.origin, 'GET', 'people/@self', { jar });
    expect(self.status).toBe(401);
    expect(self.text).toBe('');

    const confirm = confirmHeader(url);
    const noHeader = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar });
    expect(noHeader.status).toBe(401);
    const setup = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm } });
    expect(setup.status).toBe(200);
    const { account, manualEntryKey, qrCodeSetupImageUrl } = setup.json.response;
    expect(account).toBe(admin.email);
    expect(manualEntryKey).toMatch(/^[A-Z2-7]{16}$/);
    // A BMP ("Qk" is "BM" in base64) under a PNG label, as QRCoder's BitmapByteQRCode makes it (§11.3).
    expect(qrCodeSetupImageUrl).toMatch(/^data:image\/png;base64,Qk/);
    const again = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm } });
    expect(again.json.response.manualEntryKey).toBe(manualEntryKey);
    expect(portal.secretOf(admin.email)).toBe(manualEntryKey);

    const wrong = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar, headers: { confirm }, body: { code: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({ message: 'Incorrect code', type: 'System.ArgumentException' });

    const validate = await call(portal.origin, 'POST', 'settings/tfaapp/validate', {
      jar,
      headers: { confirm },
      body: { code: await codeFor(manualEntryKey) },
    });
    expect(validate.status).toBe(200);
    expect(validate.json.response).toBe(true);
    expect(validate.setCookies.some((c) => /^asc_confirm_key_TfaActivation=;/.test(c))).toBe(true);
    expect(jar.get('asc_confirm_key_TfaActivation')).toBeUndefined();

    const codes = await call(portal.origin, 'GET', 'settings/tfaappcodes', { jar });
    expect(codes.status).toBe(200);
    expect(codes.json.count).toBe(5);
    for (const c of codes.json.response) {
      expect(c).toEqual({ isUsed: false, code: expect.stringMatching(/^[A-Za-z0-9_-]{6}$/) });
    }
    const me = await call(portal.origin, 'GET', 'people/@self', { jar });
    expect(me.json.response.tfaAppEnabled).toBe(true);

    // Later sign-in asks for the TfaAuth code.
    const later = await passwordSignIn(portal.origin, admin.email);
    expect(later.reply.json.response).toEqual({
      expires: '0001-01-01T00:00:00',
      sms: false,
      tfa: true,
      confirmUrl: `${portal.origin}/confirm/TfaAuth?type=TfaAuth&uid=${admin.id}`,
    });
    expect(later.jar.get('asc_auth_key')).toBeUndefined();
    expect(later.jar.get('asc_confirm_key_TfaAuth')).toBeTruthy();
    const auth = await call(portal.origin, 'POST', 'settings/tfaapp/validate', {
      jar: later.jar,
      headers: { confirm: `type=TfaAuth&uid=${admin.id}` },
      body: { code: await codeFor(manualEntryKey) },
    });
    expect(auth.json.response).toBe(false);
    expect(later.jar.get('asc_auth_key')).toBeTruthy();
    const me2 = await call(portal.origin, 'GET', 'people/@self', { jar: later.jar });
    expect(me2.json.response.email).toBe(admin.email);
  });

  test('a not-enrolled user gets tfaKey and a TfaActivation link on sign-in; a cookie without confirm header is 403', async ({ portal }) => {
    portal.setPolicy({ enabled: true });
    const { jar, reply } = await passwordSignIn(portal.origin, 'user@demo.test');
    const r = reply.json.response;
    expect(r.tfa).toBe(true);
    expect(r.tfaKey).toMatch(/^[A-Z2-7]{16}$/);
    expect(r.token).toBeUndefined();
    expect(r.confirmUrl).toContain('/confirm/TfaActivation?type=TfaActivation&uid=');
    const signedIn = new CookieJar();
    signedIn.cookies.set('asc_auth_key', await portal.signIn('user@demo.test'));
    const forbidden = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar: signedIn });
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).toBe('');
    const bad = await call(portal.origin, 'GET', 'settings/tfaapp/setup', {
      jar,
      headers: { confirm: `type=TfaActivation&uid=${portal.user('user').id}&key=1.bogus` },
    });
    expect(bad.status).toBe(401);
    expect(bad.text).toBe('');
  });

  test('the confirm key works via key= in the header (GET tfaapp/confirm cookieValue), and expires after 1 h', async ({ portal }) => {
    const u = portal.user('user');
    const jar = new CookieJar();
    jar.cookies.set('asc_auth_key', await portal.signIn(u.email));
    portal.setPolicy({ enabled: true });
    const conf = await call(portal.origin, 'GET', 'settings/tfaapp/confirm', { jar });
    expect(conf.json.response).toEqual({
      url: `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${u.id}`,
      cookieName: 'asc_confirm_key_TfaActivation',
      cookieValue: expect.stringMatching(/^\d+\./),
    });
    const header = `type=TfaActivation&uid=${u.id}&key=${conf.json.response.cookieValue}`;
    const ok = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { headers: { confirm: header } });
    expect(ok.status).toBe(200);
    const check = await call(portal.origin, 'POST', 'authentication/confirm', {
      body: { type: 'TfaActivation', uiD: u.id, key: conf.json.response.cookieValue },
    });
    expect(check.json.response.result).toBe(0);
    portal.setClockOffset(61 * 60_000);
    const expired = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { headers: { confirm: header } });
    const checkExpired = await call(portal.origin, 'POST', 'authentication/confirm', {
      body: { type: 'TfaActivation', uiD: u.id, key: conf.json.response.cookieValue },
    });
    portal.setClockOffset(0);
    expect(expired.status).toBe(401);
    expect(checkExpired.json.response.result).toBe(2);
  });

  test('POST authentication/{code} enrols and signs in; any failure is 401 "User authentication failed"', async ({ portal }) => {
    portal.setPolicy({ enabled: true });
    const first = await passwordSignIn(portal.origin, 'alice@demo.test');
    const secret = first.reply.json.response.tfaKey as string;
    const fail = await call(portal.origin, 'POST', 'authentication/000000', {
      body: { userName: 'alice@demo.test', password: 'demo-password', code: '000000' },
    });
    expect(fail.status).toBe(401);
    expect(fail.json.error.message).toBe('User authentication failed');
    const code = await codeFor(secret);
    const jar = new CookieJar();
    const ok = await call(portal.origin, 'POST', `authentication/${code}`, {
      jar,
      body: { userName: 'alice@demo.test', password: 'demo-password', code },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.response).toMatchObject({ token: expect.any(String), tfa: true, sms: false });
    expect(jar.get('asc_auth_key')).toBe(ok.json.response.token);
    expect(portal.backupCodes('alice@demo.test')).toHaveLength(5);
    expect(portal.requests.at(-1)?.path).toBe('/api/2.0/authentication/***');
    expect(JSON.stringify(portal.requests)).not.toContain(code);
  });

  test('a backup code is accepted once, then refused; new codes replace the old ones', async ({ portal }) => {
    portal.setPolicy({ enabled: true });
    const { backupCodes } = portal.enrol('bob@demo.test');
    const [code = ''] = backupCodes;
    const login = async (c: string) => {
      const { jar } = await passwordSignIn(portal.origin, 'bob@demo.test');
      return call(portal.origin, 'POST', 'settings/tfaapp/validate', {
        jar,
        headers: { confirm: `type=TfaAuth&uid=${portal.user('bob').id}` },
        body: { code: c },
      });
    };
    expect((await login(code)).json.response).toBe(false);
    expect(portal.backupCodes('bob@demo.test')[0]).toEqual({ code, isUsed: true });
    expect((await login(code)).status).toBe(400);

    const jar = new CookieJar();
    jar.cookies.set('asc_auth_key', await portal.signIn('bob@demo.test'));
    const renewed = await call(portal.origin, 'PUT', 'settings/tfaappnewcodes', { jar });
    expect(renewed.json.count).toBe(5);
    expect(renewed.json.response.every((c: { isUsed: boolean }) => !c.isUsed)).toBe(true);
    expect((await login(backupCodes[1] ?? '')).status).toBe(400);
    expect((await login(renewed.json.response[0].code)).status).toBe(200);
  });

  test('validate with the policy off is false without a cookie; an empty code is 500', async ({ portal }) => {
    const u = portal.user('user');
    portal.setPolicy({ enabled: true });
    const conf = (await passwordSignIn(portal.origin, u.email)).jar;
    const headers = { confirm: `type=TfaActivation&uid=${u.id}` };
    const empty = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar: conf, headers, body: { code: '  ' } });
    expect(empty.status).toBe(500);
    expect(empty.json.error.message).toBe('Validation code field cannot be empty');
    const missing = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar: conf, headers, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.status).toBe(1);
    portal.setPolicy({ enabled: false });
    const off = await call(portal.origin, 'POST', 'settings/tfaapp/validate', { jar: conf, headers, body: { code: '123456' } });
    expect(off.status).toBe(200);
    expect(off.json.response).toBe(false);
    expect(off.setCookies).toEqual([]);
  });

  test('setup is 403 "not available" once enrolled', async ({ portal }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('carol@demo.test');
    const { jar } = await passwordSignIn(portal.origin, 'carol@demo.test');
    const conf = await call(portal.origin, 'GET', 'settings/tfaapp/confirm', { jar: new CookieJar() });
    expect(conf.status).toBe(401);
    const r = await call(portal.origin, 'GET', 'settings/tfaapp/setup', {
      jar,
      headers: { confirm: `type=TfaAuth&uid=${portal.user('carol').id}` },
    });
    expect(r.status).toBe(403);
    expect(r.text).toBe('');
  });
});

import { describe, expect } from 'vitest';
import { startPortal } from '../portal/server';
import { CookieJar, call } from '../portal/test-client';
import { integrationTest } from './fixtures';

const test = integrationTest.extend('auth', ({ portal }) => (email: string): Promise<CookieJar> =>
  portal.signIn(email).then((token) => {
    const jar = new CookieJar();
    jar.cookies.set('asc_auth_key', token);
    return jar;
  }));

describe('envelope (§1.2)', () => {
  test('wraps a list with count = length, one link, status 0 and statusCode', async ({ portal, auth }) => {
    const r = await call(portal.origin, 'GET', 'settings/tfaapp?x=1', { jar: await auth('user') });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.json).toEqual({
      response: [
        { id: 'sms', title: 'By SMS', enabled: false, available: false },
        { id: 'app', title: 'By authenticator app', enabled: false, available: true },
      ],
      count: 2,
      links: [{ href: `${portal.origin}/api/2.0/settings/tfaapp?x=1`, action: 'GET' }],
      status: 0,
      statusCode: 200,
    });
  });

  test('counts a boolean as 1 and omits response and sets count 0 for null', async ({ portal }) => {
    const bool = await call(portal.origin, 'GET', 'authentication');
    expect(bool.json).toMatchObject({ response: false, count: 1, status: 0 });
    const nul = await call(portal.origin, 'POST', 'authentication/logout');
    expect(nul.status).toBe(200);
    expect('response' in nul.json).toBe(false);
    expect(nul.json.count).toBe(0);
  });

  test('omits null lists and shows [] after an enabling PUT', async ({ portal, auth }) => {
    const admin = await auth('admin');
    await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: admin, body: { type: 'App' } });
    const r = await call(portal.origin, 'GET', 'settings/tfaapp', { jar: await auth('user') });
    expect(r.json.response[1]).toEqual({
      id: 'app', title: 'By authenticator app', enabled: true, available: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [],
    });
  });
});

describe('errors (§1.3)', () => {
  test('401 before the action has an empty body', async ({ portal }) => {
    const r = await call(portal.origin, 'GET', 'settings/tfaapp');
    expect(r.status).toBe(401);
    expect(r.text).toBe('');
  });

  test('a stale cookie is 401 even with a valid token header (the cookie wins)', async ({ portal }) => {
    const token = await portal.signIn('user@demo.test');
    const r = await call(portal.origin, 'GET', 'people/@self', { headers: { Cookie: 'asc_auth_key=stale', Authorization: token } });
    expect(r.status).toBe(401);
    const ok = await call(portal.origin, 'GET', 'people/@self', { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
  });

  test('InvalidOperationException-style errors are 403 JSON with type/stack/hresult', async ({ portal, auth }) => {
    const r = await call(portal.origin, 'GET', 'settings/tfaappcodes', { jar: await auth('user') });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({
      error: { message: 'TFA application settings are not available', type: 'System.InvalidOperationException' },
      status: 1,
      statusCode: 403,
    });
    expect(typeof r.json.error.stack).toBe('string');
    expect(typeof r.json.error.hresult).toBe('number');
  });

  test('PUT tfaapp by a non-admin is 403 "Access denied"', async ({ portal, auth }) => {
    const r = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: await auth('user'), body: { type: 'app' } });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe('Access denied');
  });

  test('bad JSON and an empty body are wrapped 400 validation problems', async ({ portal, auth }) => {
    const jar = await auth('admin');
    const bad = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ response: { status: 400, title: expect.any(String) }, count: 1, status: 1, statusCode: 400 });
    const empty = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar, headers: { 'Content-Type': 'application/json' } });
    expect(empty.status).toBe(400);
    const badType = await call(portal.origin, 'PUT', 'settings/tfaapp', { jar, body: { type: 'Bogus' } });
    expect(badType.status).toBe(400);
  });

  test('unknown API paths are 404 with an empty body; a wrong method is 405', async ({ portal }) => {
    const r = await call(portal.origin, 'GET', 'settings/nothing-here');
    expect(r.status).toBe(404);
    expect(r.text).toBe('');
    const m = await call(portal.origin, 'DELETE', 'settings/tfaapp');
    expect(m.status).toBe(405);
  });
});

describe('anonymous portal detection', () => {
  test('GET settings: docSpace true, version, no ownerId/timezone when anonymous', async ({ portal, auth }) => {
    const anon = await call(portal.origin, 'GET', 'settings');
    expect(anon.json.response).toMatchObject({ docSpace: true, version: '3.7.2.1234', ownerId: '00000000-0000-0000-0000-000000000000' });
    expect(anon.json.response.timezone).toBeUndefined();
    expect(anon.json.response.passwordHash).toBeDefined();
    const signed = await call(portal.origin, 'GET', 'settings', { jar: await auth('guest') });
    expect(signed.json.response.ownerId).toBe(portal.user('owner').id);
    expect(signed.json.response.timezone).toBe('UTC');
    expect(signed.json.response.passwordHash).toBeUndefined();
  });

  test('GET settings/version/build and capabilities answer anonymously', async ({ portal }) => {
    const b = await call(portal.origin, 'GET', 'settings/version/build');
    expect(b.json.response).toEqual({ docSpace: '3.7.2.1234', documentServer: '9.0.3.45' });
    const c = await call(portal.origin, 'GET', 'capabilities');
    expect(c.json.response).toMatchObject({ ldapEnabled: false, oauthEnabled: false, providers: [] });
  });

  test('GET authentication tells whether the request is signed in', async ({ portal, auth }) => {
    const r = await call(portal.origin, 'GET', 'authentication', { jar: await auth('user') });
    expect(r.json.response).toBe(true);
  });
});

describe('HTTP details', () => {
  test('answers CORS preflights with 204 and * without credentials', async ({ portal }) => {
    const r = await call(portal.origin, 'OPTIONS', 'settings/tfaapp', {
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type,confirm' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')).toBe('content-type,confirm');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    const g = await call(portal.origin, 'GET', 'settings');
    expect(g.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('the Date header follows the server clock offset', async ({ portal }) => {
    portal.setClockOffset(3 * 3600_000);
    const r = await call(portal.origin, 'GET', 'settings');
    portal.setClockOffset(0);
    const skew = Date.parse(r.headers.get('date') ?? '') - Date.now();
    expect(skew).toBeGreaterThan(3 * 3600_000 - 5000);
    expect(skew).toBeLessThan(3 * 3600_000 + 5000);
  });

  test('sign-in sets an HttpOnly SameSite=Strict cookie without Secure', async ({ portal }) => {
    const r = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'user@demo.test', password: 'demo-password' } });
    expect(r.json.response).toMatchObject({ token: expect.any(String), sms: false, tfa: false });
    const cookie = r.setCookies.find((c) => c.startsWith('asc_auth_key='));
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);
    expect(cookie).toMatch(/path=\//i);
    expect(cookie).not.toMatch(/secure/i);
  });

  test('wrong password → 401 "User authentication failed" with type, stack and hresult null, null, 0', async ({ portal }) => {
    const r = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'user@demo.test', password: 'x' } });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: { message: 'User authentication failed', type: null, stack: null, hresult: 0 }, status: 1, statusCode: 401 });
  });

  test('a disabled account cannot sign in', async ({ portal }) => {
    const r = await call(portal.origin, 'POST', 'authentication', { body: { userName: 'trent@demo.test', password: 'demo-password' } });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe('User disabled');
  });

  test('logout ends the session and clears the cookie', async ({ portal, auth }) => {
    const jar = await auth('user');
    const out = await call(portal.origin, 'POST', 'authentication/logout', { jar });
    expect(out.setCookies.some((c) => /^asc_auth_key=;/.test(c))).toBe(true);
    const token = await portal.signIn('user');
    await call(portal.origin, 'POST', 'authentication/logout', { headers: { Cookie: `asc_auth_key=${token}` } });
    const after = await call(portal.origin, 'GET', 'people/@self', { headers: { Cookie: `asc_auth_key=${token}` } });
    expect(after.status).toBe(401);
  });
});

describe('API key scopes (AuthorizationExtension, fact sheet §11.3)', () => {
  test('people/@self passes with accounts.self:read; settings/tfa* needs *:read or *:write (empty 403); the confirm-scheme routes are not scoped', async () => {
    const p = await startPortal({ port: 0 });
    try {
      const user = p.user('user');
      const bearer = (scopes: string[]) => ({ headers: { Authorization: `Bearer ${p.state.scopedApiKey(user, scopes)}` } });
      const self = bearer(['accounts.self:read']);
      expect((await call(p.origin, 'GET', 'people/@self', self)).status).toBe(200);
      const tfa = await call(p.origin, 'GET', 'settings/tfaapp', self);
      expect(tfa.status).toBe(403);
      expect(tfa.text).toBe('');
      expect((await call(p.origin, 'GET', 'settings/tfaapp', bearer(['*:read']))).status).toBe(200);
      expect((await call(p.origin, 'PUT', 'settings/tfaappnewcodes', bearer(['*:read']))).status).toBe(403);
      expect((await call(p.origin, 'GET', 'settings/tfaapp', bearer(['*:write']))).status).toBe(200);
      expect((await call(p.origin, 'GET', 'settings', self)).status).toBe(200);
    } finally {
      await p.close();
    }
  });
});

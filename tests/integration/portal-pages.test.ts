import { describe, expect } from 'vitest';
import { CookieJar, call } from '../portal/test-client';
import { integrationTest as test } from './fixtures';

const TITLE = '<title>DocSpace (emulated)</title>';

describe('HTML pages', () => {
  test('GET / shows a sign-in form posting to /login', async ({ portal }) => {
    const r = await call(portal.origin, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain(TITLE);
    expect(r.text).toMatch(/<form method="post" action="\/login">/);
    expect(r.text).toContain('name="userName"');
    expect(r.text).toContain('name="password"');
  });

  test('form sign-in → 303 to / → "Signed in as …" with escaped text → sign out', async ({ portal }) => {
    const jar = new CookieJar();
    const login = await call(portal.origin, 'POST', '/login', { jar, form: { userName: 'mallory@demo.test', password: 'demo-password' } });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const home = await call(portal.origin, 'GET', '/', { jar });
    expect(home.text).toContain('Signed in as <strong>&lt;b&gt;Mallory &amp;&quot;&#39;Quote</strong>');
    expect(home.text).not.toContain('<b>Mallory');
    expect(home.text).toMatch(/<form method="post" action="\/logout">/);
    const out = await call(portal.origin, 'POST', '/logout', { jar });
    expect(out.status).toBe(303);
    expect(jar.get('asc_auth_key')).toBeUndefined();
    expect((await call(portal.origin, 'GET', '/', { jar })).text).toContain('action="/login"');
    expect(portal.requests.find((e) => e.path === '/login')?.body).toEqual({ userName: 'mallory@demo.test', password: '***' });
  });

  test('a wrong password re-renders the form with the error', async ({ portal }) => {
    const r = await call(portal.origin, 'POST', '/login', { form: { userName: 'user@demo.test', password: 'x' } });
    expect(r.status).toBe(401);
    expect(r.text).toContain('User authentication failed');
    expect(r.text).toContain(TITLE);
  });

  test('TFA activation through the pages: login → setup page → code → signed in', async ({ portal }) => {
    portal.setPolicy({ enabled: true });
    const jar = new CookieJar();
    const login = await call(portal.origin, 'POST', '/login', { jar, form: { userName: 'alice@demo.test', password: 'demo-password' } });
    expect(login.status).toBe(303);
    const location = login.headers.get('location') ?? '';
    expect(location).toBe(`/confirm/TfaActivation?type=TfaActivation&uid=${portal.user('alice').id}`);
    const setup = await call(portal.origin, 'GET', location, { jar });
    expect(setup.status).toBe(200);
    expect(setup.text).toContain('Set up your authenticator app');
    const key = portal.secretOf('alice@demo.test') ?? '';
    expect(setup.text).toContain(key);
    expect(setup.text).toContain('data:image/png;base64,');
    expect(setup.text).toContain(`action="${location.replace(/&/g, '&amp;')}"`);

    const wrong = await call(portal.origin, 'POST', location, { jar, form: { code: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Incorrect code');

    const ok = await call(portal.origin, 'POST', location, { jar, form: { code: await portal.totp('alice@demo.test') } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/');
    expect(jar.get('asc_confirm_key_TfaActivation')).toBeUndefined();
    const home = await call(portal.origin, 'GET', '/', { jar });
    expect(home.text).toContain('Signed in as');
    expect(home.text).toContain('enrolled');
    expect(portal.backupCodes('alice@demo.test')).toHaveLength(5);
  });

  test('TfaAuth page asks for a 6-digit code and accepts a backup code', async ({ portal }) => {
    portal.setPolicy({ enabled: true });
    const { backupCodes } = portal.enrol('bob@demo.test');
    const jar = new CookieJar();
    const login = await call(portal.origin, 'POST', '/login', { jar, form: { userName: 'bob@demo.test', password: 'demo-password' } });
    const location = login.headers.get('location') ?? '';
    expect(location).toContain('/confirm/TfaAuth?type=TfaAuth&uid=');
    const form = await call(portal.origin, 'GET', location, { jar });
    expect(form.text).toContain('maxlength="6"');
    const ok = await call(portal.origin, 'POST', location, { jar, form: { code: backupCodes[0] ?? '' } });
    expect(ok.status).toBe(303);
    expect((await call(portal.origin, 'GET', '/', { jar })).text).toContain('Signed in as');
  });

  test('a confirm page without a valid key says so', async ({ portal }) => {
    const r = await call(portal.origin, 'GET', `/confirm/TfaActivation?type=TfaActivation&uid=${portal.user('user').id}`);
    expect(r.status).toBe(401);
    expect(r.text).toContain('This link is invalid or has expired.');
  });

  test('unknown pages are an HTML 404', async ({ portal }) => {
    const r = await call(portal.origin, 'GET', '/nope');
    expect(r.status).toBe(404);
    expect(r.text).toContain(TITLE);
  });
});

import { describe, expect } from 'vitest';
import { SYSTEM_GROUPS } from '../portal/demo';
import { startPortal } from '../portal/server';
import { CookieJar, call, passwordSignIn } from '../portal/test-client';
import { integrationTest } from './fixtures';

const test = integrationTest
  .extend('jarFor', ({ portal }) => async (email: string): Promise<CookieJar> => {
    const jar = new CookieJar();
    jar.cookies.set('asc_auth_key', await portal.signIn(email));
    return jar;
  })
  .extend('put', ({ portal, jarFor }) => async (email: string, body: unknown, path = 'settings/tfaapp') => call(portal.origin, 'PUT', path, { jar: await jarFor(email), body }))
  .extend('owner', ({ portal }) => () => portal.user('owner').id)
  .extend('challenged', ({ portal }) => async (email: string): Promise<boolean> =>
    (await passwordSignIn(portal.origin, email)).reply.json.response.tfa === true);

describe('PUT settings/tfaapp', () => {
  test.for([['App'], ['app'], ['APP'], [2], ['2']])('type %j enables the app policy', async ([type], { portal, put }) => {
    const r = await put('admin@demo.test', { type });
    expect(r.json.response).toBe(true);
    expect(portal.getPolicy().enabled).toBe(true);
  });

  test('a missing type disables, resets the lists to null and returns false', async ({ portal, jarFor, put }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.1'] });
    const r = await put('admin@demo.test', { trustedIps: ['1.2.3.4'] });
    expect(r.status).toBe(200);
    expect(r.json.response).toBe(false);
    expect(portal.getPolicy()).toEqual({ enabled: false, trustedIps: null, mandatoryUsers: null, mandatoryGroups: null });
    const got = await call(portal.origin, 'GET', 'settings/tfaapp', { jar: await jarFor('user') });
    expect(got.json.response[1]).toEqual({ id: 'app', title: 'By authenticator app', enabled: false, available: true });
  });

  test.for([['None'], ['none'], [0]])('type %j disables', async ([type], { portal, put }) => {
    portal.setPolicy({ enabled: true });
    expect((await put('owner@demo.test', { type })).json.response).toBe(false);
    expect(portal.getPolicy().enabled).toBe(false);
  });

  test('enabling signs out every session (caller included); disabling does not; API keys survive', async ({ portal, jarFor }) => {
    const admin = await jarFor('admin');
    const other = await jarFor('user');
    const key = portal.apiKeyOf('user@demo.test');
    expect((await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: admin, body: { type: 'none' } })).status).toBe(200);
    expect((await call(portal.origin, 'GET', 'people/@self', { jar: admin })).status).toBe(200);
    expect((await call(portal.origin, 'PUT', 'settings/tfaapp', { jar: admin, body: { type: 'app' } })).json.response).toBe(true);
    expect((await call(portal.origin, 'GET', 'people/@self', { jar: admin })).status).toBe(401);
    expect((await call(portal.origin, 'GET', 'people/@self', { jar: other })).status).toBe(401);
    const viaKey = await call(portal.origin, 'GET', 'people/@self', { headers: { Authorization: `Bearer ${key}` } });
    expect(viaKey.status).toBe(200);
    expect(viaKey.json.response.email).toBe('user@demo.test');
  });

  test('SMS is refused while no SMS provider is available', async ({ put }) => {
    const r = await put('admin@demo.test', { type: 'Sms' });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe('Operation is not valid due to the current state of the object.');
  });

  test('tfaappwithlink returns "" when disabling and 500 when the caller is exempt', async ({ portal, put }) => {
    expect((await put('admin@demo.test', { type: 'none' }, 'settings/tfaappwithlink')).json.response).toBe('');
    const exempt = await put('admin@demo.test', { type: 'app', trustedIps: ['127.0.0.1'] }, 'settings/tfaappwithlink');
    expect(exempt.status).toBe(500);
    expect(portal.getPolicy().enabled).toBe(true);
  });

  test('the confirm cookie of withlink is _TfaAuth for an already enrolled caller', async ({ portal, put }) => {
    portal.enrol('admin@demo.test');
    const r = await put('admin@demo.test', { type: 'app' }, 'settings/tfaappwithlink');
    expect(r.json.response).toContain('/confirm/TfaAuth?type=TfaAuth&uid=');
    expect(r.setCookies.some((c) => c.startsWith('asc_confirm_key_TfaAuth='))).toBe(true);
  });
});

describe('owner guard (§2.2)', () => {
  test('an admin cannot target the owner by id', async ({ put, owner }) => {
    const r = await put('admin@demo.test', { type: 'app', id: owner() });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe('No permissions to perform this action');
  });

  test('3.7: mandatoryUsers containing the owner needs id = caller; the owner must send its own id too', async ({ portal, put, owner }) => {
    const body = { type: 'app', mandatoryUsers: [owner()] };
    expect((await put('admin@demo.test', body)).status).toBe(403);
    expect((await put('owner@demo.test', body)).status).toBe(403);
    expect((await put('owner@demo.test', { ...body, id: owner() })).json.response).toBe(true);
    // The check is bypassable: an admin sending its own id passes.
    expect((await put('admin@demo.test', { ...body, id: portal.user('admin').id })).json.response).toBe(true);
  });

  test('3.6.1: tfaapp has no owner guard at all; tfaappwithlink checks only id == owner (§11.3)', async ({ portal, put, owner }) => {
    portal.setVersion('3.6');
    try {
      expect((await put('admin@demo.test', { type: 'app', mandatoryUsers: [owner()] })).json.response).toBe(true);
      expect((await put('admin@demo.test', { type: 'app', id: owner() })).json.response).toBe(true);
      expect((await put('admin@demo.test', { type: 'app', id: owner() }, 'settings/tfaappwithlink')).status).toBe(403);
      const mine = { type: 'app', id: portal.user('admin').id, mandatoryUsers: [owner()] };
      expect((await put('admin@demo.test', mine, 'settings/tfaappwithlink')).status).toBe(200);
    } finally {
      portal.setVersion('3.7');
    }
  });
});

describe('switching the method (TfaSettingsBase.SetEnable(false) writes new T(), §11.3)', () => {
  test('the method switched off loses its lists; a method that was already off keeps what it held', async () => {
    const p = await startPortal({ port: 0, smsAvailable: true });
    try {
      const admin = async () => {
        const jar = new CookieJar();
        jar.cookies.set('asc_auth_key', await p.signIn('admin@demo.test'));
        return jar;
      };
      const lists = { trustedIps: ['10.0.0.1'], mandatoryUsers: [p.user('user').id], mandatoryGroups: [] };
      expect((await call(p.origin, 'PUT', 'settings/tfaapp', { jar: await admin(), body: { type: 'sms', ...lists } })).json.response).toBe(true);
      expect(p.state.sms).toMatchObject({ enable: true, trustedIps: ['10.0.0.1'] });
      expect((await call(p.origin, 'PUT', 'settings/tfaapp', { jar: await admin(), body: { type: 'app', trustedIps: ['10.0.0.2'] } })).json.response).toBe(true);
      expect(p.state.sms).toEqual({ enable: false, trustedIps: null, mandatoryUsers: null, mandatoryGroups: null });
      expect(p.state.app).toMatchObject({ enable: true, trustedIps: ['10.0.0.2'] });
      // Back to SMS: the app policy (on) is dropped in turn.
      expect((await call(p.origin, 'PUT', 'settings/tfaapp', { jar: await admin(), body: { type: 'sms', ...lists } })).json.response).toBe(true);
      expect(p.state.app).toEqual({ enable: false, trustedIps: null, mandatoryUsers: null, mandatoryGroups: null });
    } finally {
      await p.close();
    }
  });
});

describe('who is challenged (TfaEnabledForUserAsync)', () => {
  test('empty trustedIps challenges everyone', async ({ portal, challenged }) => {
    portal.setPolicy({ enabled: true });
    expect(await challenged('guest@demo.test')).toBe(true);
  });

  test.for([
    ['exact', '127.0.0.1', '127.0.0.1', false],
    ['range in', '10.0.0.1-10.0.0.50', '10.0.0.42', false],
    ['range out', '10.0.0.1-10.0.0.50', '10.0.0.51', true],
    ['cidr in', '203.0.113.0/24', '203.0.113.200', false],
    ['cidr out', '203.0.113.0/24', '203.0.114.1', true],
    ['ipv6 exact', '2001:db8::1', '2001:db8::1', false],
    ['garbage entry (no - or /: a plain string that never matches)', 'office', '127.0.0.1', true],
  ] as const)('trusted IP %s', async ([_name, entry, ip, expectChallenge], { portal, challenged }) => {
    portal.setPolicy({ enabled: true, trustedIps: [entry] });
    portal.setClientIp(ip);
    expect(await challenged('user@demo.test')).toBe(expectChallenge);
  });

  test('mandatory users and groups are challenged even from a trusted IP', async ({ portal, challenged }) => {
    const finance = portal.groups.find((g) => g.name === 'Finance')?.id ?? '';
    portal.setPolicy({ enabled: true, trustedIps: ['127.0.0.0/8'], mandatoryUsers: [portal.user('dave').id], mandatoryGroups: [finance] });
    expect(await challenged('dave@demo.test')).toBe(true);
    expect(await challenged('alice@demo.test')).toBe(true);
    expect(await challenged('erin@demo.test')).toBe(false);
  });

  test('system group ids in mandatoryGroups are honoured', async ({ portal, challenged }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['127.0.0.1'], mandatoryGroups: [SYSTEM_GROUPS.docSpaceAdmin.id] });
    expect(await challenged('admin@demo.test')).toBe(true);
    expect(await challenged('owner@demo.test')).toBe(true);
    expect(await challenged('roomadmin@demo.test')).toBe(false);
  });

  test('GET tfaapp/confirm has no response when TFA does not apply (3.7)', async ({ portal, jarFor }) => {
    portal.setPolicy({ enabled: true, trustedIps: ['127.0.0.1'] });
    const r = await call(portal.origin, 'GET', 'settings/tfaapp/confirm', { jar: await jarFor('user') });
    expect(r.json).toEqual({ count: 0, links: expect.any(Array), status: 0, statusCode: 200 });
  });
});

describe('tfaappnewapp (§2.9)', () => {
  test('self: wipes enrolment, re-issues the auth cookie, sets the activation cookie, returns the URL', async ({ portal, jarFor }) => {
    portal.setPolicy({ enabled: true });
    const { secret } = portal.enrol('admin@demo.test');
    const jar = await jarFor('admin@demo.test');
    const before = jar.get('asc_auth_key');
    const id = portal.user('admin').id;
    const r = await call(portal.origin, 'PUT', 'settings/tfaappnewapp', { jar, body: { id } });
    expect(r.json.response).toBe(`${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${id}`);
    expect(jar.get('asc_auth_key')).not.toBe(before);
    expect(jar.get('asc_confirm_key_TfaActivation')).toBeTruthy();
    expect((await call(portal.origin, 'GET', 'people/@self', { jar })).status).toBe(200);
    expect((await call(portal.origin, 'GET', 'people/@self', { headers: { Cookie: `asc_auth_key=${before}` } })).status).toBe(401);
    expect(portal.backupCodes('admin@demo.test')).toEqual([]);
    const setup = await call(portal.origin, 'GET', 'settings/tfaapp/setup', { jar, headers: { confirm: `type=TfaActivation&uid=${id}` } });
    expect(setup.json.response.manualEntryKey).not.toBe(secret);
  });

  test('empty or missing id → 403 "TFA application settings are not available" even when enrolled', async ({ portal, put }) => {
    portal.enrol('admin@demo.test');
    for (const body of [{}, { id: '00000000-0000-0000-0000-000000000000' }]) {
      const r = await put('admin@demo.test', body, 'settings/tfaappnewapp');
      expect(r.status).toBe(403);
      expect(r.json.error.message).toBe('TFA application settings are not available');
    }
  });

  test('other user: only the owner may, the target is signed out, the answer is ""', async ({ portal, jarFor, put }) => {
    portal.enrol('user@demo.test');
    const target = portal.user('user').id;
    const userJar = await jarFor('user@demo.test');
    const byAdmin = await put('admin@demo.test', { id: target }, 'settings/tfaappnewapp');
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.json.error.message).toBe('No permissions to perform this action');
    // No Action_EditUser on the target: UnlinkTfaApp's own InvalidOperationException(ErrorAccessDenied), not SecurityException (§12.4).
    expect((await put('alice@demo.test', { id: target }, 'settings/tfaappnewapp')).json.error.message).toBe('No permissions to perform this action');
    const byOwner = await put('owner@demo.test', { id: target }, 'settings/tfaappnewapp');
    expect(byOwner.status).toBe(200);
    expect(byOwner.json.response).toBe('');
    expect(portal.secretOf('user@demo.test')).toBeNull();
    expect((await call(portal.origin, 'GET', 'people/@self', { jar: userJar })).status).toBe(401);
    expect((await put('owner@demo.test', { id: target }, 'settings/tfaappnewapp')).status).toBe(403);
  });
});

describe('API keys (§5.2)', () => {
  test('act as their creator, ignore cookies, and an unknown key is 401', async ({ portal }) => {
    const key = portal.apiKeyOf('admin@demo.test');
    expect(key).toMatch(/^sk-[0-9a-f]+$/);
    const r = await call(portal.origin, 'PUT', 'settings/tfaapp', {
      headers: { Authorization: `Bearer ${key}`, Cookie: 'asc_auth_key=garbage' },
      body: { type: 'app' },
    });
    expect(r.json.response).toBe(true);
    expect(portal.requests.at(-1)?.auth).toBe('apiKey');
    const bad = await call(portal.origin, 'GET', 'settings/tfaapp', { headers: { Authorization: 'Bearer sk-0000' } });
    expect(bad.status).toBe(401);
  });
});

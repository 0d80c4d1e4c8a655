import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningPortal, startPortal } from '../portal/server';
import { CookieJar, call, passwordSignIn } from '../portal/test-client';

let p36: RunningPortal;
let p37: RunningPortal;
beforeAll(async () => {
  [p36, p37] = await Promise.all([startPortal({ version: '3.6' }), startPortal({ version: '3.7' })]);
});
afterAll(async () => {
  await Promise.all([p36.close(), p37.close()]);
});
beforeEach(() => {
  p36.reset();
  p37.reset();
});

const jarFor = async (portal: RunningPortal, email: string): Promise<CookieJar> => {
  const jar = new CookieJar();
  jar.cookies.set('asc_auth_key', await portal.signIn(email));
  return jar;
};

describe('3.6 vs 3.7 (§0.1)', () => {
  it('spells the TFA flag avaliable on 3.6 and available on 3.7', async () => {
    const a = await call(p36.origin, 'GET', 'settings/tfaapp', { jar: await jarFor(p36, 'user') });
    const b = await call(p37.origin, 'GET', 'settings/tfaapp', { jar: await jarFor(p37, 'user') });
    expect(a.json.response[1]).toEqual({ id: 'app', title: 'By authenticator app', enabled: false, avaliable: true });
    expect(b.json.response[1]).toEqual({ id: 'app', title: 'By authenticator app', enabled: false, available: true });
  });

  it('GET tfaapp/confirm: bare URL string on 3.6, object on 3.7; "" vs no response when TFA does not apply', async () => {
    const off36 = await call(p36.origin, 'GET', 'settings/tfaapp/confirm', { jar: await jarFor(p36, 'user') });
    expect(off36.json).toMatchObject({ response: '', count: 1 });
    const off37 = await call(p37.origin, 'GET', 'settings/tfaapp/confirm', { jar: await jarFor(p37, 'user') });
    expect(off37.json.response).toBeUndefined();
    expect(off37.json.count).toBe(0);

    const j36 = await jarFor(p36, 'user');
    const j37 = await jarFor(p37, 'user');
    p36.setPolicy({ enabled: true });
    p37.setPolicy({ enabled: true });
    const on36 = await call(p36.origin, 'GET', 'settings/tfaapp/confirm', { jar: j36 });
    expect(on36.json.response).toBe(`${p36.origin}/confirm/TfaActivation?type=TfaActivation&uid=${p36.user('user').id}`);
    expect(j36.get('asc_confirm_key_TfaActivation')).toBeTruthy();
    const on37 = await call(p37.origin, 'GET', 'settings/tfaapp/confirm', { jar: j37 });
    expect(on37.json.response.cookieName).toBe('asc_confirm_key_TfaActivation');
    expect(on37.json.response.cookieValue).toBe(j37.get('asc_confirm_key_TfaActivation'));
  });

  it('owner isAdmin is true on 3.6 and false on 3.7; isOwner always', async () => {
    const a = await call(p36.origin, 'GET', 'people/@self', { jar: await jarFor(p36, 'owner') });
    const b = await call(p37.origin, 'GET', 'people/@self', { jar: await jarFor(p37, 'owner') });
    expect(a.json.response).toMatchObject({ isOwner: true, isAdmin: true });
    expect(b.json.response).toMatchObject({ isOwner: true, isAdmin: false });
  });

  it('reports the version in settings and version/build', async () => {
    expect((await call(p36.origin, 'GET', 'settings/version/build')).json.response.docSpace).toBe('3.6.1.100');
    const s36 = (await call(p36.origin, 'GET', 'settings')).json.response;
    expect(s36.version).toBe('3.6.1.100');
    expect(s36.aiEnabled).toBeUndefined();
    expect((await call(p37.origin, 'GET', 'settings')).json.response.aiEnabled).toBe(false);
  });

  it('3.6 validate also accepts a plain signed-in cookie; 3.7 wants the confirm header', async () => {
    p36.setPolicy({ enabled: true });
    p37.setPolicy({ enabled: true });
    const { backupCodes: c36 } = p36.enrol('alice@demo.test');
    const { backupCodes: c37 } = p37.enrol('alice@demo.test');
    const r36 = await call(p36.origin, 'POST', 'settings/tfaapp/validate', { jar: await jarFor(p36, 'alice'), body: { code: c36[0] } });
    expect(r36.status).toBe(200);
    expect(r36.json.response).toBe(false);
    const r37 = await call(p37.origin, 'POST', 'settings/tfaapp/validate', { jar: await jarFor(p37, 'alice'), body: { code: c37[0] } });
    expect(r37.status).toBe(403);
    expect(r37.text).toBe('');
  });

  it('3.7 rejects a TfaAuth key on a cookie-authenticated request; 3.6 accepts it', async () => {
    for (const portal of [p36, p37]) {
      portal.setPolicy({ enabled: true });
      const { backupCodes } = portal.enrol('bob@demo.test');
      const { jar } = await passwordSignIn(portal.origin, 'bob@demo.test');
      jar.cookies.set('asc_auth_key', await portal.signIn('bob@demo.test'));
      const r = await call(portal.origin, 'POST', 'settings/tfaapp/validate', {
        jar,
        headers: { confirm: `type=TfaAuth&uid=${portal.user('bob').id}` },
        body: { code: backupCodes[0] },
      });
      expect(r.status).toBe(portal === p37 ? 401 : 200);
    }
  });

  it('can switch version at run time', async () => {
    p37.setVersion('3.6');
    const r = await call(p37.origin, 'GET', 'settings/tfaapp', { jar: await jarFor(p37, 'user') });
    expect(r.json.response[0]).toHaveProperty('avaliable', false);
    p37.setVersion('3.7');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPortal, startPortal } from '../portal/server';
import { call } from '../portal/test-client';

/**
 * The emulated portal's enrolment facts for coverage views (issue 26; fact sheet §12.5, §12.2, §10): who gets
 * `tfaAppEnabled` on which endpoint, `isSSO` and `accountLoginType`, the phone activation status, the old-portal switch,
 * and the order of `people/filter` (ties by default, e-mail order unique).
 */
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal.close();
});
afterEach(() => {
  portal.reset();
});

type Person = { id: string; email: string; tfaAppEnabled?: boolean; isSSO?: boolean; mobilePhoneActivationStatus?: number; mobilePhone?: string };

const get = async (as: string, path: string) =>
  call(portal.origin, 'GET', path, { headers: { Cookie: `asc_auth_key=${await portal.signIn(as)}` } });
const list = async (as: string, path: string): Promise<Person[]> => {
  const r = await get(as, path);
  expect(r.status, path).toBe(200);
  return r.json.response as Person[];
};
const one = async (as: string, path: string): Promise<Person> => {
  const r = await get(as, path);
  expect(r.status, path).toBe(200);
  return r.json.response as Person;
};
const byEmail = (people: Person[], email: string): Person | undefined => people.find((p) => p.email === email);

/** Every endpoint that carries the field (§12.5), each giving alice's profile. */
const carrying = (): [string, () => Promise<Person | undefined>][] => [
  ['people/filter', async () => byEmail(await list('admin', 'people/filter'), 'alice@demo.test')],
  ['GET people', async () => byEmail(await list('admin', 'people'), 'alice@demo.test')],
  ['people/status/1', async () => byEmail(await list('admin', 'people/status/1'), 'alice@demo.test')],
  ['people/status/active/search', async () => byEmail(await list('admin', 'people/status/active/search?query=alice'), 'alice@demo.test')],
  ['people/{id}', () => one('admin', `people/${portal.user('alice').id}`)],
  ['people/@search/{query}', async () => byEmail(await list('admin', 'people/@search/alice'), 'alice@demo.test')],
];

describe('tfaAppEnabled (§12.5)', () => {
  it('every carrying endpoint: true for a person with backup codes, false without, for an admin while app TFA is on', async () => {
    portal.setPolicy({ enabled: true });
    for (const [name, read] of carrying()) {
      expect((await read())?.tfaAppEnabled, name).toBe(false);
    }
    portal.enrolUser('alice@demo.test');
    expect(portal.isEnrolled('alice@demo.test')).toBe(true);
    for (const [name, read] of carrying()) {
      expect((await read())?.tfaAppEnabled, name).toBe(true);
    }
    portal.enrolUser('admin@demo.test');
    expect((await one('admin', 'people/@self')).tfaAppEnabled).toBe(true);
  });

  it('the owner sees it too; room admins, users and guests never (absent, not false)', async () => {
    portal.setPolicy({ enabled: true });
    portal.enrolUser('alice@demo.test');
    expect((await one('owner', `people/${portal.user('alice').id}`)).tfaAppEnabled).toBe(true);
    expect(byEmail(await list('owner', 'people/filter'), 'alice@demo.test')?.tfaAppEnabled).toBe(true);
    const rooms = byEmail(await list('roomadmin', 'people/filter'), 'alice@demo.test');
    expect(rooms && 'tfaAppEnabled' in rooms).toBe(false);
    expect('tfaAppEnabled' in (await one('roomadmin', `people/${portal.user('alice').id}`))).toBe(false);
    portal.enrolUser('user@demo.test');
    expect('tfaAppEnabled' in (await one('user', 'people/@self'))).toBe(false);
    expect('tfaAppEnabled' in (await one('guest', 'people/@self'))).toBe(false);
  });

  it('absent while TFA is off and in SMS mode', async () => {
    portal.enrolUser('alice@demo.test');
    const off = byEmail(await list('admin', 'people/filter'), 'alice@demo.test');
    expect(off && 'tfaAppEnabled' in off).toBe(false);
    portal.state.smsAvailable = true;
    portal.state.sms = { enable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
    const sms = byEmail(await list('admin', 'people/filter'), 'alice@demo.test');
    expect(sms && 'tfaAppEnabled' in sms).toBe(false);
  });

  it('never on people/simple/filter nor people/search, whoever asks', async () => {
    portal.setPolicy({ enabled: true });
    portal.enrolUser('alice@demo.test');
    for (const path of ['people/simple/filter', 'people/search?query=alice']) {
      const people = await list('owner', path);
      expect(people.length, path).toBeGreaterThan(0);
      expect(people.some((p) => 'tfaAppEnabled' in p), path).toBe(false);
    }
    expect(byEmail(await list('owner', 'people/search?query=alice'), 'alice@demo.test')).toBeDefined();
  });

  it('stays true when every backup code is used; the owner\'s reset makes it false', async () => {
    portal.setPolicy({ enabled: true });
    const { backupCodes } = portal.enrol('alice@demo.test');
    for (const code of backupCodes) {
      expect(portal.state.useBackupCode(portal.user('alice').id, code)).toBe(true);
    }
    const alice = () => one('admin', `people/${portal.user('alice').id}`);
    expect((await alice()).tfaAppEnabled).toBe(true);
    const reset = await call(portal.origin, 'PUT', 'settings/tfaappnewapp', {
      headers: { Cookie: `asc_auth_key=${await portal.signIn('owner')}` },
      body: { id: portal.user('alice').id },
    });
    expect(reset.status).toBe(200);
    expect((await alice()).tfaAppEnabled).toBe(false);
  });

  it('per-user app settings survive disabling and re-enabling the policy (TfaExpiredAndResetAsync not emulated)', async () => {
    portal.setPolicy({ enabled: true });
    portal.enrolUser('alice@demo.test');
    portal.setPolicy({ enabled: false });
    expect(portal.isEnrolled('alice@demo.test')).toBe(true);
    portal.setPolicy({ enabled: true });
    expect((await one('admin', `people/${portal.user('alice').id}`)).tfaAppEnabled).toBe(true);
  });

  it('a portal older than v3.1.1 never sends it (runtime switch and start option); reset() restores it', async () => {
    portal.setPolicy({ enabled: true });
    portal.enrolUser('alice@demo.test');
    portal.setTfaAppField(false);
    for (const [name, read] of carrying()) {
      const p = await read();
      expect(p && 'tfaAppEnabled' in p, name).toBe(false);
    }
    portal.reset();
    portal.setPolicy({ enabled: true });
    expect((await one('admin', 'people/@self')).tfaAppEnabled).toBe(false);
    const old = await startPortal({ tfaAppField: false });
    try {
      old.setPolicy({ enabled: true });
      const r = await call(old.origin, 'GET', 'people/@self', { headers: { Cookie: `asc_auth_key=${await old.signIn('admin')}` } });
      expect('tfaAppEnabled' in r.json.response).toBe(false);
      old.reset();
      expect(old.state.tfaAppField).toBe(false);
    } finally {
      await old.close();
    }
  });
});

describe('people/status routes (§12.5, UserController.cs)', () => {
  it('status/{status} pages like people/filter with the route\'s status; status/{status}/search is admins only, not paged', async () => {
    const disabled = await get('admin', 'people/status/2');
    expect(disabled.json.response.map((p: Person) => p.email)).toEqual(['trent@demo.test']);
    expect(disabled.json.total).toBe(1);
    const search = await get('admin', 'people/status/1/search?query=an');
    expect(search.json.count).toBe(1);
    expect(search.json.total).toBeUndefined();
    expect(search.json.response.map((p: Person) => p.email)).toContain('alice@demo.test');
    expect((await get('roomadmin', 'people/status/1/search?query=an')).status).toBe(403);
    expect((await get('user', 'people/status/1')).status).toBe(403);
  });
});

describe('isSSO and accountLoginType (§10.3, DbUserService.cs)', () => {
  it('the demo SSO person carries isSSO: true; everyone else false', async () => {
    const people = await list('admin', 'people/filter');
    expect(people.filter((p) => p.isSSO).map((p) => p.email)).toEqual(['sam@demo.test']);
    expect(people.every((p) => typeof p.isSSO === 'boolean')).toBe(true);
  });

  it.each([
    ['0', ['sam@demo.test']],
    ['SSO', ['sam@demo.test']],
    ['sso', ['sam@demo.test']],
    ['1', []],
    ['LDAP', []],
  ])('accountLoginType=%s', async (value, emails) => {
    const r = await get('admin', `people/filter?accountLoginType=${value}`);
    expect(r.json.response.map((p: Person) => p.email)).toEqual(emails);
    expect(r.json.total).toBe(emails.length);
  });

  it('accountLoginType=2 / Standart: everyone but the SSO person; an unknown value is a wrapped 400', async () => {
    for (const v of ['2', 'Standart']) {
      const r = await get('admin', `people/filter?accountLoginType=${v}`);
      expect(r.json.total).toBe(portal.users.length - 1);
      expect(r.json.response.map((p: Person) => p.email)).not.toContain('sam@demo.test');
    }
    const bad = await get('admin', 'people/filter?accountLoginType=Kerberos');
    expect(bad.status).toBe(400);
  });
});

describe('mobilePhoneActivationStatus (§12.5, EmployeeFullDto.cs)', () => {
  it('1 with a number for a person with an activated phone, 0 and no number otherwise, in every mode', async () => {
    const check = async () => {
      const people = await list('admin', 'people/filter');
      expect(byEmail(people, 'carol@demo.test')).toMatchObject({ mobilePhoneActivationStatus: 1, mobilePhone: expect.stringMatching(/^\+1555010\d\d$/) });
      const alice = byEmail(people, 'alice@demo.test');
      expect(alice?.mobilePhoneActivationStatus).toBe(0);
      expect(alice && 'mobilePhone' in alice).toBe(false);
    };
    await check();
    portal.state.smsAvailable = true;
    portal.state.sms = { enable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
    await check();
  });
});

describe('order (§12.2)', () => {
  it('sortBy=email is by e-mail alone and the same on every request; the default order keeps its ties', async () => {
    const twins = Array.from({ length: 30 }, (_, i) => ({
      id: `7e000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      email: `twin${String(i).padStart(2, '0')}@demo.test`,
      password: 'demo-password',
      firstName: 'Twin',
      lastName: `T${i}`,
      displayName: `Twin T${i}`,
      role: 'user' as const,
      groups: [],
    }));
    portal.addUsers(twins);
    const emails = async (path: string) => (await list('admin', path)).map((p) => p.email);
    const byMail = await emails('people/filter?sortBy=email');
    expect(byMail).toEqual(portal.users.map((u) => u.email).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(await emails('people/filter?sortBy=email')).toEqual(byMail);
    const first = await emails('people/filter');
    const again = await emails('people/filter');
    const twinsOf = (l: string[]) => l.filter((e) => e.startsWith('twin'));
    expect(twinsOf(first)).not.toEqual(twinsOf(again));
  });
});

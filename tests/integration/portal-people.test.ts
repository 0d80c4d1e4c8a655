import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_GROUPS } from '../portal/demo';
import { type RunningPortal, startPortal } from '../portal/server';
import { call } from '../portal/test-client';

let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal.close();
});

const get = async (as: string, path: string) =>
  call(portal.origin, 'GET', path, { headers: { Cookie: `asc_auth_key=${await portal.signIn(as)}` } });

describe('people/@self and people/{id} (§4.1, §10.1)', () => {
  it('@self carries role flags; tfaAppEnabled only for admins while the policy is on', async () => {
    const u = (await get('user', 'people/@self')).json.response;
    expect(u).toMatchObject({ email: 'user@demo.test', isCollaborator: true, isAdmin: false, isOwner: false, isVisitor: false, status: 1 });
    expect(u.tfaAppEnabled).toBeUndefined();
    expect((await get('admin', 'people/@self')).json.response.tfaAppEnabled).toBeUndefined();
    portal.setPolicy({ enabled: true });
    try {
      expect((await get('admin', 'people/@self')).json.response.tfaAppEnabled).toBe(false);
      expect((await get('user', 'people/@self')).json.response.tfaAppEnabled).toBeUndefined();
      const other = (await get('owner', `people/${portal.user('alice').id}`)).json.response;
      expect(other.tfaAppEnabled).toBe(false);
    } finally {
      portal.setPolicy({ enabled: false });
    }
  });

  it('displayName is HTML-encoded on the wire; firstName is not', async () => {
    const m = portal.user('mallory@demo.test');
    const r = (await get('admin', `people/${m.id}`)).json.response;
    expect(r.displayName).toBe('&lt;b&gt;Mallory &amp;&quot;&#39;Quote');
    expect(r.firstName).toBe('<b>Mallory');
  });

  it('resolves a user name as well as a GUID; unknown → 404 JSON', async () => {
    expect((await get('admin', 'people/alice')).json.response.email).toBe('alice@demo.test');
    const r = await get('admin', 'people/11111111-2222-3333-4444-555555555555');
    expect(r.status).toBe(404);
    expect(r.json.error.message).toBe('The user could not be found');
  });

  it.each([
    ['user', 'alice', 403],
    ['user', 'user', 200],
    ['guest', 'alice', 403],
    ['roomadmin', 'alice', 200],
    ['roomadmin', 'guest', 403],
    ['admin', 'guest', 200],
  ])('%s viewing %s → %i', async (as, target, status) => {
    expect((await get(as, `people/${portal.user(target).id}`)).status).toBe(status);
  });

  it('a disabled account answers 200 with status 2', async () => {
    expect((await get('admin', `people/${portal.user('trent').id}`)).json.response.status).toBe(2);
  });
});

describe('people/filter (§10.3)', () => {
  it('pages with count/total and projects fields', async () => {
    const r = await get('admin', 'people/filter?count=5&startIndex=0&fields=id,displayName,email');
    expect(r.json.count).toBe(5);
    expect(r.json.total).toBe(portal.users.length);
    expect(Object.keys(r.json.response[0]).sort()).toEqual(['displayName', 'email', 'id']);
    const last = await get('admin', `people/filter?count=5&startIndex=15`);
    expect(last.json.count).toBe(portal.users.length - 15);
  });

  it('filters text: every space-separated term must match, or any with filterSeparator', async () => {
    const both = await get('admin', 'people/filter?filterValue=alice%20anderson');
    expect(both.json.response.map((u: { email: string }) => u.email)).toEqual(['alice@demo.test']);
    const none = await get('admin', 'people/filter?filterValue=alice%20brown');
    expect(none.json.total).toBe(0);
    const any = await get('admin', 'people/filter?filterValue=alice,brown&filterSeparator=,');
    expect(any.json.total).toBe(2);
  });

  it('out-of-range count is a wrapped 400', async () => {
    const r = await get('admin', 'people/filter?count=101');
    expect(r.status).toBe(400);
    expect(r.json.status).toBe(1);
  });

  it('room admins see neither guests nor disabled accounts; users and guests get 403', async () => {
    const r = await get('roomadmin', 'people/filter');
    const emails = r.json.response.map((u: { email: string }) => u.email);
    expect(emails).not.toContain('guest@demo.test');
    expect(emails).not.toContain('trent@demo.test');
    expect((await get('user', 'people/filter')).status).toBe(403);
    expect((await get('guest', 'people/filter')).json.error.message).toBe('Access denied');
  });

  it('filters by group and status', async () => {
    const finance = portal.groups.find((g) => g.name === 'Finance')?.id;
    const r = await get('admin', `people/filter?groupId=${finance}&fields=email`);
    expect(r.json.response.map((u: { email: string }) => u.email).sort()).toEqual(
      portal.users.filter((u) => u.groups.includes(finance ?? '')).map((u) => u.email).sort(),
    );
    expect((await get('admin', 'people/filter?employeeStatus=2')).json.total).toBe(1);
  });

  it('simple/filter has no email', async () => {
    const r = await get('admin', 'people/simple/filter?count=1');
    expect(r.json.response[0].email).toBeUndefined();
    expect(r.json.response[0].displayName).toBeDefined();
  });

  it('people/search is admins only, active accounts only, count 1 and no total', async () => {
    const r = await get('admin', 'people/search?query=ter');
    expect(r.json.count).toBe(1);
    expect(r.json.total).toBeUndefined();
    expect(r.json.response.map((u: { email: string }) => u.email)).not.toContain('trent@demo.test');
    expect((await get('roomadmin', 'people/search?query=al')).status).toBe(403);
  });
});

describe('groups (§10.4)', () => {
  it('lists tenant groups only, with count and total, for admins and room admins', async () => {
    const r = await get('roomadmin', 'group');
    expect(r.json.response.map((g: { name: string }) => g.name)).toEqual(['Engineering', 'Finance', 'Support']);
    expect(r.json.total).toBe(3);
    expect(r.json.response[0].members).toBeUndefined();
    expect((await get('user', 'group')).status).toBe(403);
    expect((await get('guest', 'group')).status).toBe(403);
  });

  it('group/{id}?includeMembers=false resolves tenant and system groups', async () => {
    const eng = portal.groups.find((g) => g.name === 'Engineering');
    const g = (await get('admin', `group/${eng?.id}?includeMembers=false`)).json.response;
    expect(g).toMatchObject({ id: eng?.id, name: 'Engineering', membersCount: 6 });
    expect(g.members).toBeUndefined();
    expect(g.manager.email).toBe('bob@demo.test');
    const sys = (await get('admin', `group/${SYSTEM_GROUPS.docSpaceAdmin.id}?includeMembers=false`)).json.response;
    expect(sys).toMatchObject({ name: 'DocSpaceAdmin', isSystem: true, membersCount: 2 });
    const withMembers = (await get('admin', `group/${eng?.id}`)).json.response;
    expect(withMembers.members).toHaveLength(6);
  });

  it('unknown group GUID → 404 JSON; a non-GUID → 404 with an empty body', async () => {
    const r = await get('admin', 'group/11111111-2222-3333-4444-555555555555');
    expect(r.status).toBe(404);
    expect(r.json.error.message).toBe('The group could not be found');
    const n = await get('admin', 'group/not-a-guid');
    expect(n.status).toBe(404);
    expect(n.text).toBe('');
  });
});

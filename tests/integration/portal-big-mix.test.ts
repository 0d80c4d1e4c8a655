import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_MIX, BIG_USERS } from '../portal/big';
import { type RunningPortal, startPortal } from '../portal/server';
import { call } from '../portal/test-client';

/**
 * The big portal's mix (issue 26, tests/portal/big.ts BIG_MIX): what an admin's paging of `people/filter?sortBy=email`
 * reads (ids unique, no ties) matches the exported figures, with the demo portal's own accounts on top.
 */
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ big: true });
});
afterAll(async () => {
  await portal.close();
});

type Person = { id: string; status: number; isAdmin: boolean; isOwner: boolean; isSSO: boolean; tfaAppEnabled?: boolean };

async function readAll(cookie: string, extra = ''): Promise<{ people: Person[]; total: number }> {
  const people: Person[] = [];
  let total = 0;
  for (let start = 0; start === 0 || start < total; start += 100) {
    const r = await call(portal.origin, 'GET', `people/filter?sortBy=email&count=100&startIndex=${start}${extra}`, { headers: { Cookie: cookie } });
    expect(r.status).toBe(200);
    total = r.json.total;
    people.push(...(r.json.response as Person[]));
  }
  return { people, total };
}

describe('the big portal mix (BIG_MIX)', () => {
  it('has the shape the issue asks for: ~80 % enrolled, ~4 % SSO, ~3 % pending, ~2 % disabled, 12 admins (3 without)', () => {
    const share = (ids: readonly string[]) => ids.length / BIG_USERS;
    expect(share(BIG_MIX.enrolled)).toBeGreaterThan(0.78);
    expect(share(BIG_MIX.enrolled)).toBeLessThan(0.82);
    expect(share(BIG_MIX.sso)).toBeCloseTo(0.04, 2);
    expect(share(BIG_MIX.pending)).toBeCloseTo(0.03, 2);
    expect(share(BIG_MIX.disabled)).toBeCloseTo(0.02, 2);
    expect(BIG_MIX.admins).toHaveLength(12);
    expect(BIG_MIX.adminsWithout).toHaveLength(3);
    expect(BIG_MIX.roomAdmins.length + BIG_MIX.guests.length).toBeGreaterThan(0);
  });

  it('an admin paging people/filter by e-mail reads every person once, and the figures equal BIG_MIX', async () => {
    const { people, total } = await readAll(`asc_auth_key=${await portal.signIn('admin')}`);
    const demo = portal.users.length - BIG_USERS;
    expect(total).toBe(BIG_USERS + demo);
    expect(new Set(people.map((p) => p.id)).size).toBe(total);
    const big = new Set(portal.users.slice(demo).map((u) => u.id));
    const bigPeople = people.filter((p) => big.has(p.id));
    const ids = (keep: (p: Person) => boolean) => bigPeople.filter(keep).map((p) => p.id).sort();
    const sorted = (l: readonly string[]) => [...l].sort();
    expect(ids((p) => p.status === 1)).toEqual(sorted(BIG_MIX.active));
    expect(ids((p) => p.status === 4)).toEqual(sorted(BIG_MIX.pending));
    expect(ids((p) => p.status === 2)).toEqual(sorted(BIG_MIX.disabled));
    expect(ids((p) => p.isSSO)).toEqual(sorted(BIG_MIX.sso));
    expect(ids((p) => p.isSSO && p.status === 1)).toEqual(sorted(BIG_MIX.ssoActive));
    expect(ids((p) => p.tfaAppEnabled === true)).toEqual(sorted(BIG_MIX.enrolled));
    expect(ids((p) => p.tfaAppEnabled === true && p.status === 1)).toEqual(sorted(BIG_MIX.enrolledActive));
    expect(ids((p) => p.isAdmin)).toEqual(sorted(BIG_MIX.admins));
    expect(ids((p) => p.isAdmin && p.tfaAppEnabled === false)).toEqual(sorted(BIG_MIX.adminsWithout));
    expect(bigPeople.every((p) => typeof p.tfaAppEnabled === 'boolean')).toBe(true);
  });

  it('accountLoginType=0 lists the SSO people; a seeded enrolment has backup codes when read; reset() keeps the mix', async () => {
    const cookie = `asc_auth_key=${await portal.signIn('owner')}`;
    const sso = await readAll(cookie, '&accountLoginType=0');
    expect(sso.people.map((p) => p.id).sort()).toEqual([...BIG_MIX.sso, portal.user('sam').id].sort());
    const someone = BIG_MIX.enrolled[0]!;
    expect(portal.state.backupCodes(someone)).toHaveLength(5);
    portal.reset();
    expect(BIG_MIX.enrolled.every((id) => portal.state.isEnrolled(id))).toBe(true);
    expect(BIG_MIX.adminsWithout.some((id) => portal.state.isEnrolled(id))).toBe(false);
  });
});

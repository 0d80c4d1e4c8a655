// Issue 26: the pure counting of a coverage scan (coverage/summary.ts), also used for a draft policy's impact.
import { describe, expect, it } from 'vitest';
import { isCovered, mandatoryState, summarise } from '../../lib/providers/docspace/coverage/summary';
import type { CoveragePerson } from '../../lib/providers/docspace/coverage/types';
import { SYSTEM_GROUPS } from '../../lib/providers/docspace/tfa/applicability';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const GROUP = 'aaaaaaaa-0000-4000-8000-000000000001';

function person(n: number, over: Partial<CoveragePerson> = {}): CoveragePerson {
  return { id: id(n), name: `P${n}`, email: `p${n}@x.test`, role: 'user', status: 'active', hasApp: false, phoneActivated: null, sso: false, mandatory: null, groupIds: [], ...over };
}
const NONE = { mandatoryUsers: [], mandatoryGroups: [] };

describe('mandatoryState', () => {
  it('named in the policy (any case) is user, before any group', () => {
    expect(mandatoryState(person(1, { groupIds: [GROUP] }), { mandatoryUsers: [id(1).toUpperCase()], mandatoryGroups: [GROUP] })).toBe('user');
  });
  it('a tenant group of the profile is group', () => {
    expect(mandatoryState(person(1, { groupIds: [GROUP] }), { mandatoryUsers: [], mandatoryGroups: [GROUP.toUpperCase()] })).toBe('group');
  });
  it('system groups follow the role: DocSpaceAdmin = owner and admins, RoomAdmin, User, Guest, Everyone', () => {
    const lists = (g: string) => ({ mandatoryUsers: [], mandatoryGroups: [g] });
    expect(mandatoryState(person(1, { role: 'owner' }), lists(SYSTEM_GROUPS.docSpaceAdmin))).toBe('group');
    expect(mandatoryState(person(1, { role: 'admin' }), lists(SYSTEM_GROUPS.docSpaceAdmin))).toBe('group');
    expect(mandatoryState(person(1, { role: 'roomadmin' }), lists(SYSTEM_GROUPS.docSpaceAdmin))).toBeNull();
    expect(mandatoryState(person(1, { role: 'roomadmin' }), lists(SYSTEM_GROUPS.roomAdmin))).toBe('group');
    expect(mandatoryState(person(1, { role: 'user' }), lists(SYSTEM_GROUPS.user))).toBe('group');
    expect(mandatoryState(person(1, { role: 'user' }), lists(SYSTEM_GROUPS.guest))).toBeNull();
    expect(mandatoryState(person(1, { role: 'guest' }), lists(SYSTEM_GROUPS.guest))).toBe('group');
    expect(mandatoryState(person(1, { role: 'guest' }), lists(SYSTEM_GROUPS.everyone))).toBe('group');
  });
  it('neither', () => {
    expect(mandatoryState(person(1), { mandatoryUsers: [id(2)], mandatoryGroups: [GROUP] })).toBeNull();
  });
});

describe('summarise', () => {
  const people = [
    person(1, { role: 'owner', hasApp: true }),
    person(2, { role: 'admin', hasApp: false }),
    person(3, { role: 'admin', hasApp: false, sso: true }),
    person(4, { hasApp: true }),
    person(5, { hasApp: false, groupIds: [GROUP] }),
    person(6, { hasApp: false }),
    person(7, { hasApp: true, sso: true }),
    person(8, { hasApp: false, status: 'pending' }),
    person(9, { hasApp: true, status: 'disabled', role: 'admin' }),
    person(10, { hasApp: null }),
  ];

  it('counts active people only; SSO people are never without; admins and mandatory among the without', () => {
    const s = summarise(people, { mandatoryUsers: [id(6)], mandatoryGroups: [GROUP] }, id(2), id(1), 'app', 12, 1234);
    expect(s).toEqual({
      countedAt: 1234, mode: 'app', total: 12, read: 10,
      active: 8, covered: 3, sso: 2, adminsWithout: 1, without: 4, mandatoryWithout: 2,
      meCovered: false, ownerCovered: true,
    });
  });

  it('works the mandatory state out again from the lists given (a draft policy), not from the person', () => {
    const marked = people.map((p) => ({ ...p, mandatory: 'user' as const }));
    expect(summarise(marked, NONE, null, null, 'app', null, 0).mandatoryWithout).toBe(0);
    expect(summarise(people, { mandatoryUsers: [], mandatoryGroups: [SYSTEM_GROUPS.everyone] }, null, null, 'app', null, 0).mandatoryWithout).toBe(4);
  });

  it('SMS mode counts activated phones', () => {
    const phones = [person(1, { phoneActivated: true, hasApp: null }), person(2, { phoneActivated: false, hasApp: null, role: 'admin' }), person(3, { phoneActivated: null, hasApp: true })];
    expect(summarise(phones, NONE, id(1), id(9), 'sms', 3, 0)).toMatchObject({ mode: 'sms', covered: 1, without: 2, adminsWithout: 1, meCovered: true, ownerCovered: null });
  });

  it('me and the owner: null when not read; the owner by role when the id is not known', () => {
    expect(summarise(people, NONE, id(99), null, 'app', null, 0)).toMatchObject({ meCovered: null, ownerCovered: true });
    expect(summarise([], NONE, null, null, 'app', null, 0)).toMatchObject({ read: 0, active: 0, covered: 0, meCovered: null, ownerCovered: null });
  });

  it('a person whose field was not carried is not counted as covered', () => {
    expect(isCovered({ hasApp: null, phoneActivated: null }, 'app')).toBe(false);
    expect(isCovered({ hasApp: true, phoneActivated: null }, 'sms')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { SYSTEM_GROUPS, applicabilityFor, badgeFor } from '../../lib/providers/docspace/tfa/applicability';
import { lowOnBackupCodes } from '../../lib/providers/docspace/tfa/low-codes';
import type { TfaPolicy } from '../../lib/providers/docspace/schemas';

const me = { id: 'AAAAAAAA-0000-0000-0000-000000000001', groupIds: ['g-finance'] };
const policy = (p: Partial<TfaPolicy>): TfaPolicy => ({
  method: 'app', smsAvailable: false, appAvailable: true, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [], ...p,
});

describe('who the policy challenges', () => {
  it.each([
    ['off', policy({ method: 'none', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [me.id] }), 'off'],
    ['no trusted IPs: everyone, lists ignored', policy({ mandatoryUsers: [] }), 'everyone'],
    ['trusted IPs + me mandatory (case-insensitive GUID)', policy({ trustedIps: ['10.0.0.1'], mandatoryUsers: [me.id.toLowerCase()] }), 'mandatoryUser'],
    ['trusted IPs + my group mandatory', policy({ trustedIps: ['10.0.0.1'], mandatoryGroups: ['G-FINANCE'] }), 'mandatoryGroup'],
    ['trusted IPs, not on lists', policy({ trustedIps: ['10.0.0.1'], mandatoryUsers: ['someone-else'] }), 'outsideTrusted'],
  ])('%s', (_name, p, kind) => {
    expect(applicabilityFor(p, me).kind).toBe(kind);
  });
});

describe('toolbar badge', () => {
  it.each([
    [{ kind: 'everyone' }, { state: 'enrolled', unusedCodes: 5, totalCodes: 5 }, '✓'],
    [{ kind: 'everyone' }, { state: 'notEnrolled' }, '!'],
    [{ kind: 'mandatoryUser' }, { state: 'notEnrolled' }, '!'],
    [{ kind: 'outsideTrusted' }, { state: 'notEnrolled' }, ''],
    [{ kind: 'off' }, { state: 'enrolled', unusedCodes: 5, totalCodes: 5 }, ''],
    [{ kind: 'everyone' }, { state: 'unknown' }, ''],
    [{ kind: 'everyone' }, { state: 'enrolled', unusedCodes: 2, totalCodes: 5 }, '✓'],
    [{ kind: 'everyone' }, { state: 'enrolled', unusedCodes: 1, totalCodes: 5 }, '!'],
    [{ kind: 'outsideTrusted' }, { state: 'enrolled', unusedCodes: 0, totalCodes: 5 }, '!'],
    [{ kind: 'everyone' }, { state: 'enrolled', unusedCodes: null, totalCodes: null }, '✓'],
    [{ kind: 'off' }, { state: 'enrolled', unusedCodes: 0, totalCodes: 5 }, ''],
  ] as const)('%o + %o → %j', (applies, enrolment, text) => {
    expect(badgeFor(applies, enrolment).text).toBe(text);
  });

  it('one or no backup codes left is its own tone (amber), not the "not enrolled" red', () => {
    expect(badgeFor({ kind: 'everyone' }, { state: 'enrolled', unusedCodes: 1, totalCodes: 5 }).tone).toBe('low');
    expect(badgeFor({ kind: 'everyone' }, { state: 'notEnrolled' }).tone).toBe('warn');
  });
});

describe('low on backup codes', () => {
  it.each([
    [{ state: 'enrolled', unusedCodes: 0, totalCodes: 5 }, true],
    [{ state: 'enrolled', unusedCodes: 1, totalCodes: 5 }, true],
    [{ state: 'enrolled', unusedCodes: 2, totalCodes: 5 }, false],
    // The portal did not say (codes unreadable): no warning made up.
    [{ state: 'enrolled', unusedCodes: null, totalCodes: null }, false],
    [{ state: 'notEnrolled' }, false],
  ] as const)('%o → %s', (enrolment, low) => {
    expect(lowOnBackupCodes(enrolment)).toBe(low);
  });
});

/** Fact sheet §11.3: system groups in mandatoryGroups are honoured by the server but never in a profile's groups. */
describe('system groups count, decided from the role', () => {
  const SYS = SYSTEM_GROUPS;
  const withTrusted = (groups: string[]) => policy({ trustedIps: ['10.0.0.1'], mandatoryGroups: groups });
  it.each([
    ['owner', [SYS.everyone, SYS.docSpaceAdmin, SYS.roomAdmin]],
    ['admin', [SYS.everyone, SYS.docSpaceAdmin, SYS.roomAdmin]],
    ['roomadmin', [SYS.everyone, SYS.roomAdmin]],
    ['user', [SYS.everyone, SYS.user]],
    ['guest', [SYS.everyone, SYS.guest]],
  ] as const)('%s is in exactly %j', (role, inside) => {
    for (const group of Object.values(SYS)) {
      const kind = applicabilityFor(withTrusted([group.toUpperCase()]), { id: me.id, role, groupIds: [] }).kind;
      expect(kind, `${role} / ${group}`).toBe((inside as readonly string[]).includes(group) ? 'mandatoryGroup' : 'outsideTrusted');
    }
  });

  it('without the role, a system group is not assumed', () => {
    expect(applicabilityFor(withTrusted([SYS.everyone]), me).kind).toBe('outsideTrusted');
  });

  it('the badge follows: a user not enrolled under "Everyone" mandatory gets "!"', () => {
    const applies = applicabilityFor(withTrusted([SYS.everyone]), { id: me.id, role: 'user', groupIds: [] });
    expect(badgeFor(applies, { state: 'notEnrolled' }).text).toBe('!');
  });
});

describe('the same membership as the emulated portal', () => {
  it('for every demo role and system group', async () => {
    const { PortalState } = await import('../portal/state');
    const { SYSTEM_GROUPS: EMULATED } = await import('../portal/demo');
    const { systemGroupsOf } = await import('../../lib/providers/docspace/tfa/applicability');
    expect(Object.values(EMULATED).map((g) => g.id).sort()).toEqual(Object.values(SYSTEM_GROUPS).sort());
    const state = new PortalState();
    for (const role of ['owner', 'admin', 'roomadmin', 'user', 'guest'] as const) {
      const user = state.users.find((u) => u.role === role)!;
      for (const id of Object.values(SYSTEM_GROUPS)) expect(systemGroupsOf(role).includes(id), `${role} / ${id}`).toBe(state.inGroup(user, id));
    }
  });
});

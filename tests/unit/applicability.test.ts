import { describe, expect, it } from 'vitest';
import { applicabilityFor, badgeFor } from '../../lib/tfa/applicability';
import type { TfaPolicy } from '../../lib/docspace/schemas';

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
  ] as const)('%o + %o → %j', (applies, enrolment, text) => {
    expect(badgeFor(applies, enrolment).text).toBe(text);
  });
});

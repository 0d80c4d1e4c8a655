import { describe, expect, it } from 'vitest';
import { comparePolicy, consequencesOf, diffPolicy, isEmptyDiff, type PolicyDraft } from '../../lib/providers/docspace/tfa/policy-diff';
import { describeDiff, describeMismatch } from '../../lib/providers/docspace/i18n/policy';

const ALICE = 'aaaaaaaa-0000-4000-8000-000000000001';
const BOB = 'bbbbbbbb-0000-4000-8000-000000000002';
const ME = 'cccccccc-0000-4000-8000-000000000003';
const FINANCE = 'ffffffff-0000-4000-8000-000000000004';
const names: Record<string, string> = { [ALICE]: 'Alice', [BOB]: 'Bob', [ME]: 'Me', [FINANCE]: 'Finance' };
const nameOf = { user: (id: string) => names[id] ?? id, group: (id: string) => names[id] ?? id };

const off: PolicyDraft = { method: 'none', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
const on = (p: Partial<PolicyDraft> = {}): PolicyDraft => ({ method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [], ...p });

describe('describeDiff: the change in words', () => {
  it.each<[string, PolicyDraft, PolicyDraft, string]>([
    ['the issue example', on({ mandatoryUsers: [ALICE] }), { ...on({ trustedIps: ['10.0.0.1', '192.0.2.0/24'] }), method: 'app' }, 'Adds 10.0.0.1 and 192.0.2.0/24 to trusted IPs and removes Alice from mandatory users.'],
    ['enabling', off, on({ trustedIps: ['10.0.0.1'] }), 'Adds 10.0.0.1 to trusted IPs and enables the authenticator app.'],
    ['enabling with people and groups', off, on({ trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE, BOB], mandatoryGroups: [FINANCE] }),
      'Adds 10.0.0.1 to trusted IPs, adds Alice and Bob to mandatory users, adds Finance to mandatory groups, and enables the authenticator app.'],
    ['many entries become a count', on(), on({ trustedIps: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'] }), 'Adds 4 entries to trusted IPs.'],
    ['disabling clears the lists', on({ trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE] }), { ...on({ trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE] }), method: 'none' },
      'Removes 10.0.0.1 from trusted IPs, removes Alice from mandatory users, and turns 2FA off.'],
    ['switching method', { ...on(), method: 'sms' }, on(), 'Switches from SMS codes to the authenticator app.'],
    ['unknown id falls back to what names() says', on(), on({ mandatoryUsers: ['dddddddd-0000-4000-8000-000000000009'] }), 'Adds dddddddd-0000-4000-8000-000000000009 to mandatory users.'],
    ['nothing', on({ trustedIps: ['10.0.0.1'] }), on({ trustedIps: ['10.0.0.1'] }), 'Nothing has changed yet.'],
  ])('%s', (_name, before, after, words) => {
    expect(describeDiff(diffPolicy(before, after), nameOf)).toBe(words);
  });

  it('canonicalisation and id case do not count as changes', () => {
    const d = diffPolicy(on({ trustedIps: ['2001:DB8::1'], mandatoryUsers: [ALICE.toUpperCase()] }), on({ trustedIps: ['2001:db8::1'], mandatoryUsers: [ALICE] }));
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('lists of a disabled policy stay out of the diff when it stays off', () => {
    expect(isEmptyDiff(diffPolicy(off, { ...off, trustedIps: ['10.0.0.1'] }))).toBe(true);
  });
});

describe('consequencesOf: the lockout guard', () => {
  const me = { id: ME };
  it.each<[string, PolicyDraft, PolicyDraft, boolean | null, string[]]>([
    ['enabling for everyone, not enrolled', off, on(), false, ['signsOutEveryone', 'youEnrolNow']],
    ['enabling for everyone, enrolment unknown (policy was off)', off, on(), null, ['signsOutEveryone', 'youEnrolOrConfirm']],
    ['changing lists while on, enrolled', on(), on({ mandatoryUsers: [ALICE] }), true, ['signsOutEveryone', 'youConfirmWithCode', 'listsIgnored']],
    ['trusted IPs set and I am mandatory', off, on({ trustedIps: ['10.0.0.1'], mandatoryUsers: [ME] }), false, ['signsOutEveryone', 'youEnrolNow', 'trustedIpsClaimable']],
    ['trusted IPs set and I am not mandatory', off, on({ trustedIps: ['10.0.0.1'] }), false, ['signsOutEveryone', 'youEnrolNow', 'dependsOnYourIp', 'trustedIpsClaimable']],
    ['SMS is set up on the portal', off, { ...on(), method: 'sms' }, null, ['signsOutEveryone', 'smsOnPortal']],
    ['disabling with lists', on({ trustedIps: ['10.0.0.1'] }), off, true, ['nobodySignedOut', 'listsCleared']],
    ['disabling without lists', on(), off, true, ['nobodySignedOut']],
  ])('%s', (_name, before, draft, isEnrolled, expected) => {
    expect(consequencesOf({ before, draft, me, isEnrolled })).toEqual(expected);
  });

  it('an admin who changes the owner\'s mandatory entry is told the portal accepts it (the owner is not; no owner, no note)', () => {
    const OWNER_ID = ALICE;
    const admin = { id: ME, role: 'admin' as const };
    const withOwner = on({ trustedIps: ['10.0.0.1'], mandatoryUsers: [OWNER_ID] });
    const without = on({ trustedIps: ['10.0.0.1'] });
    expect(consequencesOf({ before: without, draft: withOwner, me: admin, isEnrolled: true, ownerId: OWNER_ID.toUpperCase() })).toContain('ownerMadeMandatory');
    expect(consequencesOf({ before: withOwner, draft: without, me: admin, isEnrolled: true, ownerId: OWNER_ID })).toContain('ownerNoLongerMandatory');
    // Turning TFA off lifts every mandatory entry, the owner's included.
    expect(consequencesOf({ before: withOwner, draft: off, me: admin, isEnrolled: true, ownerId: OWNER_ID })).toEqual(['nobodySignedOut', 'listsCleared', 'ownerNoLongerMandatory']);
    expect(consequencesOf({ before: withOwner, draft: withOwner, me: admin, isEnrolled: true, ownerId: OWNER_ID }).filter((c) => c.startsWith('owner'))).toEqual([]);
    expect(consequencesOf({ before: without, draft: withOwner, me: { id: OWNER_ID, role: 'owner' }, isEnrolled: true, ownerId: OWNER_ID }).filter((c) => c.startsWith('owner'))).toEqual([]);
    expect(consequencesOf({ before: without, draft: withOwner, me: admin, isEnrolled: true, ownerId: null }).filter((c) => c.startsWith('owner'))).toEqual([]);
  });

  it('a mandatory group I belong to challenges me for certain', () => {
    const draft = on({ trustedIps: ['10.0.0.1'], mandatoryGroups: [FINANCE] });
    expect(consequencesOf({ before: off, draft, me: { id: ME, groupIds: [FINANCE] }, isEnrolled: false })).toEqual(['signsOutEveryone', 'youEnrolNow', 'trustedIpsClaimable']);
  });
});

describe('comparePolicy and describeMismatch', () => {
  it('finds nothing when the portal holds what was sent (order and case aside)', () => {
    const sent = on({ trustedIps: ['10.0.0.1', '2001:DB8::1'], mandatoryUsers: [ALICE, BOB] });
    expect(comparePolicy(sent, on({ trustedIps: ['2001:db8::1', '10.0.0.1'], mandatoryUsers: [BOB, ALICE.toUpperCase()] }))).toEqual([]);
  });

  it('expects empty lists after disabling', () => {
    expect(comparePolicy({ ...on({ trustedIps: ['10.0.0.1'] }), method: 'none' }, off)).toEqual([]);
  });

  it('reports every difference in words', () => {
    const found = comparePolicy(on({ trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE] }), { method: 'none', trustedIps: [], mandatoryUsers: [BOB], mandatoryGroups: [] });
    expect(found.map((m) => describeMismatch(m, nameOf.user))).toEqual([
      'The portal reports the method as Off, not Authenticator app as sent.',
      'Trusted IPs: 10.0.0.1 was sent but not saved.',
      'Mandatory users: Alice was sent but not saved; Bob is saved but was not sent.',
    ]);
  });
});

describe('a stored IPv6 block the portal misreads (fact sheet §11.2)', () => {
  it('saving it unchanged in the editor is a change: the block is replaced by the range it means, and the review says so', async () => {
    const { parseTrustedIpList } = await import('../../lib/providers/docspace/tfa/trusted-ips');
    const stored = on({ trustedIps: ['2001:DB8::/64'] });
    const draft = on({ trustedIps: parseTrustedIpList('2001:db8::/64').values });
    const diff = diffPolicy(stored, draft);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diff.trustedIps).toEqual({ added: ['2001:db8::-2001:db8::ffff:ffff:ffff:ffff'], removed: ['2001:db8::/64'] });
    expect(describeDiff(diff, nameOf)).toBe('Adds 2001:db8::-2001:db8::ffff:ffff:ffff:ffff to trusted IPs and removes 2001:db8::/64 from trusted IPs.');
  });

  it('an IPv4 block is matched right and stays as it is: no change', async () => {
    const { parseTrustedIpList } = await import('../../lib/providers/docspace/tfa/trusted-ips');
    expect(isEmptyDiff(diffPolicy(on({ trustedIps: ['10.0.0.0/8'] }), on({ trustedIps: parseTrustedIpList('10.0.0.0/8').values })))).toBe(true);
  });
});

import type { CoveragePerson, CoverageSummary } from '../coverage/types';
import type { PolicyDraft } from './policy-diff';
import { summarise } from '../coverage/summary';

/**
 * The impact of a policy save on people (issue 26, §3), from the last coverage count. DocSpace signs everyone out at
 * each save of an app or SMS policy, then challenges everyone except those signing in from a trusted address; mandatory
 * users and groups are always challenged; SSO people never (their identity provider covers them, §12.4).
 */
export type Impact =
  /** The save turns TFA off (or keeps it off): nobody is challenged. */
  | { kind: 'none' }
  /** No count for the draft's method: who has one is unknown. `offNow`: TFA is off today, so the portal cannot say. */
  | { kind: 'unknown'; offNow: boolean }
  | {
    kind: 'count';
    offNow: boolean;
    mode: 'app' | 'sms';
    countedAt: number;
    /** Active people, not SSO, without an authenticator (or an activated phone). */
    without: number;
    /** Of them, mandatory under the draft's lists; null when it cannot be worked out from what the extension holds. */
    mandatoryWithout: number | null;
    /** Worked out for the draft from the people read in this browser session (else the summary's figures). */
    exact: boolean;
    /** The draft has trusted IPs: people without one who are not mandatory are challenged only outside them. */
    trusted: boolean;
    meCovered: boolean | null;
    ownerCovered: boolean | null;
    /** The count did not read everyone (cancelled, or people the listing did not return). */
    partial: boolean;
  };

/** Whether the caller's own address is one the new policy would trust, as far as the extension can know it. */
export type AddressImpact =
  | 'noTrusted'   // no trusted IPs: nobody is exempt by address
  | 'mandatory'   // the caller is a named mandatory user: challenged from any address
  | 'cannotKnow'; // the extension cannot know the caller's address as the portal sees it (NAT, proxies, request-x-real-ip)

export interface ImpactInput {
  /** The policy as it is on the portal now, and the draft about to be saved. */
  before: PolicyDraft;
  draft: PolicyDraft;
  coverage: CoverageSummary | null;
  /** The people of this browser session's count (the coverage view's report), when the background still holds them. */
  people?: CoveragePerson[] | null;
  meId: string;
  /** The caller's own enrolment as the portal says it (admins see it while the app policy is on). */
  meEnrolled: boolean | null;
  ownerId: string | null;
}

const sameSet = (a: string[], b: string[]) => {
  const set = new Set(a.map((v) => v.toLowerCase()));
  return a.length === b.length && b.every((v) => set.has(v.toLowerCase()));
};

export function impactOf({ before, draft, coverage, people, meId, meEnrolled, ownerId }: ImpactInput): Impact {
  if (draft.method === 'none') return { kind: 'none' };
  const offNow = before.method === 'none';
  if (!coverage || coverage.mode !== draft.method) return { kind: 'unknown', offNow };
  const base = {
    kind: 'count' as const, offNow, mode: coverage.mode, countedAt: coverage.countedAt, trusted: draft.trustedIps.length > 0,
    partial: coverage.total !== null && coverage.read < coverage.total,
  };
  // The caller's own state as the portal says it now beats the count (only while the app policy is on).
  const me = (fromCount: boolean | null) => (!offNow && coverage.mode === 'app' && meEnrolled !== null ? meEnrolled : fromCount);
  if (people?.length) {
    // The people of this session's count, summed again against the draft's lists (coverage/summary.ts).
    const s = summarise(people, draft, meId, ownerId, coverage.mode, coverage.total, coverage.countedAt);
    return { ...base, exact: true, without: s.without, mandatoryWithout: s.mandatoryWithout, meCovered: me(s.meCovered), ownerCovered: s.ownerCovered };
  }
  // From the summary alone: its mandatory figure holds for the lists it was counted under, taken to be today's.
  const sameLists = sameSet(before.mandatoryUsers, draft.mandatoryUsers) && sameSet(before.mandatoryGroups, draft.mandatoryGroups) && before.method !== 'none';
  return {
    ...base, exact: false, without: coverage.without, mandatoryWithout: sameLists ? coverage.mandatoryWithout : null,
    meCovered: me(coverage.meCovered), ownerCovered: coverage.ownerCovered,
  };
}

/** Whether the caller's address would be trusted by the draft, as far as the extension can say. */
export function addressImpact(draft: PolicyDraft, meId: string): AddressImpact {
  if (!draft.trustedIps.length) return 'noTrusted';
  if (draft.mandatoryUsers.some((id) => id.toLowerCase() === meId.toLowerCase())) return 'mandatory';
  return 'cannotKnow';
}

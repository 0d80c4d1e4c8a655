import type { Role, TfaMethod, TfaPolicy } from '../schemas';
import { applicabilityFor } from './applicability';
import { canonicalTrustedIps } from './trusted-ips';

/** The editable part of the policy: what `savePolicy` sends. */
export interface PolicyDraft {
  method: TfaMethod;
  trustedIps: string[];
  mandatoryUsers: string[];
  mandatoryGroups: string[];
}

export interface ListChange {
  added: string[];
  removed: string[];
}

/** Old vs new policy, structured; lib/i18n/policy.ts puts it into words. */
export interface PolicyDiff {
  method: { from: TfaMethod; to: TfaMethod } | null;
  trustedIps: ListChange;
  mandatoryUsers: ListChange;
  mandatoryGroups: ListChange;
}

const idKey = (id: string) => id.toLowerCase();
const asIs = (v: string) => v;
const sameId = (a: string, b: string) => idKey(a) === idKey(b);

/** Set differences by key (lists may hold thousands of ids: no pairwise comparison). */
function listChange(before: string[], after: string[], key: (v: string) => string): ListChange {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return {
    added: after.filter((a) => !had.has(key(a))),
    removed: before.filter((b) => !has.has(key(b))),
  };
}

/** What the portal will hold after saving `draft`: disabling resets the lists (§2.2). */
export function expectedAfterSave(draft: PolicyDraft): PolicyDraft {
  if (draft.method === 'none') {
    return { method: 'none', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
  }
  return { ...draft, trustedIps: canonicalTrustedIps(draft.trustedIps) };
}

/** The editable part of a policy read from the portal. */
export function draftOf(policy: Pick<TfaPolicy, 'method' | 'trustedIps' | 'mandatoryUsers' | 'mandatoryGroups'>): PolicyDraft {
  return { method: policy.method, trustedIps: [...policy.trustedIps], mandatoryUsers: [...policy.mandatoryUsers], mandatoryGroups: [...policy.mandatoryGroups] };
}

/** The changes saving `draft` makes to `before`, as the portal will apply them. */
export function diffPolicy(before: PolicyDraft, draft: PolicyDraft): PolicyDiff {
  const after = expectedAfterSave(draft);
  const from = draftOf(before);
  return {
    method: from.method === after.method ? null : { from: from.method, to: after.method },
    trustedIps: listChange(canonicalTrustedIps(from.trustedIps), after.trustedIps, asIs),
    mandatoryUsers: listChange(from.mandatoryUsers, after.mandatoryUsers, idKey),
    mandatoryGroups: listChange(from.mandatoryGroups, after.mandatoryGroups, idKey),
  };
}

/** True when saving would change nothing the portal holds. */
export function isEmptyDiff(d: PolicyDiff): boolean {
  const lists = [d.trustedIps, d.mandatoryUsers, d.mandatoryGroups];
  return d.method === null && lists.every((l) => l.added.length === 0 && l.removed.length === 0);
}

/** Whether the new policy challenges me: certainly, depending on my IP, or not at all. */
export type Challenge = 'yes' | 'dependsOnIp' | 'no';

/** Whether the policy after saving `draft` asks me for a code (group membership only counts when `groupIds` is known). */
export function challengeFor(draft: PolicyDraft, me: { id: string; groupIds?: string[]; role?: Role }): Challenge {
  const applies = applicabilityFor({ ...expectedAfterSave(draft), smsAvailable: false, appAvailable: true }, me);
  switch (applies.kind) {
    case 'off':
      return 'no';
    case 'outsideTrusted':
    case 'unknown':
      return 'dependsOnIp';
    default:
      return 'yes';
  }
}

/** What saving means for people, the admin included; each becomes one sentence in the review. */
export type Consequence =
  | 'signsOutEveryone'      // any save that turns or keeps TFA on returns true → tenant cookie reset (§2.2)
  | 'youEnrolNow'           // challenged and known not to be enrolled
  | 'youEnrolOrConfirm'     // challenged, enrolment unknown (admins only see it while the policy is on)
  | 'youConfirmWithCode'    // challenged and enrolled
  | 'dependsOnYourIp'       // trusted IPs set and I am not mandatory: the portal decides by my address
  | 'smsOnPortal'           // SMS set-up happens on the portal, not here
  | 'listsCleared'          // disabling resets trusted IPs and mandatory lists (§2.2)
  | 'nobodySignedOut'       // disabling returns false: no sign-out
  | 'listsIgnored'          // mandatory lists without trusted IPs change nothing: everyone is challenged
  | 'ownerMadeMandatory'    // an admin (not the owner) names the owner as mandatory: the portal accepts it (§11.3)
  | 'ownerNoLongerMandatory' // an admin (not the owner) lifts the owner's mandatory entry: accepted too
  | 'trustedIpsClaimable';   // trusted IPs set: a sign-in can name one in `request-x-real-ip` unless a proxy strips it (§12.1)

export interface ConsequenceInput {
  before: PolicyDraft;
  draft: PolicyDraft;
  me: { id: string; groupIds?: string[]; role?: Role };
  isEnrolled: boolean | null;
  /** The portal owner's id, when known: an admin changing the owner's mandatory entry is told so. */
  ownerId?: string | null;
}

/**
 * The portal's owner guard never fires for this extension: it sends the caller's own id, and v3.7 refuses only
 * when `id` is not the caller, v3.6.1 `tfaapp` not at all (§11.3). So an admin may make the owner mandatory or
 * lift it; the review says so plainly instead of the extension refusing what the portal allows.
 */
function ownerConsequence(before: PolicyDraft, after: PolicyDraft, me: ConsequenceInput['me'], ownerId: string | null | undefined): Consequence[] {
  if (!ownerId || me.role === 'owner' || sameId(me.id, ownerId)) return [];
  const was = before.method !== 'none' && before.mandatoryUsers.some((id) => sameId(id, ownerId));
  const will = after.method !== 'none' && after.mandatoryUsers.some((id) => sameId(id, ownerId));
  return was === will ? [] : [will ? 'ownerMadeMandatory' : 'ownerNoLongerMandatory'];
}

/** The lockout guard's view of a save: who is signed out and what the admin must do next. */
export function consequencesOf({ before, draft, me, isEnrolled, ownerId }: ConsequenceInput): Consequence[] {
  const after = expectedAfterSave(draft);
  const owner = ownerConsequence(before, after, me, ownerId);
  if (after.method === 'none') {
    const hadLists = before.trustedIps.length + before.mandatoryUsers.length + before.mandatoryGroups.length > 0;
    return hadLists || draft.trustedIps.length + draft.mandatoryUsers.length + draft.mandatoryGroups.length > 0
      ? ['nobodySignedOut', 'listsCleared', ...owner]
      : ['nobodySignedOut', ...owner];
  }
  const out: Consequence[] = ['signsOutEveryone'];
  const challenge = challengeFor(after, me);
  if (after.method === 'sms') {
    out.push('smsOnPortal');
  } else if (challenge !== 'no') {
    out.push(isEnrolled === true ? 'youConfirmWithCode' : isEnrolled === false ? 'youEnrolNow' : 'youEnrolOrConfirm');
  }
  if (challenge === 'dependsOnIp') {
    out.push('dependsOnYourIp');
  }
  if (after.trustedIps.length === 0 && after.mandatoryUsers.length + after.mandatoryGroups.length > 0) {
    out.push('listsIgnored');
  }
  if (after.trustedIps.length > 0) {
    out.push('trustedIpsClaimable');
  }
  return [...out, ...owner];
}

/** A difference between what was sent and what the portal holds after the save. */
export type Mismatch =
  | { field: 'method'; expected: TfaMethod; held: TfaMethod }
  | { field: 'trustedIps' | 'mandatoryUsers' | 'mandatoryGroups'; missing: string[]; unexpected: string[] };

/** Compares the re-read policy with the expected result of the save (order-insensitive lists). */
export function comparePolicy(sent: PolicyDraft, held: PolicyDraft): Mismatch[] {
  const expected = expectedAfterSave(sent);
  const out: Mismatch[] = [];
  if (expected.method !== held.method) {
    out.push({ field: 'method', expected: expected.method, held: held.method });
  }
  const lists = [
    ['trustedIps', expected.trustedIps, canonicalTrustedIps(held.trustedIps), asIs],
    ['mandatoryUsers', expected.mandatoryUsers, held.mandatoryUsers, idKey],
    ['mandatoryGroups', expected.mandatoryGroups, held.mandatoryGroups, idKey],
  ] as const;
  for (const [field, want, got, eq] of lists) {
    const change = listChange(want, got, eq);
    if (change.added.length || change.removed.length) {
      out.push({ field, missing: change.removed, unexpected: change.added });
    }
  }
  return out;
}

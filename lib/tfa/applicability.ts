import type { TfaPolicy } from '../docspace/schemas';
import type { Applicability, Enrolment, Me } from '../protocol';

/**
 * Whether the portal policy challenges me (fact sheet §2: policy on AND (in a
 * mandatory group OR in mandatoryUsers OR request IP not trusted)). With empty
 * trusted IPs everyone is challenged; mandatory lists only matter when trusted IPs are set.
 */
export function applicabilityFor(policy: TfaPolicy, me: Pick<Me, 'id'> & { groupIds?: string[] }): Applicability {
  if (policy.method === 'none') return { kind: 'off' };
  if (policy.trustedIps.length === 0) return { kind: 'everyone' };
  const id = me.id.toLowerCase();
  if (policy.mandatoryUsers.some((u) => u.toLowerCase() === id)) return { kind: 'mandatoryUser' };
  const groups = new Set((me.groupIds ?? []).map((g) => g.toLowerCase()));
  if (policy.mandatoryGroups.some((g) => groups.has(g.toLowerCase()))) return { kind: 'mandatoryGroup' };
  return { kind: 'outsideTrusted' };
}

/** Toolbar badge for a status: ✓ enrolled under an active policy, ! required but not enrolled. */
export function badgeFor(applies: Applicability, enrolment: Enrolment): { text: string; tone: 'ok' | 'warn' | 'none' } {
  if (applies.kind === 'off' || applies.kind === 'unknown') return { text: '', tone: 'none' };
  if (enrolment.state === 'enrolled') return { text: '✓', tone: 'ok' };
  const required = applies.kind === 'everyone' || applies.kind === 'mandatoryUser' || applies.kind === 'mandatoryGroup';
  if (enrolment.state === 'notEnrolled' && required) return { text: '!', tone: 'warn' };
  return { text: '', tone: 'none' };
}

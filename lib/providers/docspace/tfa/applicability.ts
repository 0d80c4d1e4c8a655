import { lowOnBackupCodes } from './low-codes';
import type { Role, TfaPolicy } from '../schemas';
import type { Applicability, Enrolment, Me } from '../protocol';

/** DocSpace's system groups (fact sheet §10.2): never in a profile's `groups`, but honoured in `mandatoryGroups`. */
export const SYSTEM_GROUPS = {
  everyone: 'c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e',
  docSpaceAdmin: 'cd84e66b-b803-40fc-99f9-b2969a54a1de',
  roomAdmin: 'abef62db-11a8-4673-9d32-ef1d8af19dc0',
  user: '88f11e7c-7407-4bea-b4cb-070010cdbb6b',
  guest: 'aced04fa-dd96-4b35-af3e-346bf1eb972d',
} as const;

/**
 * The system groups a role is in, as the server decides it (IsUserInGroupAsync, fact sheet §11.3): Everyone
 * always; DocSpaceAdmin the owner and admins; RoomAdmin anyone neither a guest nor a user; User and Guest by type.
 */
export function systemGroupsOf(role: Role): string[] {
  const groups: string[] = [SYSTEM_GROUPS.everyone];
  if (role === 'owner' || role === 'admin') groups.push(SYSTEM_GROUPS.docSpaceAdmin);
  if (role !== 'guest' && role !== 'user') groups.push(SYSTEM_GROUPS.roomAdmin);
  if (role === 'user') groups.push(SYSTEM_GROUPS.user);
  if (role === 'guest') groups.push(SYSTEM_GROUPS.guest);
  return groups;
}

/**
 * Whether the portal policy challenges me (fact sheet §2: policy on AND (in a
 * mandatory group OR in mandatoryUsers OR request IP not trusted)). With empty
 * trusted IPs everyone is challenged; mandatory lists only matter when trusted IPs are set.
 * With the role known, the system groups count too (they never appear in the profile's groups).
 */
export function applicabilityFor(policy: TfaPolicy, me: Pick<Me, 'id'> & { groupIds?: string[]; role?: Role }): Applicability {
  if (policy.method === 'none') return { kind: 'off' };
  if (policy.trustedIps.length === 0) return { kind: 'everyone' };
  const id = me.id.toLowerCase();
  if (policy.mandatoryUsers.some((u) => u.toLowerCase() === id)) return { kind: 'mandatoryUser' };
  const groups = new Set([...(me.groupIds ?? []), ...(me.role ? systemGroupsOf(me.role) : [])].map((g) => g.toLowerCase()));
  if (policy.mandatoryGroups.some((g) => groups.has(g.toLowerCase()))) return { kind: 'mandatoryGroup' };
  return { kind: 'outsideTrusted' };
}

/**
 * Toolbar badge for a status: ✓ enrolled under an active policy, ! required but not enrolled, and ! on amber
 * (`low`) when enrolled with one or no backup code left.
 */
export function badgeFor(applies: Applicability, enrolment: Enrolment): { text: string; tone: 'ok' | 'warn' | 'low' | 'none' } {
  if (applies.kind === 'off' || applies.kind === 'unknown') return { text: '', tone: 'none' };
  if (lowOnBackupCodes(enrolment)) return { text: '!', tone: 'low' };
  if (enrolment.state === 'enrolled') return { text: '✓', tone: 'ok' };
  const required = applies.kind === 'everyone' || applies.kind === 'mandatoryUser' || applies.kind === 'mandatoryGroup';
  if (enrolment.state === 'notEnrolled' && required) return { text: '!', tone: 'warn' };
  return { text: '', tone: 'none' };
}

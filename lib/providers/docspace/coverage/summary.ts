import type { Role } from '../schemas';
import { systemGroupsOf } from '../tfa/applicability';
import type { CoveragePerson, CoverageSummary } from './types';

/**
 * The counts of a coverage scan (issue 26), pure: the background scan (background/coverage.ts) writes them, and the
 * policy review works out a draft policy's impact with the same functions from the people of the last scan.
 */

/** The mandatory lists of a policy (the portal's or a draft's). */
export interface MandatoryLists {
  mandatoryUsers: readonly string[];
  mandatoryGroups: readonly string[];
}

/**
 * Whether a policy names this person ('user'), names one of their groups ('group'), or neither. Groups: the tenant
 * groups of their profile plus the system groups their role puts them in (DocSpaceAdmin = owner and admins, RoomAdmin,
 * User, Guest, Everyone: tfa/applicability.ts), which the portal honours in `mandatoryGroups` (fact sheet §10.2).
 */
export function mandatoryState(person: { id: string; role: Role; groupIds: readonly string[] }, lists: MandatoryLists): 'user' | 'group' | null {
  const id = person.id.toLowerCase();
  if (lists.mandatoryUsers.some((u) => u.toLowerCase() === id)) return 'user';
  if (!lists.mandatoryGroups.length) return null;
  const groups = new Set([...person.groupIds, ...systemGroupsOf(person.role)].map((g) => g.toLowerCase()));
  return lists.mandatoryGroups.some((g) => groups.has(g.toLowerCase())) ? 'group' : null;
}

/** Has what the mode counts: an authenticator (app) or an activated phone (SMS). Not carried counts as not. */
export function isCovered(person: Pick<CoveragePerson, 'hasApp' | 'phoneActivated'>, mode: CoverageSummary['mode']): boolean {
  return mode === 'sms' ? person.phoneActivated === true : person.hasApp === true;
}

const isAdminRole = (role: Role) => role === 'owner' || role === 'admin';

/**
 * The counts of CoverageSummary (coverage/types.ts documents each) from the people read, against `lists` (the
 * portal's policy, or a draft's: the mandatory state is worked out again here, not taken from the person). `total`:
 * what the server said it has (null: it did not say); `read` is the people given, so nothing is invented.
 */
export function summarise(
  people: readonly CoveragePerson[], lists: MandatoryLists, meId: string | null, ownerId: string | null,
  mode: CoverageSummary['mode'], total: number | null, now: number,
): CoverageSummary {
  let active = 0, covered = 0, sso = 0, adminsWithout = 0, without = 0, mandatoryWithout = 0;
  let meCovered: boolean | null = null;
  let ownerCovered: boolean | null = null;
  const me = meId?.toLowerCase() ?? null;
  const owner = ownerId?.toLowerCase() ?? null;
  for (const p of people) {
    const has = isCovered(p, mode);
    const id = p.id.toLowerCase();
    if (id === me) meCovered = has;
    if (id === owner || (owner === null && p.role === 'owner')) ownerCovered = has;
    if (p.status !== 'active') continue;
    active++;
    if (has) covered++;
    if (p.sso) {
      sso++;
      continue;
    }
    if (has) continue;
    without++;
    if (isAdminRole(p.role)) adminsWithout++;
    if (mandatoryState(p, lists)) mandatoryWithout++;
  }
  return { countedAt: now, mode, total, read: people.length, active, covered, sso, adminsWithout, without, mandatoryWithout, meCovered, ownerCovered };
}

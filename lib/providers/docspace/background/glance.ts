import type { CommandOf, Me, NamedEntity, PolicyView, PortalStatus } from '../protocol';
import type { AppError } from '../../../errors';
import { ok, type Result } from '../../../result';
import type { TfaPolicy } from '../schemas';
import { readCoverageSummary } from '../coverage/store';
import type { AccessTicket } from '../../../background/access-generation';
import { forgetHeld, observeLists, withHeldEntries } from './held-lists';
import { cachedNames, confirmBudget, resolveMany } from './names';
import type { PortalClient } from './session';

/**
 * What the status adds for admins and the owner (issue 26, §2 and §4): the last coverage count kept on this device
 * (read from storage with the status, never a scan: opening the popup asks the portal nothing more), and the lists a
 * portal page emptied since this browser session last saw them. Nothing for other roles.
 */
export async function glanceOf(origin: string, me: Pick<Me, 'role'>, policy: TfaPolicy, names: Record<string, NamedEntity>, since: AccessTicket | null, full = false): Promise<Pick<PortalStatus, 'coverage' | 'emptied'>> {
  if (me.role !== 'owner' && me.role !== 'admin') return {};
  const [coverage, emptied] = await Promise.all([readCoverageSummary(origin), observeLists(origin, policy, names, since, full)]);
  return { coverage, emptied };
}

/** A held status with the count as kept now (a scan may have run since it was read): storage only, no network. */
export async function withLatestCoverage(status: PortalStatus): Promise<PortalStatus> {
  if (status.me?.role !== 'owner' && status.me?.role !== 'admin') return status;
  return { ...status, coverage: await readCoverageSummary(status.origin) };
}

/** The editor's part (getPolicy): the count, and the emptied lists with their held entries for the notice and "Restore". */
export async function policyGlanceOf(api: PortalClient, origin: string, me: Pick<Me, 'role'>, policy: TfaPolicy, named: NamedEntity[]): Promise<Pick<PolicyView, 'coverage' | 'emptied'>> {
  const known = Object.fromEntries(named.map((e) => [e.id.toLowerCase(), e]));
  const { coverage = null, emptied = null } = await glanceOf(origin, me, policy, known, api.access, true);
  if (!emptied) return { coverage, emptied: null };
  const withEntries = await withHeldEntries(origin, emptied, { ...(await cachedNames(origin)), ...known });
  const held = withEntries.held;
  if (!held) return { coverage, emptied: withEntries };
  // Held ids this session holds no name for (the names go with a sign-out, and the page's save signs everyone out): asked once, within the usual bound.
  const budget = confirmBudget();
  const name = async (list: NamedEntity[], kind: 'user' | 'group') => {
    const unnamed = list.filter((e) => !e.name).map((e) => e.id);
    if (!unnamed.length) return list;
    const found = new Map((await resolveMany(api, origin, kind, unnamed, budget)).map((e) => [e.id.toLowerCase(), e]));
    return list.map((e) => found.get(e.id.toLowerCase()) ?? e);
  };
  const [mandatoryUsers, mandatoryGroups] = await Promise.all([name(held.mandatoryUsers, 'user'), name(held.mandatoryGroups, 'group')]);
  return { coverage, emptied: { ...withEntries, held: { ...held, mandatoryUsers, mandatoryGroups } } };
}

/** "Dismiss" on the emptied-lists notice: the held lists are forgotten. */
export async function forgetHeldLists(cmd: CommandOf<'forgetHeldLists'>): Promise<Result<true, AppError>> {
  await forgetHeld(cmd.origin);
  return ok(true);
}

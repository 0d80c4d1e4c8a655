import type { CommandOf, Me, NamedEntity, PolicyView, PortalStatus } from '../protocol';
import type { AppError } from '../../../errors';
import { ok, type Result } from '../../../result';
import type { TfaPolicy } from '../schemas';
import { readCoverageSummary } from '../coverage/store';
import type { AccessTicket } from '../../../background/access-generation';
import { forgetHeld, observeLists, withHeldEntries } from './held-lists';
import { cachedNames } from './names';

/**
 * What the status adds for admins and the owner (issue 26, §2 and §4): the last coverage count kept on this device
 * (read from storage with the status, never a scan: opening the popup asks the portal nothing more), and the lists a
 * portal page emptied since this browser session last saw them. Nothing for other roles.
 */
export async function glanceOf(origin: string, me: Pick<Me, 'role'>, policy: TfaPolicy, names: Record<string, NamedEntity>, since: AccessTicket | null): Promise<Pick<PortalStatus, 'coverage' | 'emptied'>> {
  if (me.role !== 'owner' && me.role !== 'admin') return {};
  const [coverage, emptied] = await Promise.all([readCoverageSummary(origin), observeLists(origin, policy, names, since)]);
  return { coverage, emptied };
}

/** A held status with the count as kept now (a scan may have run since it was read): storage only, no network. */
export async function withLatestCoverage(status: PortalStatus): Promise<PortalStatus> {
  if (status.me?.role !== 'owner' && status.me?.role !== 'admin') return status;
  return { ...status, coverage: await readCoverageSummary(status.origin) };
}

/** The editor's part (getPolicy): the count, and the emptied lists with their held entries for the notice and "Restore". */
export async function policyGlanceOf(origin: string, me: Pick<Me, 'role'>, policy: TfaPolicy, named: NamedEntity[], since: AccessTicket | null): Promise<Pick<PolicyView, 'coverage' | 'emptied'>> {
  const known = Object.fromEntries(named.map((e) => [e.id.toLowerCase(), e]));
  const { coverage = null, emptied = null } = await glanceOf(origin, me, policy, known, since);
  return { coverage, emptied: emptied ? await withHeldEntries(origin, emptied, { ...(await cachedNames(origin)), ...known }) : null };
}

/** "Dismiss" on the emptied-lists notice: the held lists are forgotten. */
export async function forgetHeldLists(cmd: CommandOf<'forgetHeldLists'>): Promise<Result<true, AppError>> {
  await forgetHeld(cmd.origin);
  return ok(true);
}

import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { isCurrent, type AccessTicket } from '../../../background/access-generation';
import type { CommandOf, Replies } from '../protocol';
import { readCoverageSummary, writeCoverageSummary } from '../coverage/store';
import { mandatoryState, summarise, type MandatoryLists } from '../coverage/summary';
import type { CoveragePerson, CoverageProgress, CoverageReport, CoverageUnavailable } from '../coverage/types';
import { clientFor, type PortalClient } from './session';
import { supportedOrigin } from './guard';
import { listEveryone } from './coverage-list';
import { readCachedCoverage, writeCachedCoverage } from './coverage-cache';

/**
 * Enrolment coverage (issue 26): who of a portal's people has an authenticator (`tfaAppEnabled`, fact sheet §12.5)
 * or, in SMS mode, an activated phone. The options view asks for a scan; nothing else starts one (the popup and the
 * overview read the counts kept on the device, coverage/store.ts). One scan per portal at a time: asking again while
 * one runs joins it. The people go to `storage.session` (coverage-cache.ts); only the counts go to `storage.local`.
 */

type HandlerResult<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

interface Running {
  promise: HandlerResult<'scanCoverage'>;
  cancelled: boolean;
  read: number;
  total: number | null;
}

const running = new Map<string, Running>();
/** The figures of the last scan that ended, per portal, while this worker runs. */
const ended = new Map<string, CoverageProgress>();

export function scanCoverage(c: CommandOf<'scanCoverage'>): HandlerResult<'scanCoverage'> {
  const current = running.get(c.origin);
  if (current) return current.promise;
  const run: Running = { promise: Promise.resolve(err({ kind: 'noReply' })), cancelled: false, read: 0, total: null };
  run.promise = scan(c.origin, run).finally(() => {
    if (running.get(c.origin) === run) running.delete(c.origin);
    ended.set(c.origin, { running: false, read: run.read, total: run.total });
  });
  running.set(c.origin, run);
  return run.promise;
}

export async function coverageProgress(c: CommandOf<'coverageProgress'>): HandlerResult<'coverageProgress'> {
  const supported = supportedOrigin(c.origin);
  if (!supported.ok) return supported;
  const run = running.get(c.origin);
  return ok(run ? { running: true, read: run.read, total: run.total } : ended.get(c.origin) ?? { running: false, read: 0, total: null });
}

/** Stops the running scan after the pages in flight; it then replies with what it read (partial). */
export async function cancelCoverage(c: CommandOf<'cancelCoverage'>): HandlerResult<'cancelCoverage'> {
  const supported = supportedOrigin(c.origin);
  if (!supported.ok) return supported;
  const run = running.get(c.origin);
  if (run) run.cancelled = true;
  return ok(true);
}

/** The last report of this browser session (no network); null when none. */
export async function getCoverage(c: CommandOf<'getCoverage'>): HandlerResult<'getCoverage'> {
  const supported = supportedOrigin(c.origin);
  if (!supported.ok) return supported;
  return ok((await readCachedCoverage(c.origin))?.report ?? null);
}

const isAdminRole = (role: string) => role === 'owner' || role === 'admin';

async function scan(origin: string, run: Running): HandlerResult<'scanCoverage'> {
  const client = await clientFor(origin);
  if (!client.ok) return client;
  const portal = client.value;
  const [policy, self] = await Promise.all([portal.getTfaPolicy(), portal.getSelf()]);
  if (!policy.ok) return policy;
  if (!self.ok) return self;
  const me = self.value;
  const lists: MandatoryLists = { mandatoryUsers: policy.value.mandatoryUsers, mandatoryGroups: policy.value.mandatoryGroups };
  const cannotSay = (why: CoverageUnavailable) => unavailable(portal, origin, why, me.id, lists);
  // A room admin, user or guest (an API key acts as its person) never gets the field, nor everyone's list (§10.1, §12.5).
  if (!isAdminRole(me.role)) return cannotSay('notAdmin');
  if (policy.value.method === 'none') return cannotSay('tfaOff');
  const mode = policy.value.method === 'sms' ? 'sms' : 'app';

  const first = await portal.coveragePage(0);
  if (!first.ok) return first;
  // Before 3.1.1 the DTO has no such field: an admin in app mode then gets it on nobody (§12.5).
  if (mode === 'app' && first.value.items.length > 0 && first.value.items.every((p) => p.hasApp === null)) return cannotSay('oldPortal');

  run.total = first.value.total;
  const listed = await listEveryone(first.value, (start) => portal.coveragePage(start), {
    cancelled: () => run.cancelled,
    onProgress: (read, total) => {
      run.read = read;
      run.total = total;
    },
  });
  // Signed out, access removed or refused meanwhile: the error, and nothing of the listing kept.
  if (listed.fatal) return err(listed.fatal);
  const people: CoveragePerson[] = listed.people.map((p) => ({ ...p, mandatory: mandatoryState(p, lists) }));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  people.sort((a, b) => collator.compare(a.email ?? a.name, b.email ?? b.name));
  const ownerId = me.role === 'owner' ? me.id : people.find((p) => p.role === 'owner')?.id ?? null;
  const summary = summarise(people, lists, me.id, ownerId, mode, listed.total, Date.now());
  const report: CoverageReport = {
    origin, unavailable: mode === 'sms' ? 'sms' : null, summary, people,
    missing: listed.missing, partial: listed.partial, meId: me.id, ownerId,
    ...(listed.totalChanged ? { totalChanged: true } : {}),
  };
  if (!isCurrent(portal.access)) return err({ kind: 'noPermission', origin });
  // Counts only from people read: a cancelled or cut-short scan says so with its own `total` and `read`.
  if (people.length > 0) await keepSummary(origin, summary, portal.access);
  // Issued now, not awaited: the reply does not wait for storage.session to take a report of thousands of people
  // (about 1 s for 5,000 in Chromium). Storage calls run in the order they are issued, so a sign-out, forget or
  // access removal after this still removes it; a failed write only means getCoverage has no report later.
  void writeCachedCoverage(origin, { report, lists }, portal.access).catch(() => false);
  return isCurrent(portal.access) ? ok(report) : err({ kind: 'noPermission', origin });
}

async function keepSummary(origin: string, summary: CoverageReport['summary'], since: AccessTicket): Promise<void> {
  // Checked right before the write is issued: nothing comes back after access to the portal was removed.
  if (summary && isCurrent(since)) await writeCoverageSummary(origin, summary);
}

/** The portal cannot say: no people, and the last count taken while it could (if any). */
async function unavailable(portal: PortalClient, origin: string, why: CoverageUnavailable, meId: string, lists: MandatoryLists): HandlerResult<'scanCoverage'> {
  const report: CoverageReport = {
    origin, unavailable: why, summary: await readCoverageSummary(origin), people: [], missing: 0, partial: false, meId, ownerId: null,
  };
  await writeCachedCoverage(origin, { report, lists }, portal.access);
  return isCurrent(portal.access) ? ok(report) : err({ kind: 'noPermission', origin });
}

/**
 * The owner reset this person's authenticator (resetUserApp): the cached report and the counts on the device say so
 * at once (hasApp false), counted again against the lists of the scan. Nothing to do without a report of this session.
 */
export async function coverageAfterReset(origin: string, userId: string, since: AccessTicket | null): Promise<void> {
  const cached = await readCachedCoverage(origin);
  if (!cached) return;
  const report = cached.report;
  if (!report.summary || report.summary.mode !== 'app' || report.people.length === 0) return;
  const id = userId.toLowerCase();
  if (!report.people.some((p) => p.id.toLowerCase() === id)) return;
  const people = report.people.map((p) => (p.id.toLowerCase() === id ? { ...p, hasApp: false } : p));
  const { countedAt, mode, total } = report.summary;
  const summary = summarise(people, cached.lists, report.meId, report.ownerId, mode, total, countedAt);
  if (since && !isCurrent(since)) return;
  await writeCachedCoverage(origin, { report: { ...report, people, summary }, lists: cached.lists }, since);
  if (since === null || isCurrent(since)) await writeCoverageSummary(origin, summary);
}

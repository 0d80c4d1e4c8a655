import type { OverviewRequest, SiteOverview } from '../../../protocol';
import type { PortalStatus } from '../protocol';
import { hostOf } from '../../../portal/origin';
import { lowOnBackupCodes } from '../tfa/low-codes';
import { optionsUrl } from '../options-url';
import { getRecord, getSession, hasHostAccess } from './session';
import { getStatus, portalOrigins } from './status';
import { readCoverageSummary } from '../coverage/store';

/** Portals read from their servers at once, at most (each read is one round trip of four requests). */
const PARALLEL_READS = 4;

/**
 * Every DocSpace portal the extension knows or may read, for the Portals page: the status the popup last read
 * (kept for the browser session), or a fresh read of each one asked for. A site known not to be a portal is left out.
 */
export async function docspaceOverview({ refresh, sites }: OverviewRequest): Promise<SiteOverview[]> {
  const { origins } = await portalOrigins();
  const rows: SiteOverview[] = [];
  const queue = [...origins];
  const worker = async () => {
    for (let origin = queue.shift(); origin !== undefined; origin = queue.shift()) {
      const row = await rowFor(origin, refresh && (!sites || sites.includes(origin)));
      if (row) rows.push(row);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return rows;
}

async function rowFor(origin: string, refresh: boolean): Promise<SiteOverview | null> {
  const record = await getRecord(origin);
  if (record?.isPortal === false) return null;
  const base = { ...blankRow(origin, await hasHostAccess(origin)), recognised: record?.isPortal === true };
  if (!base.access) return { ...base, state: 'noAccess' };
  if (!refresh) {
    const held = (await getSession(origin)).lastStatus;
    return withCoverage(held ? fromStatus(base, held) : base, held ?? null);
  }
  const read = await getStatus({ type: 'getStatus', origin, refresh: true });
  if (!read.ok) return withCoverage({ ...base, state: 'error', error: read.error, checkedAt: Date.now() }, null);
  return read.value.state === 'notPortal' ? null : withCoverage(fromStatus(base, read.value), read.value);
}

/**
 * The last coverage count kept on this device (issue 26), read from storage, never counted here: shown unless the
 * status read says the account is not an admin (a scan needs one, so only an admin's count is ever kept).
 */
async function withCoverage(row: SiteOverview, status: PortalStatus | null): Promise<SiteOverview> {
  const role = status?.me?.role;
  if (role && role !== 'owner' && role !== 'admin') return row;
  const summary = await readCoverageSummary(row.site);
  if (!summary) return row;
  const { mode, covered, active, adminsWithout, countedAt } = summary;
  return { ...row, coverage: { mode, covered, active, adminsWithout, countedAt } };
}

function blankRow(origin: string, access: boolean): SiteOverview {
  return {
    provider: 'docspace', site: origin, host: hostOf(origin), accessOrigin: origin, access, recognised: false, state: 'notChecked', error: null,
    policy: null, applies: null, enrolment: null, unusedCodes: null, usersWithMfa: null, checkedAt: null,
    manage: optionsUrl('enrol', origin), makeNewCodes: null,
  };
}

function fromStatus(base: SiteOverview, s: PortalStatus): SiteOverview {
  const state = s.state === 'ready' ? 'ready' : s.state === 'signedOut' ? 'signedOut' : s.state === 'noPermission' ? 'noAccess' : 'notChecked';
  const policy = s.policy ? (s.policy.method === 'none' ? 'off' : s.policy.method) : null;
  const applies = { off: 'no', everyone: 'yes', mandatoryUser: 'yes', mandatoryGroup: 'yes', outsideTrusted: 'dependsOnIp', unknown: null } as const;
  const enrolment = s.enrolment.state === 'unknown' ? null : s.enrolment.state;
  const k = s.applies.kind;
  return {
    ...base, state, policy, applies: applies[k], enrolment,
    ...(k === 'everyone' || k === 'mandatoryUser' || k === 'mandatoryGroup' ? { appliesWhy: k } : {}),
    setupInProgress: s.enrolmentInProgress,
    unusedCodes: s.enrolment.state === 'enrolled' ? s.enrolment.unusedCodes : null,
    totalCodes: s.enrolment.state === 'enrolled' ? s.enrolment.totalCodes : null,
    checkedAt: s.checkedAt,
    makeNewCodes: lowOnBackupCodes(s.enrolment) ? optionsUrl('codes', s.origin, { regenerate: '1' }) : null,
  };
}

import { storage } from '../../../storage';
import { isCurrent, type AccessTicket } from '../../../background/access-generation';
import { utf8Bytes } from '../limits';
import type { CoverageReport } from '../coverage/types';
import type { MandatoryLists } from '../coverage/summary';

/**
 * The last coverage report of this browser session, per portal (issue 26): names and e-mails, so `storage.session`
 * only (cleared when the browser closes), never `storage.local`. Removed with the sign-in (session.ts clearSignedIn),
 * with the portal (forgetPortalData) and when host access goes (forgetUnreachable). Kept apart from session.ts so that
 * it can remove it without importing the scan.
 */
export const coverageSessionKey = (origin: string) => `session:coverage:${origin}` as const;

/** What is kept: the report and the policy's mandatory lists it was counted against (to count again after a reset). */
export interface CachedCoverage {
  report: CoverageReport;
  lists: MandatoryLists;
}

/**
 * At most this many bytes (UTF-8) of one portal's report in `storage.session`, whose quota is small and shared by every
 * portal (limits.ts MAX_NAMES_BYTES style): 5,000 ordinary people take about 1 MB. A bigger report (a portal of tens of
 * thousands) is kept in this worker's memory only: getCoverage answers it until the worker stops, then it is gone and
 * the view scans again; its counts are on the device anyway (coverage/store.ts).
 */
export const MAX_COVERAGE_BYTES = 3_000_000;

/** Reports too big for the session storage, and the one held while the worker runs. */
const memory = new Map<string, CachedCoverage>();

export async function readCachedCoverage(origin: string): Promise<CachedCoverage | null> {
  return memory.get(origin) ?? (await storage.getItem<CachedCoverage>(coverageSessionKey(origin)));
}

/** Keeps the report unless access to the portal was removed since `since` was taken (nothing written back after a wipe). */
export async function writeCachedCoverage(origin: string, entry: CachedCoverage, since: AccessTicket | null): Promise<boolean> {
  if (since && !isCurrent(since)) return false;
  const text = JSON.stringify(entry);
  if (utf8Bytes(text) > MAX_COVERAGE_BYTES) {
    memory.set(origin, entry);
    await storage.removeItem(coverageSessionKey(origin));
    return true;
  }
  memory.delete(origin);
  if (since && !isCurrent(since)) return false;
  await storage.setItem(coverageSessionKey(origin), entry);
  return true;
}

/** Drops what this session holds of the portal's coverage (the counts on the device are coverage/store.ts's). */
export async function dropCachedCoverage(origin: string): Promise<void> {
  memory.delete(origin);
  await storage.removeItem(coverageSessionKey(origin));
}

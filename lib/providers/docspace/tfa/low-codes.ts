import type { Enrolment } from '../protocol';

/** At this many unused backup codes or fewer, the popup, the Portals page and the badge warn. */
export const LOW_BACKUP_CODES = 1;

/** Enrolled with one or no unused backup code left (a count the portal gave; null counts are not low). */
export function lowOnBackupCodes(enrolment: Enrolment): boolean {
  return enrolment.state === 'enrolled' && enrolment.unusedCodes !== null && enrolment.unusedCodes <= LOW_BACKUP_CODES;
}

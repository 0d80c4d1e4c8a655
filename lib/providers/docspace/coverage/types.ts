import type { Role } from '../schemas';

/**
 * Enrolment coverage (issue 26): who of a portal's people has an authenticator app. The contract between the
 * background scan (background/coverage.ts), the options view (views/CoverageView.tsx) and the glances (popup line,
 * Portals overview, impact in the policy review). Facts: fact sheet §12.5 (`tfaAppEnabled`) and §12.2 (order, paging).
 */

/** Why the portal cannot say who has an app: TFA off, SMS mode (phone activation instead), a portal older than the field (< 3.1.1), a caller who is not a DocSpace admin. */
export type CoverageUnavailable = 'tfaOff' | 'sms' | 'oldPortal' | 'notAdmin';

export type PersonStatus = 'active' | 'pending' | 'disabled';

/** One person as the scan read them (names and e-mails: browser session only, never `storage.local`). */
export interface CoveragePerson {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  status: PersonStatus;
  /** `tfaAppEnabled` (app mode, admin caller); null when the portal did not carry it. */
  hasApp: boolean | null;
  /** `mobilePhoneActivationStatus` = 1 (SMS mode); null when not carried. */
  phoneActivated: boolean | null;
  /** Signs in through SSO (`isSSO`, or `accountLoginType` SSO): the identity provider covers them, DocSpace never asks a code. */
  sso: boolean;
  /** Named in the policy's mandatory users ('user'), a member of a mandatory group ('group'), or neither. */
  mandatory: 'user' | 'group' | null;
  /** Ids of the person's groups (tenant groups from the DTO), to work out the mandatory state for another draft policy. */
  groupIds: string[];
}

/** Counts of one scan: kept on the device (`local:`), with their time; no names. */
export interface CoverageSummary {
  /** When the count was taken (ms since epoch). */
  countedAt: number;
  /** The policy's method when counted: 'app' counts authenticators, 'sms' activated phones. */
  mode: 'app' | 'sms';
  /** People the server said it has (`total` of the listing), null when it did not say. */
  total: number | null;
  /** Distinct people read; equals `total` when the listing was whole. */
  read: number;
  /** Active people (not pending, not disabled). */
  active: number;
  /** Active people with an authenticator (app mode) or an activated phone (SMS mode). */
  covered: number;
  /** Active people who sign in through SSO. */
  sso: number;
  /** Active admins and owner, not SSO, without an authenticator/phone. */
  adminsWithout: number;
  /** Active people, not SSO, without an authenticator/phone: challenged to set one up at their next sign-in. */
  without: number;
  /** Of `without`, how many are mandatory (named, or in a mandatory group). */
  mandatoryWithout: number;
  /** Whether the caller and the owner have one (null: not read). */
  meCovered: boolean | null;
  ownerCovered: boolean | null;
}

/** What the view shows: the people, the summary, and what could not be read. */
export interface CoverageReport {
  origin: string;
  /** Set when the portal cannot say (then `people` is empty and `summary` is the last count taken while it could, if any). */
  unavailable: CoverageUnavailable | null;
  summary: CoverageSummary | null;
  people: CoveragePerson[];
  /** People the server counted but the listing did not return (ties, accounts added meanwhile, failed pages): `total - read`, never negative. */
  missing: number;
  /** The listing was cancelled or cut short: the figures are partial. */
  partial: boolean;
  /** A later page gave another `total` than the first (accounts added or removed during the scan): `summary.total` is the last one. */
  totalChanged?: boolean;
  /** The caller (to hide the reset button from a non-owner) and the owner's id. */
  meId: string | null;
  ownerId: string | null;
}

/** Progress of a running scan (polled by the view). */
export interface CoverageProgress {
  running: boolean;
  read: number;
  total: number | null;
}

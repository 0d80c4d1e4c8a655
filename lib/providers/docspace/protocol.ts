import { z } from '../../zod-config';
import type { AppError } from '../../errors';
import type { Result } from '../../result';
import { Origin, type CommandIn } from '../../protocol';
import type { BackupCode, Role, TfaMethod, TfaPolicy } from './schemas';
import type { CoverageProgress, CoverageReport } from './coverage/types';

/** The DocSpace provider's commands (UI → background) and their replies. */
const Guid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));
/**
 * Safety limits, far above real use (README, "Big portals"): a policy list may name up to 100,000 accounts or
 * groups and up to 10,000 trusted IP entries. Past them the editor says so before anything is sent.
 */
export const MAX_LIST_ENTRIES = 100_000;
export const MAX_TRUSTED_IPS = 10_000;
/** Ids one `resolveNames` or `policyEntries` may name, one request each at most: the popup asks for what it shows. */
export const MAX_RESOLVE = 30;
const GuidList = z.array(Guid).check(z.maxLength(MAX_LIST_ENTRIES));
/**
 * Ids the policy editor asks one by one after listing people and groups, per load, both lists together: an id is
 * "deleted" only on the portal's 404 for it (README "Big portals"; background/names.ts).
 */
export const CONFIRM_LIMIT = 50;

export const DOCSPACE_COMMANDS = [
  // Status (popup)
  z.object({ type: z.literal('getStatus'), origin: Origin, refresh: z.optional(z.boolean()), tabId: z.optional(z.int()) }),
  z.object({ type: z.literal('resolveNames'), origin: Origin, users: z.array(Guid).check(z.maxLength(MAX_RESOLVE)), groups: z.array(Guid).check(z.maxLength(MAX_RESOLVE)) }),
  // The rest of a policy list, a page at a time (the popup's "show more"; the status holds the first few only).
  z.object({
    type: z.literal('policyEntries'), origin: Origin, list: z.enum(['trustedIps', 'mandatoryUsers', 'mandatoryGroups']),
    offset: z.int().check(z.nonnegative(), z.maximum(MAX_LIST_ENTRIES)), count: z.int().check(z.minimum(1), z.maximum(MAX_RESOLVE)),
  }),
  // `tabId`: the popup's tab; from a private window the key is never remembered on disk (background/jar.ts).
  z.object({ type: z.literal('setApiKey'), origin: Origin, key: z.string().check(z.regex(/^sk-[0-9a-zA-Z]{8,200}$/)), remember: z.boolean(), tabId: z.optional(z.int()) }),
  z.object({ type: z.literal('useBrowserSignIn'), origin: Origin }),
  z.object({ type: z.literal('listPortals') }),
  z.object({ type: z.literal('forgetPortal'), origin: Origin }),
  // Enrolment, backup codes, reset (options)
  z.object({ type: z.literal('startEnrolment'), origin: Origin, confirmUrl: z.optional(z.string().check(z.maxLength(2000))) }),
  // The popup hands over the portal's activation link: kept in the background, never put in a page URL.
  z.object({ type: z.literal('prepareEnrolment'), origin: Origin, confirmUrl: z.string().check(z.maxLength(2000)) }),
  // A 6-digit TOTP code or a backup code, whose length is the server's `web.tfaapp.backup.length` (default 6, §12.4).
  z.object({ type: z.literal('validateCode'), origin: Origin, code: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)) }),
  z.object({ type: z.literal('cancelEnrolment'), origin: Origin }),
  z.object({ type: z.literal('getBackupCodes'), origin: Origin }),
  z.object({ type: z.literal('regenerateBackupCodes'), origin: Origin }),
  z.object({ type: z.literal('resetMyApp'), origin: Origin }),
  z.object({ type: z.literal('resetUserApp'), origin: Origin, userId: Guid }),
  // Enrolment coverage (options, issue 26): a scan of everyone, its progress and cancel, and the last report (no network).
  z.object({ type: z.literal('scanCoverage'), origin: Origin }),
  z.object({ type: z.literal('coverageProgress'), origin: Origin }),
  z.object({ type: z.literal('cancelCoverage'), origin: Origin }),
  z.object({ type: z.literal('getCoverage'), origin: Origin }),
  // People and groups (pickers)
  z.object({ type: z.literal('searchPeople'), origin: Origin, text: z.string().check(z.maxLength(200)) }),
  z.object({ type: z.literal('searchGroups'), origin: Origin, text: z.string().check(z.maxLength(200)) }),
  // Policy (options)
  z.object({ type: z.literal('getPolicy'), origin: Origin }),
  // The editor's "Check them again": ids it could not read or confirm, asked again within a fresh bound.
  z.object({ type: z.literal('resolvePolicyNames'), origin: Origin, users: GuidList, groups: GuidList }),
  z.object({
    type: z.literal('savePolicy'),
    origin: Origin,
    method: z.enum(['none', 'app', 'sms']),
    trustedIps: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(MAX_TRUSTED_IPS)),
    mandatoryUsers: GuidList,
    mandatoryGroups: GuidList,
    // The admin confirmed, in the review, the new trusted entries that cover huge blocks: the background works out
    // itself whether the save needs it (tfa/huge-entries.ts) and refuses one that does without it.
    hugeConfirmed: z.optional(z.boolean()),
  }),
] as const;
export type Command = z.infer<(typeof DOCSPACE_COMMANDS)[number]>;
export type CommandType = Command['type'];

/** `separateCookies`: the tab is in a private window or a container, whose sign-in the browser's requests cannot carry. */
export type PortalState = 'ready' | 'signedOut' | 'notPortal' | 'noPermission' | 'separateCookies';

/** A tab whose cookies are not the browser's normal ones: a private (incognito) window, or a Firefox container. */
export type PortalJar = 'private' | 'container';

export interface Me {
  id: string;
  displayName: string;
  email: string | null;
  role: Role;
}

/** Whether the policy challenges me, in terms the UI can put into words. */
export type Applicability =
  | { kind: 'off' }
  | { kind: 'everyone' }            // policy on, no trusted IPs
  | { kind: 'mandatoryUser' }       // trusted IPs set, I am in mandatoryUsers
  | { kind: 'mandatoryGroup' }      // trusted IPs set, I am in a mandatory group (admins only know)
  | { kind: 'outsideTrusted' }      // trusted IPs set and I am not exempt by list: depends on my IP
  | { kind: 'unknown' };

export type Enrolment =
  | { state: 'enrolled'; unusedCodes: number | null; totalCodes: number | null }
  | { state: 'notEnrolled' }
  | { state: 'unknown' };

export interface PortalStatus {
  origin: string;
  host: string;
  state: PortalState;
  version: string | null;
  auth: 'cookie' | 'apiKey';
  checkedAt: number;
  me: Me | null;
  /** The policy in brief: the lists as counts and their first entries (a portal may name thousands). */
  policy: PolicySummary | null;
  applies: Applicability;
  enrolment: Enrolment;
  /** An enrolment was started (confirm token held) and not finished. */
  enrolmentInProgress: boolean;
  /** Portal sign-in page, for the signed-out state. */
  signInUrl: string;
  /** The anonymous probe saw a DocSpace portal although we have no host access yet. */
  looksLikePortal?: boolean;
  /** Signed out because the portal refused the API key (expired, revoked or deleted): it was dropped, the browser's sign-in is used. */
  keyRefused?: boolean;
  /** This reply is the last status held by the background, not a fresh read: the popup revalidates it. */
  fromCache?: boolean;
  /** The tab asked for is in a private window or a container (read by the background from the browser). */
  jar?: PortalJar;
}

/**
 * An id of a policy list and what we know of it: `name` '' with `missing` = deleted on the portal (it answered 404
 * ItemNotFoundException for this id, §12.2); `unresolved` = not named yet: `unread` (a request that would have named
 * it failed: try again), `unconfirmed` (a whole listing did not hold it and the bound on one-by-one checks was
 * reached, README "Big portals"); '' with neither = not visible to this role; `invalid` = not an id at all (written
 * by another client).
 */
export interface NamedEntity {
  id: string;
  name: string;
  email?: string | null;
  missing?: boolean;
  invalid?: boolean;
  unresolved?: 'unread' | 'unconfirmed';
  /** A trusted-IP entry the portal cannot read (also `invalid`): password sign-in fails for everyone not mandatory (§12.1). */
  breaks?: boolean;
  /** A trusted-IP entry or a non-id longer than the status keeps (limits.ts): `id`/`name` are its start, this its full length. */
  clipped?: number;
}

/** One policy list in brief: how many entries, and the first few (what the popup shows at once). */
export interface ListSummary {
  total: number;
  /** The first entries: ids with the names already known (cached), IPs as stored with `invalid` marked. */
  first: NamedEntity[];
  /** Entries that count for nothing: a non-GUID id; a trusted IP that never matches a visitor's address. */
  invalid: number;
}

export interface PolicySummary {
  method: TfaMethod;
  smsAvailable: boolean;
  appAvailable: boolean;
  /** `breaking`: entries the portal cannot read, which make password sign-in fail (§12.1); not in `invalid`. */
  trustedIps: ListSummary & { breaking: number };
  mandatoryUsers: ListSummary;
  mandatoryGroups: ListSummary;
}

export type PolicyListName = 'trustedIps' | 'mandatoryUsers' | 'mandatoryGroups';

export interface EnrolmentStart {
  account: string;
  issuer: string;
  setupKey: string;
  otpauthUri: string;
  qrImage: string | null;
  /** portal Date header minus local clock, ms (null when unknown). */
  serverClockOffsetMs: number | null;
  /** Codes left before the portal locks for a minute; null when its limit is unknown (only admins can read it). */
  attemptsLeft: number | null;
  /** The portal's code limit (LoginSettings.AttemptCount), when known. */
  attemptLimit: number | null;
}

export interface ValidateReply {
  enrolled: boolean;
  backupCodes: BackupCode[];
}

export interface PolicyView {
  policy: TfaPolicy;
  me: Me;
  ownerId: string | null;
  isEnrolled: boolean | null;
  canEdit: boolean;
  users: NamedEntity[];
  groups: NamedEntity[];
}

export interface SaveReply {
  /** What the portal holds after the save (re-read). */
  policy: TfaPolicy;
  /** Differences between what was sent and what the portal now holds (empty when equal). */
  mismatches: string[];
  /** Enabling signed everyone out: enrol next via this activation link (already checked as same-origin). */
  enrolNext: boolean;
  /** The caller's confirm link (same-origin checked): TfaActivation when enrolNext, TfaAuth when already enrolled; absent when the portal does not challenge the caller. */
  confirmUrl?: string;
  /** The portal returned a link that is not https on this portal (or not a confirm link): it was not followed. */
  refusedLink?: string;
  /** The save was applied but the answer with the caller's link was lost (timeout): the next step is the portal's sign-in. */
  linkLost?: boolean;
  /** 3.7 answered the save with its NullReferenceException 500 (§12.4): saved, and the caller is not asked for a code. */
  callerExempt?: boolean;
  signedOut: boolean;
}

export interface KnownPortal { origin: string; host: string; granted: boolean; auth: 'cookie' | 'apiKey'; rememberedKey: boolean }

export interface Replies {
  getStatus: PortalStatus;
  resolveNames: { users: NamedEntity[]; groups: NamedEntity[] };
  /** Entries `offset`…`offset+count` of a list as the portal holds it now, names resolved (ids) or validity marked (IPs). */
  policyEntries: { total: number; items: NamedEntity[] };
  setApiKey: PortalStatus;
  useBrowserSignIn: PortalStatus;
  listPortals: KnownPortal[];
  forgetPortal: true;
  startEnrolment: EnrolmentStart;
  prepareEnrolment: true;
  validateCode: ValidateReply;
  cancelEnrolment: true;
  getBackupCodes: BackupCode[];
  regenerateBackupCodes: BackupCode[];
  resetMyApp: EnrolmentStart;
  resetUserApp: true;
  scanCoverage: CoverageReport;
  coverageProgress: CoverageProgress;
  cancelCoverage: true;
  getCoverage: CoverageReport | null;
  searchPeople: NamedEntity[];
  searchGroups: NamedEntity[];
  getPolicy: PolicyView;
  resolvePolicyNames: { users: NamedEntity[]; groups: NamedEntity[] };
  savePolicy: SaveReply;
}

export type Reply<K extends CommandType> = Result<Replies[K], AppError>;
export type CommandOf<K extends CommandType> = CommandIn<Command, K>;

export type { TfaMethod, TfaPolicy, BackupCode, Role };

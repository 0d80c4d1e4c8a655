import { z } from '../../zod-config';
import type { AppError } from '../../errors';
import type { Result } from '../../result';
import { Origin, type CommandIn } from '../../protocol';
import { MfaSettingsSchema, UpdateTargetSchema, type HeldSettings, type MfaSettings, type UpdateTarget } from './schemas';
import type { DocumentedOrder, PagingStop } from './client';

/**
 * What the users page sorts by on a panel too large to load whole: documented `order_by` values
 * ([LIST]) that the page shows (not first name: a panel refuses it with code 7).
 */
export const SORT_FIELDS = ['id', 'login', 'last_name'] as const satisfies readonly DocumentedOrder[];
export type SortField = (typeof SORT_FIELDS)[number];

/** The Navixy provider's commands (UI → background) and their replies. */
export const NAVIXY_COMMANDS = [
  // Navixy Admin Panel (options: panels, sign-in, users' MFA, default; popup: status)
  z.object({ type: z.literal('listNavixyPanels') }),
  /** `confirmApiChange`: the user confirmed that a known panel's API address changes (its session is dropped). */
  z.object({ type: z.literal('addNavixyPanel'), panel: Origin, apiBase: z.string().check(z.minLength(1), z.maxLength(500)), confirmApiChange: z.optional(z.boolean()) }),
  z.object({ type: z.literal('removeNavixyPanel'), panel: Origin }),
  /** `apiBase`: the API address the sign-in form showed; the background sends nothing if the panel's is another by then. */
  z.object({
    type: z.literal('navixySignIn'), panel: Origin, login: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), password: z.string().check(z.minLength(1), z.maxLength(500)),
    apiBase: z.string().check(z.minLength(1), z.maxLength(500)),
  }),
  z.object({ type: z.literal('navixySignOut'), panel: Origin }),
  z.object({ type: z.literal('getNavixyStatus'), panel: Origin, refresh: z.optional(z.boolean()) }),
  z.object({ type: z.literal('listNavixyUsers'), panel: Origin }),
  z.object({
    type: z.literal('searchNavixyUsers'), panel: Origin,
    filter: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    orderBy: z.optional(z.enum(SORT_FIELDS)),
    ascending: z.optional(z.boolean()),
    offset: z.int().check(z.nonnegative(), z.maximum(10_000_000)),
  }),
  z.object({ type: z.literal('countNavixyMfa'), panel: Origin }),
  /** Stops the panel's running count after its current page (true: a count was running). */
  z.object({ type: z.literal('cancelNavixyCount'), panel: Origin }),
  /** How far the panel's running count is (null: none running). */
  z.object({ type: z.literal('navixyCountProgress'), panel: Origin }),
  z.object({ type: z.literal('updateNavixyMfa'), panel: Origin, target: UpdateTargetSchema, settings: MfaSettingsSchema }),
  /** `applyToAll`: also write the settings to every user (`target: all`), as Navixy's own panel does, in the same confirmed step. */
  z.object({ type: z.literal('setNavixyDefault'), panel: Origin, settings: MfaSettingsSchema, applyToAll: z.optional(z.boolean()) }),
] as const;
export type Command = z.infer<(typeof NAVIXY_COMMANDS)[number]>;
export type CommandType = Command['type'];

export interface NavixyPanelInfo {
  panel: string;
  host: string;
  apiBase: string;
  /** Host access to the API origin (the only site the extension contacts for a panel). */
  granted: boolean;
  login: string | null;
  /** When the panel ends the session on its own (24 hours after sign-in, not renewable). */
  sessionEndsAt: number | null;
}

/** What the session may do (`users` permissions of `panel/account/auth` / `get_permissions`). */
export interface NavixyAccess {
  /** `users: read`: the list and the default can be read. */
  canRead: boolean;
  /** `users: update`: MFA and the default can be changed. */
  canUpdate: boolean;
}

export interface NavixyStatus extends NavixyPanelInfo, NavixyAccess {
  state: 'ready' | 'signedOut' | 'noPermission';
  checkedAt: number;
  /** The panel's default for users with no explicit setting of their own (`null`: not set, or not read). */
  defaultSettings: HeldSettings | null;
  usersTotal: number | null;
  /** Users with MFA allowed, counted over the whole list at `countedAt` (never over a partial list); null: not counted. */
  mfaAllowed: number | null;
  countedAt: number | null;
  /** The user total when `mfaAllowed` was counted (it may differ from `usersTotal` now). */
  countedTotal: number | null;
}

export interface NavixyUserRow { id: number; login: string; name: string; mfaAllowed: boolean; active: boolean }

/**
 * `whole`: every user (client-side search). `server`: the dealer has more than the extension
 * loads at once; `users` is one page of the panel's own search, ordering and paging.
 */
export type NavixyUserList =
  | { mode: 'whole'; users: NavixyUserRow[]; count: number }
  | { mode: 'server'; users: NavixyUserRow[]; count: number; offset: number; pageSize: number };

/**
 * How "count users with MFA allowed" ended: `counted` over every user (the count is saved), or
 * `stopped` early (`read` of `total` users; nothing saved): `tooLarge` over `limit` (`COUNT_LIMIT`), or a
 * paging stop (the panel stopped sending users, sent pages past what its count needs, or the
 * operator cancelled).
 */
export type NavixyCountOutcome =
  | { done: 'counted'; allowed: number; total: number }
  | { done: 'stopped'; reason: PagingStop | 'tooLarge'; read: number; total: number; limit: number };

export interface Replies {
  listNavixyPanels: NavixyPanelInfo[];
  addNavixyPanel: NavixyPanelInfo;
  removeNavixyPanel: true;
  navixySignIn: NavixyStatus;
  navixySignOut: true;
  getNavixyStatus: NavixyStatus;
  listNavixyUsers: NavixyUserList;
  searchNavixyUsers: NavixyUserList;
  countNavixyMfa: { status: NavixyStatus; outcome: NavixyCountOutcome };
  cancelNavixyCount: boolean;
  navixyCountProgress: { read: number; total: number } | null;
  updateNavixyMfa: { target: UpdateTarget['type']; count: number | null };
  /** `allError`: the default was saved, and the write to all users (`applyToAll`) then failed with it. */
  setNavixyDefault: { settings: HeldSettings | null; appliedToAll: boolean; allError?: AppError };
}

export type Reply<K extends CommandType> = Result<Replies[K], AppError>;
export type CommandOf<K extends CommandType> = CommandIn<Command, K>;

export type { HeldSettings, MfaSettings, UpdateTarget };

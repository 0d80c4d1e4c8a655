// The emulated Navixy Admin Panel's options and controls (what tests and scripts see of it).
import type { DemoOperator, MfaSettings, PanelPermissions, PanelUser } from './demo';
import type { ErrorCode, ParameterError } from './errors';
import type { RunawayCount } from './users';

export interface ForcedError {
  code: ErrorCode;
  /** The action, e.g. `panel/user/list`; absent: every action except sign-in (`panel/account/auth` only when named). */
  action?: string;
  /** How many matching requests get it (default: unlimited). */
  times?: number;
  /** How many matching requests pass first (default 0): e.g. fail the second batch of a bulk change. */
  after?: number;
  /** `errors` to send with it (e.g. with code 7). */
  errors?: ParameterError[];
}

export interface PanelLogEntry {
  action: string;
  /** HTTP method (`POST`, or `GET` with a query string). */
  method: string;
  status: number;
  /** The parameters with `password` and `hash` redacted. */
  body: Record<string, unknown>;
  /** Whether a session hash came with it (header or parameter). */
  auth: 'hash' | 'none';
  code?: number;
  /** The emulated clock when it arrived. */
  at: number;
}

export interface RunningNavixyPanel {
  /** Where the panel's web page is (what the user adds as "panel address"). */
  panelOrigin: string;
  /** The API base URL (`<api origin>/v2`). */
  apiBase: string;
  apiOrigin: string;
  /** The operators (live: `setPermissions` changes them). */
  operators: readonly DemoOperator[];
  /** This panel's dealer id (every listed user's `dealer_id`). */
  dealerId: number;
  /** The demo user (target `all` leaves it alone only with option `allSkipsDemoUser`). */
  demoUserId: number;
  /** Ids of another dealer's users (they exist, but this panel answers 201 for them). */
  foreignUserIds: readonly number[];
  /** The dealer's users as `panel/user/list` sends them, in id order (never the made-up users of `runawayCount`). */
  users(): PanelUser[];
  /** One user as the list sends it (also another dealer's); throws for an unknown id. */
  user(id: number): PanelUser;
  /** A user's own MFA setting; null: none (the default applies). */
  userSettings(id: number): MfaSettings | null;
  /** Presets a user's own setting (null: none, the default applies); new factor types are added to `factorTypes()` as with `setDefault`. */
  setUserSettings(id: number, settings: MfaSettings | null): void;
  /** Adds a user of this dealer (next free id, no own MFA setting unless given) and returns it as listed. */
  addUser(fields?: Partial<Omit<PanelUser, 'id' | 'dealer_id' | 'mfa_allowed'>> & { mfa?: MfaSettings | null }): PanelUser;
  defaultSettings(): MfaSettings | null;
  /** Presets the dealer's default (null: none). A factor type the panel did not know yet is added to `factorTypes()` (a panel holding it knows it). */
  setDefault(settings: MfaSettings | null): void;
  /** The factor types the panel knows. */
  factorTypes(): string[];
  setFactorTypes(types: string[]): void;
  /** Changes an operator's permissions; sessions already open see it at once. */
  setPermissions(login: string, permissions: PanelPermissions): void;
  forceError(e: ForcedError | null): void;
  /** Ends every session (the next call answers code 4). */
  endSessions(): void;
  /** Sessions neither ended, logged out nor expired. */
  activeSessions(): number;
  /** The emulated clock (ms since the epoch): the real clock plus everything advanced. */
  now(): number;
  /** Moves the emulated clock forward (sessions expire after `sessionLifetimeMs`; the rate-limit window moves too). */
  advanceClock(ms: number): void;
  setRateLimit(perSecond: number): void;
  setLatency(ms: number): void;
  requests: PanelLogEntry[];
  clearLog(): void;
  /** Back to the state at start (users, default, sessions, clock, permissions, factor types, limits, log). */
  reset(): void;
  close(): Promise<void>;
}

export interface NavixyPanelOptions {
  host?: string;
  port?: number;
  apiPort?: number;
  /** Users of the dealer (default 250). */
  userCount?: number;
  /** The domain of the dealer's users' logins (default `fleet.test`): `driver001@<domain>`; the screenshots use a real-looking one. */
  loginDomain?: string;
  /** Factor types the panel knows (default `['email']`, as the spec says); e.g. `['email', 'authenticator_app']` for a newer panel. */
  factorTypes?: string[];
  /** Requests per second per client IP and hash before code 15 (HTTP 429). Default 50 ([DOCS]); `Infinity` disables. */
  rateLimitPerSecond?: number;
  /** The most users one `panel/user/list` page holds (default `Infinity`: no cap, as [SPEC] names no maximum). */
  maxPageSize?: number;
  /** A limit above `maxPageSize`: `'cap'` (default) silently sends at most the cap, `'error'` answers 212. */
  overLimit?: 'cap' | 'error';
  /** Session lifetime (default 24 h). */
  sessionLifetimeMs?: number;
  /** The code for a wrong password of an existing login (default 12; undocumented). */
  wrongPasswordCode?: 4 | 12;
  /** Whether `panel/account/auth` answers `permissions` (default true; false: a panel older than the 2026 spec). */
  authPermissions?: boolean;
  /** The dealer's default at start and after `reset()` (default `{ type: 'disallowed' }`). */
  defaultSettings?: MfaSettings | null;
  /** Delay before every API answer, in ms (default 0). */
  latencyMs?: number;
  /** Target `all` leaves the demo user alone, as [PANEL]'s confirmation text says (default false: every user, as [SPEC] says). */
  allSkipsDemoUser?: boolean;
  /** A `selected` batch with an unknown or foreign id writes the valid ids, then answers 201 (default false: nothing is written). */
  partialBatch?: boolean;
  /** Hostile paging: `panel/user/list` claims `count` users, each page holds at most `perPage` new ones (default: off). */
  runawayCount?: RunawayCount;
  /** The largest request body in bytes; larger ones answer code 9, HTTP 412 (default 1 MiB, `MAX_REQUEST_BYTES` of params.ts). */
  maxRequestBytes?: number;
}

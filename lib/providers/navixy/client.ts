import type { AppError } from '../../errors';
import { ok, type Result } from '../../result';
import { navixyRequest, type NavixyTransport } from './http';
import {
  AuthSchema, DefaultReadSchema, PermissionsReplySchema, SuccessSchema, UserListSchema,
  type HeldSettings, type MfaSettings, type PanelPermissions, type PanelUser, type UpdateTarget,
} from './schemas';

/** Users per `panel/user/list` page: what Navixy's own panel asks for ([PANEL]); the panel may silently send fewer. */
export const USER_PAGE = 500;
/** How long `panel/account/logout` may take on sign-out before the hash is forgotten anyway. */
export const LOGOUT_TIMEOUT_MS = 3_000;
/** How often one page is asked again after the panel's rate limit (code 15), waiting at most this long each time. */
const RATE_LIMIT_RETRIES = 3;
const RATE_LIMIT_MAX_WAIT_MS = 5_000;
/** Pages read beyond what the first answered `count` needs (a user added meanwhile, a silently smaller page). */
export const PAGE_MARGIN = 3;
/**
 * The smallest page the client takes as a panel's own page size (a silent cap below {@link USER_PAGE}).
 * A page holding fewer users than this and fewer than remain is short (assumption: no panel caps pages below 100).
 */
export const MIN_PAGE = 100;
/** Consecutive short pages after which the panel is taken to have stopped sending users. */
export const SHORT_PAGES = 3;

/** The `order_by` values Navixy documents for `panel/user/list` ([LIST]); a panel refuses others (code 7). */
export const DOCUMENTED_ORDER = ['id', 'login', 'last_name', 'balance', 'bonus', 'phone', 'post_city'] as const;
export type DocumentedOrder = (typeof DOCUMENTED_ORDER)[number];

export interface UserQuery {
  offset: number;
  limit: number;
  /** Server-side text filter (id, login, names, phone, address, legal fields). */
  filter?: string;
  orderBy?: DocumentedOrder;
  ascending?: boolean;
}

export interface UserPage {
  users: PanelUser[];
  /** Total matching users, ignoring offset and limit. */
  count: number;
}

/**
 * Why reading stopped before `count` users were seen: an empty page; {@link SHORT_PAGES} short pages in
 * a row; the page budget (what the first `count` needs plus {@link PAGE_MARGIN}) or the caller's `max`
 * used up; the caller cancelled.
 */
export type PagingStop = 'emptyPage' | 'shortPages' | 'pageCap' | 'cancelled';

export interface PagesRead {
  /** Total users, as the panel's last page said. */
  count: number;
  /** Distinct users read. */
  seen: number;
  /** False when reading stopped before `count` was reached (`stopped` says why): never count over it. */
  complete: boolean;
  /** The panel holds more than the caller's `max`: nothing past the first page was read. */
  tooLarge: boolean;
  /** Set when `complete` is false and `tooLarge` is not. */
  stopped?: PagingStop;
}

export interface PagingControl {
  /** Asked before every page after the first: true stops reading (the page under way is finished). */
  cancelled?: () => boolean;
}

const withTimeout = (t: NavixyTransport, timeoutMs: number | undefined): NavixyTransport => (timeoutMs === undefined ? t : { ...t, timeoutMs });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One function per Navixy Admin Panel action the extension uses; each returns a Result, none throws. */
export function createNavixyClient(t: NavixyTransport) {
  const page = async (q: UserQuery): Promise<Result<UserPage, AppError>> => {
    const body: Record<string, unknown> = { offset: q.offset, limit: q.limit };
    if (q.filter) body.filter = q.filter;
    if (q.orderBy) body.order_by = q.orderBy;
    if (q.ascending !== undefined) body.ascending = q.ascending;
    for (let attempt = 0; ; attempt++) {
      const r = await navixyRequest(t, 'panel/user/list', body, UserListSchema);
      if (r.ok) return ok({ users: r.value.list, count: r.value.count });
      if (r.error.kind !== 'rateLimited' || attempt >= RATE_LIMIT_RETRIES) return r;
      await sleep(Math.min(RATE_LIMIT_MAX_WAIT_MS, Math.max(0, r.error.retryAt - Date.now())));
    }
  };
  return {
    /** `panel/account/auth`: login and password are sent once; only the returned hash (and permissions) are kept. */
    signIn: async (login: string, password: string): Promise<Result<{ hash: string; permissions?: PanelPermissions }, AppError>> => {
      const r = await navixyRequest({ ...t, hash: undefined }, 'panel/account/auth', { login, password }, AuthSchema);
      return r.ok ? ok({ hash: r.value.hash, ...(r.value.permissions ? { permissions: r.value.permissions } : {}) }) : r;
    },
    /** `panel/account/logout`: ends the session on the panel (best effort, short timeout). */
    signOut: async (): Promise<Result<true, AppError>> => {
      const r = await navixyRequest({ ...t, timeoutMs: LOGOUT_TIMEOUT_MS }, 'panel/account/logout', {}, SuccessSchema);
      return r.ok ? ok(true) : r;
    },
    /** `panel/account/get_permissions`: the session's permissions (a category the panel leaves out grants nothing). */
    getPermissions: async (): Promise<Result<PanelPermissions, AppError>> => {
      const r = await navixyRequest(t, 'panel/account/get_permissions', {}, PermissionsReplySchema);
      return r.ok ? ok(r.value.permissions ?? {}) : r;
    },
    /** One `panel/user/list` page, as the panel orders and filters it; asked again after a rate-limit answer. */
    listPage: page,
    /**
     * Every user of the dealer, page after page of {@link USER_PAGE}, handed to `visit` as they
     * arrive. The next offset is what was received, so a panel that silently sends fewer than
     * asked (down to {@link MIN_PAGE}) loses nobody. Reading stops when `count` distinct users were
     * seen, and early (incomplete, with the reason) at an empty page, after {@link SHORT_PAGES}
     * short pages in a row, when the pages the first `count` needs (plus {@link PAGE_MARGIN}) were
     * read, at `max` users, or when `control.cancelled` says so. When the panel holds more than
     * `max` users it stops after the first page and says `tooLarge` (that page was still visited).
     */
    eachPage: async (max: number, visit: (users: PanelUser[], count: number) => void, control: PagingControl = {}): Promise<Result<PagesRead, AppError>> => {
      const seen = new Set<number>();
      let count = 0;
      let offset = 0;
      let budget = Infinity;
      let short = 0;
      const stop = (stopped: PagingStop) => ok({ count, seen: seen.size, complete: false, tooLarge: false, stopped });
      for (let pages = 0; ; pages++) {
        if (pages >= budget || offset >= max) return stop('pageCap');
        if (pages > 0 && control.cancelled?.()) return stop('cancelled');
        const r = await page({ offset, limit: USER_PAGE });
        if (!r.ok) return r;
        count = r.value.count;
        const received = r.value.users.length;
        // The budget is set once, by the count as first answered and the page size the panel showed
        // (between MIN_PAGE and what was asked): a count that grows later buys no pages.
        if (pages === 0) budget = Math.ceil(Math.min(count, max) / Math.min(USER_PAGE, Math.max(MIN_PAGE, received))) + PAGE_MARGIN;
        const remaining = count - seen.size;
        const fresh = r.value.users.filter((u) => !seen.has(u.id));
        for (const u of fresh) seen.add(u.id);
        visit(fresh, count);
        if (count > max) return ok({ count, seen: seen.size, complete: false, tooLarge: true });
        if (seen.size >= count) break;
        if (received === 0) return stop('emptyPage');
        short = fresh.length < Math.min(MIN_PAGE, remaining) ? short + 1 : 0;
        if (short >= SHORT_PAGES) return stop('shortPages');
        offset += received;
      }
      return ok({ count, seen: seen.size, complete: true, tooLarge: false });
    },
    /**
     * `panel/user/mfa/settings/update`. Callers split selections into batches of at most 100 ids.
     * `timeoutMs`: for `target: all`, which the panel may take long over (`navixyTimeouts.longWriteMs` of http.ts).
     */
    updateMfa: async (target: UpdateTarget, settings: MfaSettings, timeoutMs?: number): Promise<Result<true, AppError>> => {
      const r = await navixyRequest(withTimeout(t, timeoutMs), 'panel/user/mfa/settings/update', { target, settings }, SuccessSchema);
      return r.ok ? ok(true) : r;
    },
    /** `panel/user/mfa/settings/default/read`; `null` when the panel holds no default (unreadable factor types are flagged, not fatal). */
    readDefault: async (): Promise<Result<HeldSettings | null, AppError>> => {
      const r = await navixyRequest(t, 'panel/user/mfa/settings/default/read', {}, DefaultReadSchema);
      return r.ok ? ok(r.value.value ?? null) : r;
    },
    /** `panel/user/mfa/settings/default/update`; `timeoutMs` as for {@link updateMfa}. */
    updateDefault: async (settings: MfaSettings, timeoutMs?: number): Promise<Result<true, AppError>> => {
      const r = await navixyRequest(withTimeout(t, timeoutMs), 'panel/user/mfa/settings/default/update', { settings }, SuccessSchema);
      return r.ok ? ok(true) : r;
    },
  };
}
export type NavixyClient = ReturnType<typeof createNavixyClient>;

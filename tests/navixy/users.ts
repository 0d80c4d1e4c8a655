// The users of the emulated Navixy Admin Panel and `panel/user/list`: paging, ordering, the server-side filter,
// and the hostile paging mode (`runawayCount`).
import { DEALER_ID, demoUsers, storedUser, userFields, type MfaSettings, type PanelUser, type StoredUser } from './demo';
import { invalid, PanelFail } from './errors';
import { boolParam, intParam } from './params';

/**
 * What `order_by` accepts: [LIST]'s documented set (`id, login, last_name, balance, bonus, phone, post_city`)
 * plus what Navixy's own panel sorts by ([PANEL] `app/view/users/List.js`: `legal_name, trackers_count,
 * mfa_allowed, creation_date`). Anything else, `first_name`, `middle_name` and `activated` among them, is code 7.
 */
export const ORDER_FIELDS = [
  'id', 'login', 'last_name', 'balance', 'bonus', 'phone', 'post_city', 'legal_name', 'trackers_count', 'mfa_allowed', 'creation_date',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Option `runawayCount`: `panel/user/list` claims `count` users while each page holds at most `perPage`. */
export interface RunawayCount {
  count: number;
  perPage: number;
}

/** The first id of the users made up by `runawayCount` (assumption: far above any demo user's id). */
export const RUNAWAY_FIRST_ID = 10_000_001;

export interface ListOptions {
  /** The most users a page holds (`Infinity`: no cap). */
  maxPage: number;
  /** A limit above `maxPage`: silently capped, or code 212. */
  overLimit: 'cap' | 'error';
  runaway: RunawayCount | null;
}

/** The dealer's users and another dealer's (for code 201), as the emulator keeps them. */
export class UserBook {
  all: StoredUser[] = [];
  byId = new Map<number, StoredUser>();
  own: StoredUser[] = [];
  /** `own` sorted per order field (ascending, ties by id); rebuilt lazily when users are added or reset. */
  private sorted = new Map<OrderField, StoredUser[]>();

  constructor(private readonly count: number, private readonly loginDomain?: string) {
    this.load();
  }

  load(): void {
    this.all = demoUsers(this.count, this.loginDomain);
    this.byId = new Map(this.all.map((u) => [u.id, u]));
    this.own = this.all.filter((u) => u.dealer_id === DEALER_ID);
    this.sorted = new Map();
  }

  add(u: StoredUser): void {
    this.all.push(u);
    this.own.push(u);
    this.byId.set(u.id, u);
    this.sorted = new Map();
  }

  nextId(): number {
    return Math.max(...this.all.map((u) => u.id)) + 1;
  }

  /** A user as the list sends it: the stored fields in the spec's order, `mfa_allowed` from its own setting or the default. */
  static wire(u: StoredUser, defaults: MfaSettings | null): PanelUser {
    const { mfa, demo: _demo, haystack: _haystack, comment, creation_date, ...fields } = u;
    return { ...fields, mfa_allowed: (mfa ?? defaults)?.type === 'allowed', creation_date, comment };
  }

  /** The dealer's users in `field` order, ascending, ties in id order (assumption: no source names the tie-break). */
  sortedBy(field: OrderField, defaults: MfaSettings | null): StoredUser[] {
    if (field === 'mfa_allowed') {
      // Depends on the default, so never cached: not allowed first (false < true), each part in id order.
      const ids = this.sortedBy('id', defaults);
      const allowed = (u: StoredUser) => (u.mfa ?? defaults)?.type === 'allowed';
      return [...ids.filter((u) => !allowed(u)), ...ids.filter(allowed)];
    }
    let list = this.sorted.get(field);
    if (!list) {
      const key = (u: StoredUser): string | number => {
        const v = u[field];
        return typeof v === 'string' ? v.toLowerCase() : v;
      };
      list = this.own.slice().sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -1 : x > y ? 1 : a.id - b.id;
      });
      this.sorted.set(field, list);
    }
    return list;
  }

  /** `panel/user/list`: `{ list, count }`. */
  list(body: Record<string, unknown>, defaults: MfaSettings | null, opts: ListOptions): { list: PanelUser[]; count: number } {
    let limit = intParam(body, 'limit', 0) ?? opts.maxPage;
    const offset = intParam(body, 'offset', 0) ?? 0;
    if (limit > opts.maxPage) {
      if (opts.overLimit === 'error') throw new PanelFail(212);
      limit = opts.maxPage;
    }
    const orderBy = body.order_by === undefined || body.order_by === null || body.order_by === '' ? 'id' : body.order_by;
    if (typeof orderBy !== 'string' || !(ORDER_FIELDS as readonly string[]).includes(orderBy)) throw invalid('order_by', `Should be one of [${ORDER_FIELDS.join(', ')}]`);
    const ascending = boolParam(body, 'ascending') ?? true;
    const filter = body.filter === undefined || body.filter === null ? '' : typeof body.filter === 'string' || typeof body.filter === 'number' ? String(body.filter).trim().toLowerCase() : null;
    if (filter === null) throw invalid('filter', 'Must be a string');
    if (opts.runaway) return runawayPage(opts.runaway, offset, limit, defaults);
    const base = this.sortedBy(orderBy as OrderField, defaults);
    const matching = filter ? base.filter((u) => u.haystack.includes(filter)) : base;
    const n = matching.length;
    const list: PanelUser[] = [];
    for (let i = offset; i < Math.min(n, offset + limit); i++) list.push(UserBook.wire(matching[ascending ? i : n - 1 - i]!, defaults));
    return { list, count: n };
  }
}

/**
 * The hostile paging mode: `count` is always the claimed total, and the page at `offset` holds at most `perPage`
 * users, made up on demand with ids from {@link RUNAWAY_FIRST_ID} + offset (so every further page brings new ids,
 * for as many pages as are asked; nothing is kept). `filter`, `order_by` and `ascending` are checked but ignored.
 * These users exist only in the list: writing to them answers 201 like any unknown id.
 */
function runawayPage(r: RunawayCount, offset: number, limit: number, defaults: MfaSettings | null): { list: PanelUser[]; count: number } {
  const n = Math.max(0, Math.min(limit, r.perPage, r.count - offset));
  const list = Array.from({ length: n }, (_, i) => {
    const id = RUNAWAY_FIRST_ID + offset + i;
    return UserBook.wire(storedUser({ ...userFields(id, DEALER_ID), mfa: null, demo: false }), defaults);
  });
  return { list, count: r.count };
}

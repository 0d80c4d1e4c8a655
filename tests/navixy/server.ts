// Emulated Navixy Admin Panel: the panel's web page on one port and its API (`/v2/panel/…`) on another,
// since a real panel and its API may live on different hosts. Faithful to the official OpenAPI spec of the
// Admin Panel API (Navixy/navixy-public-docs api-docs/platform-api/panel-api/reference/Admin_Panel.json,
// v1.2.0; subset in tests/fixtures/navixy-admin-panel-openapi.json), the Navixy API docs' error table and
// limits, and how Navixy's own panel (Navixy/navixy-admin-panel) calls it.
//
// Where no source says, this emulator chooses (each is an assumption, not Navixy's documented behaviour):
// * A wrong password for an existing login answers code 12 (HTTP 400), the same as an unknown login, so
//   the answer does not reveal which logins exist (option `wrongPasswordCode: 4` answers 4 instead).
//   A blocked dealer's operator gets 11 only with the right password.
// * A missing hash, or one that is not 32 hex digits, is code 3; a well-formed hash the panel never
//   issued is code 4 ("session not found"), like an expired or logged-out one.
// * An unknown handler (`panel/foo/list`) is code 111, an unknown action of a known handler
//   (`panel/user/foo`, also spec actions this emulator does not implement, e.g. `panel/user/read`) is 112;
//   both HTTP 400 (the docs' default) and both answered before the session is checked.
// * Requests: POST with a JSON or form-encoded body, or GET with a query string (the spec says the
//   API also accepts those); the hash in `Authorization: NVX <hash>` or as a `hash` parameter (what
//   Navixy's own panel sends). Other HTTP methods: 405 without an envelope.
// * Order of checks: rate limit (15), action (111/112), session (3/4), forced error, permission (13),
//   parameters (7), then the entities (201).
// * Rate limit: a sliding one-second window per client IP and hash (requests without a hash count per IP);
//   refused requests do not count. No Retry-After header (none documented).
// * `panel/user/list`: `limit` absent means the page-size cap (default 1000); a larger limit is silently
//   capped (option `overLimit: 'error'` answers 212 instead); limit 0 answers no users and the count.
//   `filter`: case-insensitive substring of the id, login, first, middle or last name. `order_by`: id,
//   login, first_name, middle_name, last_name, activated, creation_date (anything else: 7); ties in id order;
//   descending is the exact reverse. Default: id ascending.
// * `settings/update` with target `selected`: any id that is not this dealer's user (nonexistent or another
//   dealer's) fails the whole call with 201 and nothing is changed. Target `all` sets every user's own
//   setting except the demo user's ([PANEL]: "except of the demo user"). The demo user can still be changed by id.
// * The default applies to users without their own setting ([SPEC]): those users' `mfa_allowed` follows it.
//   Demo data: every fifth user allowed (email), ids ending in 3 and the demo user (id 4) without a setting
//   of their own, the rest disallowed; the default starts as disallowed.
// * Settings with a factor type the panel does not know, an empty `factor_types` or an unknown `type`: 7.
// * `panel/account/logout` and `panel/account/get_permissions` need a valid session but no permission.
// * Permissions are read live: `setPermissions()` changes what existing sessions may do at once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readBody } from '../portal/http';
import {
  DEALER_ID, DEMO_OPERATORS, DEMO_USER_ID, demoUsers, foreignIds, storedUser,
  type DemoOperator, type MfaSettings, type PanelPermissions, type PanelUser, type StoredUser,
} from './demo';

export {
  DEALER_ID, DEMO_LOGINS, DEMO_OPERATORS, DEMO_PASSWORD, DEMO_USER_ID, OTHER_DEALER_ID,
  type DemoOperator, type MfaSettings, type PanelPermissions, type PanelUser,
} from './demo';

/** Error codes the emulator answers with, and their descriptions as the Navixy API docs word them. */
export const ERROR_CODES = {
  1: 'Database error',
  2: 'Service Auth error',
  3: 'Wrong hash',
  4: 'User or API key not found or session ended',
  6: 'Unexpected error',
  7: 'Invalid parameters',
  8: 'Queue service error, try again later',
  11: 'Access denied',
  12: 'Dealer not found',
  13: 'Operation not permitted',
  14: 'Database unavailable',
  15: 'Too many requests (rate limit exceeded)',
  111: 'Wrong handler',
  112: 'Wrong method',
  201: 'Not found in the database',
  212: 'Requested limit is too big',
  217: 'List contains nonexistent entities',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** HTTP status per code ([DOCS] errors table; the default is 400). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  1: 500, 2: 403, 3: 400, 4: 400, 6: 500, 7: 400, 8: 503, 11: 403, 12: 400, 13: 403, 14: 503, 15: 429, 111: 400, 112: 400, 201: 400, 212: 400, 217: 400,
};

/** The actions this emulator implements, and the `users` permission each needs (none: a valid session is enough). */
export const ACTIONS = {
  'panel/account/auth': null,
  'panel/account/logout': null,
  'panel/account/get_permissions': null,
  'panel/user/list': 'read',
  'panel/user/mfa/settings/update': 'update',
  'panel/user/mfa/settings/default/read': 'read',
  'panel/user/mfa/settings/default/update': 'update',
} as const;
export type PanelAction = keyof typeof ACTIONS;
const HANDLERS = new Set(Object.keys(ACTIONS).map((a) => a.slice(0, a.lastIndexOf('/'))));

/** Fields `panel/user/list` can order by. */
export const ORDER_FIELDS = ['id', 'login', 'first_name', 'middle_name', 'last_name', 'activated', 'creation_date'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ForcedError {
  code: ErrorCode;
  /** The action, e.g. `panel/user/list`; absent: every action except sign-in (`panel/account/auth` only when named). */
  action?: string;
  /** How many matching requests get it (default: unlimited). */
  times?: number;
  /** How many matching requests pass first (default 0): e.g. fail the second batch of a bulk change. */
  after?: number;
  /** `errors` to send with it (e.g. with code 7). */
  errors?: { parameter: string; error: string }[];
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
  /** The demo user, whom target `all` leaves alone. */
  demoUserId: number;
  /** Ids of another dealer's users (they exist, but this panel answers 201 for them). */
  foreignUserIds: readonly number[];
  /** The dealer's users as `panel/user/list` sends them, in id order. */
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
  /** Factor types the panel knows (default `['email']`, as the spec says); e.g. `['email', 'authenticator_app']` for a newer panel. */
  factorTypes?: string[];
  /** Requests per second per client IP and hash before code 15 (HTTP 429). Default 50 ([DOCS]); `Infinity` disables. */
  rateLimitPerSecond?: number;
  /** The most users one `panel/user/list` page holds (default 1000). */
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
}

class PanelFail extends Error {
  constructor(readonly code: ErrorCode, readonly errors?: { parameter: string; error: string }[]) {
    super(ERROR_CODES[code]);
  }
}
const invalid = (parameter: string, error: string) => new PanelFail(7, [{ parameter, error }]);

const PANEL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Navixy Admin Panel (emulated)</title></head>
<body><main><h1>Navixy Admin Panel (emulated)</h1>
<p>This page stands for the panel's web interface. Add this address and the API base URL shown by <code>npm run portal</code>
in the extension's options page (Navixy panels), then click the toolbar button here.</p></main></body></html>`;

const HASH = /^[0-9a-f]{32}$/;
const clone = <T>(v: T): T => structuredClone(v);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads `settings`; the reasons it is refused (code 7), or the settings as the panel stores them. */
function parseSettings(v: unknown, known: readonly string[]): MfaSettings | { parameter: string; error: string } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { parameter: 'settings', error: 'Required object' };
  const s = v as { type?: unknown; factor_types?: unknown };
  if (s.type === 'disallowed') return { type: 'disallowed' };
  if (s.type !== 'allowed') return { parameter: 'settings.type', error: 'Should be one of [allowed, disallowed]' };
  if (!Array.isArray(s.factor_types) || s.factor_types.length === 0) return { parameter: 'settings.factor_types', error: 'Must be a non-empty array' };
  if (!s.factor_types.every((f) => typeof f === 'string' && known.includes(f))) return { parameter: 'settings.factor_types', error: `Should be one of [${known.join(', ')}]` };
  return { type: 'allowed', factor_types: [...new Set(s.factor_types as string[])] };
}

/** Reads `target`; the reason it is refused, or the target. */
function parseTarget(v: unknown): { type: 'all' } | { type: 'selected'; ids: number[] } | { parameter: string; error: string } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { parameter: 'target', error: 'Required object' };
  const t = v as { type?: unknown; ids?: unknown };
  if (t.type === 'all') return { type: 'all' };
  if (t.type !== 'selected') return { parameter: 'target.type', error: 'Should be one of [all, selected]' };
  const ids = t.ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) return { parameter: 'target.ids', error: 'Must hold 1 to 100 ids' };
  if (!ids.every((i) => Number.isInteger(i) && (i as number) >= 1)) return { parameter: 'target.ids', error: 'Must be positive integers' };
  return { type: 'selected', ids: ids as number[] };
}

/** An integer parameter (JSON number or, from a form or query string, digits). */
function intParam(body: Record<string, unknown>, name: string, min: number): number | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw invalid(name, `Must be an integer not less than ${min}`);
  return n;
}

function boolParam(body: Record<string, unknown>, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw invalid(name, 'Must be a boolean');
}

/** Form or query parameters: values that look like JSON objects or arrays are parsed (how nested params travel). */
function formParams(raw: string): Record<string, unknown> {
  return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => {
    if (/^\s*[[{]/.test(v)) {
      try {
        return [k, JSON.parse(v) as unknown];
      } catch {
        return [k, v];
      }
    }
    return [k, v];
  }));
}

export async function startNavixyPanel(opts: NavixyPanelOptions = {}): Promise<RunningNavixyPanel> {
  const host = opts.host ?? '127.0.0.1';
  const userCount = opts.userCount ?? 250;
  const lifetime = opts.sessionLifetimeMs ?? DAY_MS;
  const maxPage = opts.maxPageSize ?? 1000;
  const initialDefault: MfaSettings | null = opts.defaultSettings === undefined ? { type: 'disallowed' } : clone(opts.defaultSettings);

  let all: StoredUser[] = [];
  let byId = new Map<number, StoredUser>();
  let own: StoredUser[] = [];
  /** `own` sorted per order field (ascending, ties by id); rebuilt lazily when users are added or reset. */
  let sorted = new Map<OrderField, StoredUser[]>();
  let defaults: MfaSettings | null = null;
  let operators: DemoOperator[] = [];
  let known: string[] = [];
  let rateLimit = 50;
  let latency = 0;
  let clockOffset = 0;
  const sessions = new Map<string, { login: string; createdAt: number; ended: boolean }>();
  const windows = new Map<string, number[]>();
  let forced: (ForcedError & { left: number; pass: number }) | null = null;
  const requests: PanelLogEntry[] = [];

  const now = () => Date.now() + clockOffset;

  function load(): void {
    all = demoUsers(userCount);
    byId = new Map(all.map((u) => [u.id, u]));
    own = all.filter((u) => u.dealer_id === DEALER_ID);
    sorted = new Map();
    defaults = clone(initialDefault);
    operators = DEMO_OPERATORS.map((o) => clone(o));
    known = [...(opts.factorTypes ?? ['email'])];
    rateLimit = opts.rateLimitPerSecond ?? 50;
    latency = opts.latencyMs ?? 0;
    clockOffset = 0;
    sessions.clear();
    windows.clear();
    forced = null;
    requests.length = 0;
  }
  load();

  const wire = (u: StoredUser): PanelUser => ({
    id: u.id, dealer_id: u.dealer_id, login: u.login, first_name: u.first_name, middle_name: u.middle_name, last_name: u.last_name,
    activated: u.activated, verified: u.verified, legal_type: u.legal_type, creation_date: u.creation_date,
    mfa_allowed: (u.mfa ?? defaults)?.type === 'allowed',
  });

  function sortedBy(field: OrderField): StoredUser[] {
    let list = sorted.get(field);
    if (!list) {
      const key = (u: StoredUser): string | number | boolean => {
        const v = u[field];
        return typeof v === 'string' ? v.toLowerCase() : v;
      };
      list = field === 'id' ? own.slice() : own.slice().sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -1 : x > y ? 1 : a.id - b.id;
      });
      if (field === 'id') list.sort((a, b) => a.id - b.id);
      sorted.set(field, list);
    }
    return list;
  }

  /** The hash the request presents: `Authorization: NVX <hash>`, else a `hash` parameter. */
  function hashOf(body: Record<string, unknown>, req: IncomingMessage): string | undefined {
    const header = req.headers.authorization;
    if (header) return /^NVX (\S+)$/.exec(header)?.[1] ?? header;
    return typeof body.hash === 'string' ? body.hash : undefined;
  }

  function sessionOf(body: Record<string, unknown>, req: IncomingMessage): { hash: string; operator: DemoOperator } {
    const hash = hashOf(body, req);
    if (!hash || !HASH.test(hash)) throw new PanelFail(3);
    const s = sessions.get(hash);
    if (!s || s.ended || now() - s.createdAt >= lifetime) throw new PanelFail(4);
    const operator = operators.find((o) => o.login === s.login);
    if (!operator) throw new PanelFail(4);
    return { hash, operator };
  }

  function takeForced(action: string): void {
    if (!forced) return;
    const matches = forced.action ? forced.action === action : action !== 'panel/account/auth';
    if (!matches) return;
    if (forced.pass > 0) {
      forced.pass -= 1;
      return;
    }
    if (forced.left > 0) {
      forced.left -= 1;
      const { code, errors } = forced;
      if (forced.left <= 0) forced = null;
      throw new PanelFail(code, errors);
    }
  }

  /** True when this request is over the limit; otherwise it is counted. */
  function limited(key: string): boolean {
    if (!Number.isFinite(rateLimit)) return false;
    const t = now();
    let w = windows.get(key);
    if (!w) windows.set(key, (w = []));
    while (w.length > 0 && w[0]! <= t - 1000) w.shift();
    if (w.length >= rateLimit) return true;
    w.push(t);
    return false;
  }

  function signIn(body: Record<string, unknown>): Record<string, unknown> {
    takeForced('panel/account/auth');
    const login = typeof body.login === 'number' ? String(body.login) : body.login;
    const errors = [
      ...(typeof login === 'string' && login !== '' ? [] : [{ parameter: 'login', error: 'Required string' }]),
      ...(typeof body.password === 'string' && body.password !== '' ? [] : [{ parameter: 'password', error: 'Required string' }]),
    ];
    if (errors.length) throw new PanelFail(7, errors);
    const operator = operators.find((o) => o.login === login);
    if (!operator) throw new PanelFail(12);
    if (operator.password !== body.password) throw new PanelFail(opts.wrongPasswordCode ?? 12);
    if (operator.blocked) throw new PanelFail(11);
    let hash: string;
    do hash = randomBytes(16).toString('hex');
    while (sessions.has(hash));
    sessions.set(hash, { login: operator.login, createdAt: now(), ended: false });
    return opts.authPermissions === false ? { hash } : { hash, permissions: clone(operator.permissions) };
  }

  function listUsers(body: Record<string, unknown>): Record<string, unknown> {
    let limit = intParam(body, 'limit', 0) ?? maxPage;
    const offset = intParam(body, 'offset', 0) ?? 0;
    if (limit > maxPage) {
      if (opts.overLimit === 'error') throw new PanelFail(212);
      limit = maxPage;
    }
    const orderBy = body.order_by === undefined || body.order_by === null || body.order_by === '' ? 'id' : body.order_by;
    if (typeof orderBy !== 'string' || !(ORDER_FIELDS as readonly string[]).includes(orderBy)) throw invalid('order_by', `Should be one of [${ORDER_FIELDS.join(', ')}]`);
    const ascending = boolParam(body, 'ascending') ?? true;
    const filter = body.filter === undefined || body.filter === null ? '' : typeof body.filter === 'string' || typeof body.filter === 'number' ? String(body.filter).trim().toLowerCase() : null;
    if (filter === null) throw invalid('filter', 'Must be a string');
    const base = sortedBy(orderBy as OrderField);
    const matching = filter ? base.filter((u) => u.haystack.includes(filter)) : base;
    const n = matching.length;
    const list: PanelUser[] = [];
    for (let i = offset; i < Math.min(n, offset + limit); i++) list.push(wire(matching[ascending ? i : n - 1 - i]!));
    return { list, count: n };
  }

  function updateMfa(body: Record<string, unknown>): Record<string, unknown> {
    const target = parseTarget(body.target);
    const settings = parseSettings(body.settings, known);
    const errors = [target, settings].filter((x): x is { parameter: string; error: string } => 'parameter' in x);
    if (errors.length) throw new PanelFail(7, errors);
    const t = target as Exclude<typeof target, { parameter: string }>;
    const s = settings as MfaSettings;
    if (t.type === 'all') {
      for (const u of own) if (!u.demo) u.mfa = clone(s);
      return {};
    }
    const picked = t.ids.map((id) => byId.get(id));
    if (picked.some((u) => !u || u.dealer_id !== DEALER_ID)) throw new PanelFail(201);
    for (const u of picked) u!.mfa = clone(s);
    return {};
  }

  function run(action: string, body: Record<string, unknown>, req: IncomingMessage): Record<string, unknown> {
    if (!(action in ACTIONS)) throw new PanelFail(HANDLERS.has(action.slice(0, action.lastIndexOf('/'))) ? 112 : 111);
    if (action === 'panel/account/auth') return signIn(body);
    const { hash, operator } = sessionOf(body, req);
    takeForced(action);
    const needs = ACTIONS[action as PanelAction];
    if (needs && !(operator.permissions.users ?? []).includes(needs)) throw new PanelFail(13);
    switch (action as Exclude<PanelAction, 'panel/account/auth'>) {
      case 'panel/account/logout':
        sessions.get(hash)!.ended = true;
        return {};
      case 'panel/account/get_permissions':
        return { permissions: clone(operator.permissions) };
      case 'panel/user/list':
        return listUsers(body);
      case 'panel/user/mfa/settings/update':
        return updateMfa(body);
      case 'panel/user/mfa/settings/default/read':
        return { value: defaults ? clone(defaults) : null };
      case 'panel/user/mfa/settings/default/update': {
        const s = parseSettings(body.settings, known);
        if ('parameter' in s) throw new PanelFail(7, [s]);
        defaults = s;
        return {};
      }
    }
  }
  function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    });
    res.end(body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    if (req.method === 'OPTIONS') return send(res, 204, '');
    const m = /^\/v2\/(panel\/[a-z_/]+?)\/?$/.exec(url.pathname);
    if (!m) return send(res, 404, 'Not found', 'text/plain');
    const action = m[1]!;
    const method = req.method ?? 'GET';
    const raw = (await readBody(req)) ?? null;
    let body: Record<string, unknown> = formParams(url.search.slice(1));
    let unreadable: PanelFail | null = raw === null ? invalid('body', 'Too large') : null;
    if (raw) {
      if (/json/i.test(req.headers['content-type'] ?? '') || /^\s*[[{]/.test(raw)) {
        try {
          const parsed = JSON.parse(raw) as unknown;
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = { ...body, ...(parsed as Record<string, unknown>) };
        } catch {
          unreadable = invalid('body', 'Malformed JSON');
        }
      } else {
        body = { ...body, ...formParams(raw) };
      }
    }
    const entry: PanelLogEntry = {
      action, method, status: 200, at: now(),
      auth: req.headers.authorization || typeof body.hash === 'string' ? 'hash' : 'none',
      body: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, k === 'password' || k === 'hash' ? '***' : v])),
    };
    requests.push(entry);
    if (latency > 0) await sleep(latency);
    if (method !== 'POST' && method !== 'GET') {
      entry.status = 405;
      return send(res, 405, '', 'text/plain');
    }
    try {
      if (limited(`${req.socket.remoteAddress ?? ''} ${hashOf(body, req) ?? ''}`)) throw new PanelFail(15);
      if (unreadable && action in ACTIONS) throw unreadable;
      const value = run(action, body, req);
      send(res, 200, JSON.stringify({ success: true, ...value }));
    } catch (e) {
      const fail = e instanceof PanelFail ? e : new PanelFail(6);
      entry.status = HTTP_STATUS[fail.code];
      entry.code = fail.code;
      send(res, entry.status, JSON.stringify({ success: false, status: { code: fail.code, description: ERROR_CODES[fail.code] }, ...(fail.errors ? { errors: fail.errors } : {}) }));
    }
  }

  const listen = async (server: Server, port: number): Promise<string> => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return `http://${host}:${(server.address() as AddressInfo).port}`;
  };
  const api = createServer((req, res) => {
    handleApi(req, res).catch(() => send(res, 500, 'Internal error', 'text/plain'));
  });
  const web = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] === '/') send(res, 200, PANEL_PAGE, 'text/html; charset=utf-8');
    else send(res, 404, 'Not found', 'text/plain');
  });
  const apiOrigin = await listen(api, opts.apiPort ?? 0);
  const panelOrigin = await listen(web, opts.port ?? 0);

  const stored = (id: number): StoredUser => {
    const u = byId.get(id);
    if (!u) throw new Error(`emulated panel: no user ${id}`);
    return u;
  };
  /** Settings a test presets: a factor type the panel holds is one it knows, so new ones are added to `factorTypes`. */
  const checkedSettings = (s: MfaSettings): MfaSettings => {
    if (s.type === 'allowed' && Array.isArray(s.factor_types)) for (const f of s.factor_types) if (typeof f === 'string' && !known.includes(f)) known.push(f);
    const parsed = parseSettings(s, known);
    if ('parameter' in parsed) throw new Error(`emulated panel: settings refused (${parsed.parameter}: ${parsed.error})`);
    return parsed;
  };

  return {
    panelOrigin,
    apiOrigin,
    apiBase: `${apiOrigin}/v2`,
    get operators() {
      return operators;
    },
    dealerId: DEALER_ID,
    demoUserId: DEMO_USER_ID,
    foreignUserIds: foreignIds(userCount),
    users: () => sortedBy('id').map(wire),
    user: (id) => wire(stored(id)),
    userSettings: (id) => clone(stored(id).mfa),
    setUserSettings: (id, settings) => {
      stored(id).mfa = settings ? checkedSettings(settings) : null;
    },
    addUser: (fields = {}) => {
      const { mfa = null, ...rest } = fields;
      const id = Math.max(...all.map((u) => u.id)) + 1;
      const u = storedUser({
        id, dealer_id: DEALER_ID, login: `new${id}@fleet.test`, first_name: 'New', middle_name: '', last_name: `User ${id}`,
        activated: true, verified: false, legal_type: 'individual', creation_date: '2026-01-01 00:00:00', demo: false,
        ...rest, mfa: mfa ? checkedSettings(mfa) : null,
      });
      all.push(u);
      own.push(u);
      byId.set(id, u);
      sorted = new Map();
      return wire(u);
    },
    defaultSettings: () => clone(defaults),
    setDefault: (settings) => {
      defaults = settings ? checkedSettings(settings) : null;
    },
    factorTypes: () => [...known],
    setFactorTypes: (types) => {
      known = [...types];
    },
    setPermissions: (login, permissions) => {
      const o = operators.find((x) => x.login === login);
      if (!o) throw new Error(`emulated panel: no operator ${login}`);
      o.permissions = clone(permissions);
    },
    forceError: (e) => {
      forced = e ? { ...e, left: e.times ?? Infinity, pass: e.after ?? 0 } : null;
    },
    endSessions: () => {
      for (const s of sessions.values()) s.ended = true;
    },
    activeSessions: () => [...sessions.values()].filter((s) => !s.ended && now() - s.createdAt < lifetime).length,
    now,
    advanceClock: (ms) => {
      clockOffset += ms;
    },
    setRateLimit: (perSecond) => {
      rateLimit = perSecond;
      windows.clear();
    },
    setLatency: (ms) => {
      latency = ms;
    },
    requests,
    clearLog: () => {
      requests.length = 0;
    },
    reset: load,
    async close() {
      const closing = [api, web].map((s) => new Promise<void>((r) => s.close(() => r())));
      api.closeAllConnections();
      web.closeAllConnections();
      await Promise.all(closing);
    },
  };
}

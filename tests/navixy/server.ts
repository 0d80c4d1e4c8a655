// Emulated Navixy Admin Panel: the panel's web page on one port and its API (`/v2/panel/…`) on another,
// since a real panel and its API may live on different hosts. Faithful to the official OpenAPI spec of the
// Admin Panel API (Navixy/navixy-public-docs api-docs/platform-api/panel-api/reference/Admin_Panel.json,
// v1.2.0; subset in tests/fixtures/navixy-admin-panel-openapi.json), the Navixy API docs' error table and
// limits, the `user/list` parameter table last published before that page rendered the spec ([LIST]), and
// how Navixy's own panel (Navixy/navixy-admin-panel) calls it. Files: demo.ts (operators, users), errors.ts
// (codes, HTTP statuses), params.ts (reading requests), users.ts (`user/list`), actions.ts (paths, writes).
//
// Where no source says, this emulator chooses (each is an assumption, not Navixy's documented behaviour):
// * A wrong password for an existing login answers code 12 (HTTP 400), the same as an unknown login, so
//   the answer does not reveal which logins exist (option `wrongPasswordCode: 4` answers 4 instead).
//   A blocked dealer's operator gets 11 only with the right password.
// * A missing hash, or one that is not 32 hex digits, is code 3; a well-formed hash the panel never
//   issued is code 4 ("session not found"), like an expired or logged-out one.
// * Paths: only a path the spec lacks is refused, an unknown handler (`panel/foo/list`) with 111 and an
//   unknown action of a known handler (`panel/user/foo`) with 112; both HTTP 400 (the docs' default) and
//   both before the session is checked. Spec actions this emulator does not implement (all but the seven the
//   extension calls and `panel/user/read`) answer 101 "In demo mode this function is disabled" (HTTP 403)
//   after the session check: a documented code saying the action exists but does not run here.
// * `panel/user/read` needs `users: read`; its `dealer_mfa_settings` is the dealer's default, the other
//   siblings (`discount`, `default_tariff_id`, `block_parameters`) are null.
// * Requests: POST with a JSON or form-encoded body, or GET with a query string (the spec says the
//   API also accepts those); the hash in `Authorization: NVX <hash>` or as a `hash` parameter (what
//   Navixy's own panel sends). Other HTTP methods: 405 without an envelope. A body over 1 MiB (option
//   `maxRequestBytes`) is code 9, HTTP 412; JSON that does not parse or is not an object is code 5 (HTTP 400).
// * Order of checks: rate limit (15), path (111/112), body (9/5), session (3/4), forced error, action not
//   implemented (101), permission (13), parameters (7), then the entities (201).
// * Rate limit: a sliding one-second window per client IP and hash (requests without a hash count per IP);
//   refused requests do not count. No Retry-After header (none documented).
// * `panel/user/list`: no page-size cap by default ([SPEC] names no maximum): `limit` absent means every
//   matching user. Option `maxPageSize` sets a cap, silently applied (`overLimit: 'error'` answers 212
//   instead). Limit 0 answers no users and the count. `filter`: case-insensitive substring of the fields
//   [LIST] names (id, login, names, phone, post_*, registered_*, tin, iec, legal_name). `order_by`: see
//   ORDER_FIELDS in users.ts (anything else: 7 naming `order_by`); strings compare case-insensitively, ties
//   in id order; `mfa_allowed` sorts false first; descending is the exact reverse. Default: id ascending.
// * Option `runawayCount: { count, perPage }` (hostile paging, for a client's paging cap): `panel/user/list`
//   claims `count` users and each page holds at most `perPage` new ones, made up on demand (users.ts).
// * `settings/update` with target `selected`: any id that is not this dealer's user (nonexistent or another
//   dealer's) fails the call with 201; by default nothing is changed, with option `partialBatch` the valid
//   ids are written first ([SPEC] says neither). Target `all` sets every user's own setting ([SPEC]
//   `MfaTargetAll`: "Apply to every user of the dealer"); option `allSkipsDemoUser` leaves the demo user
//   alone, as [PANEL]'s confirmation text says ("except of the demo user"). The demo user can always be
//   changed by id.
// * The default applies to users without their own setting ([SPEC]): those users' `mfa_allowed` follows it.
//   Demo data: every fifth user allowed (email), ids ending in 3 and the demo user (id 4) without a setting
//   of their own, the rest disallowed; the default starts as disallowed.
// * Settings with a factor type the panel does not know, an empty `factor_types` or an unknown `type`: 7.
// * `panel/account/logout` and `panel/account/get_permissions` need a valid session but no permission;
//   `forceError` can still make them answer 13 (or any code), and a refused logout ends nothing.
// * Permissions are read live: `setPermissions()` changes what existing sessions may do at once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPath, implemented, readUser, updateMfa, ACTIONS } from './actions';
import { DEALER_ID, DEMO_OPERATORS, DEMO_USER_ID, foreignIds, storedUser, userFields, type DemoOperator, type MfaSettings } from './demo';
import { envelope, HTTP_STATUS, PanelFail } from './errors';
import { MAX_REQUEST_BYTES, parseSettings, readLimitedBody, requestParams } from './params';
import { Gate } from './gate';
import type { NavixyPanelOptions, PanelLogEntry, RunningNavixyPanel } from './types';
import { UserBook } from './users';

export { ACTIONS, SPEC_ACTIONS, type PanelAction } from './actions';
export {
  DEALER_ID, DEMO_LOGINS, DEMO_OPERATORS, DEMO_PASSWORD, DEMO_USER_ID, FILTER_FIELDS, OTHER_DEALER_ID,
  type DemoOperator, type MfaSettings, type PanelPermissions, type PanelUser,
} from './demo';
export { ERROR_CODES, HTTP_STATUS, type ErrorCode } from './errors';
export { MAX_REQUEST_BYTES } from './params';
export type { ForcedError, NavixyPanelOptions, PanelLogEntry, RunningNavixyPanel } from './types';
export { ORDER_FIELDS, RUNAWAY_FIRST_ID, type OrderField, type RunawayCount } from './users';

export const DAY_MS = 24 * 60 * 60 * 1000;

const PANEL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Navixy Admin Panel (emulated)</title></head>
<body><main><h1>Navixy Admin Panel (emulated)</h1>
<p>This page stands for the panel's web interface. Add this address and the API base URL shown by <code>npm run portal</code>
in the extension's options page (Navixy panels), then click the toolbar button here.</p></main></body></html>`;

const clone = <T>(v: T): T => structuredClone(v);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startNavixyPanel(opts: NavixyPanelOptions = {}): Promise<RunningNavixyPanel> {
  const host = opts.host ?? '127.0.0.1';
  const userCount = opts.userCount ?? 250;
  const lifetime = opts.sessionLifetimeMs ?? DAY_MS;
  const listOptions = { maxPage: opts.maxPageSize ?? Infinity, overLimit: opts.overLimit ?? 'cap', runaway: opts.runawayCount ?? null } as const;
  const writeOptions = { allSkipsDemoUser: opts.allSkipsDemoUser ?? false, partialBatch: opts.partialBatch ?? false };
  const initialDefault: MfaSettings | null = opts.defaultSettings === undefined ? { type: 'disallowed' } : clone(opts.defaultSettings);

  const book = new UserBook(userCount, opts.loginDomain);
  let defaults: MfaSettings | null = null;
  let operators: DemoOperator[] = [];
  let known: string[] = [];
  let latency = 0;
  const gate = new Gate(opts, lifetime);
  const requests: PanelLogEntry[] = [];
  const now = () => gate.now();

  function load(): void {
    book.load();
    defaults = clone(initialDefault);
    operators = DEMO_OPERATORS.map((o) => clone(o));
    known = [...(opts.factorTypes ?? ['email'])];
    latency = opts.latencyMs ?? 0;
    gate.reset();
    requests.length = 0;
  }
  load();

  function run(action: string, body: Record<string, unknown>, req: IncomingMessage): Record<string, unknown> {
    if (action === 'panel/account/auth') return gate.signIn(body, operators);
    const { hash, operator } = gate.sessionOf(body, req, operators);
    gate.takeForced(action);
    if (!implemented(action)) throw new PanelFail(101);
    const needs = ACTIONS[action];
    if (needs && !(operator.permissions.users ?? []).includes(needs)) throw new PanelFail(13);
    switch (action) {
      case 'panel/account/logout':
        gate.sessions.get(hash)!.ended = true;
        return {};
      case 'panel/account/get_permissions':
        return { permissions: clone(operator.permissions) };
      case 'panel/user/list':
        return book.list(body, defaults, listOptions);
      case 'panel/user/read':
        return readUser(book, body, defaults);
      case 'panel/user/mfa/settings/update':
        return updateMfa(book, body, known, writeOptions);
      case 'panel/user/mfa/settings/default/read':
        return { value: defaults ? clone(defaults) : null };
      case 'panel/user/mfa/settings/default/update': {
        const s = parseSettings(body.settings, known);
        if ('parameter' in s) throw new PanelFail(7, [s]);
        defaults = s;
        return {};
      }
      case 'panel/account/auth':
        return gate.signIn(body, operators);
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
    const raw = await readLimitedBody(req, opts.maxRequestBytes ?? MAX_REQUEST_BYTES);
    const { body, fail: unreadable } = requestParams(url.search.slice(1), raw, req.headers['content-type']);
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
      if (gate.limited(`${req.socket.remoteAddress ?? ''} ${Gate.hashOf(body, req) ?? ''}`)) throw new PanelFail(15);
      checkPath(action);
      if (unreadable) throw unreadable;
      send(res, 200, JSON.stringify({ success: true, ...run(action, body, req) }));
    } catch (e) {
      const fail = e instanceof PanelFail ? e : new PanelFail(6);
      entry.status = HTTP_STATUS[fail.code];
      entry.code = fail.code;
      send(res, entry.status, JSON.stringify(envelope(fail)));
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

  const stored = (id: number) => {
    const u = book.byId.get(id);
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
    users: () => book.sortedBy('id', defaults).map((u) => UserBook.wire(u, defaults)),
    user: (id) => UserBook.wire(stored(id), defaults),
    userSettings: (id) => clone(stored(id).mfa),
    setUserSettings: (id, settings) => {
      stored(id).mfa = settings ? checkedSettings(settings) : null;
    },
    addUser: (fields = {}) => {
      const { mfa = null, ...rest } = fields;
      const id = book.nextId();
      const u = storedUser({
        ...userFields(id, DEALER_ID), login: `new${id}@fleet.test`, first_name: 'New', middle_name: '', last_name: `User ${id}`,
        activated: true, verified: false, creation_date: '2026-01-01 00:00:00', demo: false,
        ...rest, mfa: mfa ? checkedSettings(mfa) : null,
      });
      book.add(u);
      return UserBook.wire(u, defaults);
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
    forceError: (e) => gate.force(e),
    endSessions: () => {
      for (const s of gate.sessions.values()) s.ended = true;
    },
    activeSessions: () => gate.live(),
    now,
    advanceClock: (ms) => {
      gate.clockOffset += ms;
    },
    setRateLimit: (perSecond) => gate.setRateLimit(perSecond),
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

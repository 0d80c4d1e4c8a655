// Emulated Navixy Admin Panel: the panel's web page on one port and its API (`/v2/panel/…`) on another,
// since a real panel and its API may live on different hosts. Faithful to seed 003 (MFA settings) and
// the Navixy API's conventions: POST actions, `Authorization: NVX <hash>`, `{ success, status: { code, description } }`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readBody } from '../portal/http';
import { DEMO_OPERATORS, demoUsers, type DemoOperator, type PanelUser, type Permission } from './demo';

export { DEMO_LOGINS, DEMO_OPERATORS, DEMO_PASSWORD, type DemoOperator, type PanelUser } from './demo';

export type MfaSettings = { type: 'allowed'; factor_types: string[] } | { type: 'disallowed' };

/** Error codes the emulator answers with, and their descriptions as the Navixy API words them. */
export const ERROR_CODES = {
  2: 'Error calling the API',
  3: 'Wrong session hash',
  4: 'User not found or session ended',
  7: 'Invalid parameters',
  11: 'Access denied',
  201: 'Not found in the database',
  217: 'List contains nonexistent entities',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

const HTTP_STATUS: Record<ErrorCode, number> = { 2: 404, 3: 400, 4: 400, 7: 400, 11: 403, 201: 400, 217: 400 };

export interface ForcedError {
  code: ErrorCode;
  /** The action, e.g. `panel/user/list`; absent: every action except sign-in. */
  action?: string;
  /** How many matching requests get it (default: unlimited). */
  times?: number;
  /** How many matching requests pass first (default 0): e.g. fail the second batch of a bulk change. */
  after?: number;
}

export interface PanelLogEntry {
  action: string;
  status: number;
  /** The body with `password` redacted. */
  body: Record<string, unknown>;
  auth: 'hash' | 'none';
  code?: number;
}

export interface RunningNavixyPanel {
  /** Where the panel's web page is (what the user adds as "panel address"). */
  panelOrigin: string;
  /** The API base URL (`<api origin>/v2`). */
  apiBase: string;
  apiOrigin: string;
  operators: readonly DemoOperator[];
  users(): PanelUser[];
  user(id: number): PanelUser;
  defaultSettings(): MfaSettings | null;
  forceError(e: ForcedError | null): void;
  /** Ends every session (the next call answers code 4). */
  endSessions(): void;
  requests: PanelLogEntry[];
  clearLog(): void;
  reset(): void;
  close(): Promise<void>;
}

export interface NavixyPanelOptions {
  host?: string;
  port?: number;
  apiPort?: number;
  userCount?: number;
}

class PanelFail extends Error {
  constructor(readonly code: ErrorCode, readonly errors?: { parameter: string; error: string }[]) {
    super(ERROR_CODES[code]);
  }
}

const PANEL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Navixy Admin Panel (emulated)</title></head>
<body><main><h1>Navixy Admin Panel (emulated)</h1>
<p>This page stands for the panel's web interface. Add this address and the API base URL shown by <code>npm run portal</code>
in the extension's options page (Navixy panels), then click the toolbar button here.</p></main></body></html>`;

function isSettings(v: unknown): v is MfaSettings {
  if (!v || typeof v !== 'object') return false;
  const s = v as { type?: unknown; factor_types?: unknown };
  if (s.type === 'disallowed') return true;
  return s.type === 'allowed' && Array.isArray(s.factor_types) && s.factor_types.length > 0 && s.factor_types.every((f) => f === 'email');
}

export async function startNavixyPanel(opts: NavixyPanelOptions = {}): Promise<RunningNavixyPanel> {
  const host = opts.host ?? '127.0.0.1';
  let users = demoUsers(opts.userCount);
  let defaults: MfaSettings | null = { type: 'disallowed' };
  const sessions = new Map<string, { operator: DemoOperator; ended: boolean }>();
  let forced: (ForcedError & { left: number; pass: number }) | null = null;
  const requests: PanelLogEntry[] = [];

  const need = (operator: DemoOperator, p: Permission) => {
    if (!operator.users.includes(p)) throw new PanelFail(11);
  };
  const own = () => users.filter((u) => u.dealer === 1);

  function operatorOf(req: IncomingMessage): DemoOperator {
    const m = /^NVX ([0-9a-f]+)$/.exec(req.headers.authorization ?? '');
    const s = m ? sessions.get(m[1]!) : undefined;
    if (!s) throw new PanelFail(3);
    if (s.ended) throw new PanelFail(4);
    return s.operator;
  }

  function run(action: string, body: Record<string, unknown>, req: IncomingMessage): Record<string, unknown> {
    if (action === 'panel/account/auth') {
      const operator = DEMO_OPERATORS.find((o) => o.login === body.login && o.password === body.password);
      if (typeof body.login !== 'string' || typeof body.password !== 'string') throw new PanelFail(7, [{ parameter: 'login', error: 'required' }]);
      if (!operator) throw new PanelFail(4);
      const hash = randomBytes(16).toString('hex');
      sessions.set(hash, { operator, ended: false });
      return { hash };
    }
    const known = ['panel/user/list', 'panel/user/mfa/settings/update', 'panel/user/mfa/settings/default/read', 'panel/user/mfa/settings/default/update'];
    if (!known.includes(action)) throw new PanelFail(2);
    const operator = operatorOf(req);
    if (forced && (!forced.action || forced.action === action) && forced.pass > 0) {
      forced.pass -= 1;
    } else if (forced && (!forced.action || forced.action === action) && forced.left > 0) {
      forced.left -= 1;
      const { code } = forced;
      if (forced.left <= 0) forced = null;
      throw new PanelFail(code);
    }
    switch (action) {
      case 'panel/user/list': {
        need(operator, 'read');
        const offset = body.offset === undefined ? 0 : Number(body.offset);
        const limit = body.limit === undefined ? 1000 : Number(body.limit);
        if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000) throw new PanelFail(7, [{ parameter: 'limit', error: 'out of range' }]);
        const list = own().slice(offset, offset + limit).map(({ dealer: _d, ...u }) => ({ ...u }));
        return { list, count: own().length };
      }
      case 'panel/user/mfa/settings/update': {
        need(operator, 'update');
        const target = body.target as { type?: unknown; ids?: unknown } | undefined;
        if (!isSettings(body.settings)) throw new PanelFail(7, [{ parameter: 'settings', error: 'factor_types required when allowed' }]);
        const allowed = body.settings.type === 'allowed';
        if (target?.type === 'all') {
          for (const u of own()) u.mfa_allowed = allowed;
          return {};
        }
        const ids = target?.ids;
        if (target?.type !== 'selected' || !Array.isArray(ids) || ids.length < 1 || ids.length > 100 || !ids.every((i) => Number.isInteger(i) && (i as number) > 0)) {
          throw new PanelFail(7, [{ parameter: 'target', error: 'all, or selected with 1 to 100 positive ids' }]);
        }
        const picked = (ids as number[]).map((id) => users.find((u) => u.id === id));
        if (picked.some((u) => !u)) throw new PanelFail(217);
        if (picked.some((u) => u!.dealer !== 1)) throw new PanelFail(201);
        for (const u of picked) u!.mfa_allowed = allowed;
        return {};
      }
      case 'panel/user/mfa/settings/default/read':
        need(operator, 'read');
        return defaults ? { value: defaults } : {};
      case 'panel/user/mfa/settings/default/update':
        need(operator, 'update');
        if (!isSettings(body.settings)) throw new PanelFail(7, [{ parameter: 'settings', error: 'factor_types required when allowed' }]);
        defaults = body.settings;
        return {};
    }
    throw new PanelFail(2);
  }

  function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
    });
    res.end(body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    if (req.method === 'OPTIONS') return send(res, 204, '');
    const m = /^\/v2\/(panel\/[a-z/]+?)\/?$/.exec(url.pathname);
    if (!m) return send(res, 404, 'Not found', 'text/plain');
    const action = m[1]!;
    const raw = (await readBody(req)) ?? '';
    let body: Record<string, unknown>;
    try {
      const parsed = raw ? (JSON.parse(raw) as unknown) : {};
      body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      body = Object.fromEntries(new URLSearchParams(raw));
    }
    const entry: PanelLogEntry = {
      action, status: 200, auth: req.headers.authorization ? 'hash' : 'none',
      body: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, k === 'password' ? '***' : v])),
    };
    requests.push(entry);
    if (req.method !== 'POST') {
      entry.status = 405;
      return send(res, 405, '', 'text/plain');
    }
    try {
      const value = run(action, body, req);
      send(res, 200, JSON.stringify({ success: true, ...value }));
    } catch (e) {
      const fail = e instanceof PanelFail ? e : new PanelFail(2);
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

  return {
    panelOrigin,
    apiOrigin,
    apiBase: `${apiOrigin}/v2`,
    operators: DEMO_OPERATORS,
    users: () => own().map((u) => ({ ...u })),
    user: (id) => {
      const u = users.find((x) => x.id === id);
      if (!u) throw new Error(`emulated panel: no user ${id}`);
      return { ...u };
    },
    defaultSettings: () => (defaults ? structuredClone(defaults) : null),
    forceError: (e) => {
      forced = e ? { ...e, left: e.times ?? Infinity, pass: e.after ?? 0 } : null;
    },
    endSessions: () => {
      for (const s of sessions.values()) s.ended = true;
    },
    requests,
    clearLog: () => {
      requests.length = 0;
    },
    reset: () => {
      users = demoUsers(opts.userCount);
      defaults = { type: 'disallowed' };
      sessions.clear();
      forced = null;
      requests.length = 0;
    },
    async close() {
      const closing = [api, web].map((s) => new Promise<void>((r) => s.close(() => r())));
      api.closeAllConnections();
      web.closeAllConnections();
      await Promise.all(closing);
    },
  };
}

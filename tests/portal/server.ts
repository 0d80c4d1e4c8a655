// Emulated ONLYOFFICE DocSpace portal: a node:http server (node:https with `tls`), faithful to /work/shared/docspace-tfa-api.md.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { type Out, json, logBody, readBody, sleep } from './http';
import type { AddressInfo } from 'node:net';
import { type Ctx, parseCookies, requestCulture } from './context';
import type { DemoGroup, DemoUser } from './demo';
import { type Fault, FaultBox, applyFault } from './faults';
import { requestedFields } from './fields';
import { confirmPage, homePage, page, postConfirmPage, postLogin, postLogout, type PageResult } from './pages';
import { loggablePath, matchRoute } from './routes';
import { PortalState, type PortalVersion } from './state';
import { totpAt } from './tfa';
import type { TlsCredentials } from './tls';
import { ApiError, EmptyStatus, ValidationError, errorBody, successBody, validationBody } from './wire';

export type { DemoGroup, DemoUser } from './demo';
export type { Fault } from './faults';
export type { PortalVersion } from './state';
export { makeThrowawayCertificate, type ThrowawayCertificate, type TlsCredentials } from './tls';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  at: number;
  auth: 'cookie' | 'apiKey' | 'token' | 'confirm' | 'none';
  body?: unknown;
  /** The cookies the request carried (name → value), when it carried any. */
  cookies?: Record<string, string>;
  /** The `Set-Cookie` lines of the answer, when it set any. */
  setCookies?: string[];
}

export interface PortalOptions {
  port?: number;
  host?: string;
  version?: PortalVersion;
  latencyMs?: number;
  clockOffsetMs?: number;
  smsAvailable?: boolean;
  /** Brute-force window for TFA codes and passwords (default 60 000 ms, measured on the server clock). */
  attemptWindowMs?: number;
  /**
   * Serve over https with this certificate (e.g. from makeThrowawayCertificate()); the portal's cookies then
   * carry `Secure` as a real portal's do on https (fact sheet §11.4). Default: plain http.
   */
  tls?: TlsCredentials;
  /** Load the big portal (tests/portal/big.ts); reset() keeps it. */
  big?: boolean;
  /** false: a portal older than v3.1.1 that never sends `tfaAppEnabled` (§12.5); reset() goes back to this value. */
  tfaAppField?: boolean;
}

export interface Policy {
  enabled: boolean;
  trustedIps: string[] | null;
  mandatoryUsers: string[] | null;
  mandatoryGroups: string[] | null;
}

export interface RunningPortal {
  origin: string;
  close(): Promise<void>;
  setVersion(v: PortalVersion): void;
  setLatency(ms: number): void;
  setClockOffset(ms: number): void;
  /** The portal's language (`en-US`, `ru-RU`, `de-DE`…); reset() goes back to English. */
  setPortalCulture(culture: string): void;
  /** One user's own language (undefined: the portal's); reset() clears it. */
  setUserCulture(emailOrRole: string, culture: string | undefined): void;
  /** Spends this user's TFA code attempts, as if they had been made on the portal's own page: the next code is refused with the lock. */
  useUpCodeAttempts(emailOrRole: string): void;
  injectFault(f: Fault | null): void;
  /**
   * How `people/filter` and `GET group` order rows with equal sort keys (tests/portal/order.ts): a seed shuffles each
   * run of ties anew on every request, as the server's database may (the default, seed DEFAULT_TIE_SEED); null keeps
   * them in stored order. reset() restores the default.
   */
  shuffleTies(seed: number | null): void;
  /** Adds accounts (e.g. many with the same first name); reset() removes them. */
  addUsers(users: DemoUser[]): void;
  /** Every confirm/activation link the portal returns goes through `f` (null: the real links); reset() clears it. */
  rewriteLinks(f: ((url: string) => string) | null): void;
  requests: RequestLogEntry[];
  clearLog(): void;
  users: DemoUser[];
  user(emailOrRole: string): DemoUser;
  groups: DemoGroup[];
  getPolicy(): Policy;
  setPolicy(p: { enabled: boolean; trustedIps?: string[]; mandatoryUsers?: string[]; mandatoryGroups?: string[] }): void;
  setClientIp(ip: string): void;
  enrol(email: string): { secret: string; backupCodes: string[] };
  /** Stores backup codes for this person as a first validated code would, without a secret or TOTP (`tfaAppEnabled: true`). */
  enrolUser(emailOrId: string): void;
  /** Whether this person has stored backup codes (what `tfaAppEnabled` reports to admins while the app policy is on). */
  isEnrolled(emailOrId: string): boolean;
  /** false: behave as a portal older than v3.1.1, where no answer carries `tfaAppEnabled`; reset() restores the start value. */
  setTfaAppField(on: boolean): void;
  secretOf(email: string): string | null;
  totp(email: string, atMs?: number): Promise<string>;
  backupCodes(email: string): { code: string; isUsed: boolean }[];
  signIn(email: string): Promise<string>;
  apiKeyOf(email: string): string;
  /** A key limited to these scopes (e.g. `['*:read']`), acting as this user; reset() forgets it. */
  scopedApiKeyOf(email: string, scopes: string[]): string;
  /** The key stops working as on a real portal (401, empty body): it expires, is deactivated, or is deleted; reset() revives it. */
  killApiKey(key: string, how: 'expired' | 'deactivated' | 'deleted'): void;
  /** `web.tfaapp.backup.count` / `web.tfaapp.backup.length` for codes made from now on; reset() goes back to 5 and 6. */
  setBackupCodeSettings(s: { count?: number; length?: number }): void;
  reset(): void;
  /** The live state, for tests that need more than the API above. */
  readonly state: PortalState;
}

// SIMPLIFIED, not emulated at all: the payment filter (402 for unpaid portals), the rate limiter (off by default),
// JWT/OAuth bearer tokens, web:hide-settings, more than one tenant (tenant by Origin or Host), the audit trail.
async function runApi(ctx: Ctx): Promise<Out> {
  const match = matchRoute(ctx.method, ctx.path);
  if (!match) {
    return { status: 404, headers: {}, body: '' };
  }
  if ('notAllowed' in match) {
    return { status: 405, headers: { Allow: match.notAllowed.join(', ') }, body: '' };
  }
  const link = { href: ctx.href, action: ctx.method };
  try {
    const result = await match.route.run(ctx, ...match.params);
    return json(200, successBody(result, link, 200, requestedFields(ctx.query)));
  } catch (e) {
    ctx.setCookies.length = 0;
    if (e instanceof EmptyStatus) {
      return { status: e.status, headers: e.headers, body: '' };
    }
    if (e instanceof ValidationError) {
      return json(400, validationBody(e, link));
    }
    const err = e instanceof ApiError ? e : new ApiError(500, e instanceof Error ? e.message : String(e));
    return json(err.status, errorBody(err, requestCulture(ctx)));
  }
}

async function runPage(ctx: Ctx): Promise<Out> {
  const p = ctx.path.replace(/\/+$/, '').toLowerCase() || '/';
  const confirmType = p === '/confirm/tfaactivation' ? 'TfaActivation' : p === '/confirm/tfaauth' ? 'TfaAuth' : null;
  let result: PageResult;
  if (p === '/' && ctx.method === 'GET') {
    result = homePage(ctx);
  } else if (p === '/login' && ctx.method === 'POST') {
    result = postLogin(ctx);
  } else if (p === '/logout' && ctx.method === 'POST') {
    result = postLogout(ctx);
  } else if (confirmType && ctx.method === 'GET') {
    result = confirmPage(ctx, confirmType);
  } else if (confirmType && ctx.method === 'POST') {
    result = await postConfirmPage(ctx, confirmType);
  } else {
    result = page('Not found', '<p>There is no such page on this emulated portal.</p>', 404);
  }
  if (result.location) {
    return { status: result.status, headers: { Location: result.location }, body: '' };
  }
  return { status: result.status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: result.html ?? '' };
}

export async function startPortal(opts: PortalOptions = {}): Promise<RunningPortal> {
  const state = new PortalState(opts);
  const faults = new FaultBox();
  const requests: RequestLogEntry[] = [];
  const stalled = new Set<ServerResponse>();
  const scheme = opts.tls ? 'https' : 'http';
  let closed = false;

  function send(res: ServerResponse, out: Out, setCookies: string[]): void {
    if (closed || res.destroyed) {
      return;
    }
    res.statusCode = out.status;
    res.setHeader('Date', new Date(state.now()).toUTCString());
    res.setHeader('Access-Control-Allow-Origin', '*');
    for (const [k, v] of Object.entries(out.headers)) {
      res.setHeader(k, v);
    }
    if (setCookies.length) {
      res.setHeader('Set-Cookie', setCookies);
    }
    res.setHeader('Content-Length', Buffer.byteLength(out.body));
    res.end(out.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://portal.invalid');
    const origin = `${scheme}://${req.headers.host ?? `${opts.host ?? '127.0.0.1'}`}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const ctx: Ctx = {
      state,
      req,
      method,
      path: url.pathname,
      query: url.searchParams,
      origin,
      href: `${origin}${url.pathname}${url.search}`,
      cookies: parseCookies(req.headers.cookie),
      rawBody: raw ?? '',
      setCookies: [],
      authKind: 'none',
    };
    const entry: RequestLogEntry = {
      method,
      path: loggablePath(url.pathname),
      query: url.search.replace(/^\?/, ''),
      status: 0,
      at: Date.now(),
      auth: 'none',
    };
    const body = logBody(ctx.rawBody, req.headers['content-type']);
    if (body !== undefined) {
      entry.body = body;
    }
    if (state.latencyMs > 0) {
      await sleep(state.latencyMs);
    }
    if (Object.keys(ctx.cookies).length) {
      entry.cookies = { ...ctx.cookies };
    }
    const finish = (out: Out): void => {
      entry.status = out.status;
      entry.auth = ctx.authKind;
      if (ctx.setCookies.length) {
        entry.setCookies = [...ctx.setCookies];
      }
      requests.push(entry);
      send(res, out, ctx.setCookies);
    };
    if (raw === null) {
      return finish({ status: 413, headers: {}, body: '' });
    }
    if (method === 'OPTIONS') {
      const reqHeaders = req.headers['access-control-request-headers'];
      return finish({
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': typeof reqHeaders === 'string' ? reqHeaders : 'Content-Type, Authorization, confirm',
          'Access-Control-Max-Age': '600',
        },
        body: '',
      });
    }
    const run = (): Promise<Out> => (/^\/api\//i.test(ctx.path) ? runApi(ctx) : runPage(ctx));
    const fault = faults.take(ctx.path, ctx.query);
    if (fault?.kind === 'stall' || fault?.kind === 'stallBody') {
      requests.push({ ...entry, status: fault.kind === 'stallBody' ? 200 : 0, auth: ctx.authKind });
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      if (fault.kind === 'stallBody') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096' });
        res.write('{"response":{"docSpace":');
      }
      return;
    }
    if (fault?.kind === 'reset') {
      requests.push({ ...entry, auth: ctx.authKind });
      req.socket.destroy();
      return;
    }
    finish(fault ? await applyFault(fault, run) : await run());
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((e: unknown) => {
      send(res, json(500, errorBody(new ApiError(500, e instanceof Error ? e.message : String(e)))), []);
    });
  };
  const server = opts.tls ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener) : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostForUrl = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  const byEmail = (email: string): DemoUser => state.requireUser(email);

  return {
    origin: `${scheme}://${hostForUrl}:${addr.port}`,
    state,
    requests,
    get users() {
      return state.users;
    },
    get groups() {
      return state.groups;
    },
    async close() {
      closed = true;
      for (const res of stalled) {
        res.destroy();
      }
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
    setVersion: (v) => {
      state.version = v;
    },
    setLatency: (ms) => {
      state.latencyMs = ms;
    },
    setClockOffset: (ms) => {
      state.clockOffsetMs = ms;
    },
    setPortalCulture: (culture) => {
      state.culture = culture;
    },
    setUserCulture: (emailOrRole, culture) => {
      byEmail(emailOrRole).culture = culture;
    },
    useUpCodeAttempts: (emailOrRole) => {
      const key = state.codeAttemptKey(byEmail(emailOrRole).id);
      while (state.codeAttempts.increment(key, state.now())) {
        // Each call records one attempt, until the counter locks the key.
      }
    },
    injectFault: (f) => faults.set(f),
    shuffleTies: (seed) => state.tieOrder.set(seed),
    addUsers: (users) => state.addUsers(users),
    rewriteLinks: (f) => {
      state.rewriteLink = f;
    },
    clearLog: () => {
      requests.length = 0;
    },
    user: byEmail,
    getPolicy: () => ({
      enabled: state.app.enable,
      trustedIps: state.app.trustedIps,
      mandatoryUsers: state.app.mandatoryUsers,
      mandatoryGroups: state.app.mandatoryGroups,
    }),
    setPolicy: (p) => {
      const list = (v: string[] | undefined): string[] | null => (v ? [...v] : p.enabled ? [] : null);
      state.app = { enable: p.enabled, trustedIps: list(p.trustedIps), mandatoryUsers: list(p.mandatoryUsers), mandatoryGroups: list(p.mandatoryGroups) };
      if (p.enabled) {
        state.sms = { ...state.sms, enable: false };
      }
    },
    setClientIp: (ip) => {
      state.clientIp = ip;
    },
    enrol: (email) => {
      const u = byEmail(email);
      const secret = state.ensureSecret(u.id);
      return { secret, backupCodes: state.newBackupCodes(u.id).map((c) => c.code) };
    },
    enrolUser: (emailOrId) => state.enrolUser(byEmail(emailOrId).id),
    isEnrolled: (emailOrId) => state.isEnrolled(byEmail(emailOrId).id),
    setTfaAppField: (on) => {
      state.tfaAppField = on;
    },
    secretOf: (email) => state.secretOf(byEmail(email).id),
    totp: async (email, atMs) => {
      const secret = state.secretOf(byEmail(email).id);
      if (!secret) {
        throw new Error(`emulated portal: ${email} has no TFA secret yet`);
      }
      return totpAt(secret, atMs ?? state.now());
    },
    backupCodes: (email) => state.backupCodes(byEmail(email).id).map((c) => ({ ...c })),
    signIn: async (email) => state.createSession(byEmail(email).id),
    apiKeyOf: (email) => state.apiKeyOf(byEmail(email)),
    scopedApiKeyOf: (email, scopes) => state.scopedApiKey(byEmail(email), scopes),
    killApiKey: (key, how) => state.killApiKey(key, how),
    setBackupCodeSettings: (s) => {
      state.backupCodeCount = s.count ?? state.backupCodeCount;
      state.backupCodeLength = s.length ?? state.backupCodeLength;
    },
    reset: () => {
      state.reset();
      faults.set(null);
      requests.length = 0;
    },
  };
}

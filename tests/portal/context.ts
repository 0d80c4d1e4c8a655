// Per-request context, cookies, body parsing and the authentication schemes (§5).
import type { IncomingMessage } from 'node:http';
import type { DemoUser } from './demo';
import type { PortalState } from './state';
import type { ConfirmType } from './tfa';
import { requestIpOf } from './dotnet-ip';
import { EmptyStatus, GUID_RE, ValidationError } from './wire';

export type AuthKind = 'cookie' | 'apiKey' | 'token' | 'confirm' | 'none';

export interface Caller {
  user: DemoUser;
  kind: 'cookie' | 'apiKey' | 'token';
  /** The session token used (cookie or Authorization), for logout. */
  token?: string;
  /** An API key's scopes, when it is limited to some (a full-access key has none listed). */
  scopes?: string[];
}

export interface Ctx {
  state: PortalState;
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  origin: string;
  href: string;
  cookies: Record<string, string>;
  rawBody: string;
  setCookies: string[];
  authKind: AuthKind;
  caller?: Caller | null;
  /** The user a confirm key authenticated (§5.3), for the request's culture. */
  confirmUser?: DemoUser;
}

export const AUTH_COOKIE = 'asc_auth_key';
export const confirmCookie = (type: string): string => `asc_confirm_key_${type}`;

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) {
      const name = part.slice(0, i).trim();
      if (!(name in out)) {
        out[name] = part.slice(i + 1).trim();
      }
    }
  }
  return out;
}

/**
 * The address the portal takes for this request (MessageSettings.GetIP, §12.1): the `request-x-real-ip` query
 * parameter when present and not empty, else the connection address. The trusted-IP check and the password
 * brute-force key both use it, so a request can claim any address unless a proxy strips the parameter.
 */
export function requestIp(ctx: Ctx): string {
  return requestIpOf(ctx.query, ctx.state.clientIp);
}

export function header(ctx: Ctx, name: string): string | undefined {
  const v = ctx.req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The attributes a real portal gives its cookies (CookiesManager.cs, fact sheet §5.1, §11.4), in ASP.NET Core's
 * order: Path=/, Secure when served over https (none over plain http), SameSite=Strict, HttpOnly.
 */
function cookieAttributes(ctx: Ctx): string {
  return `; path=/${ctx.origin.startsWith('https:') ? '; secure' : ''}; samesite=strict; httponly`;
}

export function setCookie(ctx: Ctx, name: string, value: string, expiresMs?: number): void {
  const expires = expiresMs === undefined ? '' : `; expires=${new Date(expiresMs).toUTCString()}`;
  ctx.setCookies.push(`${name}=${value}${expires}${cookieAttributes(ctx)}`);
}

export function clearCookie(ctx: Ctx, name: string): void {
  ctx.setCookies.push(`${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT${cookieAttributes(ctx)}`);
}

const AUTH_LIFETIME_MS = 365 * 24 * 3600 * 1000;

/** Creates a session, sets `asc_auth_key`; returns the token and its expiry. */
export function signInSession(ctx: Ctx, user: DemoUser, session = false): { token: string; expiresMs: number } {
  const token = ctx.state.createSession(user.id);
  const expiresMs = ctx.state.now() + AUTH_LIFETIME_MS;
  setCookie(ctx, AUTH_COOKIE, token, session ? undefined : expiresMs);
  return { token, expiresMs };
}

/** Cookie, `Authorization: [Bearer ]<token>` or `Authorization: Bearer sk-…` (§5.1, §5.2). */
export function authenticate(ctx: Ctx): Caller | null {
  if (ctx.caller !== undefined) {
    return ctx.caller;
  }
  const authz = header(ctx, 'authorization')?.trim();
  const bearer = authz?.replace(/^Bearer\s+/i, '').trim();
  let caller: Caller | null = null;
  if (authz && /^Bearer\s+sk-/i.test(authz) && bearer) {
    const user = ctx.state.apiKeyUser(bearer);
    const scopes = ctx.state.apiKeyScopes(bearer);
    caller = user ? { user, kind: 'apiKey', ...(scopes ? { scopes } : {}) } : null;
  } else if (ctx.cookies[AUTH_COOKIE]) {
    // A cookie present wins over the header, even when it is stale.
    const token = ctx.cookies[AUTH_COOKIE];
    const user = ctx.state.sessionUser(token);
    caller = user ? { user, kind: 'cookie', token } : null;
  } else if (bearer) {
    const user = ctx.state.sessionUser(bearer);
    caller = user ? { user, kind: 'token', token: bearer } : null;
  }
  ctx.caller = caller;
  ctx.authKind = caller?.kind ?? 'none';
  return caller;
}

/**
 * The request's culture (CultureMiddleware, after authentication, §11.1): the signed-in or confirm-key
 * user's own, else the portal's. Errors with a resource message are written in it.
 */
export function requestCulture(ctx: Ctx): string {
  const user = ctx.confirmUser ?? authenticate(ctx)?.user;
  return user?.culture ?? ctx.state.culture;
}

export function requireCaller(ctx: Ctx): Caller {
  const caller = authenticate(ctx);
  if (!caller) {
    throw new EmptyStatus(401);
  }
  return caller;
}

export interface ConfirmResult {
  user: DemoUser;
  /** The confirm type from the header, null when a 3.6 cookie got in as `Everyone`. */
  type: ConfirmType | null;
}

const CONFIRM_TYPES: ConfirmType[] = ['TfaActivation', 'TfaAuth'];
/** The rest of `ConfirmType` (common/ASC.Core.Common/Users/ConfirmTypeEnum.cs): parsed, then refused by their keys. */
const OTHER_CONFIRM_TYPES = [
  'EmpInvite', 'LinkInvite', 'PortalSuspend', 'PortalContinue', 'PortalRemove', 'DnsChange', 'PortalOwnerChange', 'Activation',
  'EmailChange', 'EmailActivation', 'PasswordChange', 'ProfileRemove', 'PhoneActivation', 'PhoneAuth', 'Auth', 'Wizard', 'GuestShareLink',
];

/**
 * `ConfirmTypeExtensions.TryParse` in GetModel: a name that is no ConfirmType leaves the request without a type
 * (a signed-in caller then passes the scheme and fails the role: 403). ASSUMPTION: names are matched ignoring case
 * and surrounding blanks; the generated parser (EtaEmre.NetEscapades.EnumGenerators) was not read.
 */
function parseConfirmType(v: string | null): ConfirmType | 'other' | null {
  const name = (v ?? '').trim().toLowerCase();
  if (!name) {
    return null;
  }
  const tfa = CONFIRM_TYPES.find((t) => t.toLowerCase() === name);
  if (tfa) {
    return tfa;
  }
  return OTHER_CONFIRM_TYPES.some((t) => t.toLowerCase() === name) ? 'other' : null;
}

/**
 * The `confirm` scheme (ConfirmAuthHandler, §5.3). Without a confirm type: a signed-in caller gets
 * 403 (or passes when `everyone`, 3.6 validate), anonymous 401. Bad/expired key → 401, wrong role → 403.
 */
export function confirmAuth(ctx: Ctx, roles: ConfirmType[], everyone = false, confirmHeader?: string): ConfirmResult {
  const caller = authenticate(ctx);
  const params = new URLSearchParams(confirmHeader ?? header(ctx, 'confirm') ?? '');
  const get = (name: string): string | null => {
    for (const [k, v] of params) {
      if (k.toLowerCase() === name) {
        return v;
      }
    }
    return null;
  };
  const type = parseConfirmType(get('type'));
  if (type === null) {
    if (!caller) {
      throw new EmptyStatus(401);
    }
    if (everyone) {
      return { user: caller.user, type: null };
    }
    throw new EmptyStatus(403);
  }
  const uid = get('uid') ?? '';
  // GetModel: the cookie only when the header has no `key` at all; an empty `key=` is taken as given (and fails).
  const given = get('key');
  const key = given ?? (type === 'other' ? undefined : ctx.cookies[confirmCookie(type)]);
  const st = ctx.state;
  if (type === 'other' || !key || !GUID_RE.test(uid) || st.confirmKeys.check(uid, type, key, st.now()) !== 'ok') {
    throw new EmptyStatus(401);
  }
  // v3.7 ValidateAsync: a TfaAuth key is Invalid whenever `authContext.IsAuthenticated`, which the default scheme
  // has already set for a cookie, a token and an API key alike (§12.4). v3.6.1 accepted it (§0.1).
  if (type === 'TfaAuth' && caller && st.version === '3.7') {
    throw new EmptyStatus(401);
  }
  const user = caller?.user ?? st.findUser(uid);
  if (!user || user.terminated) {
    throw new EmptyStatus(401);
  }
  ctx.confirmUser = user;
  if (!roles.includes(type)) {
    throw new EmptyStatus(403);
  }
  ctx.authKind = 'confirm';
  return { user, type };
}

function parseJson(ctx: Ctx): unknown {
  try {
    return JSON.parse(ctx.rawBody) as unknown;
  } catch {
    throw new ValidationError({ $: ['The JSON value could not be converted. Path: $ | LineNumber: 0 | BytePositionInLine: 0.'] });
  }
}

/** `[FromBody]` DTO: an empty body is a 400 validation error. */
export function jsonBody(ctx: Ctx): Record<string, unknown> {
  if (ctx.rawBody.trim() === '') {
    throw new ValidationError({ '': ['A non-empty request body is required.'] });
  }
  const v = parseJson(ctx);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new ValidationError({ $: ['The JSON value could not be converted to the request DTO.'] });
  }
  return v as Record<string, unknown>;
}

export function formBody(ctx: Ctx): URLSearchParams {
  return new URLSearchParams(ctx.rawBody);
}

/** A form field or JSON property, whatever the page posted. */
export function isFormPost(ctx: Ctx): boolean {
  return (header(ctx, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

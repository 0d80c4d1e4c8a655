import type * as z from 'zod/mini';
import type { AppError } from '../../errors';
import { err, ok, type Result } from '../../result';
import { fetchText, parseJson, retryAfterMs } from '../../http';
import { EnvelopeSchema, ErrorBodySchema } from './schemas';

/** How requests to one portal authenticate: the browser's own cookies, or a pasted API key. */
export type PortalAuth = { kind: 'cookie' } | { kind: 'apiKey'; key: string };

export interface Transport {
  origin: string;
  auth: PortalAuth;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Called with the portal's Date header after each response, for clock checks. */
  onServerDate?: (serverMs: number, localMs: number) => void;
  /** How GETs are retried; the default is RETRY_POLICY. */
  retry?: RetryPolicy;
  /** Waits between attempts (injected by tests to record the waits instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Only GETs are retried: they change nothing on the portal, while a PUT or POST that
 * timed out or came back cut off may already have been applied (a second
 * `tfaappnewcodes` would replace the codes the user was just shown).
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before retry n (1-based) when the portal gives no Retry-After. */
  backoffMs: readonly number[];
  /** A Retry-After longer than this is not waited for: the error goes to the UI at once. */
  maxWaitMs: number;
}

export const RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffMs: [300, 1000], maxWaitMs: 5000 };

export interface RequestSpec<S extends z.ZodMiniType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
  /** Send without credentials (anonymous probes). */
  anonymous?: boolean;
  /** Told the envelope's `total` (all matches of a paged list, §10.3) when the answer parsed. */
  onTotal?: (total: number | null) => void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
// Bodies are read up to fetchText's default cap of 16 MiB: a policy may hold 100,000 ids per list (protocol.ts)
// in both its app and SMS settings, about 8 MB.

/** Statuses that say "try again shortly": rate limiting and a gateway in front of the portal failing. */
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

/**
 * Performs one API call; returns the parsed `response` value or a typed error. Never throws.
 * A GET that meets a transient status or a dropped connection is retried (bounded, honouring
 * Retry-After up to `maxWaitMs`); a timeout is not, as its time budget is already spent.
 */
export async function request<S extends z.ZodMiniType>(t: Transport, spec: RequestSpec<S>): Promise<Result<z.output<S>, AppError>> {
  const policy = t.retry ?? RETRY_POLICY;
  const sleep = t.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = spec.method === 'GET' ? Math.max(1, policy.maxAttempts) : 1;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(t, spec);
    if (attempt >= attempts || !outcome.transient) return outcome.result;
    const wait = outcome.retryAfter ?? policy.backoffMs[attempt - 1] ?? policy.backoffMs.at(-1) ?? 0;
    if (wait > policy.maxWaitMs) return outcome.result;
    await sleep(wait);
  }
}

interface Attempt<T> {
  result: Result<T, AppError>;
  /** Worth another GET. */
  transient: boolean;
  /** The portal's own Retry-After, in ms, when it sent one. */
  retryAfter?: number;
}

async function attemptOnce<S extends z.ZodMiniType>(t: Transport, spec: RequestSpec<S>): Promise<Attempt<z.output<S>>> {
  const { origin } = t;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = new URL(`/api/2.0/${spec.path.replace(/^\//, '')}`, origin);
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  if (t.auth.kind === 'apiKey' && !spec.anonymous) headers.Authorization = `Bearer ${t.auth.key}`;

  const sent = await fetchText(t.fetch ?? fetch, url, {
    method: spec.method,
    headers,
    body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
    credentials: t.auth.kind === 'cookie' && !spec.anonymous ? 'include' : 'omit',
  }, timeoutMs, origin);
  // A reset or refused connection is worth one more try; a timeout (its budget spent) or being offline is not.
  if (!sent.ok) return { result: sent, transient: sent.error.kind === 'network' };
  const { response, text } = sent.value;
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isFinite(date)) t.onServerDate?.(date, Date.now());
  if (!response.ok) {
    const header = response.headers.get('Retry-After');
    const error = errorFromResponse(origin, response, text, { method: spec.method, path: spec.path });
    return {
      result: err(sentWithKey(t, spec) ? keyError(error, text, spec.method) : error),
      transient: TRANSIENT_STATUS.has(response.status),
      ...(header !== null || response.status === 429 ? { retryAfter: retryAfterMs(header) } : {}),
    };
  }
  return { result: parseSuccess(origin, spec, text, response.status), transient: false };
}

/** The key went with this request and decided it: not anonymous, and not a confirm-scheme route (its own [Authorize] reads the `confirm` header). */
const sentWithKey = (t: Transport, spec: RequestSpec<z.ZodMiniType>) => t.auth.kind === 'apiKey' && !spec.anonymous && !spec.headers?.confirm;

/**
 * What an API key's refusal means (§12.3): a 401 is the key itself refused (ApiKeyBearerAuthHandler: expired,
 * deactivated or deleted; the answer of a signed-out cookie, but signing in changes nothing while the key is sent);
 * an empty-body 403 is the route's scope policy (AuthorizationExtension: `settings/*` GET needs `*:read`, every
 * other method `*:write`), decided before the action, which would have written an error body.
 */
function keyError(error: AppError, text: string, method: RequestSpec<z.ZodMiniType>['method']): AppError {
  if (error.kind === 'signedOut') return { ...error, apiKeyRefused: true };
  if (error.kind === 'forbidden' && text.trim() === '') return { ...error, missingScope: method === 'GET' ? '*:read' : '*:write' };
  return error;
}

function parseSuccess<S extends z.ZodMiniType>(origin: string, spec: RequestSpec<S>, text: string, status: number): Result<z.output<S>, AppError> {
  const where = `${spec.method} ${spec.path}`;
  const json = parseJson(text);
  if (json === undefined) return err({ kind: 'badResponse', origin, where, status });
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success || (envelope.data.status !== undefined && envelope.data.status !== 0)) return err({ kind: 'badResponse', origin, where, status });
  const payload = spec.schema.safeParse(envelope.data.response ?? null);
  if (!payload.success) return err({ kind: 'badResponse', origin, where, status });
  spec.onTotal?.(envelope.data.total ?? null);
  return ok(payload.data);
}

/** The untranslated .NET exception types the TFA endpoints throw (fact sheet §11.1). */
const TYPE = {
  argument: 'System.ArgumentException',
  invalidOperation: 'System.InvalidOperationException',
  /** A record that does not exist (a deleted user or group, §12.2): ASC.Common/Web/ItemNotFoundException.cs. */
  itemNotFound: 'ASC.Common.Web.ItemNotFoundException',
  nullReference: 'System.NullReferenceException',
} as const;

/** The endpoint a request went to, without its query: what an error is classified by, with status and type. */
export interface Endpoint {
  method: string;
  path: string;
}

const VALIDATE = 'settings/tfaapp/validate';
const WITH_LINK = 'settings/tfaappwithlink';
/** Every TFA settings route: tfaapp, tfaapp/confirm, tfaapp/setup, tfaapp/validate, tfaappcodes, tfaappnewcodes, tfaappnewapp, tfaappwithlink. */
const isTfaRoute = (path: string) => /^settings\/tfaapp/.test(path);
const isPolicySave = (e: Endpoint) => e.method === 'PUT' && (e.path === 'settings/tfaapp' || e.path === 'settings/tfaappwithlink');
/** Password and code sign-in: their brute-force lock answers like validate's. */
const isSignIn = (e: Endpoint) => e.method === 'POST' && /^authentication(\/[^/]+)?$/.test(e.path) && e.path !== 'authentication/logout' && e.path !== 'authentication/confirm';

/**
 * Maps an HTTP failure to an AppError by what the portal means: the endpoint, the HTTP status and the
 * exception's `error.type`, none of which the portal translates (§11.1). `error.message` is in the
 * caller's language (any of 32): it is kept, cut to 500 characters, to be shown, and never read.
 * Stack and hresult are dropped.
 */
export function errorFromResponse(origin: string, response: Pick<Response, 'status' | 'headers'>, text: string, endpoint: Endpoint): AppError {
  const { status } = response;
  const path = endpoint.path.replace(/^\//, '').split('?')[0]!;
  const body = ErrorBodySchema.safeParse(parseJson(text));
  const error = body.success ? body.data.error : undefined;
  const message = (error?.message ?? '').slice(0, 500);
  const type = error?.type || null;
  if (status === 401) return { kind: 'signedOut', origin };
  if (status === 402) return { kind: 'paymentRequired', origin };
  if (status === 403) {
    // BruteForceCredentialException: the one error body written without type, stack or hresult (ResponseWrapper).
    if (error && !type && (path === VALIDATE || isSignIn({ ...endpoint, path }))) {
      return { kind: 'tooManyAttempts', origin, retryAt: Date.now() + 60_000 };
    }
    if (type === TYPE.invalidOperation && isTfaRoute(path)) {
      // A policy save: the method is not offered. SMS outside the portal's plan (SmsNotAvailable, although
      // GET tfaapp lists it as available), no SMS provider, or the app hidden by config (TfaappController.cs).
      // The owner guard throws the same type, but never for our bodies: they always carry the caller's own id
      // (§11.3). A non-admin is refused with AuthorizingException, below.
      if (isPolicySave({ ...endpoint, path })) return { kind: 'notAvailable', origin, message, reason: 'method' };
      // Setup, validate, codes, reset: "TFA application settings are not available" / "Not available."
      // (resetting someone else's app may also say "No permissions…", but only the owner is let ask).
      return { kind: 'notAvailable', origin, message };
    }
    // SecurityException / AuthorizingException ("Access denied", never translated), or an empty 403 (scope or role).
    return { kind: 'forbidden', origin, message: message || 'Access denied' };
  }
  if (status === 400 && path === VALIDATE && type === TYPE.argument) return { kind: 'wrongCode', origin };
  if (status === 400) return { kind: 'invalidInput', origin, message: message || 'The portal rejected the request.' };
  if (status === 404) {
    return { kind: 'notFound', origin, message: message || `Not found: ${path}`, ...(type === TYPE.itemNotFound ? { itemNotFound: true } : {}) };
  }
  if (status === 429) return { kind: 'rateLimited', origin, retryAt: Date.now() + retryAfterMs(response.headers.get('Retry-After')) };
  // 3.7 `tfaappwithlink`: the policy was saved and every session ended, then `GetTfaConfirmData()` gave null (the caller
  // is not asked for a code) and `data.Url` threw (§12.4). Nothing else on that route throws this type.
  if (status === 500 && path === WITH_LINK && endpoint.method === 'PUT' && type === TYPE.nullReference) {
    return { kind: 'server', origin, status, callerExempt: true, ...(message ? { message } : {}) };
  }
  if (status >= 500) return { kind: 'server', origin, status, ...(message ? { message } : {}) };
  return { kind: 'badResponse', origin, where: path, status };
}

import type { z } from 'zod';
import type { AppError } from '../errors';
import { err, ok, type Result } from '../result';
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
}

export interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
  /** Send without credentials (anonymous probes). */
  anonymous?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_BODY_CHARS = 2_000_000;

/** Performs one API call; returns the parsed `response` value or a typed error. Never throws. */
export async function request<S extends z.ZodType>(t: Transport, spec: RequestSpec<S>): Promise<Result<z.output<S>, AppError>> {
  const { origin } = t;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = new URL(`/api/2.0/${spec.path.replace(/^\//, '')}`, origin);
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  if (t.auth.kind === 'apiKey' && !spec.anonymous) headers.Authorization = `Bearer ${t.auth.key}`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await (t.fetch ?? fetch)(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      credentials: t.auth.kind === 'cookie' && !spec.anonymous ? 'include' : 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal: controller.signal,
    });
    text = await response.text();
  } catch {
    if (controller.signal.aborted) return err({ kind: 'timeout', origin, ms: timeoutMs });
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return err(offline ? { kind: 'offline', origin } : { kind: 'network', origin });
  } finally {
    clearTimeout(timer);
  }
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isFinite(date)) t.onServerDate?.(date, Date.now());
  if (!response.ok) return err(errorFromResponse(origin, response, text, spec.path));
  return parseSuccess(origin, spec, text, response.status);
}

function parseSuccess<S extends z.ZodType>(origin: string, spec: RequestSpec<S>, text: string, status: number): Result<z.output<S>, AppError> {
  const where = `${spec.method} ${spec.path}`;
  const json = parseJson(text);
  if (json === undefined) return err({ kind: 'badResponse', origin, where, status });
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success || (envelope.data.status !== undefined && envelope.data.status !== 0)) return err({ kind: 'badResponse', origin, where, status });
  const payload = spec.schema.safeParse(envelope.data.response ?? null);
  if (!payload.success) return err({ kind: 'badResponse', origin, where, status });
  return ok(payload.data);
}

function parseJson(text: string): unknown {
  if (!text || text.length > MAX_BODY_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Maps an HTTP failure to an AppError. Only `error.message` of the body is kept, never stack or type. */
export function errorFromResponse(origin: string, response: Pick<Response, 'status' | 'headers'>, text: string, path: string): AppError {
  const { status } = response;
  const body = ErrorBodySchema.safeParse(parseJson(text));
  const message = (body.success ? body.data.error?.message ?? '' : '').slice(0, 500);
  if (status === 401) return { kind: 'signedOut', origin };
  if (status === 402) return { kind: 'paymentRequired', origin };
  if (status === 403) {
    if (/too many/i.test(message)) return { kind: 'tooManyAttempts', origin, retryAt: Date.now() + 60_000 };
    if (/not available/i.test(message)) return { kind: 'notAvailable', origin, message };
    if (/no permissions to perform/i.test(message)) return { kind: 'ownerOnly', origin };
    return { kind: 'forbidden', origin, message: message || 'Access denied' };
  }
  if (status === 400 && /incorrect code/i.test(message)) return { kind: 'wrongCode', origin };
  if (status === 400) return { kind: 'invalidInput', origin, message: message || 'The portal rejected the request.' };
  if (status === 404) return { kind: 'notFound', origin, message: message || `Not found: ${path}` };
  if (status === 429) return { kind: 'rateLimited', origin, retryAt: Date.now() + retryAfterMs(response.headers.get('Retry-After')) };
  if (status >= 500) return { kind: 'server', origin, status, ...(message ? { message } : {}) };
  return { kind: 'badResponse', origin, where: path, status };
}

/** Retry-After in seconds or as an HTTP date; bounded to 10 minutes, default 30 s. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 30_000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 600_000) : 30_000;
}

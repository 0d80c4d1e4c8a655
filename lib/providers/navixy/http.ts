import type * as z from 'zod/mini';
import type { AppError } from '../../errors';
import { err, ok, type Result } from '../../result';
import { fetchText, parseJson, retryAfterMs } from '../../http';
import { actionUrl } from './config';
import { ACTION_PERMISSION, RATE_LIMIT_CODE, SERVER_CODES, SIGN_IN_REFUSED_CODES, panelError } from './errors';
import { ErrorEnvelopeSchema } from './schemas';

/** How to reach one panel's API. `hash` is the session (`Authorization: NVX <hash>`); absent for sign-in. */
export interface NavixyTransport {
  /** The panel's origin: errors name it. */
  panel: string;
  apiBase: string;
  hash?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Writes to every user (`target: all`) and the default update: Navixy's own panel waits up to 120 s for them ([PANEL] ApiConnector). */
export const LONG_WRITE_TIMEOUT_MS = 120_000;
/**
 * The timeouts in force: the constants above, read at each request so tests can scale them down
 * (a test sets them and puts them back; nothing in the extension writes them).
 */
export const navixyTimeouts = { requestMs: DEFAULT_TIMEOUT_MS, longWriteMs: LONG_WRITE_TIMEOUT_MS };
/** Largest answer read, in bytes: the read stops past it. */
const MAX_BODY_BYTES = 5_000_000;

/**
 * Performs one API action (always `POST` with a JSON body) and parses the answer with
 * `schema`. The error envelope becomes a typed `panel` error whatever the HTTP status;
 * anything else unexpected becomes `server`, `rateLimited` or `badResponse`. Never throws.
 */
export async function navixyRequest<S extends z.ZodMiniType>(t: NavixyTransport, action: string, body: Record<string, unknown>, schema: S): Promise<Result<z.output<S>, AppError>> {
  const { panel } = t;
  const timeoutMs = t.timeoutMs ?? navixyTimeouts.requestMs;
  const url = actionUrl(t.apiBase, action);
  const apiOrigin = url.origin;
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (t.hash) headers.Authorization = `NVX ${t.hash}`;
  const sent = await fetchText(t.fetch ?? fetch, url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    // The session travels in the Authorization header only; the panel's cookies are not ours to send.
    credentials: 'omit',
  }, timeoutMs, apiOrigin, MAX_BODY_BYTES);
  if (!sent.ok) return sent;
  const { response, text } = sent.value;
  const json = parseJson(text);
  const { status } = response;
  const envelope = ErrorEnvelopeSchema.safeParse(json);
  if (envelope.success) {
    // Rate limiting and server failures first, so they get their own retry paths, not "the panel refused".
    const { code, description } = envelope.data.status;
    if (code === RATE_LIMIT_CODE) return err({ kind: 'rateLimited', origin: panel, retryAt: Date.now() + navixyRetryAfterMs(response.headers.get('Retry-After')) });
    const serverStatus = SERVER_CODES[code];
    if (serverStatus) return err({ kind: 'server', origin: panel, status: status >= 500 ? status : serverStatus });
    if (action === 'panel/account/auth' && SIGN_IN_REFUSED_CODES.includes(code)) return err({ ...panelError(panel, 12), code });
    return err(panelError(panel, code, {
      description,
      permission: ACTION_PERMISSION[action],
      parameters: envelope.data.errors?.map((e) => e.parameter).filter(Boolean),
    }));
  }
  if (status === 429) return err({ kind: 'rateLimited', origin: panel, retryAt: Date.now() + navixyRetryAfterMs(response.headers.get('Retry-After')) });
  if (status >= 500) return err({ kind: 'server', origin: panel, status });
  const where = `POST ${action}`;
  if (!response.ok || json === undefined) return err({ kind: 'badResponse', origin: panel, where, status });
  const parsed = schema.safeParse(json);
  if (!parsed.success) return err({ kind: 'badResponse', origin: panel, where, status });
  return ok(parsed.data);
}

/** The panel limits requests per second ([DOCS]: 50/s): without a Retry-After, one second is enough. */
export function navixyRetryAfterMs(header: string | null): number {
  return header ? retryAfterMs(header) : 1000;
}

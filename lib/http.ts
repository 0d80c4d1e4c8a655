import type { AppError } from './errors';
import { err, ok, type Result } from './result';

/** HTTP helpers every provider's transport shares; each provider parses its own wire format on top. */

/** Largest response body read, in bytes, unless a caller says otherwise: far above any real answer. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * One fetch with a timeout, never following redirects or using the HTTP cache, read to text with a size cap:
 * the body is read as a stream and reading stops (the stream is cancelled) once it passes `maxBytes`, so a
 * hostile or broken server cannot make us buffer an unbounded body. A body over the cap is `badResponse`
 * (`tooLarge`); a failure before the body is read becomes `timeout`, `offline` or `network` for `origin`.
 * Never throws.
 */
export async function fetchText(
  fetchImpl: typeof fetch, url: URL, init: Pick<RequestInit, 'method' | 'headers' | 'body' | 'credentials'>, timeoutMs: number, origin: string,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<Result<{ response: Response; text: string }, AppError>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { ...init, redirect: 'error', cache: 'no-store', signal: controller.signal });
    const text = await readCapped(response, maxBytes);
    if (text === null) {
      return err({ kind: 'badResponse', origin, where: `${init.method ?? 'GET'} ${url.pathname}`, status: response.status, tooLarge: true });
    }
    return ok({ response, text });
  } catch {
    if (controller.signal.aborted) return err({ kind: 'timeout', origin, ms: timeoutMs });
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return err(offline ? { kind: 'offline', origin } : { kind: 'network', origin });
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text, or null (the rest left unread, the stream cancelled) once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * JSON of a response body, or undefined when it is empty or not JSON. Its size is already bounded: fetchText
 * stops reading past its byte cap, and decoded text is never longer (in UTF-16 units) than its bytes.
 */
export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date; bounded to 10 minutes, default 30 s. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 30_000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 600_000) : 30_000;
}

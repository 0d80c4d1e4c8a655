import type { AppError } from './errors';
import { err, ok, type Result } from './result';

/** HTTP helpers every provider's transport shares; each provider parses its own wire format on top. */

/**
 * One fetch with a timeout, never following redirects or using the HTTP cache, read to text.
 * A failure before the body is read becomes `timeout`, `offline` or `network` for `origin`. Never throws.
 */
export async function fetchText(
  fetchImpl: typeof fetch, url: URL, init: Pick<RequestInit, 'method' | 'headers' | 'body' | 'credentials'>, timeoutMs: number, origin: string,
): Promise<Result<{ response: Response; text: string }, AppError>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { ...init, redirect: 'error', cache: 'no-store', signal: controller.signal });
    return ok({ response, text: await response.text() });
  } catch {
    if (controller.signal.aborted) return err({ kind: 'timeout', origin, ms: timeoutMs });
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return err(offline ? { kind: 'offline', origin } : { kind: 'network', origin });
  } finally {
    clearTimeout(timer);
  }
}

/** JSON of a response body, or undefined when it is empty, not JSON, or longer than `maxChars` (never parsed). */
export function parseJson(text: string, maxChars: number): unknown {
  if (!text || text.length > maxChars) return undefined;
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

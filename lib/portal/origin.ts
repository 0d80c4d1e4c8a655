import { err, ok, type Result } from '../result';
import type { AppError } from '../errors';

/** True for https origins, and in the loopback test build only, for the emulator over plain http. */
export function isSupportedOrigin(origin: string): boolean {
  const url = parseUrl(origin);
  if (!url) return false;
  if (url.protocol === 'https:') return true;
  // A release build has `false` here, and no loopback name survives minification.
  return __TFA_LOOPBACK__ && url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
}

/** The origin of a tab URL when it could be a portal, else null (browser pages, files, plain http). */
export function portalOriginOf(tabUrl: string | undefined | null): string | null {
  if (!tabUrl) return null;
  const url = parseUrl(tabUrl);
  if (!url || !isSupportedOrigin(url.origin)) return null;
  return url.origin;
}

/** Host (with port) shown to people, e.g. `portal.example.com`. */
export function hostOf(origin: string): string {
  return parseUrl(origin)?.host ?? origin;
}

/** Match pattern for `permissions.request`: this one site only. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * A URL the portal returned (confirm or activation link) is only acted on when it
 * is on the same portal origin and https (or the loopback emulator); else `unsafeUrl`.
 */
export function checkPortalUrl(raw: string, origin: string): Result<URL, AppError> {
  const url = parseUrl(raw, origin);
  if (!url || url.origin !== origin || !isSupportedOrigin(url.origin) || url.username || url.password) {
    return err({ kind: 'unsafeUrl', origin, url: raw.slice(0, 200) });
  }
  return ok(url);
}

function parseUrl(raw: string, base?: string): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

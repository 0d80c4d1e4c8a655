import { isSupportedOrigin } from '../../portal/origin';

/**
 * A Navixy Admin Panel the user added in the options page: where the panel is
 * opened (its origin, matched against the active tab) and where its API lives
 * (the base URL the `panel/…` paths are appended to: one of {@link NAVIXY_API_SERVERS} for a panel hosted by
 * Navixy, usually `https://api.<your-domain>/v2` on-premise). Both are non-secret configuration and live in
 * `storage.local`.
 */
export interface PanelConfig {
  panel: string;
  apiBase: string;
  addedAt: number;
}

/**
 * Navixy's regional API servers ([SPEC] `servers`), offered as choices when a panel is added. The legacy host
 * `https://api.navixy.com/v2` is not among them: it is named only to steer people away from it.
 */
export const NAVIXY_API_SERVERS = [
  { region: 'eu', apiBase: 'https://api.eu.navixy.com/v2' },
  { region: 'us', apiBase: 'https://api.us.navixy.com/v2' },
  { region: 'me', apiBase: 'https://api.me.navixy.com/v2' },
] as const;
export type NavixyRegion = (typeof NAVIXY_API_SERVERS)[number]['region'];
export const LEGACY_API_BASE = 'https://api.navixy.com/v2';

function parse(raw: string): URL | null {
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/** The panel's origin from what the user typed (any URL of the panel); https or the loopback emulator only, else null. */
export function parsePanelOrigin(raw: string): string | null {
  const url = parse(raw);
  if (!url || url.username || url.password || !isSupportedOrigin(url.origin)) {
    return null;
  }
  return url.origin;
}

/**
 * The API base URL, normalised without a trailing slash: https (or the loopback emulator),
 * no credentials, no query or fragment; else null.
 */
export function parseApiBase(raw: string): string | null {
  const url = parse(raw);
  if (!url || url.username || url.password || url.search || url.hash || !isSupportedOrigin(url.origin)) {
    return null;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The URL of one API action, e.g. `panel/user/list`, under the base. */
export function actionUrl(apiBase: string, action: string): URL {
  return new URL(`${apiBase}/${action.replace(/^\/+/, '')}`);
}

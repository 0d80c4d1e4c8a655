import { isSupportedOrigin } from '../../portal/origin';

/**
 * A Navixy Admin Panel the user added in the options page: where the panel is
 * opened (its origin, matched against the active tab) and where its API lives
 * (the base URL the `panel/…` paths are appended to: for a panel hosted by Navixy
 * one of its three regional servers, `https://api.eu.navixy.com/v2`, `…us…` or
 * `…me…`, offered as choices in components/NavixyApiServerField.tsx; on-premise
 * usually `https://api.<your-domain>/v2`). Both are non-secret configuration and
 * live in `storage.local`.
 */
export interface PanelConfig {
  panel: string;
  apiBase: string;
  addedAt: number;
}

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

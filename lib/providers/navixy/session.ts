import { browser } from 'wxt/browser';
import { storage } from '../../storage';
import type { NavixyStatus } from './protocol';
import type { PanelConfig } from './config';
import type { PanelPermissions } from './schemas';

/** A panel session lasts 24 hours and cannot be renewed ([SPEC] `panel/account/auth`). */
export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Navixy panel state. The panel configuration (panel origin, API base URL) is not secret
 * and lives in `storage.local`; the session hash, the operator's login and the last status
 * live in `storage.session` only (gone when the browser closes, kept across a worker restart).
 * The password is never stored anywhere: it travels once in the sign-in request.
 */
export interface NavixySession {
  hash: string;
  login: string;
  /** The exact API base URL that issued the hash: the hash is never sent anywhere else. */
  apiBase: string;
  signedInAt: number;
  /** The `users` permissions the panel granted this session (absent: not known yet; ask `get_permissions`). */
  permissions?: PanelPermissions;
  lastStatus?: NavixyStatus;
  /** The last count of users with MFA allowed over the whole list, and the total then. */
  allowedCount?: { allowed: number; total: number; at: number };
}

const PANEL_PREFIX = 'navixy-panel:';
const panelKey = (panel: string) => `local:${PANEL_PREFIX}${panel}` as const;
const sessionKey = (panel: string) => `session:navixy:${panel}` as const;

export function getPanel(panel: string): Promise<PanelConfig | null> {
  return storage.getItem<PanelConfig>(panelKey(panel));
}

export async function setPanel(config: PanelConfig): Promise<void> {
  await storage.setItem(panelKey(config.panel), config);
}

export async function listPanels(): Promise<PanelConfig[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(PANEL_PREFIX))
    .map(([, v]) => v as PanelConfig)
    .sort((a, b) => a.panel.localeCompare(b.panel));
}

export function getNavixySession(panel: string): Promise<NavixySession | null> {
  return storage.getItem<NavixySession>(sessionKey(panel));
}

export async function setNavixySession(panel: string, session: NavixySession): Promise<void> {
  await storage.setItem(sessionKey(panel), session);
}

/** Drops the cached status only (after a change), keeping the session. */
export async function dropNavixyStatus(panel: string): Promise<void> {
  const s = await getNavixySession(panel);
  if (s?.lastStatus) {
    const { lastStatus: _drop, ...rest } = s;
    await setNavixySession(panel, rest);
  }
}

/** Forgets the session hash (sign-out, or the panel said the session is gone). */
export async function clearNavixySession(panel: string): Promise<void> {
  await storage.removeItem(sessionKey(panel));
}

export async function forgetPanelData(panel: string): Promise<void> {
  await storage.removeItems([sessionKey(panel), panelKey(panel)]);
}

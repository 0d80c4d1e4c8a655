/** The signed-in session of a panel, as every handler reaches it: live-session checks, the wrapped client, permissions. */
import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { logEvent } from '../../../log';
import type { NavixyAccess, NavixyPanelInfo, Replies } from '../protocol';
import { hostOf } from '../../../portal/origin';
import type { PanelConfig } from '../config';
import { createNavixyClient, type NavixyClient } from '../client';
import { localPanelError, type PanelError, type PanelPermission } from '../errors';
import { isSessionError } from '../session-error';
import type { PanelPermissions } from '../schemas';
import { hasHostAccess } from '../../../background/host-access';
import { SESSION_LIFETIME_MS, clearNavixySession, getNavixySession, getPanel, setNavixySession, type NavixySession } from '../session';

export type Reply<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

export const apiOriginOf = (config: Pick<PanelConfig, 'apiBase'>) => new URL(config.apiBase).origin;

/**
 * The panel's session, if it may still be used for this configuration: issued by this very API
 * base (a changed API address never receives the old hash) and less than 24 hours old.
 * Anything else is forgotten here.
 */
export async function liveSession(config: PanelConfig, now = Date.now()): Promise<NavixySession | null> {
  const session = await getNavixySession(config.panel);
  if (!session) return null;
  if (session.apiBase !== config.apiBase || now >= session.signedInAt + SESSION_LIFETIME_MS) {
    await clearNavixySession(config.panel);
    return null;
  }
  return session;
}

/** What the session may do; when the panel never said (an older panel), the panel's own 13 decides. */
export function accessOf(permissions: PanelPermissions | undefined): NavixyAccess {
  if (!permissions) return { canRead: true, canUpdate: true };
  const users = permissions.users ?? [];
  return { canRead: users.includes('read'), canUpdate: users.includes('update') };
}

export function notPermitted(panel: string, permission: PanelPermission): PanelError {
  return { kind: 'panel', origin: panel, code: 0, reason: 'notPermitted', permission };
}

/** The panel's live session and whether its API may be reached, read once. */
export async function stateOf(config: PanelConfig): Promise<{ session: NavixySession | null; granted: boolean }> {
  const [session, granted] = await Promise.all([liveSession(config), hasHostAccess(apiOriginOf(config))]);
  return { session, granted };
}

export function infoFrom(config: PanelConfig, { session, granted }: { session: NavixySession | null; granted: boolean }): NavixyPanelInfo {
  return {
    panel: config.panel, host: hostOf(config.panel), apiBase: config.apiBase, granted,
    login: session?.login ?? null, sessionEndsAt: session ? session.signedInAt + SESSION_LIFETIME_MS : null,
  };
}

export async function infoOf(config: PanelConfig): Promise<NavixyPanelInfo> {
  return infoFrom(config, await stateOf(config));
}

interface Signed {
  session: NavixySession;
  client: NavixyClient;
  access: NavixyAccess;
}

/**
 * The client for a configured, granted, signed-in panel. Any answer saying the session is gone
 * (codes 2, 3, 4, 11, 103) forgets the hash at once, so the next screen asks to sign in; a 13 re-reads
 * the session's permissions, so the page stops offering what the panel refuses.
 */
export async function signedClient(panel: string): Promise<Result<Signed, AppError>> {
  const config = await getPanel(panel);
  if (!config) return err(localPanelError(panel, 'notConfigured'));
  if (!(await hasHostAccess(apiOriginOf(config)))) return err({ kind: 'noPermission', origin: apiOriginOf(config) });
  const session = await liveSession(config);
  if (!session) return err(localPanelError(panel, 'notSignedIn'));
  return ok(await clientFor(panel, session));
}

/** The session's client (see {@link signedClient}), for a session already checked as live with its API granted. */
export async function clientFor(panel: string, session: NavixySession): Promise<Signed> {
  const raw = createNavixyClient({ panel, apiBase: session.apiBase, hash: session.hash });
  const wrapped = { ...raw } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(raw)) {
    wrapped[name] = async (...args: unknown[]) => {
      const result = await (fn as (...a: unknown[]) => Promise<Result<unknown, AppError>>)(...args);
      if (!result.ok && isSessionError(result.error)) await clearNavixySession(panel);
      else if (!result.ok && result.error.kind === 'panel' && result.error.reason === 'notPermitted' && name !== 'getPermissions') {
        await refreshPermissions(panel, raw, session.hash);
      }
      return result;
    };
  }
  const client = wrapped as NavixyClient;
  let permissions = session.permissions;
  if (!permissions) permissions = await refreshPermissions(panel, client, session.hash);
  return { session: { ...session, ...(permissions ? { permissions } : {}) }, client, access: accessOf(permissions) };
}

/** `get_permissions`, stored with the session it belongs to; undefined when the panel cannot say (older panels). */
async function refreshPermissions(panel: string, client: Pick<NavixyClient, 'getPermissions'>, hash: string): Promise<PanelPermissions | undefined> {
  const r = await client.getPermissions();
  if (!r.ok) return undefined;
  await keepPermissions(panel, hash, r.value);
  return r.value;
}

/** Stores permissions just read with the session they belong to (if it is still the one with this hash); the cached status is dropped. */
export async function keepPermissions(panel: string, hash: string, permissions: PanelPermissions): Promise<void> {
  const current = await getNavixySession(panel);
  if (current?.hash === hash) {
    const { lastStatus: _stale, ...rest } = current;
    await setNavixySession(panel, { ...rest, permissions });
  }
}

/** Ends the session on the panel (`panel/account/logout`, best effort, short timeout), then forgets it here. */
export async function endSession(panel: string, session: NavixySession | null): Promise<void> {
  if (session) {
    const r = await createNavixyClient({ panel, apiBase: session.apiBase, hash: session.hash }).signOut();
    logEvent('navixy-signed-out', { panel: hostOf(panel), endedOnPanel: r.ok });
  }
  await clearNavixySession(panel);
}

/** Merges into the stored session, if it is still the one with this hash. */
export async function updateSession(panel: string, hash: string, patch: Partial<NavixySession>): Promise<void> {
  const current = await getNavixySession(panel);
  if (current?.hash === hash) await setNavixySession(panel, { ...current, ...patch });
}

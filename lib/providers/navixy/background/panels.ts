import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { logEvent } from '../../../log';
import type { CommandOf } from '../protocol';
import { hostOf, originPattern } from '../../../portal/origin';
import { parseApiBase, parsePanelOrigin, type PanelConfig } from '../config';
import { createNavixyClient } from '../client';
import { localPanelError } from '../errors';
import { navixyRequest } from '../http';
import { SuccessSchema } from '../schemas';
import { hasHostAccess, revokeUnlessUsed } from '../../../background/host-access';
import { accessTicket, isCurrent } from '../../../background/access-generation';
import { clearNavixySession, forgetPanelData, getNavixySession, getPanel, listPanels, setNavixySession, setPanel } from '../session';
import { apiOriginOf, endSession, infoOf, liveSession, type Reply } from './signed';
import { readNavixyStatus } from './status';

/** The origins this provider contacts (and older versions asked access for): every panel's API and page. */
export async function originsInUse(): Promise<string[]> {
  return (await listPanels()).flatMap((p) => [p.panel, apiOriginOf(p)]);
}

/**
 * After host access was removed: ends nothing on the panel (it can no longer be reached) but forgets the session
 * hash, login and status of every panel whose API is out of reach. The panel's address (not secret, typed by the
 * user) stays, so the Portals page can offer to grant access again or remove the panel.
 */
export async function forgetUnreachablePanels(): Promise<void> {
  for (const config of await listPanels()) if (!(await hasHostAccess(apiOriginOf(config)))) await clearNavixySession(config.panel);
}

export async function listNavixyPanels(_cmd: CommandOf<'listNavixyPanels'>): Reply<'listNavixyPanels'> {
  return ok(await Promise.all((await listPanels()).map(infoOf)));
}

/**
 * Adds a panel after the UI obtained host access to its API origin (the panel page itself is
 * recognised from the active tab and never contacted). The API base is asked an unauthenticated
 * `default/read` ({@link probeApi}). A panel already known with another API address is changed only
 * with `confirmApiChange`, and its session is ended first: a hash never travels to an address it
 * was not issued by.
 */
export async function addNavixyPanel(cmd: CommandOf<'addNavixyPanel'>): Reply<'addNavixyPanel'> {
  // The same forms the page accepts (config.ts), checked here too: https (or the loopback emulator), no credentials.
  if (parsePanelOrigin(cmd.panel) !== cmd.panel) return err({ kind: 'badRequest', message: 'panel' });
  const apiBase = parseApiBase(cmd.apiBase);
  if (!apiBase) return err({ kind: 'badRequest', message: 'apiBase' });
  const existing = await getPanel(cmd.panel);
  const changed = existing !== null && existing.apiBase !== apiBase;
  if (changed && !cmd.confirmApiChange) return err(localPanelError(cmd.panel, 'apiChanged'));
  const config: PanelConfig = { panel: cmd.panel, apiBase, addedAt: existing?.addedAt ?? Date.now() };
  const apiOrigin = apiOriginOf(config);
  if (!(await hasHostAccess(apiOrigin))) return err({ kind: 'noPermission', origin: apiOrigin });
  const probe = await probeApi(cmd.panel, apiBase);
  if (!probe.ok) return probe;
  if (changed) await endSession(cmd.panel, await getNavixySession(cmd.panel));
  await setPanel(config);
  // The old API host's access goes back as when the panel is removed, unless something else of ours still uses it.
  if (changed) await releaseApiOrigin(apiOriginOf(existing));
  logEvent('navixy-panel-added', { panel: hostOf(cmd.panel), api: hostOf(apiOrigin), changedApi: changed });
  return ok(await infoOf(config));
}

/** Ends the session on the panel, deletes the panel's configuration and revokes API access no other site of ours needs. */
export async function removeNavixyPanel(cmd: CommandOf<'removeNavixyPanel'>): Reply<'removeNavixyPanel'> {
  const config = await getPanel(cmd.panel);
  await endSession(cmd.panel, config ? await liveSession(config) : null);
  await forgetPanelData(cmd.panel);
  if (config) await releaseApiOrigin(apiOriginOf(config));
  return ok(true);
}

/** Revokes host access to an API origin no panel uses any more; another panel on the same host, or a DocSpace portal there, keeps it. */
async function releaseApiOrigin(origin: string): Promise<void> {
  const stillUsed = (await originsInUse()).map(originPattern).includes(originPattern(origin));
  if (!stillUsed) await revokeUnlessUsed('navixy', [origin]);
}

/** Sends login and password once to `panel/account/auth`; keeps only the returned hash and permissions, in session storage. */
export async function navixySignIn(cmd: CommandOf<'navixySignIn'>): Reply<'navixySignIn'> {
  const config = await getPanel(cmd.panel);
  if (!config) return err(localPanelError(cmd.panel, 'notConfigured'));
  // The password goes only to the API address the form showed: if the panel's changed meanwhile, nothing is sent.
  if (parseApiBase(cmd.apiBase) !== config.apiBase) return err(localPanelError(cmd.panel, 'apiChangedMeanwhile'));
  const access = await accessTicket(apiOriginOf(config));
  if (!(await hasHostAccess(apiOriginOf(config)))) return err({ kind: 'noPermission', origin: apiOriginOf(config) });
  const signed = await createNavixyClient({ panel: cmd.panel, apiBase: config.apiBase }).signIn(cmd.login, cmd.password);
  if (!signed.ok) return signed;
  // A session this sign-in replaces is ended on the panel, not left open for 24 hours.
  const previous = await liveSession(config);
  if (previous) await endSession(cmd.panel, previous);
  // Access to the API was removed while signing in: the hash is not kept (checked right before the write).
  if (!isCurrent(access)) return err({ kind: 'noPermission', origin: apiOriginOf(config) });
  await setNavixySession(cmd.panel, {
    hash: signed.value.hash, login: cmd.login, apiBase: config.apiBase, signedInAt: Date.now(),
    ...(signed.value.permissions ? { permissions: signed.value.permissions } : {}),
  });
  logEvent('navixy-signed-in', { panel: hostOf(cmd.panel) });
  // The permissions came with the hash: not asked again.
  return readNavixyStatus({ panel: cmd.panel, refresh: true }, false);
}

export async function navixySignOut(cmd: CommandOf<'navixySignOut'>): Reply<'navixySignOut'> {
  const config = await getPanel(cmd.panel);
  await endSession(cmd.panel, config ? await liveSession(config) : null);
  return ok(true);
}

/**
 * Whether the API base is a Navixy Admin Panel API with MFA (issue 25 §5). Any well-formed Navixy error envelope proves a
 * Navixy API (without a session it is 3 or 4; another code is still Navixy's), except 111/112: the API has no such
 * action, so this panel's version has no MFA API. Rate limiting (15, HTTP 429) and server errors (1, 6, 8, 14, HTTP 5xx)
 * are retryable and say nothing either way; only an answer that is not the envelope is "not a Navixy API".
 */
async function probeApi(panel: string, apiBase: string): Promise<Result<true, AppError>> {
  const probe = await navixyRequest({ panel, apiBase }, 'panel/user/mfa/settings/default/read', {}, SuccessSchema);
  if (probe.ok) return err(localPanelError(new URL(apiBase).origin, 'notNavixy'));
  const e = probe.error;
  if (e.kind === 'panel') return e.reason === 'noMfaApi' ? probe : ok(true);
  if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'offline' || e.kind === 'rateLimited' || e.kind === 'server') return probe;
  return err(localPanelError(new URL(apiBase).origin, 'notNavixy'));
}

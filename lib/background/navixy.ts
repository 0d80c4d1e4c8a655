import { browser } from 'wxt/browser';
import type { AppError } from '../errors';
import { err, ok, type Result } from '../result';
import { logEvent } from '../log';
import type { CommandOf, NavixyPanelInfo, NavixyStatus, Replies } from '../protocol';
import { hostOf, originPattern } from '../portal/origin';
import { parseApiBase, type PanelConfig } from '../navixy/config';
import { createNavixyClient, type NavixyClient } from '../navixy/client';
import { displayNameOf } from '../navixy/users';
import { isSessionError, localPanelError } from '../navixy/errors';
import { navixyRequest } from '../navixy/http';
import { SuccessSchema } from '../navixy/schemas';
import { hasHostAccess, knownOrigins } from './session';
import {
  clearNavixySession, dropNavixyStatus, forgetPanelData, getNavixySession, getPanel, listPanels, setNavixySession, setPanel,
} from './navixy-session';

type Reply<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

const apiOriginOf = (config: PanelConfig) => new URL(config.apiBase).origin;

async function granted(config: PanelConfig): Promise<boolean> {
  const [panel, api] = await Promise.all([hasHostAccess(config.panel), hasHostAccess(apiOriginOf(config))]);
  return panel && api;
}

async function infoOf(config: PanelConfig): Promise<NavixyPanelInfo> {
  const [session, access] = await Promise.all([getNavixySession(config.panel), granted(config)]);
  return { panel: config.panel, host: hostOf(config.panel), apiBase: config.apiBase, granted: access, login: session?.login ?? null };
}

/**
 * The client for a configured, granted, signed-in panel. Any answer saying the session
 * is gone (codes 3 and 4) forgets the hash at once, so the next screen asks to sign in.
 */
async function clientFor(panel: string): Promise<Result<NavixyClient, AppError>> {
  const config = await getPanel(panel);
  if (!config) return err(localPanelError(panel, 'notConfigured'));
  if (!(await hasHostAccess(apiOriginOf(config)))) return err({ kind: 'noPermission', origin: apiOriginOf(config) });
  const session = await getNavixySession(panel);
  if (!session) return err(localPanelError(panel, 'notSignedIn'));
  const client = createNavixyClient({ panel, apiBase: config.apiBase, hash: session.hash });
  const wrapped = { ...client } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(client)) {
    wrapped[name] = async (...args: unknown[]) => {
      const result = await (fn as (...a: unknown[]) => Promise<Result<unknown, AppError>>)(...args);
      if (!result.ok && isSessionError(result.error)) await clearNavixySession(panel);
      return result;
    };
  }
  return ok(wrapped as NavixyClient);
}

/** Which provider serves a site: a panel the user added is Navixy; everything else is left to DocSpace recognition. */
export async function identifySite(cmd: CommandOf<'identifySite'>): Reply<'identifySite'> {
  return ok({ provider: (await getPanel(cmd.origin)) ? 'navixy' : 'docspace', origin: cmd.origin });
}

export async function listNavixyPanels(_cmd: CommandOf<'listNavixyPanels'>): Reply<'listNavixyPanels'> {
  return ok(await Promise.all((await listPanels()).map(infoOf)));
}

/**
 * Adds a panel after the UI obtained host access to both origins. The API base must
 * answer an unauthenticated call with Navixy's error envelope (code 3 or 4: no session),
 * which is how a Navixy API is told apart from any other site.
 */
export async function addNavixyPanel(cmd: CommandOf<'addNavixyPanel'>): Reply<'addNavixyPanel'> {
  const apiBase = parseApiBase(cmd.apiBase);
  if (!apiBase) return err({ kind: 'badRequest', message: 'apiBase' });
  const config: PanelConfig = { panel: cmd.panel, apiBase, addedAt: Date.now() };
  for (const origin of [cmd.panel, apiOriginOf(config)]) if (!(await hasHostAccess(origin))) return err({ kind: 'noPermission', origin });
  const probe = await navixyRequest({ panel: cmd.panel, apiBase }, 'panel/user/mfa/settings/default/read', {}, SuccessSchema);
  const speaksNavixy = !probe.ok && probe.error.kind === 'panel' && isSessionError(probe.error);
  if (!speaksNavixy) {
    if (!probe.ok && (probe.error.kind === 'network' || probe.error.kind === 'timeout' || probe.error.kind === 'offline')) return probe;
    return err(localPanelError(apiOriginOf(config), 'notNavixy'));
  }
  await setPanel(config);
  logEvent('navixy-panel-added', { panel: hostOf(cmd.panel), api: hostOf(apiOriginOf(config)) });
  return ok(await infoOf(config));
}

/** Deletes the panel's configuration and session; revokes host access no other site of ours needs. */
export async function removeNavixyPanel(cmd: CommandOf<'removeNavixyPanel'>): Reply<'removeNavixyPanel'> {
  const config = await getPanel(cmd.panel);
  await forgetPanelData(cmd.panel);
  if (!config) return ok(true);
  const others = [...(await knownOrigins()), ...(await listPanels()).flatMap((p) => [p.panel, apiOriginOf(p)])].map(originPattern);
  const patterns = [...new Set([originPattern(config.panel), originPattern(apiOriginOf(config))])].filter((p) => !others.includes(p));
  try {
    if (patterns.length) await browser.permissions.remove({ origins: patterns });
  } catch {
    // Permissions granted in the manifest (test builds) cannot be removed; the data is gone anyway.
  }
  return ok(true);
}

/** Sends login and password once to `panel/account/auth`; keeps only the returned hash, in session storage. */
export async function navixySignIn(cmd: CommandOf<'navixySignIn'>): Reply<'navixySignIn'> {
  const config = await getPanel(cmd.panel);
  if (!config) return err(localPanelError(cmd.panel, 'notConfigured'));
  if (!(await hasHostAccess(apiOriginOf(config)))) return err({ kind: 'noPermission', origin: apiOriginOf(config) });
  const hash = await createNavixyClient({ panel: cmd.panel, apiBase: config.apiBase }).signIn(cmd.login, cmd.password);
  if (!hash.ok) return hash;
  await setNavixySession(cmd.panel, { hash: hash.value, login: cmd.login, signedInAt: Date.now() });
  logEvent('navixy-signed-in', { panel: hostOf(cmd.panel) });
  return getNavixyStatus({ type: 'getNavixyStatus', panel: cmd.panel, refresh: true });
}

export async function navixySignOut(cmd: CommandOf<'navixySignOut'>): Reply<'navixySignOut'> {
  await clearNavixySession(cmd.panel);
  return ok(true);
}

/**
 * The popup's summary: the default for new users and how many users have MFA allowed.
 * Cached status is returned at once unless `refresh`; a fresh read asks both in parallel.
 */
export async function getNavixyStatus(cmd: CommandOf<'getNavixyStatus'>): Reply<'getNavixyStatus'> {
  const config = await getPanel(cmd.panel);
  if (!config) return err(localPanelError(cmd.panel, 'notConfigured'));
  const info = await infoOf(config);
  const base: NavixyStatus = { ...info, state: 'ready', checkedAt: Date.now(), defaultSettings: null, usersTotal: null, mfaAllowed: null };
  if (!(await hasHostAccess(apiOriginOf(config)))) return ok({ ...base, state: 'noPermission' });
  const session = await getNavixySession(cmd.panel);
  if (!session) return ok({ ...base, state: 'signedOut' });
  if (!cmd.refresh && session.lastStatus) return ok(session.lastStatus);
  const client = await clientFor(cmd.panel);
  if (!client.ok) return client;
  const [defaults, users] = await Promise.all([client.value.readDefault(), client.value.listUsers()]);
  if (!defaults.ok) return defaults;
  if (!users.ok) return users;
  const status: NavixyStatus = {
    ...base,
    defaultSettings: defaults.value,
    usersTotal: users.value.count,
    mfaAllowed: users.value.users.filter((u) => u.mfa_allowed).length,
  };
  const current = await getNavixySession(cmd.panel);
  if (current?.hash === session.hash) await setNavixySession(cmd.panel, { ...current, lastStatus: status });
  return ok(status);
}

export async function listNavixyUsers(cmd: CommandOf<'listNavixyUsers'>): Reply<'listNavixyUsers'> {
  const client = await clientFor(cmd.panel);
  if (!client.ok) return client;
  const users = await client.value.listUsers();
  if (!users.ok) return users;
  return ok(users.value.users.map((u) => ({ id: u.id, login: u.login, name: displayNameOf(u), mfaAllowed: u.mfa_allowed })));
}

/** One `settings/update` call: `all`, or one batch of at most 100 ids (the protocol refuses more). */
export async function updateNavixyMfa(cmd: CommandOf<'updateNavixyMfa'>): Reply<'updateNavixyMfa'> {
  const client = await clientFor(cmd.panel);
  if (!client.ok) return client;
  const r = await client.value.updateMfa(cmd.target, cmd.settings);
  await dropNavixyStatus(cmd.panel);
  if (!r.ok) return r;
  logEvent('navixy-mfa-updated', { panel: hostOf(cmd.panel), target: cmd.target.type, count: cmd.target.type === 'selected' ? cmd.target.ids.length : null, settings: cmd.settings.type });
  return ok({ target: cmd.target.type, count: cmd.target.type === 'selected' ? cmd.target.ids.length : null });
}

/** Updates the default for new users, then re-reads it so the UI shows what the panel holds. */
export async function setNavixyDefault(cmd: CommandOf<'setNavixyDefault'>): Reply<'setNavixyDefault'> {
  const client = await clientFor(cmd.panel);
  if (!client.ok) return client;
  const r = await client.value.updateDefault(cmd.settings);
  await dropNavixyStatus(cmd.panel);
  if (!r.ok) return r;
  return client.value.readDefault();
}

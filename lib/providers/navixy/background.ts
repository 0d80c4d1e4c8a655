import type { AppError } from '../../errors';
import type { OverviewRequest, SiteOverview } from '../../protocol';
import { navixyOptionsUrl } from './options-url';
import { err, ok, type Result } from '../../result';
import { logEvent } from '../../log';
import { NAVIXY_COMMANDS, type Command, type CommandOf, type NavixyAccess, type NavixyPanelInfo, type NavixyStatus, type NavixyUserList, type NavixyUserRow, type Replies } from './protocol';
import { hostOf, originPattern } from '../../portal/origin';
import { parseApiBase, parsePanelOrigin, type PanelConfig } from './config';
import { USER_PAGE, createNavixyClient, type NavixyClient } from './client';
import { displayNameOf } from './users';
import { localPanelError, type PanelError, type PanelPermission } from './errors';
import { isSessionError } from './session-error';
import { navixyRequest } from './http';
import { SuccessSchema, type PanelPermissions, type PanelUser } from './schemas';
import { hasHostAccess, revokeUnlessUsed } from '../../background/host-access';
import { accessTicket, isCurrent } from '../../background/access-generation';
import type { ProviderBackground } from '../../background/router';
import {
  SESSION_LIFETIME_MS, clearNavixySession, dropNavixyStatus, forgetPanelData, getNavixySession, getPanel, listPanels, setNavixySession, setPanel,
  type NavixySession,
} from './session';

type Reply<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

/**
 * Up to this many users the options page loads the whole list and searches it itself; above it,
 * the page uses the panel's own search, ordering and paging (one request per page).
 */
export const WHOLE_LIST_LIMIT = 2_000;
/** The most users "count MFA" reads (page after page); far above any dealer we know of. */
export const COUNT_LIMIT = 1_000_000;

const apiOriginOf = (config: Pick<PanelConfig, 'apiBase'>) => new URL(config.apiBase).origin;

/**
 * The panel's session, if it may still be used for this configuration: issued by this very API
 * base (a changed API address never receives the old hash) and less than 24 hours old.
 * Anything else is forgotten here.
 */
async function liveSession(config: PanelConfig, now = Date.now()): Promise<NavixySession | null> {
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

function notPermitted(panel: string, permission: PanelPermission): PanelError {
  return { kind: 'panel', origin: panel, code: 0, reason: 'notPermitted', permission };
}

/** The panel's live session and whether its API may be reached, read once. */
async function stateOf(config: PanelConfig): Promise<{ session: NavixySession | null; granted: boolean }> {
  const [session, granted] = await Promise.all([liveSession(config), hasHostAccess(apiOriginOf(config))]);
  return { session, granted };
}

function infoFrom(config: PanelConfig, { session, granted }: { session: NavixySession | null; granted: boolean }): NavixyPanelInfo {
  return {
    panel: config.panel, host: hostOf(config.panel), apiBase: config.apiBase, granted,
    login: session?.login ?? null, sessionEndsAt: session ? session.signedInAt + SESSION_LIFETIME_MS : null,
  };
}

async function infoOf(config: PanelConfig): Promise<NavixyPanelInfo> {
  return infoFrom(config, await stateOf(config));
}

interface Signed {
  session: NavixySession;
  client: NavixyClient;
  access: NavixyAccess;
}

/**
 * The client for a configured, granted, signed-in panel. Any answer saying the session is gone
 * (codes 3, 4, 11) forgets the hash at once, so the next screen asks to sign in; a 13 re-reads
 * the session's permissions, so the page stops offering what the panel refuses.
 */
async function signedClient(panel: string): Promise<Result<Signed, AppError>> {
  const config = await getPanel(panel);
  if (!config) return err(localPanelError(panel, 'notConfigured'));
  if (!(await hasHostAccess(apiOriginOf(config)))) return err({ kind: 'noPermission', origin: apiOriginOf(config) });
  const session = await liveSession(config);
  if (!session) return err(localPanelError(panel, 'notSignedIn'));
  return ok(await clientFor(panel, session));
}

/** The session's client (see {@link signedClient}), for a session already checked as live with its API granted. */
async function clientFor(panel: string, session: NavixySession): Promise<Signed> {
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
  const current = await getNavixySession(panel);
  if (current?.hash === hash) {
    const { lastStatus: _stale, ...rest } = current;
    await setNavixySession(panel, { ...rest, permissions: r.value });
  }
  return r.value;
}

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

/**
 * Every panel the user added, for the Portals page: the status last read in this browser session, or a fresh read
 * of each one asked for. A panel describes its users' MFA (its default for users, how many have it allowed); the
 * operator's own enrolment is not part of the panel API, so those columns stay empty.
 */
export async function navixyOverview({ refresh, sites }: OverviewRequest): Promise<SiteOverview[]> {
  return Promise.all((await listPanels()).map(async (config) => {
    const state = await stateOf(config);
    const row: SiteOverview = {
      provider: 'navixy', site: config.panel, host: hostOf(config.panel), accessOrigin: apiOriginOf(config), access: state.granted, recognised: true,
      state: 'notChecked', error: null, policy: null, applies: null, enrolment: null, unusedCodes: null, usersWithMfa: null,
      checkedAt: null, manage: navixyOptionsUrl('navixy', config.panel), makeNewCodes: null,
    };
    if (!state.granted) return { ...row, state: 'noAccess' };
    if (!state.session) return { ...row, state: 'signedOut' };
    let status = state.session.lastStatus ?? null;
    if (refresh && (!sites || sites.includes(config.panel))) {
      const read = await getNavixyStatus({ type: 'getNavixyStatus', panel: config.panel, refresh: true });
      if (!read.ok) return { ...row, state: isSessionError(read.error) ? 'signedOut' : 'error', error: read.error, checkedAt: Date.now() };
      status = read.value;
    }
    if (!status) return row;
    return {
      ...row,
      state: status.state === 'ready' ? 'ready' : status.state === 'signedOut' ? 'signedOut' : 'noAccess',
      policy: status.defaultSettings ? (status.defaultSettings.type === 'allowed' ? 'on' : 'off') : null,
      usersWithMfa: status.mfaAllowed !== null && status.countedTotal !== null ? { allowed: status.mfaAllowed, total: status.countedTotal } : null,
      checkedAt: status.checkedAt,
    };
  }));
}

export async function listNavixyPanels(_cmd: CommandOf<'listNavixyPanels'>): Reply<'listNavixyPanels'> {
  return ok(await Promise.all((await listPanels()).map(infoOf)));
}

/** Ends the session on the panel (`panel/account/logout`, best effort, short timeout), then forgets it here. */
async function endSession(panel: string, session: NavixySession | null): Promise<void> {
  if (session) {
    const r = await createNavixyClient({ panel, apiBase: session.apiBase, hash: session.hash }).signOut();
    logEvent('navixy-signed-out', { panel: hostOf(panel), endedOnPanel: r.ok });
  }
  await clearNavixySession(panel);
}

/**
 * Adds a panel after the UI obtained host access to its API origin (the panel page itself is
 * recognised from the active tab and never contacted). The API base must answer an
 * unauthenticated call with Navixy's error envelope (code 3 or 4: no session), which is how a
 * Navixy API is told apart from any other site. A panel already known with another API address
 * is changed only with `confirmApiChange`, and its session is ended first: a hash never travels
 * to an address it was not issued by.
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
  const probe = await navixyRequest({ panel: cmd.panel, apiBase }, 'panel/user/mfa/settings/default/read', {}, SuccessSchema);
  const speaksNavixy = !probe.ok && probe.error.kind === 'panel' && (probe.error.reason === 'wrongSession' || probe.error.reason === 'sessionEnded');
  if (!speaksNavixy) {
    if (!probe.ok && (probe.error.kind === 'network' || probe.error.kind === 'timeout' || probe.error.kind === 'offline')) return probe;
    return err(localPanelError(apiOrigin, 'notNavixy'));
  }
  if (changed) await endSession(cmd.panel, await getNavixySession(cmd.panel));
  await setPanel(config);
  logEvent('navixy-panel-added', { panel: hostOf(cmd.panel), api: hostOf(apiOrigin), changedApi: changed });
  return ok(await infoOf(config));
}

/** Ends the session on the panel, deletes the panel's configuration and revokes API access no other site of ours needs. */
export async function removeNavixyPanel(cmd: CommandOf<'removeNavixyPanel'>): Reply<'removeNavixyPanel'> {
  const config = await getPanel(cmd.panel);
  await endSession(cmd.panel, config ? await liveSession(config) : null);
  await forgetPanelData(cmd.panel);
  if (!config) return ok(true);
  // Another panel on the same API host, or a DocSpace portal there, keeps the access.
  const stillUsed = (await originsInUse()).map(originPattern).includes(originPattern(apiOriginOf(config)));
  if (!stillUsed) await revokeUnlessUsed('navixy', [apiOriginOf(config)]);
  return ok(true);
}

/** Sends login and password once to `panel/account/auth`; keeps only the returned hash and permissions, in session storage. */
export async function navixySignIn(cmd: CommandOf<'navixySignIn'>): Reply<'navixySignIn'> {
  const config = await getPanel(cmd.panel);
  if (!config) return err(localPanelError(cmd.panel, 'notConfigured'));
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
  return getNavixyStatus({ type: 'getNavixyStatus', panel: cmd.panel, refresh: true });
}

export async function navixySignOut(cmd: CommandOf<'navixySignOut'>): Reply<'navixySignOut'> {
  const config = await getPanel(cmd.panel);
  await endSession(cmd.panel, config ? await liveSession(config) : null);
  return ok(true);
}

/**
 * The popup's summary: the default and how many users have MFA allowed. Cached status is
 * returned at once unless `refresh`. A fresh read asks the default and the first page of users in
 * parallel (one round trip): when that page holds every user the count is exact; otherwise the
 * last whole count is shown with its time, and the options page counts again on demand. Nothing
 * is asked that the session's permissions do not allow.
 */
export async function getNavixyStatus(cmd: CommandOf<'getNavixyStatus'>): Reply<'getNavixyStatus'> {
  const config = await getPanel(cmd.panel);
  if (!config) return err(localPanelError(cmd.panel, 'notConfigured'));
  // The session and the API grant are read once here; the client below reuses them.
  const state = await stateOf(config);
  const info = infoFrom(config, state);
  const base: NavixyStatus = {
    ...info, state: 'ready', checkedAt: Date.now(), defaultSettings: null, usersTotal: null,
    mfaAllowed: null, countedAt: null, countedTotal: null, canRead: false, canUpdate: false,
  };
  if (!info.granted) return ok({ ...base, state: 'noPermission' });
  if (!state.session) return ok({ ...base, state: 'signedOut' });
  if (!cmd.refresh && state.session.lastStatus) return ok(state.session.lastStatus);
  const { client, access, session } = await clientFor(cmd.panel, state.session);
  let status: NavixyStatus = { ...base, ...access };
  if (access.canRead) {
    const [defaults, first] = await Promise.all([client.readDefault(), client.listPage({ offset: 0, limit: USER_PAGE })]);
    if (!defaults.ok) return defaults;
    if (!first.ok) return first;
    const { users, count } = first.value;
    // One page holds everyone: counted now. Otherwise the last whole count, read after the round trip
    // (a count that finished meanwhile is shown, and never overwritten by an older one).
    const fresh = users.length >= count ? { allowed: users.filter((u) => u.mfa_allowed).length, total: count, at: Date.now() } : null;
    const counted = fresh ?? (await getNavixySession(cmd.panel))?.allowedCount ?? session.allowedCount;
    status = {
      ...status, defaultSettings: defaults.value, usersTotal: count,
      mfaAllowed: counted?.allowed ?? null, countedAt: counted?.at ?? null, countedTotal: counted?.total ?? null,
    };
    await updateSession(cmd.panel, session.hash, { lastStatus: status, ...(fresh ? { allowedCount: fresh } : {}) });
    return ok(status);
  }
  await updateSession(cmd.panel, session.hash, { lastStatus: status });
  return ok(status);
}

/** Merges into the stored session, if it is still the one with this hash. */
async function updateSession(panel: string, hash: string, patch: Partial<NavixySession>): Promise<void> {
  const current = await getNavixySession(panel);
  if (current?.hash === hash) await setNavixySession(panel, { ...current, ...patch });
}

const rowOf = (u: PanelUser): NavixyUserRow => ({ id: u.id, login: u.login, name: displayNameOf(u), mfaAllowed: u.mfa_allowed, active: u.activated !== false });

/**
 * The options page's list. Up to {@link WHOLE_LIST_LIMIT} users it is every user (and the count of
 * users with MFA allowed is remembered, since it was taken over the whole list); above it, the
 * first page of the panel's own paging, and the page searches on the panel.
 */
export async function listNavixyUsers(cmd: CommandOf<'listNavixyUsers'>): Reply<'listNavixyUsers'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  const { client, access, session } = signed.value;
  if (!access.canRead) return err(notPermitted(cmd.panel, 'users: read'));
  const users: PanelUser[] = [];
  const read = await client.eachPage(WHOLE_LIST_LIMIT, (page) => users.push(...page));
  if (!read.ok) return read;
  const rows = users.map(rowOf);
  if (read.value.tooLarge) return ok({ mode: 'server', users: rows, count: read.value.count, offset: 0, pageSize: USER_PAGE });
  if (read.value.complete) {
    await updateSession(cmd.panel, session.hash, { allowedCount: { allowed: users.filter((u) => u.mfa_allowed).length, total: read.value.count, at: Date.now() } });
    await dropNavixyStatus(cmd.panel);
  }
  return ok({ mode: 'whole', users: rows, count: read.value.count });
}

/** One page of the panel's own search (`filter`, `order_by`, `ascending`), for dealers too large to load whole. */
export async function searchNavixyUsers(cmd: CommandOf<'searchNavixyUsers'>): Reply<'searchNavixyUsers'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  const { client, access } = signed.value;
  if (!access.canRead) return err(notPermitted(cmd.panel, 'users: read'));
  const page = await client.listPage({
    offset: cmd.offset, limit: USER_PAGE,
    ...(cmd.filter ? { filter: cmd.filter } : {}), ...(cmd.orderBy ? { orderBy: cmd.orderBy } : {}), ...(cmd.ascending !== undefined ? { ascending: cmd.ascending } : {}),
  });
  if (!page.ok) return page;
  const list: NavixyUserList = { mode: 'server', users: page.value.users.map(rowOf), count: page.value.count, offset: cmd.offset, pageSize: USER_PAGE };
  return ok(list);
}

/** Counts users with MFA allowed over every page (any size), remembers the count with its time, and returns the fresh status. */
export async function countNavixyMfa(cmd: CommandOf<'countNavixyMfa'>): Reply<'countNavixyMfa'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  const { client, access, session } = signed.value;
  if (!access.canRead) return err(notPermitted(cmd.panel, 'users: read'));
  let allowed = 0;
  const read = await client.eachPage(COUNT_LIMIT, (page) => {
    allowed += page.filter((u) => u.mfa_allowed).length;
  });
  if (!read.ok) return read;
  if (read.value.complete) await updateSession(cmd.panel, session.hash, { allowedCount: { allowed, total: read.value.count, at: Date.now() } });
  return getNavixyStatus({ type: 'getNavixyStatus', panel: cmd.panel, refresh: true });
}

/** One `settings/update` call: `all`, or one batch of at most 100 ids (the protocol refuses more). */
export async function updateNavixyMfa(cmd: CommandOf<'updateNavixyMfa'>): Reply<'updateNavixyMfa'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  if (!signed.value.access.canUpdate) return err(notPermitted(cmd.panel, 'users: update'));
  const r = await signed.value.client.updateMfa(cmd.target, cmd.settings);
  await dropNavixyStatus(cmd.panel);
  if (!r.ok) return r;
  const count = cmd.target.type === 'selected' ? cmd.target.ids.length : null;
  logEvent('navixy-mfa-updated', { panel: hostOf(cmd.panel), target: cmd.target.type, count, settings: cmd.settings.type });
  return ok({ target: cmd.target.type, count });
}

/**
 * Updates the default (it applies to users with no explicit setting of their own) and, with
 * `applyToAll`, writes the same settings to every user (`target: all`, as Navixy's own panel
 * does); then re-reads the default so the UI shows what the panel holds.
 */
export async function setNavixyDefault(cmd: CommandOf<'setNavixyDefault'>): Reply<'setNavixyDefault'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  const { client, access } = signed.value;
  if (!access.canUpdate) return err(notPermitted(cmd.panel, 'users: update'));
  const r = await client.updateDefault(cmd.settings);
  await dropNavixyStatus(cmd.panel);
  if (!r.ok) return r;
  if (cmd.applyToAll) {
    const all = await client.updateMfa({ type: 'all' }, cmd.settings);
    if (!all.ok) return all;
    logEvent('navixy-mfa-updated', { panel: hostOf(cmd.panel), target: 'all', count: null, settings: cmd.settings.type });
  }
  const fresh = await client.readDefault();
  if (!fresh.ok) return fresh;
  return ok({ settings: fresh.value, appliedToAll: cmd.applyToAll === true });
}

/**
 * The Navixy provider in the background: a site the user added as a Navixy Admin Panel (panel
 * origin + API base URL, kept in storage.local); signs in with operator login and password,
 * keeping only the session hash in storage.session.
 */
export const navixyBackground: ProviderBackground<Command, Replies> = {
  id: 'navixy',
  commands: NAVIXY_COMMANDS,
  handlers: {
    listNavixyPanels, addNavixyPanel, removeNavixyPanel, navixySignIn, navixySignOut, getNavixyStatus,
    listNavixyUsers, searchNavixyUsers, countNavixyMfa, updateNavixyMfa, setNavixyDefault,
  },
  claims: async (origin) => (await getPanel(origin)) !== null,
  originsInUse,
  accessRemoved: forgetUnreachablePanels,
  overview: navixyOverview,
};

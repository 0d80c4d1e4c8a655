import { browser } from 'wxt/browser';
import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { createDocspaceClient } from '../client';
import type { BackupCode, Profile, TfaPolicy } from '../schemas';
import type { SenderContext } from '../../../protocol';
import type { CommandOf, Enrolment, KnownPortal, ListSummary, NamedEntity, PolicySummary, PortalStatus, Replies } from '../protocol';
import { classifyStoredTrustedIp } from '../tfa/stored-ips';
import { cachedNames, resolveFew } from './names';
import { hostOf, isSupportedOrigin, originPattern } from '../../../portal/origin';
import { applicabilityFor } from '../tfa/applicability';
import { clipEntry } from '../limits';
import {
  accessTicket, clientFor, forgetPortalData, getRecord, getSession, hasHostAccess, isCurrent, knownOrigins, updateRecord, updateSession,
  type AccessTicket, type PortalClient, type PortalSession,
} from './session';
import { badgeTicket, showBadge } from './badge';
import { reachableOrigin } from './guard';
import { freshRecognition, jarOfTab, keepRecognition, type Jar } from './jar';
import { patternsUsedByOthers, revokeUnlessUsed } from '../../../background/host-access';
import { glanceOf, withLatestCoverage } from './glance';

type Reply<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

function baseStatus(origin: string, state: PortalStatus['state']): PortalStatus {
  return {
    origin, host: hostOf(origin), state, version: null, auth: 'cookie', checkedAt: Date.now(), me: null, policy: null,
    applies: { kind: 'unknown' }, enrolment: { state: 'unknown' }, enrolmentInProgress: false, signInUrl: `${origin}/login`,
  };
}

/**
 * The portal status for the popup. Cached status is returned at once unless
 * `refresh`; a fresh read of a recognised portal is one round trip (profile, policy
 * and backup codes in parallel). An unrecognised site is first recognised anonymously.
 */
export async function getStatus(cmd: CommandOf<'getStatus'>, sender?: SenderContext): Reply<'getStatus'> {
  const { origin } = cmd;
  const ticket = badgeTicket(cmd.tabId);
  if (!isSupportedOrigin(origin)) return ok(baseStatus(origin, 'notPortal'));
  if (!(await hasHostAccess(origin))) return ok({ ...baseStatus(origin, 'noPermission'), looksLikePortal: await probeAnonymously(origin) });
  // A private window or a container: the browser's sign-in there is not the one our requests carry (jar.ts).
  // The page's own window first (an options page in a private window), else the tab the popup describes.
  const jar = sender && sender.jar !== 'default' ? sender.jar : await jarOfTab(cmd.tabId);
  const session = await getSession(origin);
  if (jar !== 'default' && session.auth.kind === 'cookie') {
    const refused = await separateCookiesStatus(origin, jar);
    if (refused.ok) await showBadge(cmd.tabId, refused.value, ticket);
    return refused;
  }
  const inTab = (s: PortalStatus): PortalStatus => (jar === 'default' ? s : { ...s, jar });
  if (!cmd.refresh && session.lastStatus) {
    await showBadge(cmd.tabId, session.lastStatus, ticket);
    return ok(inTab({ ...(await withLatestCoverage(session.lastStatus)), fromCache: true }));
  }
  const client = await clientFor(origin);
  if (!client.ok) return client;
  const result = await readStatus(client.value, origin, jar);
  if (!result.ok) return result;
  // Read again: a refused API key was dropped during the read (the portal is back on the browser's sign-in).
  const after = await getSession(origin);
  const status = { ...result.value, auth: after.auth.kind, enrolmentInProgress: Boolean(after.enrolment) };
  await updateSession(origin, (s) => ({ ...s, lastStatus: status, me: status.me ?? undefined }), client.value.access);
  // Access was removed while this was read: nothing of it is kept, and no badge goes up.
  if (!isCurrent(client.value.access)) return err(noPermission(origin));
  if (jar !== 'default' && after.auth.kind === 'cookie') {
    // The key was refused during the read: the browser's sign-in is no answer in this tab either.
    const refused = await separateCookiesStatus(origin, jar);
    const shown = refused.ok ? { ...refused.value, ...(status.keyRefused ? { keyRefused: true } : {}) } : null;
    await showBadge(cmd.tabId, shown, ticket);
    return shown ? ok(shown) : refused;
  }
  await showBadge(cmd.tabId, status, ticket);
  return ok(inTab(status));
}

const noPermission = (origin: string): AppError => ({ kind: 'noPermission', origin });

/**
 * The status for a private or container tab on the browser's sign-in: no request carries cookies (the normal
 * jar's would answer for another account), and no status read in a normal tab is shown. Only the anonymous
 * recognition is asked, when not already known.
 */
async function separateCookiesStatus(origin: string, jar: Exclude<Jar, 'default'>): Promise<Result<PortalStatus, AppError>> {
  let version = (await freshRecognition(origin))?.version;
  if (version === undefined) {
    const settings = await createDocspaceClient({ origin, auth: { kind: 'cookie' } }).getPortalSettings();
    if (!settings.ok) return settings.error.kind === 'badResponse' || settings.error.kind === 'notFound' ? ok(baseStatus(origin, 'notPortal')) : settings;
    if (!settings.value.isDocSpace) return ok(baseStatus(origin, 'notPortal'));
    version = settings.value.version;
    await keepRecognition(origin, jar, version);
  }
  return ok({ ...baseStatus(origin, 'separateCookies'), version, jar });
}

async function readStatus(client: PortalClient, origin: string, jar: Jar): Promise<Result<PortalStatus, AppError>> {
  const known = await freshRecognition(origin);
  let version = known?.version ?? null;
  if (!known) {
    // First contact (or a day since): the site must answer as a DocSpace portal, anonymously, before anything
    // that carries the user's cookie or key is sent to it. One extra round trip, then cached for a day
    // (for this browser session only when asked from a private tab).
    const settings = await client.getPortalSettings();
    if (!settings.ok) return settings.error.kind === 'badResponse' || settings.error.kind === 'notFound' ? ok(baseStatus(origin, 'notPortal')) : settings;
    if (!settings.value.isDocSpace) return ok(baseStatus(origin, 'notPortal'));
    version = settings.value.version;
    await keepRecognition(origin, jar, version, client.access);
  }
  const [self, policy, codes, names] = await Promise.all([client.getSelf(), client.getTfaPolicy(), client.getBackupCodes(), cachedNames(origin)]);
  if (!self.ok) {
    if (self.error.kind !== 'signedOut') return self;
    return ok({ ...baseStatus(origin, 'signedOut'), version, ...(self.error.apiKeyRefused ? { keyRefused: true } : {}) });
  }
  if (!policy.ok) return policy;
  const me = self.value;
  return ok({
    ...baseStatus(origin, 'ready'),
    version,
    me: { id: me.id, displayName: me.displayName, email: me.email, role: me.role },
    policy: summarise(policy.value, names),
    applies: applicabilityFor(policy.value, { id: me.id, role: me.role, groupIds: me.groupIds }),
    enrolment: enrolmentOf(policy.value, me, codes),
    ...(await glanceOf(origin, me, policy.value, names, client.access)),
  });
}

/**
 * Admins see `tfaAppEnabled` while the policy is on; everyone can probe
 * `tfaappcodes` (403 ⇒ not enrolled or policy off) — fact sheet §4.1, §2.7.
 */
function enrolmentOf(policy: TfaPolicy, me: Profile, codes: Result<BackupCode[], AppError>): Enrolment {
  if (codes.ok) {
    const unused = codes.value.filter((c) => !c.isUsed).length;
    return { state: 'enrolled', unusedCodes: unused, totalCodes: codes.value.length };
  }
  if (me.isEnrolled === true) return { state: 'enrolled', unusedCodes: null, totalCodes: null };
  if (policy.method === 'app' && (me.isEnrolled === false || codes.error.kind === 'notAvailable')) return { state: 'notEnrolled' };
  return { state: 'unknown' };
}

/** Without host access: an uncredentialed look at the anonymous settings (DocSpace allows CORS `*`). */
async function probeAnonymously(origin: string): Promise<boolean> {
  const settings = await createDocspaceClient({ origin, auth: { kind: 'cookie' }, timeoutMs: 3000 }).getPortalSettings();
  return settings.ok && settings.value.isDocSpace;
}

/** Entries of each list the status carries: the popup shows them at once, the rest on demand (`policyEntries`). */
export const FIRST_SHOWN = 3;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A trusted IP as the portal judges it (stored-ips.ts): `invalid` never matches, `breaks` fails sign-in. */
const ipEntry = (entry: string): NamedEntity => {
  const kind = classifyStoredTrustedIp(entry).kind;
  return { ...kept(entry), ...(kind === 'neverMatches' ? { invalid: true } : kind === 'breaksSignIn' ? { invalid: true, breaks: true } : {}) };
};
/** An entry as kept in the status (judged on its full text first): a long one shortened, with its length (limits.ts). */
const kept = (entry: string): Pick<NamedEntity, 'id' | 'name' | 'clipped'> => {
  const { text, clipped } = clipEntry(entry);
  return { id: text, name: text, ...(clipped ? { clipped } : {}) };
};
const notAnId = (value: string): NamedEntity => ({ ...kept(value), name: '', invalid: true });
const isGuid = (id: string) => GUID.test(id);

function listSummary(list: string[], valid: (entry: string) => boolean, entry: (item: string) => NamedEntity): ListSummary {
  return { total: list.length, first: list.slice(0, FIRST_SHOWN).map(entry), invalid: list.filter((e) => !valid(e)).length };
}

function ipSummary(list: string[]): PolicySummary['trustedIps'] {
  const all = list.map(ipEntry);
  return { total: list.length, first: all.slice(0, FIRST_SHOWN), invalid: all.filter((e) => e.invalid && !e.breaks).length, breaking: all.filter((e) => e.breaks).length };
}

/**
 * The policy in brief: a portal may name thousands in its lists, the popup needs counts and the first few,
 * with the names already known (so a warm popup asks for none).
 */
export function summarise(policy: TfaPolicy, names: Record<string, NamedEntity> = {}): PolicySummary {
  const id = (value: string): NamedEntity =>
    !isGuid(value) ? notAnId(value) : { ...(names[value.toLowerCase()] ?? { name: '' }), id: value };
  return {
    method: policy.method,
    smsAvailable: policy.smsAvailable,
    appAvailable: policy.appAvailable,
    trustedIps: ipSummary(policy.trustedIps),
    mandatoryUsers: listSummary(policy.mandatoryUsers, isGuid, id),
    mandatoryGroups: listSummary(policy.mandatoryGroups, isGuid, id),
  };
}

/** Names for the ids the popup shows (at most MAX_RESOLVE of each, one request per id not cached). */
export async function resolveNames(cmd: CommandOf<'resolveNames'>): Reply<'resolveNames'> {
  const client = await clientFor(cmd.origin);
  if (!client.ok) return client;
  const [users, groups] = await Promise.all([
    resolveFew(client.value, cmd.origin, 'user', cmd.users),
    resolveFew(client.value, cmd.origin, 'group', cmd.groups),
  ]);
  return ok({ users, groups });
}

/** A page of one list as the portal holds it now: ids with names (one request per id not cached), IPs marked when not valid. */
export async function policyEntries(cmd: CommandOf<'policyEntries'>): Reply<'policyEntries'> {
  const client = await clientFor(cmd.origin);
  if (!client.ok) return client;
  const policy = await client.value.getTfaPolicy();
  if (!policy.ok) return policy;
  const list = policy.value[cmd.list];
  const slice = list.slice(cmd.offset, cmd.offset + cmd.count);
  let items: NamedEntity[];
  if (cmd.list === 'trustedIps') {
    items = slice.map(ipEntry);
  } else {
    const ids = slice.filter(isGuid);
    const named = await resolveFew(client.value, cmd.origin, cmd.list === 'mandatoryUsers' ? 'user' : 'group', ids);
    const byId = new Map(named.map((e) => [e.id, e]));
    items = slice.map((id) => byId.get(id) ?? notAnId(id));
  }
  return ok({ total: list.length, items });
}

/** Switches this portal to an API key after checking it works. Remembered on disk only on request, never from a private tab. */
export async function setApiKey(cmd: CommandOf<'setApiKey'>, sender?: SenderContext): Reply<'setApiKey'> {
  const access = await accessTicket(cmd.origin);
  // The key is sent to this origin: https (and granted) only, whatever the page checked.
  const reachable = await reachableOrigin(cmd.origin);
  if (!reachable.ok) return reachable;
  const keyed = createDocspaceClient({ origin: cmd.origin, auth: { kind: 'apiKey', key: cmd.key } });
  // A scoped key passes `people/@self` (accounts.self:read) and then gets an empty 403 on every TFA route,
  // which only the global `*:read` / `*:write` open (§11.3): probe both, in parallel.
  const [probe, tfa] = await Promise.all([keyed.getSelf(), keyed.getTfaPolicy()]);
  if (!probe.ok) return probe;
  // An empty 403 here is the missing `*:read` (http.ts names it); `*:write` shows at the first change (§12.3).
  if (!tfa.ok) return tfa;
  // Access removed while the key was checked: the key is neither kept nor remembered. From a private window
  // nothing is written to this device: the key lasts until the browser closes.
  const toDisk = sender?.jar !== 'private' && (await jarOfTab(cmd.tabId)) !== 'private';
  if (!(await keepAuth(cmd.origin, { kind: 'apiKey', key: cmd.key }, cmd.remember ? cmd.key : undefined, access, toDisk))) return err(noPermission(cmd.origin));
  return getStatus({ type: 'getStatus', origin: cmd.origin, refresh: true, tabId: cmd.tabId }, sender);
}

/** Stores how this portal signs in, and (`toDisk`) the remembered key or none; false when access was removed since `access`. */
async function keepAuth(origin: string, auth: PortalSession['auth'], remembered: string | undefined, access: AccessTicket, toDisk = true): Promise<boolean> {
  await updateSession(origin, () => ({ auth }), access);
  if (toDisk) {
    await updateRecord(origin, (r) => {
      const { rememberedKey: _drop, ...rest } = r ?? { isPortal: true, version: null, checkedAt: 0 };
      return remembered ? { ...rest, rememberedKey: remembered } : rest;
    }, access);
  }
  return isCurrent(access);
}

/** Back to the browser's own portal sign-in; forgets any API key. */
export async function useBrowserSignIn(cmd: CommandOf<'useBrowserSignIn'>): Reply<'useBrowserSignIn'> {
  const access = await accessTicket(cmd.origin);
  const reachable = await reachableOrigin(cmd.origin);
  if (!reachable.ok) return reachable;
  if (!(await keepAuth(cmd.origin, { kind: 'cookie' }, undefined, access))) return err(noPermission(cmd.origin));
  return getStatus({ type: 'getStatus', origin: cmd.origin, refresh: true });
}

function manifestHostPermissions(): string[] {
  try {
    return browser.runtime.getManifest().host_permissions ?? [];
  } catch {
    return [];
  }
}

/** Portals we know or hold host access for (a grant covers a host on any port), with the granted origins. */
export async function portalOrigins(): Promise<{ origins: string[]; grantedOrigins: string[] }> {
  const granted = await browser.permissions.getAll();
  // Grants the extension came with (only the test builds have any: the emulator's loopback hosts) are not portals.
  const builtIn = new Set(manifestHostPermissions());
  const grantedOrigins = (granted.origins ?? [])
    .filter((pattern) => !builtIn.has(pattern))
    .map((pattern) => /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}://${m[2]}`);
  const known = await knownOrigins();
  // Grants another provider uses (a Navixy panel's API) are listed there, not here.
  const others = await patternsUsedByOthers('docspace');
  // A grant covers a host on any port: list it on its own only when no known portal stands for it.
  const unmatched = grantedOrigins.filter((g) => !known.some((k) => originPattern(k) === originPattern(g)) && !others.includes(originPattern(g)));
  return { origins: [...new Set([...known, ...unmatched])].filter(isSupportedOrigin).sort(), grantedOrigins };
}

/** Portals we know or hold host access for. */
export async function listPortals(_cmd: CommandOf<'listPortals'>): Reply<'listPortals'> {
  const { origins, grantedOrigins } = await portalOrigins();
  const portals: KnownPortal[] = [];
  for (const origin of origins) {
    const [session, record] = await Promise.all([getSession(origin), getRecord(origin)]);
    portals.push({
      origin, host: hostOf(origin), auth: session.auth.kind, rememberedKey: Boolean(record?.rememberedKey),
      granted: grantedOrigins.some((g) => originPattern(g) === originPattern(origin)),
    });
  }
  return ok(portals);
}

/** Revokes host access and deletes all data we hold for the portal. */
export async function forgetPortal(cmd: CommandOf<'forgetPortal'>): Reply<'forgetPortal'> {
  await forgetPortalData(cmd.origin);
  // The same host may serve a site of another provider (a Navixy panel's API): that access is kept.
  await revokeUnlessUsed('docspace', [cmd.origin]);
  return ok(true);
}

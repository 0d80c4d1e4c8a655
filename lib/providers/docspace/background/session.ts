import { browser } from 'wxt/browser';
import { storage, withLock } from '../../../storage';
import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { createDocspaceClient, type ConfirmToken, type DocspaceClient } from '../client';
import type { PortalAuth } from '../http';
import type { Me, PortalStatus } from '../protocol';
import { isSupportedOrigin, originPattern } from '../../../portal/origin';
import { hasHostAccess } from '../../../background/host-access';
import { accessTicket, accessWithdrawn, isCurrent, type AccessTicket } from '../../../background/access-generation';
import { namesKey } from './names';
import { heldListsKey } from './held-lists';
import { coverageSessionKey, dropCachedCoverage } from './coverage-cache';
import { coverageKey } from '../coverage/store';

/**
 * Per-portal session state. Everything lives in `storage.session` (cleared when the
 * browser closes, survives a service-worker restart, not readable by web pages).
 * Only the non-secret portal recognition and, if the user opted in, a remembered
 * API key go to `storage.local`.
 */
export interface PortalSession {
  auth: PortalAuth;
  me?: Me;
  lastStatus?: PortalStatus;
  /** Confirm token of an enrolment in progress (secret: session storage only). */
  enrolment?: StoredEnrolment;
  /** Portal Date header minus our clock, from the last response. */
  clockOffsetMs?: number;
  /** Recognition made from a private tab: kept here, never in `storage.local` (jar.ts). */
  recognised?: Recognition;
}

export interface StoredEnrolment {
  token: ConfirmToken;
  startedAt: number;
  attemptLimit?: number | null;
  /**
   * The token belongs to a signed-out enrolment: the portal's activation page (the person who just typed the password
   * there), or the save that turned TFA on (it signs everyone out, the admin included, and the admin enrols next). Any
   * other token was asked for while signed in, and is deleted when the portal says that sign-in ended.
   */
  outlivesSignOut?: true;
}

/** That a site answered as a DocSpace portal, and when. */
export interface Recognition {
  isPortal: boolean;
  version: string | null;
  checkedAt: number;
}

export interface PortalRecord extends Recognition {
  /** Only present when the user ticked "remember on this device". */
  rememberedKey?: string;
}

const sessionKey = (origin: string) => `session:portal:${origin}` as const;
const localKey = (origin: string) => `local:portal:${origin}` as const;

export async function getSession(origin: string): Promise<PortalSession> {
  const stored = await storage.getItem<PortalSession>(sessionKey(origin));
  if (stored) return stored;
  const record = await getRecord(origin);
  return { auth: record?.rememberedKey ? { kind: 'apiKey', key: record.rememberedKey } : { kind: 'cookie' } };
}

/**
 * Read-modify-write of the session. `since`: the access ticket of the request whose result this writes (null: nothing
 * asked of the portal before). When access to the portal was removed since, nothing is written: checked right before
 * the write is issued, so an answer that comes after the wipe cannot bring back what it deleted.
 */
export function updateSession(origin: string, patch: (s: PortalSession) => PortalSession, since: AccessTicket | null = null): Promise<PortalSession> {
  return withLock(sessionKey(origin), async () => {
    const current = await getSession(origin);
    const next = patch(current);
    if (since && !isCurrent(since)) return current;
    await storage.setItem(sessionKey(origin), next);
    return next;
  });
}

/**
 * Clears what we know of the signed-in user (401, sign-out, TFA enabled); keeps how we authenticate. The confirm token
 * of an enrolment asked for while signed in goes too (the next person in this browser must not be handed it); one of a
 * signed-out enrolment stays (it runs on the confirm token, not the session: see {@link StoredEnrolment}).
 */
export async function clearSignedIn(origin: string, since: AccessTicket | null): Promise<PortalSession> {
  // Names are what this account could see: another account signing in next may see less.
  await storage.removeItem(namesKey(origin));
  // So is the last coverage report (names and e-mails); its counts stay on the device (coverage/store.ts).
  await dropCachedCoverage(origin);
  return updateSession(origin, (s) => ({ auth: s.auth, enrolment: s.enrolment?.outlivesSignOut ? s.enrolment : undefined, clockOffsetMs: s.clockOffsetMs }), since);
}

export async function getRecord(origin: string): Promise<PortalRecord | null> {
  return storage.getItem<PortalRecord>(localKey(origin));
}

/** Read-modify-write of the portal's record (on disk); `since` as for {@link updateSession}. */
export function updateRecord(origin: string, patch: (r: PortalRecord | null) => PortalRecord, since: AccessTicket | null = null): Promise<PortalRecord | null> {
  return withLock(localKey(origin), async () => {
    const current = await getRecord(origin);
    const next = patch(current);
    if (since && !isCurrent(since)) return current;
    await storage.setItem(localKey(origin), next);
    return next;
  });
}

/**
 * Removes everything we hold for a portal, both areas. Requests still in flight for it go stale first, so none
 * writes its answer back afterwards.
 */
export async function forgetPortalData(origin: string): Promise<void> {
  await accessWithdrawn([originPattern(origin)]);
  await dropCachedCoverage(origin);
  await storage.removeItems([sessionKey(origin), localKey(origin), namesKey(origin), coverageSessionKey(origin), coverageKey(origin), heldListsKey(origin)]);
}

/**
 * Wipes every portal held here (local record and remembered key, session, confirm token, names, coverage) that host access
 * no longer covers, and clears its toolbar badges. Enrolment attempt counts stay until the browser closes: the
 * portal's own lockout does not end when access is removed, and they warn before the last attempt.
 */
export async function forgetUnreachable(): Promise<string[]> {
  const [local, session] = await Promise.all([browser.storage.local.get(null), browser.storage.session.get(null)]);
  const held = [...new Set([...Object.keys(local), ...Object.keys(session)].flatMap((k) => /^(?:portal|names|coverage|held-lists):(.+)$/.exec(k)?.[1] ?? []))];
  const gone: string[] = [];
  for (const origin of held) {
    if (await hasHostAccess(origin)) continue;
    await forgetPortalData(origin);
    gone.push(origin);
  }
  return gone;
}

export async function knownOrigins(): Promise<string[]> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith('portal:'))
    .map((k) => k.slice('portal:'.length));
}

export { hasHostAccess, accessTicket, isCurrent, type AccessTicket };

/** A portal client bound to the access it was made with: its answers after a removal of that access are `noPermission`. */
export type PortalClient = DocspaceClient & { readonly access: AccessTicket };

/**
 * A client for this portal with the session's authentication, after checking the
 * origin is supported and host access was granted. Records the portal clock offset.
 */
export async function clientFor(origin: string, opts: { timeoutMs?: number } = {}): Promise<Result<PortalClient, AppError>> {
  if (!isSupportedOrigin(origin)) return err({ kind: 'notPortal', origin });
  // Taken before access is checked: a removal from here on makes every answer of this client stale.
  const access = await accessTicket(origin);
  if (!(await hasHostAccess(origin))) return err({ kind: 'noPermission', origin });
  const session = await getSession(origin);
  let offset: number | undefined;
  const client = createDocspaceClient({
    origin,
    auth: session.auth,
    timeoutMs: opts.timeoutMs,
    onServerDate: (server, local) => {
      offset = server - local;
    },
  });
  return ok(withClockCapture(client, origin, session.auth, access, () => offset));
}

/**
 * The portal refused this API key (§12.3: expired, deactivated or deleted; 401 with an empty body). It is never sent
 * again: the portal goes back to the browser's sign-in, and a remembered copy is deleted from this device. Only the
 * refused key is dropped: one pasted meanwhile stays.
 */
export async function forgetRefusedKey(origin: string, key: string, since: AccessTicket | null): Promise<void> {
  let dropped = false;
  await updateSession(origin, (s) => {
    if (s.auth.kind !== 'apiKey' || s.auth.key !== key) return s;
    dropped = true;
    return { auth: { kind: 'cookie' }, enrolment: s.enrolment?.outlivesSignOut ? s.enrolment : undefined, clockOffsetMs: s.clockOffsetMs };
  }, since);
  const record = await getRecord(origin);
  if (record?.rememberedKey === key) {
    await updateRecord(origin, (r) => {
      const { rememberedKey: _drop, ...rest } = r ?? record;
      return rest;
    }, since);
  }
  if (dropped) await storage.removeItem(namesKey(origin));
}

/**
 * Persists the latest clock offset after each call, without touching call sites. An answer that comes after access to
 * the portal was removed is `noPermission`: the handler stops there, and nothing of it is written back.
 */
function withClockCapture(client: DocspaceClient, origin: string, auth: PortalAuth, access: AccessTicket, read: () => number | undefined): PortalClient {
  const wrapped: Record<string, unknown> = { ...client, access };
  for (const [name, fn] of Object.entries(client)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      const result = await (fn as (...a: unknown[]) => Promise<Result<unknown, AppError>>)(...args);
      if (!isCurrent(access)) return err({ kind: 'noPermission', origin });
      const offset = read();
      if (offset !== undefined) await updateSession(origin, (s) => ({ ...s, clockOffsetMs: offset }), access);
      if (!result.ok && result.error.kind === 'signedOut') {
        if (result.error.apiKeyRefused && auth.kind === 'apiKey') await forgetRefusedKey(origin, auth.key, access);
        else await clearSignedIn(origin, access);
      }
      return result;
    };
  }
  return wrapped as PortalClient;
}

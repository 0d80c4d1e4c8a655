import { browser } from 'wxt/browser';
import { storage } from '../../../storage';
import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { createDocspaceClient, type ConfirmToken, type DocspaceClient } from '../client';
import type { PortalAuth } from '../http';
import type { Me, PortalStatus } from '../protocol';
import { isSupportedOrigin } from '../../../portal/origin';
import { hasHostAccess } from '../../../background/host-access';
import { namesKey } from './names';

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
  enrolment?: { token: ConfirmToken; startedAt: number; attemptLimit?: number | null };
  /** Portal Date header minus our clock, from the last response. */
  clockOffsetMs?: number;
  /** Recognition made from a private tab: kept here, never in `storage.local` (jar.ts). */
  recognised?: Recognition;
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

/** Serialises read-modify-write per key inside this worker instance. */
const locks = new Map<string, Promise<unknown>>();
function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  locks.set(key, next.catch(() => undefined));
  return next;
}

export async function getSession(origin: string): Promise<PortalSession> {
  const stored = await storage.getItem<PortalSession>(sessionKey(origin));
  if (stored) return stored;
  const record = await getRecord(origin);
  return { auth: record?.rememberedKey ? { kind: 'apiKey', key: record.rememberedKey } : { kind: 'cookie' } };
}

export function updateSession(origin: string, patch: (s: PortalSession) => PortalSession): Promise<PortalSession> {
  return withLock(sessionKey(origin), async () => {
    const next = patch(await getSession(origin));
    await storage.setItem(sessionKey(origin), next);
    return next;
  });
}

/** Clears what we know of the signed-in user (401, sign-out, TFA enabled); keeps how we authenticate and an enrolment in progress (it runs on the confirm token, not the session). */
export async function clearSignedIn(origin: string): Promise<PortalSession> {
  // Names are what this account could see: another account signing in next may see less.
  await storage.removeItem(namesKey(origin));
  return updateSession(origin, (s) => ({ auth: s.auth, enrolment: s.enrolment, clockOffsetMs: s.clockOffsetMs }));
}

export async function getRecord(origin: string): Promise<PortalRecord | null> {
  return storage.getItem<PortalRecord>(localKey(origin));
}

export function updateRecord(origin: string, patch: (r: PortalRecord | null) => PortalRecord): Promise<PortalRecord> {
  return withLock(localKey(origin), async () => {
    const next = patch(await getRecord(origin));
    await storage.setItem(localKey(origin), next);
    return next;
  });
}

/** Removes everything we hold for a portal, both areas. */
export async function forgetPortalData(origin: string): Promise<void> {
  await storage.removeItems([sessionKey(origin), localKey(origin), namesKey(origin)]);
}

/**
 * Wipes every portal held here (local record and remembered key, session, confirm token, names) that host access
 * no longer covers, and clears its toolbar badges. Enrolment attempt counts stay until the browser closes: the
 * portal's own lockout does not end when access is removed, and they warn before the last attempt.
 */
export async function forgetUnreachable(): Promise<string[]> {
  const [local, session] = await Promise.all([browser.storage.local.get(null), browser.storage.session.get(null)]);
  const held = [...new Set([...Object.keys(local), ...Object.keys(session)].flatMap((k) => /^(?:portal|names):(.+)$/.exec(k)?.[1] ?? []))];
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

export { hasHostAccess };

/**
 * A client for this portal with the session's authentication, after checking the
 * origin is supported and host access was granted. Records the portal clock offset.
 */
export async function clientFor(origin: string, opts: { timeoutMs?: number } = {}): Promise<Result<DocspaceClient, AppError>> {
  if (!isSupportedOrigin(origin)) return err({ kind: 'notPortal', origin });
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
  return ok(withClockCapture(client, origin, session.auth, () => offset));
}

/**
 * The portal refused this API key (§12.3: expired, deactivated or deleted; 401 with an empty body). It is never sent
 * again: the portal goes back to the browser's sign-in, and a remembered copy is deleted from this device. Only the
 * refused key is dropped: one pasted meanwhile stays.
 */
export async function forgetRefusedKey(origin: string, key: string): Promise<void> {
  let dropped = false;
  await updateSession(origin, (s) => {
    if (s.auth.kind !== 'apiKey' || s.auth.key !== key) return s;
    dropped = true;
    return { auth: { kind: 'cookie' }, enrolment: s.enrolment, clockOffsetMs: s.clockOffsetMs };
  });
  const record = await getRecord(origin);
  if (record?.rememberedKey === key) {
    await updateRecord(origin, (r) => {
      const { rememberedKey: _drop, ...rest } = r ?? record;
      return rest;
    });
  }
  if (dropped) await storage.removeItem(namesKey(origin));
}

/** Persists the latest clock offset after each call, without touching call sites. */
function withClockCapture(client: DocspaceClient, origin: string, auth: PortalAuth, read: () => number | undefined): DocspaceClient {
  const wrapped = { ...client } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(client)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      const result = await (fn as (...a: unknown[]) => Promise<Result<unknown, AppError>>)(...args);
      const offset = read();
      if (offset !== undefined) await updateSession(origin, (s) => ({ ...s, clockOffsetMs: offset }));
      if (!result.ok && result.error.kind === 'signedOut') {
        if (result.error.apiKeyRefused && auth.kind === 'apiKey') await forgetRefusedKey(origin, auth.key);
        else await clearSignedIn(origin);
      }
      return result;
    };
  }
  return wrapped as DocspaceClient;
}

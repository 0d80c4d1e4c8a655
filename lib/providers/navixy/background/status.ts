import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import type { CommandOf, HeldSettings, NavixyStatus } from '../protocol';
import { USER_PAGE, type NavixyClient, type UserPage } from '../client';
import { localPanelError } from '../errors';
import { isSessionError } from '../session-error';
import { getNavixySession, getPanel } from '../session';
import { accessOf, clientFor, infoFrom, keepPermissions, stateOf, updateSession, type Reply } from './signed';

/**
 * The popup's summary: the default and how many users have MFA allowed. Cached status is
 * returned at once unless `refresh`. A fresh read asks the default and the first page of users in
 * parallel (one round trip): when that page holds every user the count is exact; otherwise the
 * last whole count is shown with its time, and the options page counts again on demand. Nothing
 * is asked that the session's permissions do not allow. With `refresh` the session's permissions
 * are read again in the same round trip (they can change during a session: [SPEC]
 * `accountGetPermissions`), so a permission granted meanwhile shows without signing in again.
 */
export async function getNavixyStatus(cmd: CommandOf<'getNavixyStatus'>): Reply<'getNavixyStatus'> {
  return readNavixyStatus(cmd, cmd.refresh === true);
}

/**
 * The status as {@link getNavixyStatus} reads it; `recheckPermissions` false where they were just read or nothing
 * suggests they changed (right after sign-in, after a count), so no request is added there.
 */
export async function readNavixyStatus(cmd: Pick<CommandOf<'getNavixyStatus'>, 'panel' | 'refresh'>, recheckPermissions: boolean): Reply<'getNavixyStatus'> {
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
  // clientFor asks the permissions itself when the session holds none: then they are fresh already.
  const recheck = recheckPermissions && state.session.permissions !== undefined;
  const { client, access: held, session } = await clientFor(cmd.panel, state.session);
  // Both answers first: a read that ended the session has forgotten it before the permissions could be stored with it.
  const [p, early] = await Promise.all([recheck ? client.getPermissions() : null, held.canRead ? readFirst(client) : null]);
  if (early && !early.ok && isSessionError(early.error)) return early;
  if (p && !p.ok && isSessionError(p.error)) return p;
  let access = held;
  // A panel that cannot say (an older one, or a 13 on get_permissions) keeps what the session knew.
  if (p?.ok) {
    await keepPermissions(cmd.panel, session.hash, p.value);
    access = accessOf(p.value);
  }
  let status: NavixyStatus = { ...base, ...access };
  if (access.canRead) {
    // Read granted during the session: the reads were not asked with the permissions, so they follow now.
    const read = early ?? (await readFirst(client));
    if (!read.ok) return read;
    const { defaults, first: { users, count } } = read.value;
    // One page holds everyone: counted now. Otherwise the last whole count, read after the round trip
    // (a count that finished meanwhile is shown, and never overwritten by an older one).
    const fresh = users.length >= count ? { allowed: users.filter((u) => u.mfa_allowed).length, total: count, at: Date.now() } : null;
    const counted = fresh ?? (await getNavixySession(cmd.panel))?.allowedCount ?? session.allowedCount;
    status = {
      ...status, defaultSettings: defaults, usersTotal: count,
      mfaAllowed: counted?.allowed ?? null, countedAt: counted?.at ?? null, countedTotal: counted?.total ?? null,
    };
    await updateSession(cmd.panel, session.hash, { lastStatus: status, ...(fresh ? { allowedCount: fresh } : {}) });
    return ok(status);
  }
  await updateSession(cmd.panel, session.hash, { lastStatus: status });
  return ok(status);
}

/** The default and the first page of users, asked in parallel. */
async function readFirst(client: NavixyClient): Promise<Result<{ defaults: HeldSettings | null; first: UserPage }, AppError>> {
  const [defaults, first] = await Promise.all([client.readDefault(), client.listPage({ offset: 0, limit: USER_PAGE })]);
  if (!defaults.ok) return defaults;
  if (!first.ok) return first;
  return ok({ defaults: defaults.value, first: first.value });
}

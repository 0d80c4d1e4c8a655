import { err, ok } from '../../../result';
import type { CommandOf, NavixyStatus } from '../protocol';
import { USER_PAGE } from '../client';
import { localPanelError } from '../errors';
import { getNavixySession, getPanel } from '../session';
import { clientFor, infoFrom, stateOf, updateSession, type Reply } from './signed';

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

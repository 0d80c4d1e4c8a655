import { err, ok } from '../../../result';
import type { CommandOf, NavixyUserList, NavixyUserRow } from '../protocol';
import { USER_PAGE } from '../client';
import { displayNameOf } from '../users';
import type { PanelUser } from '../schemas';
import { dropNavixyStatus } from '../session';
import { notPermitted, signedClient, updateSession, type Reply } from './signed';
import { getNavixyStatus } from './status';

/**
 * Up to this many users the options page loads the whole list and searches it itself; above it,
 * the page uses the panel's own search, ordering and paging (one request per page).
 */
export const WHOLE_LIST_LIMIT = 2_000;
/** The most users "count MFA" reads (page after page); far above any dealer we know of. */
export const COUNT_LIMIT = 1_000_000;

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

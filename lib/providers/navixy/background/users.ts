import { err, ok } from '../../../result';
import type { CommandOf, NavixyCountOutcome, NavixyUserList, NavixyUserRow } from '../protocol';
import { USER_PAGE } from '../client';
import { displayNameOf } from '../users';
import type { PanelUser } from '../schemas';
import { dropNavixyStatus } from '../session';
import { notPermitted, signedClient, updateSession, type Reply } from './signed';
import { readNavixyStatus } from './status';

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

/** Counts running now, by panel: how far each is, and whether the operator cancelled it. */
const running = new Map<string, { read: number; total: number; cancelled: boolean }>();

/**
 * Counts users with MFA allowed over every page (at most {@link COUNT_LIMIT} users). Only a count
 * over every user is remembered with its time; one that stopped early says why and how far it got.
 */
export async function countNavixyMfa(cmd: CommandOf<'countNavixyMfa'>): Reply<'countNavixyMfa'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  const { client, access, session } = signed.value;
  if (!access.canRead) return err(notPermitted(cmd.panel, 'users: read'));
  const run = { read: 0, total: 0, cancelled: false };
  running.set(cmd.panel, run);
  let allowed = 0;
  let outcome: NavixyCountOutcome;
  try {
    const read = await client.eachPage(COUNT_LIMIT, (page, total) => {
      allowed += page.filter((u) => u.mfa_allowed).length;
      run.read += page.length;
      run.total = total;
    }, { cancelled: () => run.cancelled });
    if (!read.ok) return read;
    const { count, seen } = read.value;
    if (read.value.complete) {
      await updateSession(cmd.panel, session.hash, { allowedCount: { allowed, total: count, at: Date.now() } });
      outcome = { done: 'counted', allowed, total: count };
    } else {
      outcome = { done: 'stopped', reason: read.value.tooLarge ? 'tooLarge' : (read.value.stopped ?? 'emptyPage'), read: seen, total: count, limit: COUNT_LIMIT };
    }
  } finally {
    if (running.get(cmd.panel) === run) running.delete(cmd.panel);
  }
  // The count ran with the session's permissions: the status after it does not ask them again (readNavixyStatus).
  const status = await readNavixyStatus({ panel: cmd.panel, refresh: true }, false);
  return status.ok ? ok({ status: status.value, outcome }) : status;
}

/** Asks the panel's running count to stop after its current page. */
export async function cancelNavixyCount(cmd: CommandOf<'cancelNavixyCount'>): Reply<'cancelNavixyCount'> {
  const run = running.get(cmd.panel);
  if (run) run.cancelled = true;
  return ok(run !== undefined);
}

/** Users read so far by the panel's running count, of the total the panel reports. */
export async function navixyCountProgress(cmd: CommandOf<'navixyCountProgress'>): Reply<'navixyCountProgress'> {
  const run = running.get(cmd.panel);
  return ok(run ? { read: run.read, total: run.total } : null);
}

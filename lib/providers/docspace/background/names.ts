import { storage } from '../../../storage';
import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import { LIST_PAGE, resolveAll, type DocspaceClient, type Page } from '../client';
import { CONFIRM_LIMIT, MAX_RESOLVE, type NamedEntity } from '../protocol';
import { SYSTEM_GROUPS } from '../tfa/applicability';
import { isCurrent, type AccessTicket } from '../../../background/access-generation';
import { MAX_NAMES_BYTES, utf8Bytes } from '../limits';

/**
 * Names for the ids of a policy's mandatory lists (fact sheet §10.2). There is no batch-by-id endpoint, so:
 * - a few ids (what the popup shows) are asked one request each, at most PER_ID_LIMIT of them;
 * - many ids (the policy editor of a portal naming thousands) page through `people/filter` and `group`
 *   (100 a page, PAGE_WAVE pages at a time) until every id is found, switching to one request per id for the
 *   rest as soon as that is fewer requests than the pages left;
 * - an id is "deleted" only when the portal says so for that id: `GET people/{id}` / `group/{id}` answering 404
 *   ItemNotFoundException. A listing cannot say it: the portal sorts with ties and pages by offset, so a whole
 *   listing can skip a row, and a failed page holds rows nobody saw (§12.2). Ids a listing did not hold are asked
 *   one by one, at most CONFIRM_LIMIT per editor open (both lists together); beyond it they stay "not confirmed"
 *   (a whole listing) or "unread" (a failed one), never deleted.
 * Names and confirmed deletions are cached per portal in session storage under their own key (not in the session
 * record every command reads), at most MAX_CACHED_NAMES, dropped with the session; what was not resolved is not.
 */

export const MAX_CACHED_NAMES = 10_000;
/** Ids asked one request each in one go; more than this are paged or left unresolved. */
export const PER_ID_LIMIT = MAX_RESOLVE;
const PAGE_WAVE = 4;
/** Pages read at most per list (200,000 accounts): a portal answering forever is cut off here. */
const MAX_PAGES = 2_000;
/** A second failed page ends a listing: the portal is failing, not one slow page. */
const MAX_FAILED_PAGES = 2;
/**
 * CONFIRM_LIMIT (protocol.ts): ids asked one by one after a listing, per editor open, users and groups together:
 * enough for the deletions and tie-skipped rows of a real list, few enough that a broken listing cannot turn into
 * thousands of requests. CONFIRM_CONCURRENCY at a time.
 */
export { CONFIRM_LIMIT };
const CONFIRM_CONCURRENCY = 4;

/** What one editor open may still spend on one-by-one checks; shared by its users and groups lists. */
export interface ConfirmBudget { left: number }
export const confirmBudget = (n = CONFIRM_LIMIT): ConfirmBudget => ({ left: n });
const spend = (budget: ConfirmBudget, wanted: number): number => {
  const n = Math.max(0, Math.min(wanted, budget.left));
  budget.left -= n;
  return n;
};

/** Also removed by session.ts (clearSignedIn, forgetPortalData). */
export const namesKey = (origin: string) => `session:names:${origin}` as const;
const lower = (id: string) => id.toLowerCase();

export async function cachedNames(origin: string): Promise<Record<string, NamedEntity>> {
  return (await storage.getItem<Record<string, NamedEntity>>(namesKey(origin))) ?? {};
}

/** What one cached name takes in storage, about (its strings in UTF-8 plus the key and field names). */
const bytesOf = (e: NamedEntity): number => 2 * utf8Bytes(e.id) + utf8Bytes(e.name) + (e.email ? utf8Bytes(e.email) : 0) + 40;

/**
 * Remembers resolved names (and deleted ids), newest last; the oldest go past MAX_CACHED_NAMES, or past
 * MAX_NAMES_BYTES (limits.ts: names of up to 1,000 characters each must not fill the session storage quota).
 * `since`: the access ticket of the requests that found them; nothing is written once access to the portal was removed since.
 */
export async function rememberNames(origin: string, entities: NamedEntity[], since: AccessTicket | null = null): Promise<void> {
  const known = entities.filter((e) => (e.name || e.missing) && !e.invalid);
  if (!known.length) return;
  const names = await cachedNames(origin);
  for (const e of known) {
    delete names[lower(e.id)];
    names[lower(e.id)] = e;
  }
  const keys = Object.keys(names);
  let bytes = 0;
  let kept = 0;
  // Newest first: the first name past either bound goes, with every older one.
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    bytes += bytesOf(names[k]!);
    if (kept >= MAX_CACHED_NAMES || bytes > MAX_NAMES_BYTES) delete names[k];
    else kept++;
  }
  if (since && !isCurrent(since)) return;
  await storage.setItem(namesKey(origin), names);
}

type Kind = 'user' | 'group';
/** A client, with the access ticket it was made with when the background made it (clientFor). */
type Api = DocspaceClient & { readonly access?: AccessTicket };

/**
 * What a `people/{id}` or `group/{id}` answer says: a name; deleted only on a 404 ItemNotFoundException (§12.2);
 * nothing for this role on a 403; anything else (a failure, a 404 of no route or of a proxy) leaves it unread.
 */
const fromResult = <T>(id: string, r: Result<T, AppError> | undefined, pick: (v: T) => Omit<NamedEntity, 'id'>): NamedEntity => {
  if (r?.ok) return { id, ...pick(r.value) };
  if (r?.error.kind === 'notFound' && r.error.itemNotFound) return { id, name: '', missing: true };
  if (r?.error.kind === 'forbidden') return { id, name: '' };
  return { id, name: '', unresolved: 'unread' };
};

function perId(api: DocspaceClient, kind: Kind, ids: string[], concurrency?: number): Promise<NamedEntity[]> {
  return kind === 'user'
    ? resolveAll(ids, (id) => api.getUser(id), concurrency).then((m) => ids.map((id) => fromResult(id, m.get(id), (p) => ({ name: p.displayName, email: p.email }))))
    : resolveAll(ids, (id) => api.getGroup(id), concurrency).then((m) => ids.map((id) => fromResult(id, m.get(id), (g) => ({ name: g.name }))));
}

/** A few ids, one request each (cached ones none): what the popup shows. At most PER_ID_LIMIT are asked. */
export async function resolveFew(api: Api, origin: string, kind: Kind, ids: string[]): Promise<NamedEntity[]> {
  const cached = await cachedNames(origin);
  const unknown = [...new Set(ids.map(lower).filter((id) => !cached[id]))].slice(0, PER_ID_LIMIT);
  const fresh = unknown.length ? await perId(api, kind, unknown) : [];
  await rememberNames(origin, fresh, api.access ?? null);
  const all = new Map<string, NamedEntity>(Object.entries(cached));
  for (const e of fresh) all.set(lower(e.id), e);
  return ids.map((id) => ({ ...(all.get(lower(id)) ?? { name: '' }), id }));
}

interface Listing {
  page: (startIndex: number) => Promise<Result<Page<{ id: string; name: string; email?: string | null }>, AppError>>;
}

/** How a listing ended: every page read; a page failed (or the listing was cut off); the first page refused (403). */
type ListingEnd = 'whole' | 'failed' | 'refused';

/**
 * Pages through a list for `ids`, filling `found`. Returns how it ended, or 'asked' when it switched to one request
 * per id for every id left (fewer requests than the pages left).
 */
async function readListing(api: DocspaceClient, kind: Kind, ids: string[], listing: Listing, found: Map<string, NamedEntity>): Promise<ListingEnd | 'asked'> {
  const want = new Set(ids);
  const take = (items: { id: string; name: string; email?: string | null }[]) => {
    for (const item of items) {
      const id = lower(item.id);
      if (want.has(id)) found.set(id, { id, name: item.name, ...(item.email !== undefined ? { email: item.email } : {}) });
    }
  };
  const first = await listing.page(0);
  if (!first.ok) {
    // Not allowed to list (a room admin asking for groups it cannot see, an API key without the scope), or failing.
    return first.error.kind === 'forbidden' ? 'refused' : 'failed';
  }
  take(first.value.items);
  const total = first.value.total;
  let next = first.value.items.length;
  let failures = 0;
  // A short or empty page is the end of the list (a portal that ignores `count` still ends this way).
  let ended = first.value.items.length < LIST_PAGE;
  for (let pages = 1; !ended && pages < MAX_PAGES && failures < MAX_FAILED_PAGES; pages += PAGE_WAVE) {
    const left = ids.filter((id) => !found.has(id));
    if (!left.length) break;
    const pagesLeft = total === null ? Infinity : Math.ceil(Math.max(0, total - next) / LIST_PAGE);
    if (pagesLeft === 0) { ended = true; break; }
    if (left.length <= pagesLeft && left.length <= PER_ID_LIMIT) {
      for (const e of await perId(api, kind, left)) found.set(lower(e.id), e);
      return 'asked';
    }
    const starts = Array.from({ length: Math.min(PAGE_WAVE, pagesLeft) }, (_, i) => next + i * LIST_PAGE);
    const wave = await Promise.all(starts.map((s) => listing.page(s)));
    for (const r of wave) {
      if (!r.ok) { failures++; continue; }
      take(r.value.items);
      if (r.value.items.length < LIST_PAGE) ended = true;
    }
    next += starts.length * LIST_PAGE;
    if (total !== null && next >= total) ended = true;
  }
  const whole = ended || ids.every((id) => found.has(id));
  return whole && failures === 0 ? 'whole' : 'failed';
}

/**
 * Many ids: pages through the portal's list, then asks the ids it did not hold one by one (within `budget`): the
 * portal's 404 for an id is the only "deleted". Beyond the budget an id stays `unconfirmed` after a whole listing,
 * `unread` after a failed one, and without a name (not visible to this role) after a refused one.
 */
async function resolveByListing(api: DocspaceClient, kind: Kind, ids: string[], listing: Listing, budget: ConfirmBudget): Promise<Map<string, NamedEntity>> {
  const found = new Map<string, NamedEntity>();
  const end = await readListing(api, kind, ids, listing, found);
  if (end === 'asked') return found;
  const left = ids.filter((id) => !found.has(id));
  // System groups are never listed (§10.2) but resolve by id: asked outside the bound (five at most).
  const system = new Set<string>(kind === 'group' ? Object.values(SYSTEM_GROUPS) : []);
  const rest = left.filter((id) => !system.has(id));
  const asked = rest.slice(0, spend(budget, rest.length));
  const answers = await perId(api, kind, [...left.filter((id) => system.has(id)), ...asked], CONFIRM_CONCURRENCY);
  for (const e of answers) found.set(lower(e.id), e);
  const beyond: Pick<NamedEntity, 'unresolved'> = end === 'whole' ? { unresolved: 'unconfirmed' } : end === 'failed' ? { unresolved: 'unread' } : {};
  for (const id of rest.slice(asked.length)) found.set(id, { id, name: '', ...beyond });
  return found;
}

/**
 * Names for every id of a list, however long. `budget`: the one-by-one checks this editor open may still spend
 * (share one between the users and groups lists). Ids that are not GUIDs come back `invalid`.
 */
export async function resolveMany(api: Api, origin: string, kind: Kind, ids: string[], budget: ConfirmBudget = confirmBudget()): Promise<NamedEntity[]> {
  const cached = await cachedNames(origin);
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const unknown = [...new Set(ids.map(lower))].filter((id) => guid.test(id) && !cached[id]);
  let fresh: Map<string, NamedEntity>;
  if (unknown.length <= PER_ID_LIMIT) {
    fresh = new Map((await perId(api, kind, unknown)).map((e) => [lower(e.id), e]));
  } else {
    const listing: Listing = kind === 'user'
      ? { page: (s) => api.peoplePage(s).then((r) => (r.ok ? { ok: true, value: { total: r.value.total, items: r.value.items.map((p) => ({ id: p.id, name: p.displayName, email: p.email })) } } : r)) }
      : { page: (s) => api.groupsPage(s) };
    fresh = await resolveByListing(api, kind, unknown, listing, budget);
  }
  await rememberNames(origin, [...fresh.values()], api.access ?? null);
  return ids.map((id) => {
    const key = lower(id);
    if (!guid.test(key)) return { id, name: '', invalid: true };
    return { ...(cached[key] ?? fresh.get(key) ?? { name: '' }), id };
  });
}

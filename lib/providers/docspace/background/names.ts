import { storage } from '../../../storage';
import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import { LIST_PAGE, resolveAll, type DocspaceClient, type Page } from '../client';
import { MAX_RESOLVE, type NamedEntity } from '../protocol';
import { SYSTEM_GROUPS } from '../tfa/applicability';

/**
 * Names for the ids of a policy's mandatory lists (fact sheet §10.2). There is no batch-by-id endpoint, so:
 * - a few ids (what the popup shows) are asked one request each, at most PER_ID_LIMIT of them;
 * - many ids (the policy editor of a portal naming thousands) page through `people/filter` and `group`
 *   (100 a page, PAGE_WAVE pages at a time) until every id is found, switching to one request per id for the
 *   rest as soon as that is fewer requests than the pages left;
 * - after a whole listing by an admin (who sees every account, §10.1) an id not found is a deleted account.
 * Names are cached per portal in session storage under their own key (not in the session record every command
 * reads), at most MAX_CACHED_NAMES, dropped with the session.
 */

export const MAX_CACHED_NAMES = 10_000;
/** Ids asked one request each in one go; more than this are paged or left unresolved. */
export const PER_ID_LIMIT = MAX_RESOLVE;
const PAGE_WAVE = 4;
/** Pages read at most per list (200,000 accounts): a portal answering forever is cut off here. */
const MAX_PAGES = 2_000;

/** Also removed by session.ts (clearSignedIn, forgetPortalData). */
export const namesKey = (origin: string) => `session:names:${origin}` as const;
const lower = (id: string) => id.toLowerCase();

export async function cachedNames(origin: string): Promise<Record<string, NamedEntity>> {
  return (await storage.getItem<Record<string, NamedEntity>>(namesKey(origin))) ?? {};
}

/** Remembers resolved names (and deleted ids), newest last; the oldest go past MAX_CACHED_NAMES. */
export async function rememberNames(origin: string, entities: NamedEntity[]): Promise<void> {
  const known = entities.filter((e) => (e.name || e.missing) && !e.invalid);
  if (!known.length) return;
  const names = await cachedNames(origin);
  for (const e of known) {
    delete names[lower(e.id)];
    names[lower(e.id)] = e;
  }
  const keys = Object.keys(names);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_CACHED_NAMES))) delete names[k];
  await storage.setItem(namesKey(origin), names);
}

type Kind = 'user' | 'group';

const fromResult = <T>(id: string, r: Result<T, AppError> | undefined, pick: (v: T) => Omit<NamedEntity, 'id'>): NamedEntity => {
  if (r?.ok) return { id, ...pick(r.value) };
  // 404: removed on the portal; anything else (403 for this role, a failure): no name, not "deleted".
  return { id, name: '', ...(r && !r.ok && r.error.kind === 'notFound' ? { missing: true } : {}) };
};

function perId(api: DocspaceClient, kind: Kind, ids: string[]): Promise<NamedEntity[]> {
  return kind === 'user'
    ? resolveAll(ids, (id) => api.getUser(id)).then((m) => ids.map((id) => fromResult(id, m.get(id), (p) => ({ name: p.displayName, email: p.email }))))
    : resolveAll(ids, (id) => api.getGroup(id)).then((m) => ids.map((id) => fromResult(id, m.get(id), (g) => ({ name: g.name }))));
}

/** A few ids, one request each (cached ones none): what the popup shows. At most PER_ID_LIMIT are asked. */
export async function resolveFew(api: DocspaceClient, origin: string, kind: Kind, ids: string[]): Promise<NamedEntity[]> {
  const cached = await cachedNames(origin);
  const unknown = [...new Set(ids.map(lower).filter((id) => !cached[id]))].slice(0, PER_ID_LIMIT);
  const fresh = unknown.length ? await perId(api, kind, unknown) : [];
  await rememberNames(origin, fresh);
  const all = new Map<string, NamedEntity>(Object.entries(cached));
  for (const e of fresh) all.set(lower(e.id), e);
  return ids.map((id) => ({ ...(all.get(lower(id)) ?? { name: '' }), id }));
}

interface Listing {
  page: (startIndex: number) => Promise<Result<Page<{ id: string; name: string; email?: string | null }>, AppError>>;
}

/**
 * Many ids: pages through the portal's list while that costs fewer requests than asking per id. `wholeList`
 * says whether an id not found after a full listing is deleted (an admin lists every account; groups: every
 * tenant group, system groups aside).
 */
async function resolveByListing(api: DocspaceClient, kind: Kind, ids: string[], listing: Listing, wholeList: boolean): Promise<Map<string, NamedEntity>> {
  const found = new Map<string, NamedEntity>();
  const want = new Set(ids);
  const take = (items: { id: string; name: string; email?: string | null }[]) => {
    for (const item of items) {
      const id = lower(item.id);
      if (want.has(id)) found.set(id, { id, name: item.name, ...(item.email !== undefined ? { email: item.email } : {}) });
    }
  };
  const first = await listing.page(0);
  if (!first.ok) {
    // Not allowed to list (a room admin asking for groups it cannot see, an API key without the scope): one
    // request per id for the first few, the rest stays unresolved.
    const few = await perId(api, kind, ids.slice(0, PER_ID_LIMIT));
    return new Map(few.map((e) => [lower(e.id), e]));
  }
  take(first.value.items);
  const total = first.value.total;
  let next = first.value.items.length;
  let ended = first.value.items.length < LIST_PAGE;
  for (let pages = 1; !ended && pages < MAX_PAGES; pages += PAGE_WAVE) {
    const left = ids.filter((id) => !found.has(id));
    if (!left.length) break;
    const pagesLeft = total === null ? Infinity : Math.ceil(Math.max(0, total - next) / LIST_PAGE);
    if (pagesLeft === 0) { ended = true; break; }
    if (left.length <= pagesLeft && left.length <= PER_ID_LIMIT) {
      for (const e of await perId(api, kind, left)) found.set(lower(e.id), e);
      return found;
    }
    const starts = Array.from({ length: Math.min(PAGE_WAVE, pagesLeft) }, (_, i) => next + i * LIST_PAGE);
    const wave = await Promise.all(starts.map((s) => listing.page(s)));
    for (const r of wave) {
      if (!r.ok) { ended = true; break; }
      take(r.value.items);
      // A short or empty page is the end of the list (a portal that ignores `count` still ends this way).
      if (r.value.items.length < LIST_PAGE) ended = true;
    }
    next += starts.length * LIST_PAGE;
    if (total !== null && next >= total) ended = true;
  }
  const left = ids.filter((id) => !found.has(id));
  if (ended && wholeList) {
    // System groups are never listed (§10.2) but resolve by id; anything else not listed is gone.
    const system = new Set<string>(Object.values(SYSTEM_GROUPS));
    const ask = kind === 'group' ? left.filter((id) => system.has(id)) : [];
    for (const e of await perId(api, kind, ask)) found.set(lower(e.id), e);
    for (const id of left) if (!found.has(id)) found.set(id, { id, name: '', missing: true });
  } else if (left.length) {
    for (const e of await perId(api, kind, left.slice(0, PER_ID_LIMIT))) found.set(lower(e.id), e);
  }
  return found;
}

/**
 * Names for every id of a list, however long. `isAdmin`: the caller lists every account (§10.1), so an id a whole
 * listing does not hold is deleted; for other roles it stays unresolved. Ids that are not GUIDs come back `invalid`.
 */
export async function resolveMany(api: DocspaceClient, origin: string, kind: Kind, ids: string[], isAdmin: boolean): Promise<NamedEntity[]> {
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
    fresh = await resolveByListing(api, kind, unknown, listing, kind === 'group' || isAdmin);
  }
  await rememberNames(origin, [...fresh.values()]);
  return ids.map((id) => {
    const key = lower(id);
    if (!guid.test(key)) return { id, name: '', invalid: true };
    return { ...(cached[key] ?? fresh.get(key) ?? { name: '' }), id };
  });
}

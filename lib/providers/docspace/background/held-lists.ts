import { storage, withLock } from '../../../storage';
import type { EmptiedLists, NamedEntity, PolicyListName } from '../protocol';
import type { TfaPolicy } from '../schemas';
import { isCurrent, type AccessTicket } from '../../../background/access-generation';
import { clipEntry, utf8Bytes } from '../limits';

/**
 * Lists a portal page emptied (issue 26, §4). The portal's own settings page saves only the method, which empties the
 * trusted IPs and the mandatory users and groups (fact sheet §12.4). The background keeps the last non-empty lists it
 * saw (status reads and the policy editor's reads), with when it saw them, in `storage.session` only (gone when the
 * browser closes; never `storage.local`). A read that shows the policy still on with a list empty that was filled when
 * last seen, which the extension did not itself save empty, reports it; "Restore" goes through the normal review.
 *
 * Not dropped when the portal signs the session out: the page's save that empties the lists also signs everyone out
 * (§12.4), so dropping them then would lose exactly what is to be restored. Dropped when the portal is forgotten or its
 * access removed (session.ts forgetPortalData), on "Dismiss", and when the extension saves the policy (held = saved).
 */
export const heldListsKey = (origin: string) => `session:held-lists:${origin}` as const;

const LISTS: readonly PolicyListName[] = ['trustedIps', 'mandatoryUsers', 'mandatoryGroups'];
/** Names kept with the held ids (the first ones of each list): enough for the notice and the restored draft's start. */
export const HELD_NAMES = 200;
/** A list seen again unchanged is written back at most this often (its "last seen" time). */
const REFRESH_MS = 60_000;

/**
 * A list as last seen: all its entries (`complete`, from the editor's reads and the extension's saves, within
 * HELD_BYTES), or only the first few, shortened (a status read keeps the session small: limits.ts), with its length.
 */
interface HeldList { entries: string[]; total: number; complete: boolean; seenAt: number }
/** A list held whole for "Restore" up to this size; past it, only its first entries and its length (no restore). */
export const HELD_BYTES = 1_000_000;
const FIRST_HELD = 3;
export interface HeldLists {
  trustedIps?: HeldList;
  mandatoryUsers?: HeldList;
  mandatoryGroups?: HeldList;
  /** Names of the first held ids, lower-cased id → name (browser session only). */
  names?: Record<string, string>;
}

type Lists = Pick<TfaPolicy, 'method' | PolicyListName>;

export async function readHeldLists(origin: string): Promise<HeldLists> {
  return (await storage.getItem<HeldLists>(heldListsKey(origin))) ?? {};
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function namesFor(ids: string[], known: Record<string, NamedEntity>, kept: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids.slice(0, HELD_NAMES)) {
    const key = id.toLowerCase();
    const name = known[key]?.name || kept[key];
    if (name) out[key] = name;
  }
  return out;
}

/** What a read of the policy shows against what was held: the emptied lists (null: none), and the held lists after it. */
function heldOf(entries: string[], full: boolean, now: number): HeldList {
  const whole = full && entries.reduce((n, e) => n + utf8Bytes(e) + 4, 0) <= HELD_BYTES;
  return whole ? { entries: [...entries], total: entries.length, complete: true, seenAt: now }
    : { entries: entries.slice(0, FIRST_HELD).map((e) => clipEntry(e).text), total: entries.length, complete: false, seenAt: now };
}

/** `full`: the read holds the whole lists (the editor); a status read holds their first entries only. */
export function compareWithHeld(held: HeldLists, policy: Lists, known: Record<string, NamedEntity>, now: number, full = true): { emptied: EmptiedLists | null; next: HeldLists; changed: boolean } {
  const next: HeldLists = { ...held };
  const emptied: Omit<EmptiedLists, 'seenAt'> = {};
  let seenAt = 0;
  let changed = false;
  for (const list of LISTS) {
    const entries = policy[list];
    const before = held[list];
    if (entries.length) {
      const seen = heldOf(entries, full, now);
      // A status read of the same list keeps what the editor held whole; only its time is refreshed.
      const same = before && before.total === seen.total && sameList(before.complete && !seen.complete ? before.entries.slice(0, FIRST_HELD).map((e) => clipEntry(e).text) : before.entries, seen.entries);
      if (!same || !before) {
        next[list] = seen;
        changed = true;
      } else if (now - before.seenAt > REFRESH_MS || (seen.complete && !before.complete)) {
        next[list] = seen.complete && !before.complete ? seen : { ...before, seenAt: now };
        changed = true;
      }
    } else if (policy.method !== 'none' && before?.total) {
      emptied[list] = before.total;
      seenAt = Math.max(seenAt, before.seenAt);
    }
  }
  if (changed) {
    const ids = [...(next.mandatoryUsers?.entries ?? []).slice(0, HELD_NAMES), ...(next.mandatoryGroups?.entries ?? []).slice(0, HELD_NAMES)];
    next.names = namesFor(ids, known, held.names ?? {});
  }
  return { emptied: seenAt ? { ...emptied, seenAt } : null, next, changed };
}

/**
 * A read of the policy (status or editor, admins and owner): the lists filled now are held (with their names where
 * known), and the lists held filled that the policy, still on, now holds empty are reported.
 */
export function observeLists(origin: string, policy: Lists, known: Record<string, NamedEntity> | NamedEntity[], since: AccessTicket | null, full = true): Promise<EmptiedLists | null> {
  const byId = Array.isArray(known) ? Object.fromEntries(known.map((e) => [e.id.toLowerCase(), e])) : known;
  return withLock(heldListsKey(origin), async () => {
    const { emptied, next, changed } = compareWithHeld(await readHeldLists(origin), policy, byId, Date.now(), full);
    if (changed && (!since || isCurrent(since))) await storage.setItem<HeldLists>(heldListsKey(origin), next);
    return emptied;
  });
}

/**
 * The emptied lists with their held entries, for the editor's notice, and `restorable` when every emptied list is
 * held whole (names where this session knew them).
 */
export async function withHeldEntries(origin: string, emptied: EmptiedLists, known: Record<string, NamedEntity>): Promise<EmptiedLists> {
  const held = await readHeldLists(origin);
  const names = held.names ?? {};
  const named = (id: string): NamedEntity => {
    const found = known[id.toLowerCase()];
    return found?.name ? { ...found, id } : { id, name: names[id.toLowerCase()] ?? '' };
  };
  const lists = (['trustedIps', 'mandatoryUsers', 'mandatoryGroups'] as const).filter((l) => emptied[l]);
  return {
    ...emptied,
    restorable: lists.every((l) => held[l]?.complete === true),
    held: {
      trustedIps: emptied.trustedIps ? [...(held.trustedIps?.entries ?? [])] : [],
      mandatoryUsers: emptied.mandatoryUsers ? (held.mandatoryUsers?.entries ?? []).map(named) : [],
      mandatoryGroups: emptied.mandatoryGroups ? (held.mandatoryGroups?.entries ?? []).map(named) : [],
    },
  };
}

/** The extension saved the policy: what it holds now is what was saved (a list saved empty is no longer held, so never flagged). */
export function keepSaved(origin: string, saved: Lists, known: Record<string, NamedEntity>, since: AccessTicket | null): Promise<void> {
  return withLock(heldListsKey(origin), async () => {
    const held = await readHeldLists(origin);
    const now = Date.now();
    const next: HeldLists = {};
    for (const list of LISTS) if (saved[list].length) next[list] = heldOf(saved[list], true, now);
    const ids = [...saved.mandatoryUsers.slice(0, HELD_NAMES), ...saved.mandatoryGroups.slice(0, HELD_NAMES)];
    next.names = namesFor(ids, known, held.names ?? {});
    if (since && !isCurrent(since)) return;
    await storage.setItem<HeldLists>(heldListsKey(origin), next);
  });
}

/** "Dismiss", or the portal forgotten: the held lists are dropped. */
export function forgetHeld(origin: string): Promise<void> {
  return withLock(heldListsKey(origin), () => storage.removeItem(heldListsKey(origin)));
}

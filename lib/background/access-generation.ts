import { storage } from '../storage';
import { originPattern } from '../portal/origin';

/**
 * Access generations: what keeps a wipe wiped. Removing host access (the browser's settings, or ours) wipes what the
 * background holds for the sites it no longer reaches; a request that was already in flight then answers, and must not
 * write its result (a session, an API key, a confirm token, names) back after the wipe, nor after access is granted
 * again. Each host pattern has a generation, moved on by every removal of its access before anything is wiped; a
 * handler takes a ticket before it asks the site, and every write for the site checks the ticket, synchronously, right
 * before it is issued (a write issued before the wipe's delete is deleted by it; one after it is dropped).
 *
 * Kept in `storage.session` (so a worker restart keeps them; they go when the browser closes), at most
 * MAX_PATTERNS host patterns. A value is never reused (one counter for all), so a pattern dropped to keep the bound
 * makes an older ticket stale, never current again.
 */
const KEY = 'session:accessGenerations' as const;
/** Removing a pattern like `https://*` + `/*` (every https site) moves every site on. */
const EVERY_SITE = '*';
export const MAX_PATTERNS = 256;

interface Generations {
  counter: number;
  patterns: Record<string, number>;
}

let held: Generations | null = null;
let loading: Promise<Generations> | null = null;

async function load(): Promise<Generations> {
  if (held) return held;
  loading ??= storage.getItem<Generations>(KEY).then((stored) => {
    held ??= stored && typeof stored.counter === 'number' && stored.patterns ? stored : { counter: 0, patterns: {} };
    return held;
  });
  return loading;
}

/** What a handler holds while it talks to a site: the generations of the site's host pattern (and of every site) when it began. */
export interface AccessTicket {
  readonly pattern: string;
  readonly generation: number;
  readonly everySite: number;
}

export async function accessTicket(origin: string): Promise<AccessTicket> {
  const g = await load();
  const pattern = originPattern(origin);
  return { pattern, generation: g.patterns[pattern] ?? 0, everySite: g.patterns[EVERY_SITE] ?? 0 };
}

/**
 * True while no removal of access to the ticket's site happened since it was taken. Synchronous on purpose: check it
 * and issue the write in the same turn, so no wipe can come between them.
 */
export function isCurrent(ticket: AccessTicket): boolean {
  // A ticket exists only after the generations were loaded.
  const g = held;
  return g !== null && (g.patterns[ticket.pattern] ?? 0) === ticket.generation && (g.patterns[EVERY_SITE] ?? 0) === ticket.everySite;
}

/** A removed permission pattern: a single host's (`scheme://host/*`), or one covering many sites. */
function keyOf(pattern: string): string {
  const m = /^(https?):\/\/([^/*:]+)(?::\d+)?\/\*$/.exec(pattern);
  return m ? `${m[1]}://${m[2]}/*` : EVERY_SITE;
}

/**
 * Access to these host patterns was removed (or is being removed): tickets taken before are stale from now on. Call it
 * before wiping anything; in-memory at once, then persisted.
 */
export async function accessWithdrawn(patterns: readonly string[]): Promise<void> {
  if (!patterns.length) return;
  const g = await load();
  for (const pattern of new Set(patterns.map(keyOf))) {
    delete g.patterns[pattern];
    g.patterns[pattern] = ++g.counter;
  }
  const names = Object.keys(g.patterns);
  for (const name of names.slice(0, Math.max(0, names.length - MAX_PATTERNS))) delete g.patterns[name];
  await storage.setItem(KEY, g);
}

/** For tests: forget what this worker instance holds, as a fresh worker would. */
export function resetAccessGenerationsForTest(): void {
  held = null;
  loading = null;
}

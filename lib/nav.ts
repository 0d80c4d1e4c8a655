import type { NavEntry, SiteGroup } from './provider';

/**
 * The options page's navigation, the same on every page: each provider's top-level entries in registry order, the
 * page's own provider's `own` entries (kept current by the page) in its place.
 */
export function joinNav(groups: readonly SiteGroup[], own: SiteGroup): NavEntry[] {
  const placed = groups.some((g) => g.provider === own.provider);
  return [...groups.map((g) => (g.provider === own.provider ? own : g)), ...(placed ? [] : [own])].flatMap((g) => g.entries);
}

/** The entries from the top down to the current one (empty when none is current). */
function pathTo(entries: readonly NavEntry[]): NavEntry[] {
  for (const entry of entries) {
    if (entry.current) return [entry];
    const below = pathTo(entry.children ?? []);
    if (below.length) return [entry, ...below];
  }
  return [];
}

/**
 * The breadcrumb for the current page: the first top-level entry (the home: the Portals overview), then the path
 * down to the current entry, e.g. Portals › acme.example.com › Backup codes.
 */
export function breadcrumb(nav: readonly NavEntry[]): NavEntry[] {
  const path = pathTo(nav);
  const home = nav[0];
  if (!home || path[0] === home) return path;
  return [home, ...path];
}

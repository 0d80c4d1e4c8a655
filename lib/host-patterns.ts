/**
 * Host access the user may have granted beyond single portals: `<all_urls>`, `*://*\/*`, `https://*\/*`, or a
 * whole domain (`https://*.example.com/*`). The extension only ever asks for one site at a time; broader access
 * can only come from the browser's own extension settings, and the Portals page offers to take it back.
 */
export type BroadScope = { kind: 'allSites' } | { kind: 'allOfScheme'; scheme: string } | { kind: 'domain'; domain: string };

export function broadScopeOf(pattern: string): BroadScope | null {
  if (pattern === '<all_urls>') return { kind: 'allSites' };
  const m = /^([a-z*]+):\/\/([^/]*)\//.exec(pattern);
  if (!m) return null;
  const [, scheme = '', host = ''] = m;
  if (host === '*') return scheme === '*' ? { kind: 'allSites' } : { kind: 'allOfScheme', scheme };
  if (host.startsWith('*.')) return { kind: 'domain', domain: host.slice(2) };
  return null;
}

/** The granted patterns that reach more than one site. */
export function broadPatterns(origins: readonly string[]): string[] {
  return origins.filter((p) => broadScopeOf(p) !== null);
}

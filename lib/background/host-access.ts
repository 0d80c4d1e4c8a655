import { browser } from 'wxt/browser';
import { originPattern } from '../portal/origin';

/**
 * Host access, shared by every provider. A granted host pattern may serve sites of more than one
 * provider (a DocSpace portal and a Navixy API on the same host), so no provider revokes or lists
 * as its own a pattern another provider still uses. Providers tell the core which origins they
 * use through {@link registerOriginsInUse} (the background registry does it at start), so no
 * provider ever imports another.
 */
export async function hasHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

const inUse = new Map<string, () => Promise<string[]>>();

/** Registers how a provider lists the origins it contacts (called once per provider by the background registry). */
export function registerOriginsInUse(provider: string, origins: () => Promise<string[]>): void {
  inUse.set(provider, origins);
}

/** Host patterns that providers other than `provider` use. */
export async function patternsUsedByOthers(provider: string): Promise<string[]> {
  const lists = await Promise.all([...inUse].filter(([id]) => id !== provider).map(([, list]) => list()));
  return [...new Set(lists.flat().map(originPattern))];
}

/** Revokes host access to `origins` unless another provider still uses the pattern. Best effort. */
export async function revokeUnlessUsed(provider: string, origins: string[]): Promise<void> {
  const others = await patternsUsedByOthers(provider);
  const patterns = [...new Set(origins.map(originPattern))].filter((p) => !others.includes(p));
  try {
    if (patterns.length) await browser.permissions.remove({ origins: patterns });
  } catch {
    // Permissions granted in the manifest (test builds) cannot be removed; the data is gone anyway.
  }
}

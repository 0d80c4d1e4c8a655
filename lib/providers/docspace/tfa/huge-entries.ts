import { parseTrustedIp, parseTrustedIpList, type TrustedIpList } from './trusted-ips';

/**
 * Trusted entries that need the admin's explicit confirmation before a save: entries that trust a huge block (ip-blocks.ts)
 * and are not already on the portal as they will be sent, and (`together`) small entries that, new, cover a huge block
 * between them. One rule for the review (which asks) and the background (which refuses a save without the confirmation).
 */
export interface HugeEntries {
  /** The new huge entries as given (typed in the editor, or as sent). */
  entries: string[];
  together: boolean;
}

/** What in `ips` (the list that would be sent) needs confirming, against `stored` (the list the portal holds now). */
export function newHugeEntries(stored: readonly string[], ips: TrustedIpList): HugeEntries {
  // A stored entry counts as already there in any spelling: as stored (a CIDR written by another tool) or as saved (its range).
  const held = new Set(stored.flatMap((ip) => {
    const parsed = parseTrustedIp(ip);
    return [ip.trim().toLowerCase(), ...(parsed.ok ? [parsed.entry.value] : [])];
  }));
  const before = parseTrustedIpList(stored.join('\n'));
  return {
    entries: ips.huge.filter((l) => l.result.ok && !held.has(l.result.entry.value)).map((l) => l.input),
    together: ips.hugeTogether && !before.hugeTogether && !before.huge.length,
  };
}

export const needsHugeConfirmation = (h: HugeEntries): boolean => h.entries.length > 0 || h.together;

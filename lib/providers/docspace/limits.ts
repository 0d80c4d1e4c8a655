/**
 * Per-field bounds on what a portal's answers can make the background keep in `storage.session`, whose
 * quota is small and shared by every portal (Chrome: 10 MB for the whole extension): one hostile answer must not fill
 * it and break the status of every portal. The wire bounds are in schemas.ts (a name, an e-mail, a version, a confirm
 * link and its key); what is kept of a policy list, and the names cache as a whole, are bounded here.
 */

/**
 * A policy-list entry as the status keeps and shows it: a trusted-IP entry or a list entry that is not an id, in code
 * points. The longest entry our editor writes is 79 characters (an IPv6 range), an id 36: past this it is garbage
 * from another client, shown shortened with its length. The list itself is counted whole, whatever its length.
 */
export const MAX_ENTRY_TEXT = 100;

/** A policy-list entry as kept: at most MAX_ENTRY_TEXT code points, then "…"; `clipped` is the full length then. */
export function clipEntry(text: string): { text: string; clipped?: number } {
  if (text.length <= MAX_ENTRY_TEXT) return { text };
  const points = Array.from(text);
  return points.length <= MAX_ENTRY_TEXT ? { text } : { text: `${points.slice(0, MAX_ENTRY_TEXT).join('')}…`, clipped: points.length };
}

/** The names cache of one portal (names.ts), in bytes as stored (UTF-8), on top of its count bound: 10,000 ordinary names fit. */
export const MAX_NAMES_BYTES = 2_500_000;

/** Bytes of `text` in UTF-8, the unit a storage quota counts (a surrogate pair is 4, any other code unit at most 3). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * How much of the Internet a trusted entry, or a whole list, lets skip the second factor. "Huge" means an IPv4
 * /8 or more (1/256 of all IPv4 addresses) or an IPv6 /32 or more (a whole provider's allocation). IPv6 blocks
 * that carry IPv4 addresses in their last 32 bits are measured on that IPv4 part: a request from an IPv4 client
 * can reach the portal in those spellings, so `::ffff:0.0.0.0/96` trusts as much as `0.0.0.0/0`.
 */

/** IPv4-compatible `::/96`, IPv4-mapped `::ffff:0:0/96` (RFC 4291), NAT64 `64:ff9b::/96` (RFC 6052). */
const IPV4_EMBEDDINGS: bigint[] = [0n, 0xffffn << 32n, 0x64ff9bn << 96n];
const V4_HUGE = 1n << 24n;
const V6_HUGE = 1n << 96n;
const V4_BLOCK = 0xffffffffn;

export interface Bounds {
  family: 4 | 6;
  lo: bigint;
  hi: bigint;
}

export function toBig(bytes: number[]): bigint {
  return bytes.reduce((n, b) => (n << 8n) + BigInt(b), 0n);
}

/** Largest merged run (size) of intervals; adjacent intervals join. */
function largestRun(intervals: Array<[bigint, bigint]>): bigint {
  const sorted = [...intervals].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  let best = 0n;
  let cur: [bigint, bigint] | null = null;
  for (const [lo, hi] of sorted) {
    if (cur && lo <= cur[1] + 1n) {
      if (hi > cur[1]) cur[1] = hi;
    } else {
      cur = [lo, hi];
    }
    if (cur[1] - cur[0] + 1n > best) best = cur[1] - cur[0] + 1n;
  }
  return best;
}

/** Whether the intervals, together, trust a huge block (in one family, or in one IPv4-carrying IPv6 block). */
export function coversHugeBlock(bounds: Bounds[]): boolean {
  const v4 = bounds.filter((b) => b.family === 4).map((b): [bigint, bigint] => [b.lo, b.hi]);
  const v6 = bounds.filter((b) => b.family === 6).map((b): [bigint, bigint] => [b.lo, b.hi]);
  if (largestRun(v4) >= V4_HUGE || largestRun(v6) >= V6_HUGE) return true;
  return IPV4_EMBEDDINGS.some((base) => {
    const clipped = v6
      .map(([lo, hi]): [bigint, bigint] => [lo > base ? lo : base, hi < base + V4_BLOCK ? hi : base + V4_BLOCK])
      .filter(([lo, hi]) => lo <= hi);
    return largestRun(clipped) >= V4_HUGE;
  });
}

/** Whether the addresses `a` to `b` (bytes, same family) trust a huge block. */
export function rangeIsHuge(a: number[], b: number[]): boolean {
  return coversHugeBlock([{ family: a.length === 4 ? 4 : 6, lo: toBig(a), hi: toBig(b) }]);
}

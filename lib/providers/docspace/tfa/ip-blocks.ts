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

/**
 * Address blocks no one on the Internet can come from: private IPv4 (RFC 1918), loopback (127.0.0.0/8, ::1) and
 * IPv6 unique local addresses (fc00::/7, RFC 4193), also in their IPv4-carrying IPv6 spellings. A request from
 * them reaches only a portal inside that network (self-hosted), so trusting one is a LAN decision, not a hole.
 */
const V4_PRIVATE: Array<[bigint, bigint]> = [
  [0x0a000000n, 0x0affffffn], // 10.0.0.0/8
  [0xac100000n, 0xac1fffffn], // 172.16.0.0/12
  [0xc0a80000n, 0xc0a8ffffn], // 192.168.0.0/16
  [0x7f000000n, 0x7fffffffn], // 127.0.0.0/8
];
const V6_PRIVATE: Array<[bigint, bigint]> = [
  [0xfcn << 120n, (0xfen << 120n) - 1n], // fc00::/7
  [1n, 1n], // ::1
];

/** Whether every address of `b` is private, loopback or unique local (never a public Internet address). */
export function isPrivateBlock(b: Bounds): boolean {
  const inside = (ranges: Array<[bigint, bigint]>, lo: bigint, hi: bigint) => ranges.some(([from, to]) => lo >= from && hi <= to);
  if (b.family === 4) return inside(V4_PRIVATE, b.lo, b.hi);
  if (inside(V6_PRIVATE, b.lo, b.hi)) return true;
  // An IPv4-carrying IPv6 block (::ffff:10.0.0.0/104 …) is as private as its IPv4 part.
  return IPV4_EMBEDDINGS.some((base) => b.lo >= base && b.hi <= base + V4_BLOCK && inside(V4_PRIVATE, b.lo - base, b.hi - base));
}

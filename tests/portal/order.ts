// The order of `people/filter` and `GET group` as the server gives it (fact sheet §12.2): DbUserService.cs sorts
// people by a status bucket (Active, Pending, Terminated), then FirstName (Pending by Email), and groups by Name,
// with no unique tie-breaker, then Skip/Take. MySQL may return rows with equal ORDER BY values in a different order
// whenever the LIMIT differs, and each page is its own query, so offset paging can skip or repeat a row.
//
// The emulator models that as a fresh shuffle of every run of equal keys on each list request (seeded, so a test
// can reproduce a skipped row). Simplification: a real database is usually stable between identical queries and
// changes the order of ties only with the plan; shuffling on every request is the worst case a client must survive.

/** mulberry32: a small seeded PRNG, enough to shuffle test data reproducibly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const DEFAULT_TIE_SEED = 23;

/** Where the order of ties comes from: null keeps them in stored order; a seed shuffles them anew on every request. */
export class TieOrder {
  private seed: number | null = DEFAULT_TIE_SEED;
  private requests = 0;

  set(seed: number | null): void {
    this.seed = seed;
    this.requests = 0;
  }

  reset(): void {
    this.set(DEFAULT_TIE_SEED);
  }

  /** The random source for one list request (null: ties stay as stored). */
  next(): (() => number) | null {
    if (this.seed === null) {
      return null;
    }
    this.requests += 1;
    return mulberry32(this.seed * 7_919 + this.requests);
  }
}

/** Sorts by `compare` and then shuffles each run of items `compare` calls equal (nothing breaks the tie). */
export function sortWithTies<T>(items: readonly T[], compare: (a: T, b: T) => number, random: (() => number) | null): T[] {
  const sorted = [...items].sort(compare);
  if (!random) {
    return sorted;
  }
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && compare(sorted[start]!, sorted[end]!) === 0) {
      end += 1;
    }
    for (let i = end - 1; i > start; i -= 1) {
      const j = start + Math.floor(random() * (i - start + 1));
      [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
    }
    start = end;
  }
  return sorted;
}

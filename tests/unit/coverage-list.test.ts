// Issue 26: the coverage listing's paging (background/coverage-list.ts) against a scripted portal: ties, failed pages,
// totals that move, bounds, cancel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../lib/result';
import { CONCURRENCY, SPARE_PAGES, listEveryone, type LoadPage } from '../../lib/providers/docspace/background/coverage-list';
import type { CoverageProfile } from '../../lib/providers/docspace/schemas';

const ORIGIN = 'https://portal.example.com';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const profile = (n: number): CoverageProfile => ({
  id: id(n), name: `P${n}`, email: `p${n}@x.test`, role: 'user', status: 'active', hasApp: n % 3 === 0, phoneActivated: null, sso: false, groupIds: [],
});

interface Script {
  people: () => number;
  /** The order of one request (a fresh shuffle models ties). */
  order?: (list: CoverageProfile[]) => CoverageProfile[];
  fails?: (start: number, attempt: number) => boolean;
  total?: (people: number) => number | null;
}

function portal(s: Script) {
  const attempts = new Map<number, number>();
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const load: LoadPage = async (start) => {
    requests++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    const attempt = (attempts.get(start) ?? 0) + 1;
    attempts.set(start, attempt);
    if (s.fails?.(start, attempt)) return err({ kind: 'server', origin: ORIGIN, status: 500 });
    const n = s.people();
    const all = (s.order ?? ((l) => l))(Array.from({ length: n }, (_, i) => profile(i + 1)));
    return ok({ items: all.slice(start, start + 100), total: s.total ? s.total(n) : n });
  };
  return { load, stats: () => ({ requests, maxInFlight }) };
}

async function run(s: Script, opts: Parameters<typeof listEveryone>[2] = {}) {
  const p = portal(s);
  const first = await p.load(0);
  if (!first.ok) throw new Error('first page');
  const out = await listEveryone(first.value, p.load, opts);
  return { ...out, ...p.stats() };
}

describe('listEveryone', () => {
  it('a whole listing: everyone once, 4 at a time, ceil(total/100) requests', async () => {
    const r = await run({ people: () => 1234 });
    expect(r).toMatchObject({ total: 1234, missing: 0, partial: false, totalChanged: false, requests: 13 });
    expect(r.people).toHaveLength(1234);
    expect(r.maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
  });

  it('a page failing once is read again; failing twice: partial, its people missing', async () => {
    const once = await run({ people: () => 450, fails: (start, attempt) => start === 200 && attempt === 1 });
    expect(once).toMatchObject({ missing: 0, partial: false, requests: 6 });
    const twice = await run({ people: () => 450, fails: (start) => start === 200 });
    expect(twice).toMatchObject({ missing: 100, partial: true, requests: 6 });
    expect(twice.people).toHaveLength(350);
  });

  it('a total that grows: the pages past the first end are read, the last total kept and said', async () => {
    let n = 250;
    const r = await run({ people: () => (n += 20) });
    expect(r.totalChanged).toBe(true);
    expect(r.total).toBeGreaterThan(270);
    expect(r.people.length).toBeGreaterThan(300);
    expect(r.missing).toBe(r.total! - r.people.length);
  });

  it('a total that grows forever stops at ceil(first total/100) + 3 requests, partial', async () => {
    let n = 300;
    const r = await run({ people: () => (n += 500) });
    expect(r.requests).toBeLessThanOrEqual(Math.ceil(800 / 100) + SPARE_PAGES);
    expect(r.partial).toBe(true);
    expect(r.missing).toBeGreaterThan(0);
  });

  it('at most maxPeople people', async () => {
    const r = await run({ people: () => 1000 }, { maxPeople: 250 });
    expect(r.people).toHaveLength(250);
    expect(r.partial).toBe(true);
    expect(r.requests).toBeLessThanOrEqual(3 + SPARE_PAGES);
  });

  it('no total: pages until a short one', async () => {
    const r = await run({ people: () => 730, total: () => null });
    expect(r.people).toHaveLength(730);
    expect(r).toMatchObject({ total: null, missing: 0, partial: false });
  });

  it('cancel: stops after the pages in flight, partial', async () => {
    let stop = false;
    const r = await run({ people: () => 5000 }, { cancelled: () => stop, onProgress: (read) => { if (read >= 300) stop = true; } });
    expect(r.partial).toBe(true);
    expect(r.people.length).toBeLessThan(5000);
    expect(r.requests).toBeLessThanOrEqual(3 + CONCURRENCY);
    expect(r.missing).toBe(5000 - r.people.length);
  });

  it('property: whatever the order of each page and the pages that fail, nobody counts twice and read + missing = total', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 900 }),
      fc.integer(),
      fc.func(fc.boolean()),
      async (n, seed, failing) => {
        let call = 0;
        const r = await run({
          people: () => n,
          // A different shuffle on every request, as ties come back in any order (§12.2).
          order: (list) => {
            call++;
            return fc.sample(fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }), { seed: seed + call, numRuns: 1 })[0]!;
          },
          fails: (start, attempt) => start > 0 && failing(start, attempt),
        });
        const ids = r.people.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(r.people.length + r.missing).toBe(n);
        expect(r.requests).toBeLessThanOrEqual(Math.ceil(n / 100) + SPARE_PAGES);
      },
    ), { numRuns: 60 });
  });
});

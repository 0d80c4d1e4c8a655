import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import { LIST_PAGE, type Page } from '../client';
import { MAX_LIST_ENTRIES } from '../protocol';
import type { CoverageProfile } from '../schemas';

/**
 * Everyone of a portal for the coverage scan (issue 26), paged through `people/filter` sorted by e-mail (a unique key:
 * the default order has ties, and offset paging over ties skips or repeats rows, fact sheet §12.2), 100 a page,
 * CONCURRENCY pages at a time. People are counted by id, once each, whatever the pages repeat. Then:
 * - a page that failed is asked once more; failing again, the listing is partial and its people are `missing`; an
 *   answer no retry changes (signed out, access removed, refused) stops the listing (`fatal`);
 * - `total` is the first page's, replaced by a later page's when that says another (accounts added or removed
 *   meanwhile: `totalChanged`); when it grew, the pages past the first end are read too;
 * - what still lacks (an account removed meanwhile shifts a row across a page boundary) is `missing`, never silent;
 * - at most ceil(total/100) + SPARE_PAGES requests and MAX_LIST_ENTRIES people: a portal whose total keeps growing,
 *   or that never ends a listing without `total`, stops there (partial).
 */

export const CONCURRENCY = 6;
export const SPARE_PAGES = 3;

export type LoadPage = (startIndex: number) => Promise<Result<Page<CoverageProfile>, AppError>>;

export interface ListOptions {
  cancelled?: () => boolean;
  onProgress?: (read: number, total: number | null) => void;
  maxPeople?: number;
}

export interface ListOutcome {
  people: CoverageProfile[];
  /** The last `total` a page gave (null: none did). */
  total: number | null;
  totalChanged: boolean;
  /** `total - people.length`, never negative. */
  missing: number;
  /** Cancelled, a page failed twice, or a bound was reached. */
  partial: boolean;
  /** Page requests made, the first included. */
  requests: number;
  /** A page answered that the caller can no longer list (signed out, access removed, refused): the listing stopped there. */
  fatal?: AppError;
}

/** Answers that no second try can change: the listing stops, and the scan replies with the error (nothing kept). */
const FATAL = new Set<AppError['kind']>(['signedOut', 'noPermission', 'forbidden', 'paymentRequired']);

const pagesFor = (people: number) => Math.ceil(people / LIST_PAGE);

/** Lists everyone after `first` (page 0, already read by the caller). */
export async function listEveryone(first: Page<CoverageProfile>, load: LoadPage, opts: ListOptions = {}): Promise<ListOutcome> {
  const maxPeople = opts.maxPeople ?? MAX_LIST_ENTRIES;
  const cancelled = opts.cancelled ?? (() => false);
  const byId = new Map<string, CoverageProfile>();
  let total = first.total;
  let totalChanged = false;
  let partial = false;
  let requests = 1;
  let fatal: AppError | undefined;
  // Without a total, pages are read until one comes back short, up to the people bound.
  const budget = total === null ? pagesFor(maxPeople) : pagesFor(Math.min(total, maxPeople)) + SPARE_PAGES;
  let ended = total === null && first.items.length < LIST_PAGE;

  const add = (items: CoverageProfile[]) => {
    for (const p of items) {
      if (byId.size >= maxPeople && !byId.has(p.id.toLowerCase())) {
        partial = true;
        break;
      }
      byId.set(p.id.toLowerCase(), p);
    }
    opts.onProgress?.(byId.size, total);
  };
  add(first.items);

  /** Reads these pages, CONCURRENCY at a time; returns the ones that failed. */
  const read = async (starts: number[]): Promise<number[]> => {
    const queue = [...starts];
    const failed: number[] = [];
    const worker = async () => {
      for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
        if (cancelled() || ended || fatal) {
          partial ||= cancelled();
          return;
        }
        if (requests >= budget) {
          partial = true;
          return;
        }
        requests++;
        const page = await load(start);
        if (!page.ok) {
          if (FATAL.has(page.error.kind)) fatal ??= page.error;
          else failed.push(start);
          continue;
        }
        if (page.value.total !== null && page.value.total !== total) {
          if (total !== null) totalChanged = true;
          total = page.value.total;
        }
        if (first.total === null && page.value.items.length < LIST_PAGE) ended = true;
        add(page.value.items);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return failed;
  };

  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => (from + i) * LIST_PAGE);
  let planned = 1;
  if (total === null) {
    // Waves of CONCURRENCY pages until a short page (or the bound).
    while (!ended && !fatal && !cancelled() && requests < budget) {
      const failed = await read(range(planned, planned + CONCURRENCY));
      planned += CONCURRENCY;
      if (failed.length && (await read(failed)).length) {
        partial = true;
        break;
      }
    }
  } else {
    planned = pagesFor(Math.min(total, maxPeople));
    const failed = await read(range(1, planned));
    if (failed.length && !fatal && !cancelled() && (await read(failed)).length) partial = true;
    // The total grew while the listing ran: the rows pushed past the first end.
    const now = pagesFor(Math.min(total ?? 0, maxPeople));
    if (now > planned && !fatal && !cancelled() && (await read(range(planned, now))).length) partial = true;
  }
  if (cancelled()) partial = true;
  if (total !== null && total > maxPeople) partial = true;
  const people = [...byId.values()];
  return { people, total, totalChanged, missing: Math.max(0, (total ?? people.length) - people.length), partial: partial || fatal !== undefined, requests, ...(fatal ? { fatal } : {}) };
}

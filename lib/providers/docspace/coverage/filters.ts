import type { CoveragePerson } from './types';

/**
 * The coverage view's filters, search and sort (issue 26 §1), pure so that 5,000 people are filtered in one pass and
 * tested without a page. "Without" means what the counts mean (coverage/types.ts `without`): active, not SSO, no
 * authenticator (or no activated phone in SMS mode), so a filter shows as many rows as its count says.
 */
export type CoverageFilter = 'all' | 'without' | 'mandatoryWithout' | 'adminsWithout' | 'sso' | 'active' | 'pending' | 'disabled';
export const COVERAGE_FILTERS: readonly CoverageFilter[] = ['all', 'without', 'mandatoryWithout', 'adminsWithout', 'sso', 'active', 'pending', 'disabled'];

export type SortKey = 'name' | 'email' | 'role' | 'status' | 'covered' | 'sso' | 'mandatory';
export interface Sort { key: SortKey; dir: 'asc' | 'desc' }
export type Mode = 'app' | 'sms';

export interface ViewQuery {
  filter: CoverageFilter;
  /** Name or e-mail, any case. */
  search: string;
  sort: Sort;
}

export const PAGE_SIZE = 100;

/** Has an authenticator (app mode) or an activated phone (SMS mode); null when the portal did not say. */
export const coveredOf = (p: CoveragePerson, mode: Mode): boolean | null => (mode === 'sms' ? p.phoneActivated : p.hasApp);

const isAdmin = (p: CoveragePerson) => p.role === 'owner' || p.role === 'admin';
const isWithout = (p: CoveragePerson, mode: Mode) => p.status === 'active' && !p.sso && coveredOf(p, mode) === false;

export function matchesFilter(p: CoveragePerson, filter: CoverageFilter, mode: Mode): boolean {
  switch (filter) {
    case 'all': return true;
    case 'without': return isWithout(p, mode);
    case 'mandatoryWithout': return isWithout(p, mode) && p.mandatory !== null;
    case 'adminsWithout': return isWithout(p, mode) && isAdmin(p);
    case 'sso': return p.sso;
    default: return p.status === filter;
  }
}

/** Lower case in the page's language, with compatibility forms folded (full-width letters, ligatures). */
const fold = (text: string, locale: string) => text.normalize('NFKC').toLocaleLowerCase(locale);

export function matchesSearch(p: CoveragePerson, search: string, locale: string): boolean {
  const q = fold(search.trim(), locale);
  if (!q) return true;
  return fold(p.name, locale).includes(q) || (p.email !== null && fold(p.email, locale).includes(q));
}

const ROLE_ORDER = { owner: 0, admin: 1, roomadmin: 2, user: 3, guest: 4 } as const;
const STATUS_ORDER = { active: 0, pending: 1, disabled: 2 } as const;
const MANDATORY_ORDER = (m: CoveragePerson['mandatory']) => (m === 'user' ? 0 : m === 'group' ? 1 : 2);
const BOOL_ORDER = (b: boolean | null) => (b === true ? 0 : b === false ? 1 : 2);

function comparer(sort: Sort, mode: Mode, locale: string): (a: CoveragePerson, b: CoveragePerson) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const text = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : collator.compare(a, b));
  const by: Record<SortKey, (a: CoveragePerson, b: CoveragePerson) => number> = {
    name: (a, b) => text(a.name, b.name),
    email: (a, b) => text(a.email, b.email),
    role: (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    covered: (a, b) => BOOL_ORDER(coveredOf(a, mode)) - BOOL_ORDER(coveredOf(b, mode)),
    sso: (a, b) => BOOL_ORDER(a.sso) - BOOL_ORDER(b.sso),
    mandatory: (a, b) => MANDATORY_ORDER(a.mandatory) - MANDATORY_ORDER(b.mandatory),
  };
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Ties fall back to name, then e-mail, then id (ascending), so the order never depends on the server's.
  return (a, b) => sign * by[sort.key](a, b) || by.name(a, b) || by.email(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The people the view shows, filtered, searched and sorted (a new array; the report is not changed). */
export function applyView(people: readonly CoveragePerson[], query: ViewQuery, mode: Mode, locale: string): CoveragePerson[] {
  return people
    .filter((p) => matchesFilter(p, query.filter, mode) && matchesSearch(p, query.search, locale))
    .sort(comparer(query.sort, mode, locale));
}

/** How many people each filter holds (for the select's labels). */
export function filterCounts(people: readonly CoveragePerson[], mode: Mode): Record<CoverageFilter, number> {
  const counts = Object.fromEntries(COVERAGE_FILTERS.map((f) => [f, 0])) as Record<CoverageFilter, number>;
  for (const p of people) for (const f of COVERAGE_FILTERS) if (matchesFilter(p, f, mode)) counts[f] += 1;
  return counts;
}

/** Page `page` (from 0) of `rows`, clamped to the last page. */
export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(at * size, at * size + size), page: at, pages };
}

/**
 * A whole percentage for "412 of 500 (82 %)", null when there is nothing to divide by. Never 0 % when someone is
 * covered nor 100 % when someone is not (rounding would hide them).
 */
export function percentOf(covered: number, of: number): number | null {
  if (!Number.isInteger(covered) || !Number.isInteger(of) || of <= 0) return null;
  const p = Math.round((covered * 100) / of);
  if (p === 0 && covered > 0) return 1;
  if (p === 100 && covered < of) return 99;
  return p;
}

import type { FactorType } from '../schemas';
import type { PagingStop } from '../client';
import type { SortField } from '../protocol';
import { formatList, formatNumber, plural, t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';
import { ago, factorName } from './format';

/** The Navixy strings of the options page's users page: the default form and the users list. */

export const defaults = {
  heading: t('navixy.defaults.heading'),
  explain: t('navixy.defaults.explain'),
  legend: t('navixy.defaults.legend'),
  allow: (factors: readonly FactorType[]) => t('navixy.defaults.allow', formatList(factors.map(factorName))),
  disallow: t('navixy.defaults.disallow'),
  current: (text: string) => t('navixy.defaults.current', text),
  save: t('navixy.defaults.save'),
  saving: t('navixy.defaults.saving'),
  saved: (text: string) => t('navixy.defaults.saved', text),
  readOnly: t('navixy.defaults.readOnly'),
  applyToAll: t('navixy.defaults.applyToAll'),
  confirmTitle: t('navixy.defaults.confirmTitle'),
  confirmBody: (settings: string, host: string, all: boolean) =>
    all ? t('navixy.defaults.confirmBodyAll', settings, host) : t('navixy.defaults.confirmBody', settings, host),
  confirm: (all: boolean) => (all ? t('navixy.defaults.confirmAll') : t('navixy.defaults.confirm')),
  savedAll: (text: string) => t('navixy.defaults.savedAll', text),
  applyFailed: (text: string) => t('navixy.defaults.defaultSavedApplyFailed', text),
} as const;

export const users = {
  heading: t('navixy.users.heading'),
  /** "50 of 250 users have MFA allowed." */
  summary: (allowed: number, total: number) => plural('navixy.users.summary', total, formatNumber(allowed)),
  filter: t('navixy.users.filter'),
  filterPlaceholder: t('navixy.users.filterPlaceholder'),
  selectAll: t('navixy.users.selectAll'),
  select: (name: string) => t('navixy.users.select', isolate(name)),
  /** "3 users selected." (announced). */
  selected: (count: number) => plural('navixy.users.selected', count),
  /** "3 selected" (the selection bar). */
  selectedCount: (count: number) => plural('navixy.users.selectedCount', count),
  selectionLabel: t('navixy.users.selectionLabel'),
  clearSelection: t('navixy.users.clearSelection'),
  allUsersLabel: t('navixy.users.allUsersLabel'),
  colName: t('navixy.users.colName'),
  colLogin: t('navixy.users.colLogin'),
  colMfa: t('navixy.users.colMfa'),
  allowedBadge: t('navixy.users.allowedBadge'),
  disallowedBadge: t('navixy.users.disallowedBadge'),
  allowSelected: t('navixy.users.allowSelected'),
  disallowSelected: t('navixy.users.disallowSelected'),
  allowAll: t('navixy.users.allowAll'),
  disallowAll: t('navixy.users.disallowAll'),
  confirmAllTitle: (allow: boolean) => (allow ? t('navixy.users.confirmAllTitle.allow') : t('navixy.users.confirmAllTitle.disallow')),
  /** Exactly what `target: all` sends: "MFA allowed with: e-mail code" (the default's factor types) or disallowed. */
  confirmAllBody: (host: string, factors: readonly FactorType[] | null) =>
    factors ? t('navixy.users.confirmAllBody.allow', host, formatList(factors.map(factorName))) : t('navixy.users.confirmAllBody.disallow', host),
  confirmAll: (allow: boolean) => (allow ? t('navixy.users.confirmAll.allow') : t('navixy.users.confirmAll.disallow')),
  applying: t('navixy.users.applying'),
  /** "Batch 2 of 3: 100 of 250 users done." */
  progress: (batch: number, batchCount: number, done: number, total: number) =>
    plural('navixy.users.progress', total, formatNumber(batch), formatNumber(batchCount), formatNumber(done)),
  progressLabel: t('navixy.users.progressLabel'),
  /** "MFA allowed for 250 users." (how many batches it took is the extension's business, not the reader's). */
  doneSelected: (allow: boolean, count: number) =>
    allow ? plural('navixy.users.doneSelected.allow', count) : plural('navixy.users.doneSelected.disallow', count),
  doneAll: (allow: boolean) => (allow ? t('navixy.users.doneAll.allow') : t('navixy.users.doneAll.disallow')),
  /**
   * "Batch 3 of 5 (100 users) failed and may be partly applied; batches 4–5 (180 users) were not sent."
   * `batch` is 1-based; `notSent` the users of the later batches.
   */
  batchFailed: (batch: number, batchCount: number, users: number, notSent: number) => {
    const later = batchCount - batch;
    const rest = later === 0 ? ''
      : later === 1 ? plural('navixy.users.notSentOne', notSent, formatNumber(batch + 1))
        : plural('navixy.users.notSentRange', notSent, formatNumber(batch + 1), formatNumber(batchCount));
    return `${plural('navixy.users.batchFailed', users, formatNumber(batch), formatNumber(batchCount))}${rest}.`;
  },
  /** Selected users already in the state asked for: not written, so they keep following the default. */
  skipped: (allow: boolean, count: number) => (allow ? plural('navixy.users.skipped.allow', count) : plural('navixy.users.skipped.disallow', count)),
  nothingSent: t('navixy.users.nothingSent'),
  reread: t('navixy.users.reread'),
  rereadAll: t('navixy.users.rereadAll'),
  longWait: t('navixy.users.longWait'),
  /** What `target: all` reaches, worded so it is true by [SPEC] and by Navixy's own panel. */
  allScope: t('navixy.users.allScope'),
  verified: (count: number) => plural('navixy.users.verified', count),
  readOnly: t('navixy.users.readOnly'),
  noRead: t('navixy.users.noRead'),
  inactiveBadge: t('navixy.users.inactiveBadge'),
  serverMode: (count: number) => t('navixy.users.serverMode', formatNumber(count)),
  pageRange: (first: number, last: number, total: number) => t('navixy.users.pageRange', formatNumber(first), formatNumber(last), formatNumber(total)),
  previousPage: t('navixy.users.previousPage'),
  nextPage: t('navixy.users.nextPage'),
  search: t('navixy.users.search'),
  searchLabel: t('navixy.users.searchLabel'),
  searchPlaceholder: t('navixy.users.searchPlaceholder'),
  orderLabel: t('navixy.users.orderLabel'),
  sortBy: t('navixy.users.sortBy'),
  sort: {
    id: t('navixy.users.sort.id'),
    login: t('navixy.users.sort.login'),
    last_name: t('navixy.users.sort.last_name'),
  } satisfies Record<SortField, string>,
  ascending: t('navixy.users.ascending'),
  descending: t('navixy.users.descending'),
  incomplete: (read: number, total: number) => t('navixy.users.incomplete', formatNumber(read), formatNumber(total)),
  countNow: t('navixy.users.countNow'),
  counting: t('navixy.users.counting'),
  /** "Counting users… 1,500 of 50,000 read." */
  countProgress: (read: number, total: number) => t('navixy.users.countProgress', formatNumber(read), formatNumber(total)),
  cancelCount: t('navixy.users.cancelCount'),
  /** A count that stopped early: what was read of what the panel reports, and that nothing was saved. */
  countStopped: (reason: PagingStop | 'tooLarge', read: number, total: number, limit: number) => {
    if (reason === 'tooLarge') return t('navixy.users.countStopped.tooLarge', formatNumber(total), formatNumber(limit));
    const key = reason === 'pageCap' ? 'navixy.users.countStopped.pageCap' : reason === 'cancelled' ? 'navixy.users.countStopped.cancelled' : 'navixy.users.countStopped.stoppedSending';
    return plural(key, total, formatNumber(read));
  },
  countedAgo: (at: number, now = Date.now()) => ago(at, now, 'users'),
  notCounted: t('navixy.users.notCounted'),
  empty: t('navixy.users.empty'),
  reload: t('navixy.users.reload'),
} as const;

import type { CoveragePerson } from '../coverage/types';
import type { CsvText } from '../coverage/csv';
import type { CoverageFilter, SortKey } from '../coverage/filters';
import { common } from '../../../i18n/common';
import { formatAgo, formatDate, formatNumber, formatTime, locale, plural, t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';

/** Strings of the enrolment coverage view (options page only, issue 26 §1). */

/** 82 → "82%" / "82 %" (the language's own spacing, a no-break space in Russian). */
export const formatPercent = (p: number) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(p / 100);

const FILTER_TEXT: Record<CoverageFilter, string> = {
  all: t('coverageView.filter.all'),
  without: t('coverageView.filter.without'),
  mandatoryWithout: t('coverageView.filter.mandatoryWithout'),
  adminsWithout: t('coverageView.filter.adminsWithout'),
  sso: t('coverageView.filter.sso'),
  active: t('coverageView.filter.active'),
  pending: t('coverageView.filter.pending'),
  disabled: t('coverageView.filter.disabled'),
};

const yes = t('coverageView.yes');
const no = t('coverageView.no');
const unknown = t('coverageView.unknown');
const yesNo = (v: boolean | null) => (v === true ? yes : v === false ? no : unknown);
const STATUS: Record<CoveragePerson['status'], string> = {
  active: t('coverageView.status.active'), pending: t('coverageView.status.pending'), disabled: t('coverageView.status.disabled'),
};
const mandatoryText = (m: CoveragePerson['mandatory']) =>
  m === 'user' ? t('coverageView.mandatory.user') : m === 'group' ? t('coverageView.mandatory.group') : t('coverageView.mandatory.none');

const columns = (sms: boolean): Record<SortKey, string> => ({
  name: t('coverageView.col.name'),
  email: t('coverageView.col.email'),
  role: t('coverageView.col.role'),
  status: t('coverageView.col.status'),
  covered: sms ? t('coverageView.col.phone') : t('coverageView.col.app'),
  sso: t('coverageView.col.sso'),
  mandatory: t('coverageView.col.mandatory'),
});

export const coverageText = {
  title: t('coverageView.title'),
  intro: t('coverageView.intro'),
  loading: t('coverageView.loading'),
  countNow: t('coverageView.countNow'),
  countAgain: t('coverageView.countAgain'),
  cancel: t('coverageView.cancel'),
  progressLabel: t('coverageView.progressLabel'),
  progress: (read: number, total: number | null) =>
    total === null ? t('coverageView.progressUnknown', formatNumber(read)) : plural('coverageView.progress', total, formatNumber(read)),
  counted: (at: number, now: number) => {
    const ago = formatAgo(now - at);
    return ago ? t('coverageView.countedAgo', ago) : t('coverageView.countedJustNow');
  },
  countedOn: (at: number) => t('coverageView.countedOn', formatDate(new Date(at)), formatTime(new Date(at))),
  cancelled: t('coverageView.cancelled'),
  empty: t('coverageView.empty'),
  covered: (covered: number, active: number, percent: number | null, sms: boolean) => {
    const sentence = plural(sms ? 'coverageView.coveredSms' : 'coverageView.coveredApp', active, formatNumber(covered));
    return percent === null ? sentence : t('coverageView.withPercent', sentence, formatPercent(percent));
  },
  adminsWithout: (n: number) => plural('coverageView.adminsWithout', n),
  sso: (n: number) => plural('coverageView.sso', n),
  without: (n: number, sms: boolean) => plural(sms ? 'coverageView.withoutSms' : 'coverageView.withoutApp', n),
  mandatoryWithout: (n: number) => plural('coverageView.mandatoryWithout', n),
  missing: (n: number) => plural('coverageView.missing', n),
  partial: t('coverageView.partial'),
  tfaOff: (host: string) => t('coverageView.tfaOff', isolate(host)),
  tfaOffLast: (at: number) => t('coverageView.tfaOffLast', formatDate(new Date(at))),
  tfaOffNone: t('coverageView.tfaOffNone'),
  goPolicy: t('coverageView.goPolicy'),
  sms: (host: string) => t('coverageView.sms', isolate(host)),
  oldPortal: (host: string) => t('coverageView.oldPortal', isolate(host)),
  notAdmin: t('coverageView.notAdmin'),
  caption: (n: number) => plural('coverageView.caption', n),
  columns,
  selectCol: t('coverageView.col.select'),
  actionCol: t('coverageView.col.action'),
  yesNo,
  role: (role: CoveragePerson['role']) => common.role[role],
  status: (status: CoveragePerson['status']) => STATUS[status],
  mandatory: mandatoryText,
  filterLabel: t('coverageView.filterLabel'),
  filter: (f: CoverageFilter, count: number, sms: boolean) =>
    t('coverageView.filterOption', f === 'without' && sms ? t('coverageView.filter.withoutSms') : FILTER_TEXT[f], formatNumber(count)),
  searchLabel: t('coverageView.searchLabel'),
  noRows: t('coverageView.noRows'),
  pageInfo: (from: number, to: number, of: number) => t('coverageView.pageInfo', formatNumber(from), formatNumber(to), formatNumber(of)),
  prev: t('coverageView.prev'),
  next: t('coverageView.next'),
  exportCsv: t('coverageView.exportCsv'),
  exported: (file: string) => t('coverageView.exported', isolate(file)),
  resetShort: t('coverageView.resetShort'),
  ownRow: t('coverageView.ownRow'),
  you: t('coverageView.you'),
  selectRow: (name: string) => t('coverageView.selectRow', isolate(name)),
  selectAll: (n: number) => plural('coverageView.selectAll', n),
  selected: (n: number) => plural('coverageView.selected', n),
  adminNote: t('coverageView.adminNote'),
  copyRequest: t('coverageView.copyRequest'),
  requestCopied: t('coverageView.requestCopied'),
  requestCopyFailed: t('coverageView.requestCopyFailed'),
  requestLabel: t('coverageView.requestLabel'),
  /** The plain request to the owner: the portal, then one line per person (name and e-mail), then how. */
  request: (host: string, people: readonly Pick<CoveragePerson, 'name' | 'email'>[]) =>
    [t('coverageView.requestIntro', host), ...people.map((p) => `- ${p.name}${p.email ? ` <${p.email}>` : ''}`), '', t('coverageView.requestOutro')].join('\n'),
} as const;

/** The CSV's words (coverage/csv.ts). */
export function csvText(sms: boolean): CsvText {
  const c = columns(sms);
  return {
    header: { name: c.name, email: c.email, role: c.role, status: c.status, covered: c.covered, sso: c.sso, mandatory: c.mandatory },
    role: coverageText.role,
    status: coverageText.status,
    yesNo,
    mandatory: mandatoryText,
  };
}

import type { FactorType } from './schemas';
import { formatAgo, formatList, formatNumber, formatTime, plural, t } from '../../i18n/t';
import { isolate } from '../../i18n/bidi';

/**
 * Strings of the Navixy Admin Panel provider (popup, options pages, panel errors).
 * The words live in locales/*.yml under `navixy`; functions take the values they interpolate.
 */

/** Factor types this version can name; any other is shown by the name the panel uses. */
const FACTOR: Readonly<Record<string, string>> = {
  email: t('navixy.settings.factor.email'),
};
const factorName = (f: FactorType) => (Object.hasOwn(FACTOR, f) ? FACTOR[f]! : t('navixy.settings.unknownFactor', f));

/** "10:42" in the UI language. */
const timeOf = (at: number) => formatTime(new Date(at));
/** "counted 2 hours ago" / "counted just now". */
const ago = (at: number, now: number, key: 'popup' | 'users') => {
  const text = formatAgo(now - at);
  if (key === 'popup') return text ? t('navixy.popup.countedAgo', text) : t('navixy.popup.countedJustNow');
  return text ? t('navixy.users.countedAgo', text) : t('navixy.users.countedJustNow');
};

/** How many batches a change went in: "3 batches", "3 пакета". */
const batches = (n: number) => plural('navixy.users.batches', n);

export const navixy = {
  providerName: t('navixy.providerName'),
  panelLabel: (host: string) => t('navixy.panelLabel', host),
  views: {
    navixy: t('navixy.views.users'),
    'navixy-panels': t('navixy.views.panels'),
  },
  // Popup
  popup: {
    loading: t('navixy.popup.loading'),
    defaultLabel: t('navixy.popup.defaultLabel'),
    allowedLabel: t('navixy.popup.allowedLabel'),
    /** "51 of 250 users". */
    allowedCount: (allowed: number, total: number) => plural('navixy.popup.allowedCount', total, formatNumber(allowed)),
    signedInAs: (login: string) => t('navixy.popup.signedInAs', isolate(login)),
    sessionEnds: (at: number) => t('navixy.popup.sessionEnds', timeOf(at)),
    countedAgo: (at: number, now = Date.now()) => ago(at, now, 'popup'),
    notCounted: t('navixy.popup.notCounted'),
    noRead: t('navixy.popup.noRead'),
    readOnly: t('navixy.popup.readOnly'),
    signedOutTitle: (host: string) => t('navixy.popup.signedOutTitle', host),
    signedOutBody: t('navixy.popup.signedOutBody'),
    signIn: t('navixy.popup.signIn'),
    manage: t('navixy.popup.manage'),
    noPermissionTitle: (host: string) => t('navixy.popup.noPermissionTitle', host),
    noPermissionBody: t('navixy.popup.noPermissionBody'),
    openPanels: t('navixy.popup.openPanels'),
    addThisPanel: t('navixy.popup.addThisPanel'),
  },
  settings: {
    /** "Allowed (e-mail code)". */
    allowed: (factors: readonly FactorType[]) => t('navixy.settings.allowed', formatList(factors.map(factorName))),
    disallowed: t('navixy.settings.disallowed'),
    none: t('navixy.settings.none'),
  },
  // Options: panels
  panels: {
    heading: t('navixy.panels.heading'),
    intro: t('navixy.panels.intro'),
    panelUrl: t('navixy.panels.panelUrl'),
    panelUrlHint: t('navixy.panels.panelUrlHint'),
    apiBase: t('navixy.panels.apiBase'),
    apiBaseHint: t('navixy.panels.apiBaseHint'),
    add: t('navixy.panels.add'),
    invalidPanel: t('navixy.panels.invalidPanel'),
    invalidApi: t('navixy.panels.invalidApi'),
    permissionDenied: t('navixy.panels.permissionDenied'),
    added: (host: string) => t('navixy.panels.added', host),
    empty: t('navixy.panels.empty'),
    open: (host: string) => t('navixy.panels.open', host),
    remove: (host: string) => t('navixy.panels.remove', host),
    removed: (host: string) => t('navixy.panels.removed', host),
    api: (base: string) => t('navixy.panels.api', base),
    signedInAs: (login: string) => t('navixy.panels.signedInAs', isolate(login)),
    signedOut: t('navixy.panels.signedOut'),
    changeApiTitle: (host: string) => t('navixy.panels.changeApiTitle', host),
    changeApiBody: (host: string, next: string, current: string) => t('navixy.panels.changeApiBody', host, next, current),
    changeApiConfirm: t('navixy.panels.changeApiConfirm'),
    sessionEnds: (at: number) => t('navixy.panels.sessionEnds', timeOf(at)),
  },
  // Options: sign-in
  signIn: {
    heading: (host: string) => t('navixy.signIn.heading', host),
    intro: t('navixy.signIn.intro'),
    login: t('navixy.signIn.login'),
    password: t('navixy.signIn.password'),
    submit: t('navixy.signIn.submit'),
    busy: t('navixy.signIn.busy'),
    signOut: t('navixy.signIn.signOut'),
    signedOut: t('navixy.signIn.signedOut'),
    loginHint: t('navixy.signIn.loginHint'),
    sentTo: (apiHost: string) => t('navixy.signIn.sentTo', apiHost),
    foreignApi: (apiHost: string, panelHost: string) => t('navixy.signIn.foreignApi', apiHost, panelHost),
  },
  // Options: default
  defaults: {
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
  },
  // Options: users
  users: {
    heading: t('navixy.users.heading'),
    /** "50 of 250 users have MFA allowed." */
    summary: (allowed: number, total: number) => plural('navixy.users.summary', total, formatNumber(allowed)),
    filter: t('navixy.users.filter'),
    selectAll: t('navixy.users.selectAll'),
    select: (name: string) => t('navixy.users.select', isolate(name)),
    selected: (count: number) => plural('navixy.users.selected', count),
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
    confirmAllBody: (allow: boolean, host: string) =>
      allow ? t('navixy.users.confirmAllBody.allow', host) : t('navixy.users.confirmAllBody.disallow', host),
    confirmAll: (allow: boolean) => (allow ? t('navixy.users.confirmAll.allow') : t('navixy.users.confirmAll.disallow')),
    applying: t('navixy.users.applying'),
    /** "Batch 2 of 3: 100 of 250 users done." */
    progress: (batch: number, batchCount: number, done: number, total: number) =>
      plural('navixy.users.progress', total, formatNumber(batch), formatNumber(batchCount), formatNumber(done)),
    progressLabel: t('navixy.users.progressLabel'),
    /** "MFA allowed for 250 users in 3 batches." */
    doneSelected: (allow: boolean, count: number, batchCount: number) =>
      allow
        ? plural('navixy.users.doneSelected.allow', count, batches(batchCount))
        : plural('navixy.users.doneSelected.disallow', count, batches(batchCount)),
    doneAll: (allow: boolean) => (allow ? t('navixy.users.doneAll.allow') : t('navixy.users.doneAll.disallow')),
    /** "Stopped: 100 of 151 users were changed before the error; the rest were not sent." */
    partial: (done: number, total: number) => plural('navixy.users.partial', total, formatNumber(done)),
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
    sortBy: t('navixy.users.sortBy'),
    sort: {
      id: t('navixy.users.sort.id'),
      login: t('navixy.users.sort.login'),
      first_name: t('navixy.users.sort.first_name'),
      last_name: t('navixy.users.sort.last_name'),
    },
    ascending: t('navixy.users.ascending'),
    descending: t('navixy.users.descending'),
    incomplete: (read: number, total: number) => t('navixy.users.incomplete', formatNumber(read), formatNumber(total)),
    countNow: t('navixy.users.countNow'),
    counting: t('navixy.users.counting'),
    countedAgo: (at: number, now = Date.now()) => ago(at, now, 'users'),
    notCounted: t('navixy.users.notCounted'),
    empty: t('navixy.users.empty'),
    reload: t('navixy.users.reload'),
  },
} as const;

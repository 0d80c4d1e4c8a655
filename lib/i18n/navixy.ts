import type { FactorType } from '../navixy/schemas';
import { formatList, formatNumber, plural, t } from './t';

/**
 * Strings of the Navixy Admin Panel provider (popup, options pages, panel errors).
 * The words live in locales/*.yml under `navixy`; functions take the values they interpolate.
 */

const FACTOR = {
  email: t('navixy.settings.factor.email'),
} satisfies Record<FactorType, string>;

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
    signedInAs: (login: string) => t('navixy.popup.signedInAs', login),
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
    allowed: (factors: readonly FactorType[]) => t('navixy.settings.allowed', formatList(factors.map((f) => FACTOR[f]))),
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
    signedInAs: (login: string) => t('navixy.panels.signedInAs', login),
    signedOut: t('navixy.panels.signedOut'),
    otherPortals: t('navixy.panels.otherPortals'),
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
  },
  // Options: default
  defaults: {
    heading: t('navixy.defaults.heading'),
    legend: t('navixy.defaults.legend'),
    allow: t('navixy.defaults.allow'),
    disallow: t('navixy.defaults.disallow'),
    current: (text: string) => t('navixy.defaults.current', text),
    save: t('navixy.defaults.save'),
    saving: t('navixy.defaults.saving'),
    saved: (text: string) => t('navixy.defaults.saved', text),
    readOnly: t('navixy.defaults.readOnly'),
  },
  // Options: users
  users: {
    heading: t('navixy.users.heading'),
    /** "50 of 250 users have MFA allowed." */
    summary: (allowed: number, total: number) => plural('navixy.users.summary', total, formatNumber(allowed)),
    filter: t('navixy.users.filter'),
    selectAll: t('navixy.users.selectAll'),
    select: (name: string) => t('navixy.users.select', name),
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
    empty: t('navixy.users.empty'),
    reload: t('navixy.users.reload'),
  },
  // Errors: one sentence naming the panel, and the next step.
  errors: {
    notSignedIn: (host: string) => ({ message: t('navixy.errors.notSignedIn.message', host), next: t('navixy.errors.notSignedIn.next') }),
    notConfigured: (host: string) => ({ message: t('navixy.errors.notConfigured.message', host), next: t('navixy.errors.notConfigured.next') }),
    notNavixy: (host: string) => ({ message: t('navixy.errors.notNavixy.message', host), next: t('navixy.errors.notNavixy.next') }),
    wrongSession: (host: string) => ({ message: t('navixy.errors.wrongSession.message', host), next: t('navixy.errors.wrongSession.next') }),
    sessionEnded: (host: string) => ({ message: t('navixy.errors.sessionEnded.message', host), next: t('navixy.errors.sessionEnded.next') }),
    invalidParameters: (host: string) => ({ message: t('navixy.errors.invalidParameters.message', host), next: t('navixy.errors.invalidParameters.next') }),
    accessDenied: (host: string) => ({ message: t('navixy.errors.accessDenied.message', host), next: t('navixy.errors.accessDenied.next') }),
    notFound: (host: string) => ({ message: t('navixy.errors.notFound.message', host), next: t('navixy.errors.notFound.next') }),
    unknownEntities: (host: string) => ({ message: t('navixy.errors.unknownEntities.message', host), next: t('navixy.errors.unknownEntities.next') }),
    /** Any other code; the code is an identifier, so it is not formatted as a number. */
    other: (host: string, code: number, description?: string) => ({
      message: description
        ? t('navixy.errors.refused.messageDescription', host, String(code), description)
        : t('navixy.errors.refused.message', host, String(code)),
      next: t('navixy.errors.refused.next'),
    }),
  },
} as const;

import type { FactorType, HeldSettings } from '../schemas';
import { formatList, formatNumber, plural, t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';
import { ago, factorName, timeOf } from './format';

/** The Navixy strings the popup shows (kept apart so the popup does not load the options pages' strings). */

export const popup = {
  loading: t('navixy.popup.loading'),
  defaultLabel: t('navixy.popup.defaultLabel'),
  allowedLabel: t('navixy.popup.allowedLabel'),
  /** "Default MFA: Disallowed" (the popup's status line). */
  defaultStatus: (text: string) => t('navixy.popup.defaultStatus', text),
  /** "12 of 40 users with MFA allowed". */
  allowedLine: (allowed: number, total: number) => plural('navixy.popup.allowedLine', total, formatNumber(allowed)),
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
} as const;

export const settings = {
  /** "Allowed (e-mail code)"; `unreadable`: the panel also holds a type the extension cannot read, named as such. */
  allowed: (factors: readonly FactorType[], unreadable = false) =>
    t('navixy.settings.allowed', formatList([...factors.map(factorName), ...(unreadable ? [t('navixy.settings.unreadableFactor')] : [])])),
  disallowed: t('navixy.settings.disallowed'),
  none: t('navixy.settings.none'),
} as const;

/** The panel's MFA default in words: "Allowed (email code)", "Disallowed", "Not set". */
export function settingsText(s: HeldSettings | null): string {
  if (!s) return settings.none;
  return s.type === 'allowed' ? settings.allowed(s.factor_types, s.unreadable === true) : settings.disallowed;
}

/** What the popup's views and components use, under the same keys as {@link navixy} in index.ts. */
export const navixyPopup = { providerName: t('navixy.providerName'), popup, settings } as const;

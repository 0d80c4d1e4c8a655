import { formatAgo, t } from '../../../i18n/t';
import type { SiteOverview } from '../../../protocol';

/** Strings of the options page's Portals page: the overview of every portal and panel. */
export const portals = {
  heading: t('portals.heading'),
  intro: t('portals.overview.intro'),
  welcome: t('portals.welcome'),
  empty: t('portals.empty'),
  apiKey: (remembered: boolean) => (remembered ? t('portals.apiKey.remembered') : t('portals.apiKey.session')),
  browserSignIn: t('portals.browserSignIn'),
  forget: t('portals.forget'),
  forgetLabel: (host: string) => t('portals.forgetLabel', host),
  confirmForget: (host: string) => t('portals.confirmForget', host),
  removed: (host: string) => t('portals.removed', host),
  checkAll: t('portals.overview.checkAll'),
  checkOne: t('portals.overview.checkOne'),
  checkOneLabel: (host: string) => t('portals.overview.checkOneLabel', host),
  checking: t('portals.overview.checking'),
  checked: t('portals.overview.checked'),
  notChecked: t('portals.overview.notChecked'),
  noAccess: t('portals.overview.noAccess'),
  allow: t('portals.overview.allow'),
  allowLabel: (host: string) => t('portals.overview.allowLabel', host),
  signedOut: t('portals.overview.signedOut'),
  open: t('portals.overview.open'),
  openLabel: (host: string) => t('portals.overview.openLabel', host),
  more: (host: string) => t('portals.overview.more', host),
  label: {
    policy: t('portals.overview.policy'),
    applies: t('portals.overview.applies'),
    enrolment: t('portals.overview.enrolment'),
    codes: t('portals.overview.codes'),
    users: t('portals.overview.users'),
    /** Issue 26: the last coverage count of a portal. */
    coverage: (mode: 'app' | 'sms') => (mode === 'app' ? t('portals.overview.coverageApp') : t('portals.overview.coverageSms')),
    signIn: t('portals.overview.signIn'),
    checked: t('portals.overview.lastChecked'),
  },
  unknown: t('portals.overview.unknown'),
  /** When a site was read: "just now", "5 minutes ago". */
  ago: (ms: number) => formatAgo(ms) ?? t('portals.overview.justNow'),
  usersCount: (allowed: string, total: string) => t('portals.overview.usersCount', allowed, total),
  policy: (p: NonNullable<SiteOverview['policy']>) =>
    ({ off: t('portals.overview.value.policy.off'), app: t('portals.overview.value.policy.app'), sms: t('portals.overview.value.policy.sms'), on: t('portals.overview.value.policy.on') })[p],
} as const;

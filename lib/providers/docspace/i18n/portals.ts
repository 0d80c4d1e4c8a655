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
  forget: (host: string) => t('portals.forget', host),
  confirmForget: (host: string) => t('portals.confirmForget', host),
  removed: (host: string) => t('portals.removed', host),
  checkAll: t('portals.overview.checkAll'),
  checkOne: (host: string) => t('portals.overview.checkOne', host),
  checking: t('portals.overview.checking'),
  checked: t('portals.overview.checked'),
  notChecked: t('portals.overview.notChecked'),
  noAccess: t('portals.overview.noAccess'),
  allow: (host: string) => t('portals.overview.allow', host),
  signedOut: t('portals.overview.signedOut'),
  open: (host: string) => t('portals.overview.open', host),
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
  applies: (a: NonNullable<SiteOverview['applies']>) =>
    ({ yes: t('portals.overview.value.applies.yes'), no: t('portals.overview.value.applies.no'), dependsOnIp: t('portals.overview.value.applies.dependsOnIp') })[a],
  enrolment: (e: NonNullable<SiteOverview['enrolment']>) =>
    ({ enrolled: t('portals.overview.value.enrolment.enrolled'), notEnrolled: t('portals.overview.value.enrolment.notEnrolled') })[e],
} as const;

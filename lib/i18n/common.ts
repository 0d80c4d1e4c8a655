import { t } from './t';
import { isolate } from './bidi';

/**
 * UI strings shared by the popup and the options page. The words live in locales/*.yml;
 * this module and its neighbours (enrolment.ts, policy.ts…) are typed facades over them,
 * read once when a page opens (the browser's language does not change under an open page).
 */
export const common = {
  appName: t('common.appName'),
  retry: t('common.retry'),
  cancel: t('common.cancel'),
  loading: t('common.loading'),
  /** The privacy policy (privacy.html, from PRIVACY.md), linked from every options page. */
  privacyPolicy: t('common.privacyPolicy'),
  /** The options page's section navigation. */
  viewsLabel: t('options.viewsLabel'),
  copy: t('common.copy'),
  copied: t('common.copied'),
  signedInAs: (name: string) => t('common.signedInAs', isolate(name)),
  role: {
    owner: t('common.role.owner'),
    admin: t('common.role.admin'),
    roomadmin: t('common.role.roomadmin'),
    user: t('common.role.user'),
    guest: t('common.role.guest'),
  },
  method: { none: t('common.method.none'), app: t('common.method.app'), sms: t('common.method.sms') },
  serverVersion: (v: string) => t('common.serverVersion', v),
} as const;

import { t } from '../../../i18n/t';

/** Toolbar button titles (read by screen readers in place of the badge). */
export const badge = {
  defaultTitle: t('badge.defaultTitle'),
  title: {
    ok: t('badge.title.ok'),
    warn: t('badge.title.warn'),
  },
} as const;

import { t } from '../../../i18n/t';
import type { Enrolment } from '../protocol';

/** Toolbar button titles (read by screen readers in place of the badge). */
export const badge = {
  defaultTitle: t('badge.defaultTitle'),
  title: {
    ok: t('badge.title.ok'),
    warn: t('badge.title.warn'),
  },
  titleFor(tone: 'ok' | 'warn' | 'low', enrolment: Enrolment): string {
    if (tone !== 'low') return badge.title[tone];
    return enrolment.state === 'enrolled' && enrolment.unusedCodes === 1 ? t('badge.title.lowOne') : t('badge.title.lowNone');
  },
};

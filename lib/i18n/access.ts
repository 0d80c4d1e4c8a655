import { t } from './t';

/** Strings of the broad host access notice (components/BroadAccessNotice.tsx). */
export const access = {
  title: t('access.title'),
  allSites: t('access.allSites'),
  allOfScheme: (scheme: string) => t('access.allOfScheme', scheme),
  domain: (domain: string) => t('access.domain', domain),
  body: t('access.body'),
  remove: t('access.remove'),
  confirmTitle: t('access.confirmTitle'),
  confirmBody: t('access.confirmBody'),
  removed: t('access.removed'),
  notRemoved: t('access.notRemoved'),
} as const;

import { t } from '../../../i18n/t';
import { popup, settings } from './popup';
import { panels, signIn } from './panels';
import { defaults, users } from './users';

/**
 * Strings of the Navixy Admin Panel provider (popup, options pages, panel errors).
 * The words live in locales/*.yml under `navixy`; functions take the values they interpolate.
 */
export const navixy = {
  providerName: t('navixy.providerName'),
  panelLabel: (host: string) => t('navixy.panelLabel', host),
  views: {
    navixy: t('navixy.views.users'),
    'navixy-panels': t('navixy.views.panels'),
  },
  popup,
  settings,
  panels,
  signIn,
  defaults,
  users,
} as const;

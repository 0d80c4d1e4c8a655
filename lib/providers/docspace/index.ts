import type { ProviderUi } from '../../provider';
import { t } from '../../i18n/t';
import { VIEW_NAMES, optionsUrl } from './views/views';

/**
 * ONLYOFFICE DocSpace, for the pages: any https site, recognised by the anonymous
 * `GET /api/2.0/settings` probe; signs in with the browser's own portal cookie or a pasted API key.
 */
export const docspace: ProviderUi = {
  info: {
    id: 'docspace',
    name: 'ONLYOFFICE DocSpace',
    signIn: 'browserCookieOrApiKey',
    capabilities: ['status', 'policy', 'enrolment', 'backupCodes', 'resetOwnApp', 'resetOthersApp'],
    views: VIEW_NAMES,
    siteParam: 'origin',
  },
  sitesLink: () => ({ label: t('portals.listLink'), href: optionsUrl('portals', null) }),
  Popup: () => import('./views/Popup').then((m) => m.App),
  Options: () => import('./views/Options').then((m) => m.App),
};

import type { ProviderUi } from '../../provider';
import { VIEW_NAMES } from './views/views';

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
  listSites: () => import('./views/nav').then((m) => m.listDocspaceSites()),
  Popup: () => import('./views/Popup').then((m) => m.App),
  Options: () => import('./views/Options').then((m) => m.App),
};

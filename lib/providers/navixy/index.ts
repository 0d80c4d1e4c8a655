import type { ProviderUi } from '../../provider';
import { t } from '../../i18n/t';
import { NAVIXY_VIEW_NAMES, navixyOptionsUrl } from './views/views';

/**
 * Navixy Admin Panel, for the pages: a site the user added as a panel (panel origin + API base
 * URL); signs in with operator login and password, keeping only the session hash.
 */
export const navixy: ProviderUi = {
  info: {
    id: 'navixy',
    // In the UI language, as the panel's pages name it (the Portals page's card tag).
    name: t('navixy.providerName'),
    signIn: 'loginPassword',
    capabilities: ['status', 'userMfaList', 'bulkMfaChange', 'defaultMfa'],
    views: NAVIXY_VIEW_NAMES,
    siteParam: 'panel',
  },
  listSites: () => import('./views/nav').then((m) => m.listNavixySites()),
  addSiteLink: (origin) => ({ label: t('navixy.popup.addThisPanel'), href: navixyOptionsUrl('navixy-panels', null, { add: origin }) }),
  Popup: () => import('./views/NavixyPopup').then((m) => m.NavixyPopup),
  Options: () => import('./views/NavixyOptions').then((m) => m.NavixyOptions),
};

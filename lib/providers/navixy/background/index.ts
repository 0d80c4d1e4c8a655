/** The Navixy provider's background: each command's handler, by topic (panels, status, users, writes), and the provider object. */
import { NAVIXY_COMMANDS, type Command, type Replies } from '../protocol';
import type { ProviderBackground } from '../../../background/router';
import { getPanel } from '../session';
import { accessOf } from './signed';
import { addNavixyPanel, forgetUnreachablePanels, listNavixyPanels, navixySignIn, navixySignOut, originsInUse, removeNavixyPanel } from './panels';
import { navixyOverview } from './overview';
import { getNavixyStatus } from './status';
import { COUNT_LIMIT, WHOLE_LIST_LIMIT, cancelNavixyCount, countNavixyMfa, listNavixyUsers, navixyCountProgress, searchNavixyUsers } from './users';
import { setNavixyDefault, updateNavixyMfa } from './writes';

export {
  accessOf, addNavixyPanel, forgetUnreachablePanels, listNavixyPanels, navixySignIn, navixySignOut, originsInUse, removeNavixyPanel,
  navixyOverview, getNavixyStatus, COUNT_LIMIT, WHOLE_LIST_LIMIT, cancelNavixyCount, countNavixyMfa, listNavixyUsers, navixyCountProgress, searchNavixyUsers, setNavixyDefault, updateNavixyMfa,
};

/**
 * The Navixy provider in the background: a site the user added as a Navixy Admin Panel (panel
 * origin + API base URL, kept in storage.local); signs in with operator login and password,
 * keeping only the session hash in storage.session.
 */
export const navixyBackground: ProviderBackground<Command, Replies> = {
  id: 'navixy',
  commands: NAVIXY_COMMANDS,
  handlers: {
    listNavixyPanels, addNavixyPanel, removeNavixyPanel, navixySignIn, navixySignOut, getNavixyStatus,
    listNavixyUsers, searchNavixyUsers, countNavixyMfa, cancelNavixyCount, navixyCountProgress, updateNavixyMfa, setNavixyDefault,
  },
  claims: async (origin) => (await getPanel(origin)) !== null,
  originsInUse,
  accessRemoved: forgetUnreachablePanels,
  overview: navixyOverview,
};

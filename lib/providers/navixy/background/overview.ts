import type { OverviewRequest, SiteOverview } from '../../../protocol';
import { navixyOptionsUrl } from '../options-url';
import { hostOf } from '../../../portal/origin';
import { isSessionError } from '../session-error';
import { listPanels } from '../session';
import { apiOriginOf, stateOf } from './signed';
import { getNavixyStatus } from './status';
import { navixyCard } from './overview-facts';
import { panels } from '../i18n/panels';

/**
 * Every panel the user added, for the Portals page: the status last read in this browser session, or a fresh read
 * of each one asked for. A panel describes its users' MFA (its default for users, how many have it allowed); the
 * operator's own enrolment is not part of the panel API, so those columns stay empty. The card says it in Navixy's
 * words (facts and headline: *Default MFA: Disallowed*), and offers *Forget panel* through the panels page.
 */
export async function navixyOverview({ refresh, sites }: OverviewRequest): Promise<SiteOverview[]> {
  return Promise.all((await listPanels()).map(async (config) => {
    const state = await stateOf(config);
    const row: SiteOverview = {
      provider: 'navixy', site: config.panel, host: hostOf(config.panel), accessOrigin: apiOriginOf(config), access: state.granted, recognised: true,
      state: 'notChecked', error: null, policy: null, applies: null, enrolment: null, unusedCodes: null, usersWithMfa: null,
      checkedAt: null, manage: navixyOptionsUrl('navixy', config.panel), makeNewCodes: null,
      // Navixy's own labels even before a read (the card then shows them with unknown values), and its Forget.
      facts: navixyCard({ defaultSettings: null, mfaAllowed: null, countedTotal: null }).facts, headline: null,
      forget: { href: navixyOptionsUrl('navixy-panels', null, { forget: config.panel }), label: panels.remove, ariaLabel: panels.removeLabel(hostOf(config.panel)) },
    };
    if (!state.granted) return { ...row, state: 'noAccess' };
    if (!state.session) return { ...row, state: 'signedOut' };
    let status = state.session.lastStatus ?? null;
    if (refresh && (!sites || sites.includes(config.panel))) {
      const read = await getNavixyStatus({ type: 'getNavixyStatus', panel: config.panel, refresh: true });
      if (!read.ok) return { ...row, state: isSessionError(read.error) ? 'signedOut' : 'error', error: read.error, checkedAt: Date.now() };
      status = read.value;
    }
    if (!status) return row;
    return {
      ...row,
      state: status.state === 'ready' ? 'ready' : status.state === 'signedOut' ? 'signedOut' : 'noAccess',
      policy: status.defaultSettings ? (status.defaultSettings.type === 'allowed' ? 'on' : 'off') : null,
      usersWithMfa: status.mfaAllowed !== null && status.countedTotal !== null ? { allowed: status.mfaAllowed, total: status.countedTotal } : null,
      checkedAt: status.checkedAt,
      ...(status.state === 'ready' ? navixyCard(status) : {}),
    };
  }));
}

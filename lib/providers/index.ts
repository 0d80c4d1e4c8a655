import type { NavixyViewName, ViewName } from '../views';
import { NAVIXY_VIEW_NAMES, VIEW_NAMES } from '../views';

/**
 * The provider boundary. A site the popup or the options page works on belongs to one
 * provider; each provider says how it is recognised, how one signs in, what it reads
 * and which actions (options views) it offers. The background answers `identifySite`
 * from its records; the UI picks the provider's screens from `PROVIDERS` and never
 * branches on the provider elsewhere.
 *
 * - `docspace`: any https site; recognised by the anonymous `GET /api/2.0/settings` probe;
 *   signs in with the browser's own portal cookie or a pasted API key.
 * - `navixy`: a site the user added as a Navixy Admin Panel (panel origin + API base URL,
 *   kept in storage.local); signs in with operator login and password, keeping only the
 *   session hash in storage.session.
 */
export type ProviderId = 'docspace' | 'navixy';

export type OptionsView = ViewName | NavixyViewName;

export type SignIn = 'browserCookieOrApiKey' | 'loginPassword';

export type Capability =
  | 'status' | 'policy' | 'enrolment' | 'backupCodes' | 'resetOwnApp' | 'resetOthersApp'
  | 'userMfaList' | 'bulkMfaChange' | 'defaultMfa';

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  signIn: SignIn;
  capabilities: readonly Capability[];
  /** The options page's views for this provider, in navigation order (the first is the default). */
  views: readonly OptionsView[];
  /** The query parameter naming the site in options URLs. */
  siteParam: 'origin' | 'panel';
}

export const PROVIDERS: Readonly<Record<ProviderId, ProviderInfo>> = {
  docspace: {
    id: 'docspace',
    name: 'ONLYOFFICE DocSpace',
    signIn: 'browserCookieOrApiKey',
    capabilities: ['status', 'policy', 'enrolment', 'backupCodes', 'resetOwnApp', 'resetOthersApp'],
    views: VIEW_NAMES,
    siteParam: 'origin',
  },
  navixy: {
    id: 'navixy',
    name: 'Navixy Admin Panel',
    signIn: 'loginPassword',
    capabilities: ['status', 'userMfaList', 'bulkMfaChange', 'defaultMfa'],
    views: NAVIXY_VIEW_NAMES,
    siteParam: 'panel',
  },
};

/** What the background knows about the site in a tab: which provider serves it. */
export interface SiteIdentity {
  provider: ProviderId;
  origin: string;
}

/** The provider whose options view this is (views belong to exactly one provider). */
export function providerOfView(view: string): ProviderInfo | null {
  return Object.values(PROVIDERS).find((p) => (p.views as readonly string[]).includes(view)) ?? null;
}

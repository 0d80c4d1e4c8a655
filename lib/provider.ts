import type { ComponentType } from 'preact';
import type { PopupTarget } from './ui';

/**
 * The provider boundary, as the pages see it. A site the popup or the options page works on
 * belongs to one provider; each provider (one folder, `lib/providers/<id>/`) says how it is
 * recognised, how one signs in, what it offers, and brings its own popup and options screens,
 * loaded on demand. The registry (`lib/providers/index.ts`) lists the providers; nothing in the
 * core imports a provider, and no provider imports another (tests/unit/provider-boundary.test.ts).
 */
export type SignIn = 'browserCookieOrApiKey' | 'loginPassword';

export type Capability =
  | 'status' | 'policy' | 'enrolment' | 'backupCodes' | 'resetOwnApp' | 'resetOthersApp'
  | 'userMfaList' | 'bulkMfaChange' | 'defaultMfa';

export interface ProviderInfo {
  id: string;
  name: string;
  signIn: SignIn;
  capabilities: readonly Capability[];
  /** The options page's views for this provider, in navigation order (the first is the default). */
  views: readonly string[];
  /** The query parameter naming the site in options URLs. */
  siteParam: string;
}

/** A link into the options page (`href` is its `?view=…` query). */
export interface SiteLink {
  label: string;
  href: string;
}

export interface PopupProps {
  found: PopupTarget;
  /** Other providers' offers to add this site as one of theirs (shown when this provider does not serve it). */
  addSite: readonly SiteLink[];
}

export interface OptionsProps {
  /** Other providers' lists of sites, for the navigation. */
  otherSites: readonly SiteLink[];
  /** Every provider's name by id, for pages that list sites of all of them (the Portals overview). */
  providerNames: Readonly<Record<string, string>>;
}

export interface ProviderUi {
  info: ProviderInfo;
  /** This provider's list of sites, linked from other providers' pages. */
  sitesLink: () => SiteLink;
  /** An offer to add `origin` as this provider's site; absent when the provider recognises its sites itself. */
  addSiteLink?: (origin: string) => SiteLink;
  Popup: () => Promise<ComponentType<PopupProps>>;
  Options: () => Promise<ComponentType<OptionsProps>>;
}

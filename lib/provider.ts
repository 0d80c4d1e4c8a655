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

/**
 * One entry of the options page's navigation: a top-level destination (the Portals overview, a portal, a
 * provider's list of sites) or, under it, one of its sections or sites.
 */
export interface NavEntry {
  key: string;
  label: string;
  /** The options page query (`?view=…`) of this destination. */
  href: string;
  /** A short state shown after the label (the authenticator's "Set up" / "Not set up"). */
  state?: string;
  /** How the state reads at a glance (an icon beside the words): 'ok' set up, 'warn' not set up. */
  stateTone?: 'ok' | 'warn';
  /** This is the page shown now (aria-current="page"). */
  current?: boolean;
  /** In-page navigation (history) instead of loading the page again; absent for another provider's page. */
  onSelect?: () => void;
  children?: readonly NavEntry[];
}

/** A provider's top-level navigation entries (none when it has no site yet), in its own order. */
export interface SiteGroup {
  provider: string;
  entries: readonly NavEntry[];
}

export interface PopupProps {
  found: PopupTarget;
  /** Other providers' offers to add this site as one of theirs (shown when this provider does not serve it). */
  addSite: readonly SiteLink[];
}

export interface OptionsProps {
  /**
   * Every provider's navigation entries, in registry order, read when the page opened; the page's own provider's
   * group is empty (it fills its place with entries it keeps current: lib/nav.ts `joinNav`).
   */
  siteGroups: readonly SiteGroup[];
  /** Every provider's name by id, for pages that list sites of all of them (the Portals overview). */
  providerNames: Readonly<Record<string, string>>;
}

export interface ProviderUi {
  info: ProviderInfo;
  /** This provider's sites as top-level navigation entries, for other providers' pages (loaded on demand). */
  listSites: () => Promise<NavEntry[]>;
  /** An offer to add `origin` as this provider's site; absent when the provider recognises its sites itself. */
  addSiteLink?: (origin: string) => SiteLink;
  Popup: () => Promise<ComponentType<PopupProps>>;
  Options: () => Promise<ComponentType<OptionsProps>>;
}

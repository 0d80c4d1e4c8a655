import { z } from './zod-config';
import type { AppError } from './errors';
import type { Result } from './result';

/**
 * The message protocol between the UI (popup, options) and the background, as far as the core
 * knows it: the shapes every provider's commands share, and the one command that is not a
 * provider's own (`identifySite`). Each provider lists its commands and replies in its own
 * `protocol.ts`; the background registry (lib/providers/background.ts) joins them into the one
 * schema the router parses with. Replies are always a Result: nothing throws across the boundary.
 */
export const Origin = z.string().check(z.maxLength(300), z.refine((o) => {
  try {
    return new URL(o).origin === o;
  } catch {
    return false;
  }
}, 'not an origin'));

/** What the background knows about the site in a tab: which provider serves it. */
export interface SiteIdentity {
  provider: string;
  origin: string;
}

/**
 * One portal or panel in the overview (the options page's Portals page), in terms every provider can fill: the
 * policy, whether it applies to the signed-in person and their enrolment where the provider has those, and when it
 * was read. Links are options-page queries (`?view=…`) the provider built for its own views.
 */
export interface SiteOverview {
  provider: string;
  site: string;
  host: string;
  /** The origin host access is needed for (a Navixy panel's API may live elsewhere), and whether it is granted. */
  accessOrigin: string;
  access: boolean;
  /** The provider has recognised the site as its own before; a site that is only granted is checked on request only. */
  recognised: boolean;
  state: 'ready' | 'signedOut' | 'noAccess' | 'notChecked' | 'error';
  error: AppError | null;
  /** 'on': enabled without a single method (a Navixy panel's default for users). */
  policy: 'off' | 'app' | 'sms' | 'on' | null;
  applies: 'yes' | 'no' | 'dependsOnIp' | null;
  enrolment: 'enrolled' | 'notEnrolled' | null;
  unusedCodes: number | null;
  /** Issue 27 (DocSpace): of how many backup codes, why the policy applies ('yes' only), and a setup started and not
   * finished, so the card says what the popup says (lib/providers/docspace/status-model.ts). */
  totalCodes?: number | null;
  appliesWhy?: 'everyone' | 'mandatoryUser' | 'mandatoryGroup';
  setupInProgress?: boolean;
  /** Issue 27: a provider's own facts, already in words (Navixy's "Default MFA"), shown on its card in place of the
   * shared policy/applies/enrolment/codes facts, and its own status line (tone + words) for the card's banner. */
  facts?: readonly SiteFact[];
  headline?: { tone: StatusTone; text: string } | null;
  /** Issue 27: forgetting a site the card cannot forget itself (a Navixy panel): an options query that opens the
   * provider's confirmation, with the visible label and the screen readers' (host) label. */
  forget?: { href: string; label: string; ariaLabel: string };
  /** Users with two-factor authentication allowed, of all (a panel's users); null where not counted or not a panel. */
  usersWithMfa: { allowed: number; total: number } | null;
  /** A DocSpace portal's last enrolment coverage count kept on this device (issue 26): absent or null when never counted. */
  coverage?: CoverageFigure | null;
  checkedAt: number | null;
  /** The options page for this site, and (when one or no backup codes are left) the page that makes new ones. */
  manage: string;
  makeNewCodes: string | null;
}

/** A status's tone, the same everywhere (popup banner, overview card): ok, needs attention, off, or could not be read. */
export type StatusTone = 'ok' | 'warn' | 'off' | 'error';

/** One fact on an overview card in a provider's own words: `field` names it for tests and styles. */
export interface SiteFact {
  field: string;
  label: string;
  value: string;
  tone?: StatusTone;
}

/** Of the active people, how many have an authenticator ('app') or an activated phone ('sms'), admins without, and when counted. */
export interface CoverageFigure {
  mode: 'app' | 'sms';
  covered: number;
  active: number;
  adminsWithout: number;
  countedAt: number;
}

export const MAX_OVERVIEW_SITES = 500;

export const CORE_COMMANDS = [
  // Provider boundary: which provider serves the site in a tab
  z.object({ type: z.literal('identifySite'), origin: Origin }),
  // Every portal and panel the extension knows; `refresh` reads them from their servers (only `sites`, if given).
  z.object({ type: z.literal('overview'), refresh: z.optional(z.boolean()), sites: z.optional(z.array(Origin).check(z.maxLength(MAX_OVERVIEW_SITES))) }),
] as const;
export type CoreCommand = z.infer<(typeof CORE_COMMANDS)[number]>;
export interface CoreReplies {
  identifySite: SiteIdentity;
  overview: SiteOverview[];
}

/** What a provider's overview is asked for: a fresh read of `sites` (all when absent), or what is held. */
export interface OverviewRequest {
  refresh: boolean;
  sites?: readonly string[];
}

/** A command of a command union `C` by its type. */
export type CommandIn<C extends { type: string }, K extends C['type']> = Extract<C, { type: K }>;

/**
 * Whose cookies the page that sent a command sees, as the browser describes its tab (never as the page says):
 * `private`, a private (incognito) window; `container`, a Firefox container tab; `default`, a normal window, or a page
 * in no tab (the popup: its own tab is the one it describes, passed as `tabId`).
 */
export type SenderJar = 'default' | 'private' | 'container';
export interface SenderContext { jar: SenderJar }

/** Every command's handler; the mapped type makes a missing one a compile error. */
export type HandlersOf<C extends { type: string }, R extends { [K in C['type']]: unknown }> = {
  [K in C['type']]: (cmd: CommandIn<C, K>, sender?: SenderContext) => Promise<Result<R[K], AppError>>;
};

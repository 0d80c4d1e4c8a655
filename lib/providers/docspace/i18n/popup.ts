import type { Applicability, Enrolment, PortalJar, TfaMethod } from '../protocol';
import type { CoverageFigure } from '../../../protocol';
import { formatAgo, formatNumber, plural, t, type MessageKey } from '../../../i18n/t';

/** The states the status line names (status-model.ts decides which; the words are here). */
export type Headline =
  | 'off' | 'setUp' | 'smsOn' | 'required' | 'inProgress' | 'lowOne' | 'lowNone' | 'enrolmentUnknown'
  | 'unknown' | 'signedOut' | 'noAccess' | 'error' | 'notChecked';

// Every key literally, so the locale test sees it used; the records are checked against the locale's keys.
const STATUS_KEYS = { off: 'popup.status.off', setUp: 'popup.status.setUp', smsOn: 'popup.status.smsOn', required: 'popup.status.required', inProgress: 'popup.status.inProgress', lowOne: 'popup.status.lowOne', lowNone: 'popup.status.lowNone', enrolmentUnknown: 'popup.status.enrolmentUnknown', unknown: 'popup.status.unknown', signedOut: 'popup.status.signedOut', noAccess: 'popup.status.noAccess', error: 'popup.status.error', notChecked: 'popup.status.notChecked' } as const satisfies Record<Headline, MessageKey>;
const APPLIES_KEYS = { off: 'popup.applies.off', everyone: 'popup.applies.everyone', mandatoryUser: 'popup.applies.mandatoryUser', mandatoryGroup: 'popup.applies.mandatoryGroup', outsideTrusted: 'popup.applies.outsideTrusted', unknown: 'popup.applies.unknown' } as const satisfies Record<Applicability['kind'], MessageKey>;
const ENROLMENT_KEYS = { enrolled: 'popup.enrolment.enrolled', notEnrolled: 'popup.enrolment.notEnrolled', unknown: 'popup.enrolment.unknown' } as const satisfies Record<Enrolment['state'], MessageKey>;
const METHOD_KEYS = { none: 'popup.method.none', app: 'popup.method.app', sms: 'popup.method.sms' } as const satisfies Record<TfaMethod, MessageKey>;

/** Strings of the popup. */
export const popup = {
  title: t('popup.title'),
  loadingLabel: t('popup.loadingLabel'),
  refreshing: t('popup.refreshing'),
  /** "Checked 2 minutes ago", from how long ago the status was read. */
  checked: (agoMs: number) => {
    const ago = formatAgo(agoMs);
    return ago === null ? t('popup.checkedJustNow') : t('popup.checkedAgo', ago);
  },
  notPortalTitle: t('popup.notPortalTitle'),
  notPortalBody: t('popup.notPortalBody'),
  browserPageBody: t('popup.browserPageBody'),
  noPermissionTitle: (host: string) => t('popup.noPermissionTitle', host),
  noPermissionBody: (host: string) => t('popup.noPermissionBody', host),
  looksLikePortal: t('popup.looksLikePortal'),
  allow: (host: string) => t('popup.allow', host),
  permissionDenied: t('popup.permissionDenied'),
  /** One or no unused backup codes left (the warning shared by the popup and the Portals page). */
  lowCodes: (unused: number) => (unused === 1 ? t('popup.lowCodes.oneLeft') : t('popup.lowCodes.noneLeft')),
  makeNewCodes: t('popup.makeNewCodes'),
  signedOutTitle: (host: string) => t('popup.signedOutTitle', host),
  signedOutBody: t('popup.signedOutBody'),
  signIn: t('popup.signIn'),
  keyRefusedTitle: t('popup.keyRefusedTitle'),
  keyRefusedBody: t('popup.keyRefusedBody'),
  apiKeySummary: t('popup.apiKeySummary'),
  apiKeyLabel: t('popup.apiKeyLabel'),
  apiKeyInvalid: t('popup.apiKeyInvalid'),
  apiKeyRemember: t('popup.apiKeyRemember'),
  apiKeyRememberHint: t('popup.apiKeyRememberHint'),
  apiKeySave: t('popup.apiKeySave'),
  usingApiKey: t('popup.usingApiKey'),
  useBrowserSignIn: t('popup.useBrowserSignIn'),
  /** A private window or a container tab on the browser's sign-in (the background refuses it there). */
  separateCookiesTitle: (jar: PortalJar, host: string) =>
    jar === 'private' ? t('popup.separateCookies.privateTitle', host) : t('popup.separateCookies.containerTitle', host),
  separateCookiesBody: (jar: PortalJar, host: string) =>
    jar === 'private' ? t('popup.separateCookies.privateBody', host) : t('popup.separateCookies.containerBody', host),
  keyNotSaved: t('popup.separateCookies.keyNotSaved'),
  youHeading: t('popup.youHeading'),
  policyHeading: t('popup.policyHeading'),
  policyLabel: t('popup.policyLabel'),
  appliesLabel: t('popup.appliesLabel'),
  enrolmentLabel: t('popup.enrolmentLabel'),
  trustedIps: (n: number) => plural('popup.trustedIps', n),
  noTrustedIps: t('popup.noTrustedIps'),
  noneSet: t('popup.noneSet'),
  andMore: (n: number) => t('popup.andMore', formatNumber(n)),
  deletedEntity: (id: string) => t('popup.deletedEntity', id.slice(0, 8)),
  hiddenEntity: (id: string) => t('popup.hiddenEntity', id.slice(0, 8)),
  mandatoryUsersCount: (n: number) => plural('popup.mandatoryUsersCount', n),
  mandatoryGroupsCount: (n: number) => plural('popup.mandatoryGroupsCount', n),
  notValidCount: (n: number) => plural('popup.notValidCount', n),
  notValid: t('popup.notValid'),
  breaks: t('popup.breaks'),
  /** A stored entry the status keeps shortened (limits.ts), with its full length. */
  entryClipped: (n: number) => plural('popup.entryClipped', n),
  ipBreak: (host: string) => t('popup.ipBreak', host),
  realIp: t('popup.realIp'),
  listLabel: (label: string) => t('popup.listLabel', label),
  setUp: t('popup.setUp'),
  continueSetUp: t('popup.continueSetUp'),
  backupCodes: t('popup.backupCodes'),
  managePolicy: t('popup.managePolicy'),
  settings: t('popup.settings'),
  /** Issue 27: the status line of a state (status-model.ts), the same on the popup and the Portals page's cards. */
  status: (h: Headline) => t(STATUS_KEYS[h]),
  /** "5 of 5 backup codes left". */
  codesLeft: (unused: number, total: number) => plural('popup.codesLeft', total, formatNumber(unused)),
  /** "Applies to you" as yes/no with its condition. */
  applies: (kind: Applicability['kind']) => t(APPLIES_KEYS[kind]),
  enrolment: (e: Enrolment) => t(ENROLMENT_KEYS[e.state]),
  /** Issue 26: "412 of 500 (82 %), 3 admins without — counted 2 hours ago" (the popup line and the Portals page). */
  coverageFigure(c: CoverageFigure, agoMs: number): string {
    // Floored: 499 of 500 is not "100 %".
    const subs = [formatNumber(c.covered), formatNumber(c.active), formatNumber(c.active ? Math.floor((c.covered * 100) / c.active) : 0), c.adminsWithout ? plural('popup.coverage.adminsWithout', c.adminsWithout) : ''] as const;
    const ago = formatAgo(agoMs);
    return ago === null ? t('popup.coverage.figureJustNow', ...subs) : t('popup.coverage.figure', ...subs, ago);
  },
  coverageLine: (c: CoverageFigure, agoMs: number) => t(c.mode === 'app' ? 'popup.coverage.app' : 'popup.coverage.sms', popup.coverageFigure(c, agoMs)),
  method: (m: TfaMethod) => t(METHOD_KEYS[m]),
} as const;

import type { Applicability, Enrolment } from '../protocol';
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
  permissionDenied: t('popup.permissionDenied'),
  /** One or no unused backup codes left (the warning shared by the popup and the Portals page). */
  lowCodes: (unused: number) => (unused === 1 ? t('popup.lowCodes.oneLeft') : t('popup.lowCodes.noneLeft')),
  makeNewCodes: t('popup.makeNewCodes'),
  usingApiKey: t('popup.usingApiKey'),
  useBrowserSignIn: t('popup.useBrowserSignIn'),
  youHeading: t('popup.youHeading'),
  appliesLabel: t('popup.appliesLabel'),
  enrolmentLabel: t('popup.enrolmentLabel'),
  setUp: t('popup.setUp'),
  continueSetUp: t('popup.continueSetUp'),
  backupCodes: t('popup.backupCodes'),
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
} as const;

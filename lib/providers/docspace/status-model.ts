import type { SiteOverview, StatusTone } from '../../protocol';
import type { Applicability, Enrolment, PortalStatus } from './protocol';
import { lowOnBackupCodes } from './tfa/low-codes';
import { popup as t, type Headline } from './i18n/popup';

/**
 * One status model for the popup and the Portals overview's cards (issue 27, review V60): the same facts always get
 * the same tone, icon and words on both. Pure: no DOM, no JSX; the components map `icon` to components/icons.ts
 * (on → IconOn, attention → IconAttention, off → IconOff).
 */
export type Tone = StatusTone;
export type StatusIcon = 'on' | 'attention' | 'off';

/** The states a portal can be in, as the status line says them (the union lives beside its words). */
export type { Headline };

/** The one primary action for a state (none when all is well). */
export type PrimaryAction = 'setUp' | 'continueSetUp' | 'makeNewCodes' | null;

/** What the model is made from: what the popup's status and the overview's row both know. */
export interface StatusFacts {
  state: 'ready' | 'signedOut' | 'noAccess' | 'error' | 'notChecked';
  method: 'none' | 'app' | 'sms' | null;
  applies: Applicability['kind'];
  enrolment: Enrolment;
  setupInProgress: boolean;
}

export interface StatusModel {
  headline: Headline;
  tone: Tone;
  icon: StatusIcon;
  /** "2FA is on · You're set up", "Set up required", "2FA is off"… */
  title: string;
  /** "5 of 5 backup codes left", or null when not set up or the count is unknown. */
  codes: string | null;
  /** "Applies to you" as yes/no with its condition: "Yes, except from trusted IP addresses". */
  applies: string;
  /** "Set up" / "Not set up" / "Unknown: …". */
  enrolment: string;
  primary: PrimaryAction;
}

const TONE: Record<Headline, Tone> = {
  off: 'off', setUp: 'ok', smsOn: 'ok', required: 'warn', inProgress: 'warn', lowOne: 'warn', lowNone: 'warn',
  enrolmentUnknown: 'warn', unknown: 'warn', signedOut: 'error', noAccess: 'error', error: 'error', notChecked: 'off',
};
const ICON: Record<Tone, StatusIcon> = { ok: 'on', warn: 'attention', error: 'attention', off: 'off' };

/** The icon of a tone: one picture per meaning, everywhere. */
export const iconFor = (tone: Tone): StatusIcon => ICON[tone];

function headlineOf(f: StatusFacts): Headline {
  if (f.state !== 'ready') return f.state;
  if (f.method === 'none' || f.applies === 'off') return 'off';
  if (f.method === null || f.applies === 'unknown') return 'unknown';
  if (f.setupInProgress && f.enrolment.state !== 'enrolled') return 'inProgress';
  if (f.enrolment.state === 'enrolled') {
    if (!lowOnBackupCodes(f.enrolment)) return 'setUp';
    return f.enrolment.unusedCodes === 1 ? 'lowOne' : 'lowNone';
  }
  if (f.enrolment.state === 'notEnrolled') return 'required';
  // With SMS the phone is set up on the portal at sign-in; the portal does not say it here.
  return f.method === 'sms' ? 'smsOn' : 'enrolmentUnknown';
}

function primaryOf(h: Headline): PrimaryAction {
  if (h === 'required') return 'setUp';
  if (h === 'inProgress') return 'continueSetUp';
  if (h === 'lowOne' || h === 'lowNone') return 'makeNewCodes';
  return null;
}

/** The status line, the codes line, "Applies to you", "Your authenticator" and the one action, from the facts. */
export function statusModel(f: StatusFacts): StatusModel {
  const headline = headlineOf(f);
  const tone = TONE[headline];
  const e = f.enrolment;
  return {
    headline, tone, icon: ICON[tone], title: t.status(headline),
    codes: f.state === 'ready' && e.state === 'enrolled' && e.unusedCodes !== null ? t.codesLeft(e.unusedCodes, e.totalCodes ?? e.unusedCodes) : null,
    applies: t.applies(f.applies),
    enrolment: t.enrolment(e),
    primary: primaryOf(headline),
  };
}

/** The facts of the popup's status. */
export function factsOfStatus(s: PortalStatus): StatusFacts {
  return {
    state: s.state === 'ready' ? 'ready' : s.state === 'signedOut' ? 'signedOut' : s.state === 'noPermission' ? 'noAccess' : 'notChecked',
    method: s.policy?.method ?? null, applies: s.applies.kind, enrolment: s.enrolment, setupInProgress: s.enrolmentInProgress,
  };
}

/** The facts of an overview row (a DocSpace portal's: the row keeps why the policy applies, issue 27). */
export function factsOfOverview(row: SiteOverview): StatusFacts {
  const method = row.policy === 'off' ? 'none' : row.policy === 'app' || row.policy === 'sms' ? row.policy : null;
  const applies: Applicability['kind'] = row.applies === 'no' ? 'off' : row.applies === 'dependsOnIp' ? 'outsideTrusted' : row.applies === 'yes' ? (row.appliesWhy ?? 'everyone') : 'unknown';
  const enrolment: Enrolment = row.enrolment === 'enrolled'
    ? { state: 'enrolled', unusedCodes: row.unusedCodes, totalCodes: row.totalCodes ?? null }
    : row.enrolment === 'notEnrolled' ? { state: 'notEnrolled' } : { state: 'unknown' };
  return { state: row.state, method, applies, enrolment, setupInProgress: row.setupInProgress === true };
}

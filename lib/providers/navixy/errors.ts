
declare module '../../errors' {
  interface ProviderErrors {
    navixy: PanelError;
  }
}

/**
 * Why a Navixy panel refused a request, from its `status.code` ([DOCS] errors.md, [SPEC]).
 * Local reasons (code 0, nothing was sent): `notSignedIn`, `notConfigured`, `notNavixy` (the API
 * base did not answer with Navixy's envelope when the panel was added), `apiChanged` (the panel is
 * known with another API address: a new address needs an explicit confirmation and a fresh sign-in), `unreadableFactors`
 * (the default holds a factor type the extension cannot read: allowing from it would drop that type, so nothing is sent),
 * `apiChangedMeanwhile` (a sign-in carried another API address than the panel's: the form showed an old one).
 */
export type PanelReason =
  | 'notSignedIn'
  | 'notConfigured'
  | 'notNavixy'
  | 'apiChanged'
  | 'unreadableFactors'
  | 'apiChangedMeanwhile'
  | 'wrongSession'
  | 'sessionEnded'
  | 'badCredentials'
  | 'dealerBlocked'
  | 'notPermitted'
  | 'invalidParameters'
  | 'notFound'
  | 'unknownEntities'
  // Issue 25 §5, codes by meaning: 2 and 103 end the session as 3, 4, 11 do; the rest are not retryable.
  | 'serviceAuth'
  | 'notActivated'
  | 'wrongFormat'
  | 'tooLarge'
  | 'demoMode'
  | 'noMfaApi'
  | 'limitTooBig'
  | 'other';

/** Documented panel error codes the UI names. 15 and 1/6/8/14 never get here: they become `rateLimited` and `server`. */
export const PANEL_CODES: Readonly<Record<number, PanelReason>> = {
  3: 'wrongSession',
  4: 'sessionEnded',
  7: 'invalidParameters',
  11: 'dealerBlocked',
  12: 'badCredentials',
  13: 'notPermitted',
  201: 'notFound',
  217: 'unknownEntities',
  // Issue 25 §5 ([DOCS] errors.md; [PANEL] ErrorsManager.js).
  2: 'serviceAuth',
  103: 'notActivated',
  5: 'wrongFormat',
  9: 'tooLarge',
  101: 'demoMode',
  111: 'noMfaApi',
  112: 'noMfaApi',
  212: 'limitTooBig',
};

/** Codes that mean "the server failed", with the HTTP status they stand for: retry later. */
export const SERVER_CODES: Readonly<Record<number, number>> = { 1: 500, 6: 500, 8: 503, 14: 503 };
/** Too many requests (HTTP 429). */
export const RATE_LIMIT_CODE = 15;
/** At `panel/account/auth`, these mean "login or password not accepted" (12 unknown login; 4 and the user API's 102 also seen). */
export const SIGN_IN_REFUSED_CODES: readonly number[] = [4, 12, 102];

/** The permission ([SPEC] `PanelPermissions`) each MFA action needs; a 13 names it. */
export type PanelPermission = 'users: read' | 'users: update';
export const ACTION_PERMISSION: Readonly<Record<string, PanelPermission>> = {
  'panel/user/list': 'users: read',
  'panel/user/mfa/settings/default/read': 'users: read',
  'panel/user/mfa/settings/update': 'users: update',
  'panel/user/mfa/settings/default/update': 'users: update',
};

/** A Navixy Admin Panel's error envelope (`status.code`), or a local refusal (code 0); `origin` is the panel's. */
export interface PanelError {
  kind: 'panel';
  origin: string;
  code: number;
  reason: PanelReason;
  description?: string;
  /** Code 13: the permission the session lacks, e.g. `users: update`. */
  permission?: string;
  /** Code 7: the parameters the panel named. */
  parameters?: string[];
}

interface Detail {
  description?: string;
  permission?: PanelPermission;
  parameters?: string[];
}

/** The typed error for a panel's error envelope; the description is kept short and only kept for unknown codes. */
export function panelError(origin: string, code: number, detail: Detail = {}): PanelError {
  const reason = PANEL_CODES[code] ?? 'other';
  const { description, permission, parameters } = detail;
  return {
    kind: 'panel', origin, code, reason,
    ...(reason === 'other' && description ? { description: description.slice(0, 200) } : {}),
    ...(reason === 'notPermitted' && permission ? { permission } : {}),
    ...(reason === 'invalidParameters' && parameters?.length ? { parameters: parameters.slice(0, 5).map((p) => p.slice(0, 60)) } : {}),
  };
}

/** A local refusal (nothing was sent). */
export function localPanelError(origin: string, reason: 'notSignedIn' | 'notConfigured' | 'notNavixy' | 'apiChanged' | 'unreadableFactors' | 'apiChangedMeanwhile'): PanelError {
  return { kind: 'panel', origin, code: 0, reason };
}

import type { AppError } from '../errors';

/**
 * Why a Navixy panel refused a request, from its `status.code`. `notSignedIn` and
 * `notConfigured` are the extension's own (no request was sent); `notNavixy` means the
 * API base URL did not answer with Navixy's error envelope when the panel was added.
 */
export type PanelReason =
  | 'notSignedIn'
  | 'notConfigured'
  | 'notNavixy'
  | 'wrongSession'
  | 'sessionEnded'
  | 'invalidParameters'
  | 'accessDenied'
  | 'notFound'
  | 'unknownEntities'
  | 'other';

/** Documented panel error codes (API reference "Error codes") the UI names. */
export const PANEL_CODES: Readonly<Record<number, PanelReason>> = {
  3: 'wrongSession',
  4: 'sessionEnded',
  7: 'invalidParameters',
  11: 'accessDenied',
  201: 'notFound',
  217: 'unknownEntities',
};

export type PanelError = Extract<AppError, { kind: 'panel' }>;

/** The typed error for a panel's error envelope; the description is kept short and only shown for unknown codes. */
export function panelError(origin: string, code: number, description = ''): PanelError {
  const reason = PANEL_CODES[code] ?? 'other';
  return { kind: 'panel', origin, code, reason, ...(reason === 'other' && description ? { description: description.slice(0, 200) } : {}) };
}

/** A local refusal (nothing was sent). */
export function localPanelError(origin: string, reason: 'notSignedIn' | 'notConfigured' | 'notNavixy'): PanelError {
  return { kind: 'panel', origin, code: 0, reason };
}

/** The session hash is no longer good: forget it and ask to sign in again. */
export function isSessionError(e: AppError): boolean {
  return e.kind === 'panel' && (e.reason === 'wrongSession' || e.reason === 'sessionEnded' || e.reason === 'notSignedIn');
}

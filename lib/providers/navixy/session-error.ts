// The pages need only this, apart from the error tables (errors.ts) they would otherwise load.
import type { AppError } from '../../errors';

/** Reasons that end the session: Navixy's own panel sends 2, 3, 4, 11 and 103 (and a missing hash) back to its sign-in page. */
const SESSION_ENDING: ReadonlySet<string> = new Set(['wrongSession', 'sessionEnded', 'notSignedIn', 'dealerBlocked', 'serviceAuth', 'notActivated']);

/**
 * The session hash is no longer good: forget it and ask to sign in again. A blocked dealer (11),
 * a service authentication error (2) and an account not activated (103) are included.
 */
export function isSessionError(e: AppError): boolean {
  return e.kind === 'panel' && SESSION_ENDING.has(e.reason);
}

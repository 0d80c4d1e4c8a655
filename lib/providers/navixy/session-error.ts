// The pages need only this, apart from the error tables (errors.ts) they would otherwise load.
import type { AppError } from '../../errors';

/**
 * The session hash is no longer good: forget it and ask to sign in again. A blocked dealer
 * (11) is included: Navixy's own panel sends 2/3/4/11 back to its sign-in page.
 */
export function isSessionError(e: AppError): boolean {
  return e.kind === 'panel' && (e.reason === 'wrongSession' || e.reason === 'sessionEnded' || e.reason === 'notSignedIn' || e.reason === 'dealerBlocked');
}

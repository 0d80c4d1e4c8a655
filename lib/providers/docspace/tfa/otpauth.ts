/**
 * TOTP facts and formats that need no TOTP maths: imported by the background (the otpauth URI, the attempt
 * window) and the setup key without pulling otplib and its hash functions into their bundles (./otp does the maths).
 */

/** The portal's TOTP step (fact sheet §2.6). */
export const STEP_SECONDS = 30;
/** The count of refused codes expires this long after the last counted attempt. */
export const ATTEMPT_WINDOW_MS = 60_000;

/** `otpauth://totp/{issuer}:{account}?secret=…&issuer=…`, the URI the portal's own QR encodes (§2.5). */
export function otpauthUri(issuer: string, account: string, setupKey: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret: setupKey, issuer });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** The setup key in groups of four for reading and typing ("MFRG GZDF …"). */
export function groupKey(setupKey: string): string[] {
  return setupKey.match(/.{1,4}/g) ?? [];
}

/** Seconds until the current code changes. */
export function secondsLeftInStep(nowMs: number): number {
  return STEP_SECONDS - (Math.floor(nowMs / 1000) % STEP_SECONDS);
}

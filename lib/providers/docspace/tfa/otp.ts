import { createGuardrails, generateSync } from 'otplib';
import { STEP_SECONDS } from './otpauth';

// What needs no TOTP maths lives in ./otpauth (the background and the setup key import it without otplib).
export { ATTEMPT_WINDOW_MS, STEP_SECONDS, groupKey, otpauthUri, secondsLeftInStep } from './otpauth';

/**
 * Local TOTP checks before a code is sent to the portal (fact sheet §2.6): the portal
 * uses HMAC-SHA1, 6 digits, 30 s steps and accepts ±10 steps (±5 minutes) around its
 * own clock, and allows only 5 attempts a minute, so a code that cannot work is caught
 * here instead of spending an attempt.
 */
/** The portal accepts codes up to this many steps away from its clock (±5 min). */
export const PORTAL_WINDOW_STEPS = 10;
/** A step either way is normal (the code changed while it was typed): no warning. */
export const NORMAL_DRIFT_STEPS = 1;
/** How far we look for the code before saying it is not from this key (±60 min). */
export const SEARCH_STEPS = 120;
/** This computer's clock and the portal's may differ by this much before we warn. */
export const CLOCK_WARN_MS = 30_000;
/**
 * The portal's clock is only known from its `Date` header, to the second and late by the
 * network: an offset this small is noise, and applying it would move a code that was made
 * just after a step change into the previous step (3 minutes ahead read as 3.5 → "about 4").
 */
export const CLOCK_NOISE_MS = 2_000;

// DocSpace secrets are 10 bytes (16 Base32 characters, §2.5); otplib's floor is 16.
const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });

export type CodeDiagnosis =
  /** Not six digits after removing spaces. */
  | { kind: 'badFormat' }
  /** Matches the current step or a neighbour: send it. */
  | { kind: 'match'; steps: number }
  /** Matches only at an offset: the authenticator's clock is off by about `steps` × 30 s. */
  | { kind: 'skewed'; steps: number; direction: 'ahead' | 'behind'; minutes: number; portalAccepts: boolean }
  /** Matches no step within ±SEARCH_STEPS: wrong account, an old QR, or a mistyped code. */
  | { kind: 'noMatch' };

/** Removes spaces, dashes and dots people paste with codes ("123 456", "123-456"). */
export function normaliseCode(input: string): string {
  return input.replace(/[\s\-.\u00a0]/g, '');
}

/** Whether a normalised code has the 6-digit TOTP shape. */
export function isSixDigits(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** The 6-digit code for a setup key at a time (ms); throws only for a malformed key. */
export function codeAt(setupKey: string, atMs: number): string {
  return generateSync({ secret: setupKey, epoch: Math.floor(atMs / 1000), guardrails: GUARDRAILS });
}

/**
 * Finds the step offset nearest to `atMs` at which `code` is valid for `setupKey`,
 * searching 0, +1, −1, +2, … up to ±maxSteps. Null when none matches or the key is malformed.
 */
export function findStepOffset(setupKey: string, code: string, atMs: number, maxSteps = SEARCH_STEPS): number | null {
  try {
    for (let distance = 0; distance <= maxSteps; distance++) {
      for (const steps of distance === 0 ? [0] : [distance, -distance]) {
        if (codeAt(setupKey, atMs + steps * STEP_SECONDS * 1000) === code) return steps;
      }
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Diagnoses a typed code against the setup key at the portal's time
 * (`localNowMs + portalOffsetMs`; the local clock when the offset is unknown).
 */
export function diagnoseCode(setupKey: string, input: string, localNowMs: number, portalOffsetMs: number | null = null): CodeDiagnosis {
  const code = normaliseCode(input);
  if (!isSixDigits(code)) return { kind: 'badFormat' };
  const offset = portalOffsetMs !== null && Number.isFinite(portalOffsetMs) && Math.abs(portalOffsetMs) > CLOCK_NOISE_MS ? portalOffsetMs : 0;
  const portalNow = localNowMs + offset;
  const steps = findStepOffset(setupKey, code, portalNow);
  if (steps === null) return { kind: 'noMatch' };
  if (Math.abs(steps) <= NORMAL_DRIFT_STEPS) return { kind: 'match', steps };
  return {
    kind: 'skewed',
    steps,
    direction: steps > 0 ? 'ahead' : 'behind',
    minutes: Math.max(1, Math.round((Math.abs(steps) * STEP_SECONDS) / 60)),
    portalAccepts: Math.abs(steps) <= PORTAL_WINDOW_STEPS,
  };
}

/** Whether a diagnosed code should be sent to the portal. */
export function shouldSend(d: CodeDiagnosis): boolean {
  return d.kind === 'match' || (d.kind === 'skewed' && d.portalAccepts);
}

export type ClockCheck =
  | { kind: 'unknown' }
  | { kind: 'inSync' }
  /** This computer's clock is `seconds` behind or ahead of the portal's. */
  | { kind: 'differs'; direction: 'ahead' | 'behind'; seconds: number };

/** Compares this computer's clock with the portal's `Date` header (offset = portal − local). */
export function checkClock(portalOffsetMs: number | null): ClockCheck {
  if (portalOffsetMs === null || !Number.isFinite(portalOffsetMs)) return { kind: 'unknown' };
  if (Math.abs(portalOffsetMs) <= CLOCK_WARN_MS) return { kind: 'inSync' };
  // A positive offset means the portal is later than us: this computer is behind.
  return { kind: 'differs', direction: portalOffsetMs > 0 ? 'behind' : 'ahead', seconds: Math.round(Math.abs(portalOffsetMs) / 1000) };
}

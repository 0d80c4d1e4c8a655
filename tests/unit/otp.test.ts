import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuardrails, generateSync } from 'otplib';
import {
  CLOCK_WARN_MS, PORTAL_WINDOW_STEPS, SEARCH_STEPS, checkClock, diagnoseCode, findStepOffset, groupKey, normaliseCode,
  otpauthUri, secondsLeftInStep, shouldSend,
} from '../../lib/providers/docspace/tfa/otp';

// A DocSpace-shaped key: Base32 of 10 bytes (16 characters, §2.5).
const KEY = 'MFRGGZDFMZTWQ2LK';
const STEP_MS = 30_000;
/** The middle of a 30 s step, so that ±k steps is exactly k steps away. */
const T = Math.floor(1_780_000_000_000 / STEP_MS) * STEP_MS + 15_000;

// Independent of lib/tfa/otp: otplib called directly.
const codeAtStep = (k: number, base = T) =>
  generateSync({ secret: KEY, epoch: Math.floor((base + k * STEP_MS) / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });

/** A six-digit string that is the code of no step within ±range. */
function codeOfNoStep(range: number): string {
  const taken = new Set(Array.from({ length: 2 * range + 1 }, (_, i) => codeAtStep(i - range)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!taken.has(candidate)) return candidate;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('normaliseCode', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    [' 123-456 ', '123456'],
    ['123\u00a0456', '123456'],
    ['12.34.56', '123456'],
  ])('%j → %j', (input, out) => expect(normaliseCode(input)).toBe(out));
});

describe('diagnoseCode: the portal offset from its Date header', () => {
  // Just after a step change; the Date header (whole seconds, late by the network) makes the portal look 0.9 s behind.
  const justAfterStep = Math.floor(1_780_000_000_000 / STEP_MS) * STEP_MS + 200;
  it('an offset under the header resolution is ignored: 3 minutes ahead stays 3 minutes', () => {
    const d = diagnoseCode(KEY, codeAtStep(6, justAfterStep), justAfterStep, -900);
    expect(d).toMatchObject({ kind: 'skewed', steps: 6, minutes: 3, direction: 'ahead' });
  });
  it('a real offset is applied: the portal 2 minutes ahead makes a code 3 minutes ahead of this computer 1 minute ahead', () => {
    const d = diagnoseCode(KEY, codeAtStep(6), T, 2 * 60_000);
    expect(d).toMatchObject({ kind: 'skewed', steps: 2, minutes: 1, direction: 'ahead' });
  });
});

describe('diagnoseCode: skew at the edges of the portal window (±10 steps = ±5 min)', () => {
  it.each([0, 1, -1])('a code %i step(s) off is a plain match (no warning)', (k) => {
    const d = diagnoseCode(KEY, codeAtStep(k), T);
    expect(d).toEqual({ kind: 'match', steps: k });
    expect(shouldSend(d)).toBe(true);
  });

  it.each([
    [2, 'ahead', 1],
    [-2, 'behind', 1],
    [6, 'ahead', 3],
    [-6, 'behind', 3],
    [PORTAL_WINDOW_STEPS, 'ahead', 5],
    [-PORTAL_WINDOW_STEPS, 'behind', 5],
  ] as const)('%i steps: clock %s by about %i min, still accepted by the portal', (k, direction, minutes) => {
    const d = diagnoseCode(KEY, codeAtStep(k), T);
    expect(d).toEqual({ kind: 'skewed', steps: k, direction, minutes, portalAccepts: true });
    expect(shouldSend(d)).toBe(true);
  });

  it.each([
    [PORTAL_WINDOW_STEPS + 1, 'ahead', 6],
    [-(PORTAL_WINDOW_STEPS + 1), 'behind', 6],
    [40, 'ahead', 20],
    [SEARCH_STEPS, 'ahead', 60],
    [-SEARCH_STEPS, 'behind', 60],
  ] as const)('%i steps: clock %s by about %i min, outside the window: not sent', (k, direction, minutes) => {
    const d = diagnoseCode(KEY, codeAtStep(k), T);
    expect(d).toEqual({ kind: 'skewed', steps: k, direction, minutes, portalAccepts: false });
    expect(shouldSend(d)).toBe(false);
  });

  it('a code from beyond the search range (or another key) does not come from this key', () => {
    const beyond = codeAtStep(SEARCH_STEPS + 5);
    // Only meaningful when that code does not happen to repeat inside the range.
    expect(findStepOffset(KEY, beyond, T)).toBeNull();
    expect(diagnoseCode(KEY, beyond, T)).toEqual({ kind: 'noMatch' });
    expect(diagnoseCode(KEY, codeOfNoStep(SEARCH_STEPS), T)).toEqual({ kind: 'noMatch' });
    expect(shouldSend({ kind: 'noMatch' })).toBe(false);
  });

  it('a code of another account does not match', () => {
    const other = generateSync({ secret: 'GEZDGNBVGY3TQOJQ', epoch: T / 1000, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    // Fixed key and time, so this is deterministic (a chance collision would show up at once).
    expect(diagnoseCode(KEY, other, T)).toEqual({ kind: 'noMatch' });
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 34 5'])('rejects the shape of %j', (input) => {
    expect(diagnoseCode(KEY, input, T)).toEqual({ kind: 'badFormat' });
  });

  it('accepts a pasted code with spaces', () => {
    const code = codeAtStep(0);
    expect(diagnoseCode(KEY, `${code.slice(0, 3)} ${code.slice(3)}`, T)).toEqual({ kind: 'match', steps: 0 });
  });

  it('judges against the portal clock when this computer is off', () => {
    // This computer is 4 minutes behind the portal; the phone is right (portal time).
    const local = T - 8 * STEP_MS;
    const offset = 8 * STEP_MS;
    expect(diagnoseCode(KEY, codeAtStep(0), local, offset)).toEqual({ kind: 'match', steps: 0 });
    // Without the offset the same code looks 4 minutes ahead.
    expect(diagnoseCode(KEY, codeAtStep(0), local, null)).toMatchObject({ kind: 'skewed', steps: 8, direction: 'ahead' });
  });

  it('uses the real clock through vi.setSystemTime', () => {
    vi.useFakeTimers();
    vi.setSystemTime(T);
    expect(diagnoseCode(KEY, codeAtStep(-3), Date.now())).toMatchObject({ kind: 'skewed', steps: -3, direction: 'behind', portalAccepts: true });
    vi.setSystemTime(T + 11 * STEP_MS);
    expect(diagnoseCode(KEY, codeAtStep(0), Date.now())).toMatchObject({ kind: 'skewed', steps: -11, portalAccepts: false });
  });

  it('a malformed key never throws', () => {
    expect(diagnoseCode('not base32!', '123456', T)).toEqual({ kind: 'noMatch' });
  });
});

describe('checkClock (portal Date minus local clock)', () => {
  it.each([
    [null, { kind: 'unknown' }],
    [Number.NaN, { kind: 'unknown' }],
    [0, { kind: 'inSync' }],
    [CLOCK_WARN_MS, { kind: 'inSync' }],
    [-CLOCK_WARN_MS, { kind: 'inSync' }],
    [CLOCK_WARN_MS + 1000, { kind: 'differs', direction: 'behind', seconds: 31 }],
    [-45_000, { kind: 'differs', direction: 'ahead', seconds: 45 }],
    [-600_000, { kind: 'differs', direction: 'ahead', seconds: 600 }],
  ])('%s → %j', (offset, out) => expect(checkClock(offset)).toEqual(out));
});

describe('otpauth URI and key display', () => {
  it('builds the portal URI shape: otpauth://totp/{issuer}:{account}?secret=…&issuer=…', () => {
    const uri = otpauthUri('portal.example.com', 'ann@example.com', KEY);
    expect(uri).toBe('otpauth://totp/portal.example.com:ann%40example.com?secret=MFRGGZDFMZTWQ2LK&issuer=portal.example.com');
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(KEY);
    expect(url.searchParams.get('issuer')).toBe('portal.example.com');
  });

  it('escapes characters that would break the label', () => {
    const uri = otpauthUri('a:b', 'x y@z', KEY);
    expect(uri.startsWith('otpauth://totp/a%3Ab:x%20y%40z?')).toBe(true);
  });

  it('groups the key in fours', () => {
    expect(groupKey(KEY)).toEqual(['MFRG', 'GZDF', 'MZTW', 'Q2LK']);
    expect(groupKey('ABCDEF')).toEqual(['ABCD', 'EF']);
    expect(groupKey('')).toEqual([]);
  });

  it('counts the seconds left in a step', () => {
    expect(secondsLeftInStep(T)).toBe(15);
    expect(secondsLeftInStep(T - 15_000)).toBe(30);
  });
});

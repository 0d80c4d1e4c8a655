// TFA primitives: setup keys, TOTP, backup codes, confirm keys (§2.5, §2.6, §2.8, §5.3).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createGuardrails, generate, verify } from 'otplib';

// The portal's secret is 10 bytes (16 Base32 chars); otplib's default floor is 16 bytes.
const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });
// SIMPLIFIED: a fixed stand-in for the server's machine constant; the derivation around it is TfaManager.cs's.
const MACHINE_CONSTANT = 'emulated-docspace-machine-constant';
const SALT_EPOCH = Date.UTC(2018, 6, 7);
const BACKUP_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
export const BACKUP_COUNT = 5;
export const BACKUP_LENGTH = 6;
export const CONFIRM_KEY_LIFETIME_MS = 60 * 60 * 1000;
/** ±5 minutes (±10 steps of 30 s). */
const TOTP_TOLERANCE_SEC = 300;

export interface BackupCode {
  code: string;
  isUsed: boolean;
}

/** RFC 4648 Base32 without padding. */
export function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    out += alphabet[(value << (5 - bits)) & 31];
  }
  return out;
}

/** A new per-user salt: ms since 2018-07-07, as the portal does. */
export function newSalt(nowMs: number): number {
  return Math.max(1, nowMs - SALT_EPOCH);
}

/** Setup key (manualEntryKey) for a salt: Base32 of 10 ASCII chars → 16 chars. */
export function secretFromSalt(salt: number): string {
  const digest = createHash('sha256').update(`${salt}${MACHINE_CONSTANT}`).digest('base64');
  const ascii = Buffer.from(digest, 'utf8').toString('base64url').slice(0, 10);
  return base32(Buffer.from(ascii, 'ascii'));
}

export async function totpAt(secret: string, atMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(atMs / 1000), guardrails: GUARDRAILS });
}

/** TOTP check: SHA1, 6 digits, 30 s, ±10 steps, against the given clock. */
export async function totpMatches(secret: string, code: string, atMs: number): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) {
    return false;
  }
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(atMs / 1000),
      epochTolerance: TOTP_TOLERANCE_SEC,
      guardrails: GUARDRAILS,
    });
    return result.valid;
  } catch {
    return false;
  }
}

/** `GenerateBackupCodesAsync`: `count` codes of `length` characters (SetupInfo.cs: web.tfaapp.backup.count / .length). */
export function newBackupCodes(count = BACKUP_COUNT, length = BACKUP_LENGTH): BackupCode[] {
  return Array.from({ length: count }, () => ({
    code: Array.from({ length }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]).join(''),
    isUsed: false,
  }));
}

/** Backup codes from one randomBytes call (the alphabet has 64 characters, so `byte & 63` is uniform): seeding thousands stays fast. */
export function quickBackupCodes(count = BACKUP_COUNT, length = BACKUP_LENGTH): BackupCode[] {
  const bytes = randomBytes(count * length);
  return Array.from({ length: count }, (_, i) => ({
    code: Array.from(bytes.subarray(i * length, (i + 1) * length), (b) => BACKUP_ALPHABET[b & 63]).join(''),
    isUsed: false,
  }));
}

export type ConfirmType = 'TfaActivation' | 'TfaAuth';
export type KeyCheck = 'ok' | 'invalid' | 'expired';

/**
 * Signs and checks confirm keys `<ms>.<hash>` over uid + type (+ the timestamp). SIMPLIFIED: an HMAC with a
 * per-process secret; the server's EmailValidationKeyProvider signs with its own machine key. Shape and the
 * 1-hour validity (`auth:validinterval`) are the server's.
 */
export class ConfirmKeys {
  private readonly secret = randomBytes(32);

  private sign(uid: string, type: string, ms: number): string {
    return createHmac('sha256', this.secret).update(`${uid.toLowerCase()}${type}${ms}`).digest('base64url');
  }

  make(uid: string, type: ConfirmType, nowMs: number): string {
    return `${nowMs}.${this.sign(uid, type, nowMs)}`;
  }

  check(uid: string, type: string, key: string, nowMs: number): KeyCheck {
    const m = /^(\d{1,16})\.([A-Za-z0-9_-]+)$/.exec(key.trim());
    if (!m?.[1] || !m[2]) {
      return 'invalid';
    }
    const ms = Number(m[1]);
    const expected = Buffer.from(this.sign(uid, type, ms));
    const given = Buffer.from(m[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return 'invalid';
    }
    return nowMs - ms > CONFIRM_KEY_LIFETIME_MS ? 'expired' : 'ok';
  }
}

/**
 * The TFA code counter exactly as TfaManager.ValidateAuthCodeAsync keeps it (fact sheet §11.3): one cached
 * number per user that expires a minute after the last counted attempt. A call is refused when the count
 * would pass the limit, and a refused call does not touch the number (so it never extends the lock); every
 * counted attempt pushes the expiry a minute on, so attempts under a minute apart keep adding up; a right
 * code takes its own attempt back (counter - 1, expiry again a minute on).
 */
export class TfaCodeCounter {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly limit: () => number, private readonly windowMs: () => number) {}

  private current(key: string, nowMs: number): number {
    const e = this.entries.get(key);
    return e && e.expiresAt > nowMs ? e.count : 0;
  }

  /** Counts an attempt; false (and nothing counted) when the portal refuses it: `++counter > AttemptCount`. */
  increment(key: string, nowMs: number): boolean {
    const next = this.current(key, nowMs) + 1;
    if (next > this.limit()) {
      return false;
    }
    this.entries.set(key, { count: next, expiresAt: nowMs + this.windowMs() });
    return true;
  }

  /** A right code: `Cache.Insert(key, counter - 1, now + 1 min)`. */
  decrement(key: string, nowMs: number): void {
    this.entries.set(key, { count: Math.max(0, this.current(key, nowMs) - 1), expiresAt: nowMs + this.windowMs() });
  }

  /** When the lock (or the count) ends: a minute after the last counted attempt. */
  expiresAt(key: string): number | null {
    return this.entries.get(key)?.expiresAt ?? null;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Brute-force counter per key (BruteForceLoginManager.IncrementAsync semantics). */
export class AttemptCounter {
  private readonly history = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly limit: () => number, private readonly windowMs: () => number) {}

  /** Records an attempt; false when the key is (now) locked out. */
  increment(key: string, nowMs: number): boolean {
    const blocked = this.blockedUntil.get(key);
    if (blocked !== undefined && blocked > nowMs) {
      return false;
    }
    const recent = (this.history.get(key) ?? []).filter((t) => t > nowMs - this.windowMs());
    recent.push(nowMs);
    if (recent.length > this.limit()) {
      this.blockedUntil.set(key, nowMs + this.windowMs());
      this.history.delete(key);
      return false;
    }
    this.history.set(key, recent);
    return true;
  }

  decrement(key: string): void {
    this.history.get(key)?.pop();
  }

  clear(): void {
    this.history.clear();
    this.blockedUntil.clear();
  }
}

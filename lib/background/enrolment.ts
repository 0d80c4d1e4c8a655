import { storage } from '#imports';
import { err, ok, type Result } from '../result';
import type { AppError } from '../errors';
import type { CommandOf, EnrolmentStart, Replies } from '../protocol';
import { confirmTokenFromUrl, type ConfirmToken, type DocspaceClient } from '../docspace/client';
import { checkPortalUrl } from '../portal/origin';
import { ATTEMPTS_PER_MINUTE, ATTEMPT_WINDOW_MS, otpauthUri } from '../tfa/otp';
import { logEvent } from '../log';
import { clientFor, getSession, updateSession } from './session';

/**
 * Enrolment, backup codes and resets (fact sheet §2.4–2.9, §5.3). The confirm token
 * is the only enrolment secret kept, in `storage.session`, so a worker restart does
 * not lose an enrolment in progress; the setup key and backup codes only travel in replies.
 */
type HandlerResult<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

/** The portal allows 5 validate calls; the count expires a minute after the last one (§2.6). */
const MAX_ATTEMPTS = ATTEMPTS_PER_MINUTE;

interface Attempts { count: number; lastAt: number }
/** Confirm keys are valid for an hour (§5.3); a stored one is reused a little less long. */
const TOKEN_REUSE_MS = 55 * 60_000;
const attemptsKey = (origin: string) => `session:enrolmentAttempts:${origin}` as const;

async function readAttempts(origin: string, now: number): Promise<Attempts> {
  const stored = await storage.getItem<Attempts>(attemptsKey(origin));
  return stored && now - stored.lastAt < ATTEMPT_WINDOW_MS ? stored : { count: 0, lastAt: 0 };
}

/** Attempts left before the portal locks validation, as it counts them (sliding minute). */
export async function attemptsLeft(origin: string, now = Date.now()): Promise<number> {
  return Math.max(0, MAX_ATTEMPTS - (await readAttempts(origin, now)).count);
}

async function countAttempt(origin: string, now: number): Promise<Attempts> {
  const next = { count: (await readAttempts(origin, now)).count + 1, lastAt: now };
  await storage.setItem(attemptsKey(origin), next);
  return next;
}

const clearAttempts = (origin: string) => storage.removeItem(attemptsKey(origin));

const setToken = (origin: string, token: ConfirmToken | undefined) =>
  updateSession(origin, (s) => ({ ...s, enrolment: token ? { token, startedAt: Date.now() } : undefined }));

/** The popup's cached status says "not enrolled" or counts codes: make it read again. */
const forgetStatus = (origin: string) => updateSession(origin, (s) => ({ ...s, lastStatus: undefined }));

/** A confirm token from a portal activation link; only `TfaActivation` links start an enrolment. */
function tokenFromLink(raw: string, origin: string, key: string | null): Result<ConfirmToken, AppError> {
  const url = checkPortalUrl(raw, origin);
  if (!url.ok) return url;
  const token = confirmTokenFromUrl(url.value);
  if (!token) return err({ kind: 'unsafeUrl', origin, url: raw.slice(0, 200) });
  if (token.type !== 'TfaActivation') return err({ kind: 'notAvailable', origin, message: 'Already enrolled' });
  return ok(key ? { ...token, key } : token);
}

/** `GET settings/tfaapp/confirm`: 3.6 answers the link (key in the cookie it sets), 3.7 adds the key. */
async function tokenFromConfirmEndpoint(client: DocspaceClient, origin: string): Promise<Result<ConfirmToken, AppError>> {
  const confirm = await client.getTfaConfirm();
  if (!confirm.ok) return confirm;
  if (!confirm.value) return err({ kind: 'notAvailable', origin, message: 'Two-factor authentication does not apply to you' });
  return tokenFromLink(confirm.value.url, origin, confirm.value.key);
}

/** Stores the token, fetches the setup key, and builds what the setup screen shows. */
async function beginWith(client: DocspaceClient, origin: string, token: ConfirmToken, source: 'link' | 'endpoint' | 'stored'): HandlerResult<'startEnrolment'> {
  if (source !== 'stored') await setToken(origin, token);
  const setup = await client.getTfaSetup(token);
  if (!setup.ok) {
    await setToken(origin, undefined);
    return setup;
  }
  const issuer = new URL(origin).hostname; // the tenant domain, as in the portal's own QR (§2.5)
  const session = await getSession(origin);
  logEvent('enrolment-started', { origin, source });
  const start: EnrolmentStart = {
    account: setup.value.account,
    issuer,
    setupKey: setup.value.setupKey,
    otpauthUri: otpauthUri(issuer, setup.value.account, setup.value.setupKey),
    qrImage: setup.value.qrImage,
    serverClockOffsetMs: session.clockOffsetMs ?? null,
    attemptsLeft: await attemptsLeft(origin),
  };
  return ok(start);
}

/** A stored token is reused only while fresh, and never for someone other than who is signed in now. */
function canResume(enrolment: { token: ConfirmToken; startedAt: number } | undefined, meId: string | undefined): enrolment is { token: ConfirmToken; startedAt: number } {
  if (!enrolment || Date.now() - enrolment.startedAt >= TOKEN_REUSE_MS) return false;
  return !meId || meId.toLowerCase() === enrolment.token.uid.toLowerCase();
}

/**
 * Starts an enrolment: from the portal's activation link (key in the browser's HttpOnly
 * cookie) or else from `GET settings/tfaapp/confirm`. With an API key no portal cookie
 * is sent, so the endpoint's key is used. Errors: noPermission, signedOut, notAvailable, unsafeUrl, network…
 */
export async function startEnrolment(c: CommandOf<'startEnrolment'>): HandlerResult<'startEnrolment'> {
  const client = await clientFor(c.origin);
  if (!client.ok) return client;
  const session = await getSession(c.origin);
  if (c.confirmUrl && session.auth.kind === 'cookie') {
    const fromLink = tokenFromLink(c.confirmUrl, c.origin, null);
    if (!fromLink.ok) return fromLink;
    const started = await beginWith(client.value, c.origin, fromLink.value, 'link');
    // The link's cookie expired (1 hour) or was never set here: a signed-in user can still get a fresh key.
    if (started.ok || started.error.kind !== 'signedOut') return started;
  } else if (!c.confirmUrl && canResume(session.enrolment, session.me?.id)) {
    // The page was reloaded or reopened mid-setup: someone who came from the activation page is not signed in.
    const resumed = await beginWith(client.value, c.origin, session.enrolment.token, 'stored');
    if (resumed.ok) return resumed;
  }
  const token = await tokenFromConfirmEndpoint(client.value, c.origin);
  if (!token.ok) return token;
  return beginWith(client.value, c.origin, token.value, 'endpoint');
}

/**
 * Sends a code with the stored confirm token. wrongCode carries attemptsLeft; a lock is
 * tooManyAttempts with retryAt and is answered locally, without another request, until it expires.
 */
export async function validateCode(c: CommandOf<'validateCode'>): HandlerResult<'validateCode'> {
  const { origin } = c;
  const token = (await getSession(origin)).enrolment?.token;
  if (!token) return err({ kind: 'notAvailable', origin, message: 'No setup in progress', reason: 'noSetup' });
  const now = Date.now();
  const before = await readAttempts(origin, now);
  // A further call while locked would extend the portal's lock by another minute.
  if (before.count >= MAX_ATTEMPTS) return err({ kind: 'tooManyAttempts', origin, retryAt: before.lastAt + ATTEMPT_WINDOW_MS });
  const client = await clientFor(origin);
  if (!client.ok) return client;
  const counted = await countAttempt(origin, now);
  const result = await client.value.validateTfaCode(token, c.code);
  if (!result.ok) return validateFailed(origin, result.error, counted);
  await setToken(origin, undefined);
  await clearAttempts(origin);
  await forgetStatus(origin);
  // The portal has now set the sign-in cookie (or the API key already signs in).
  const codes = await client.value.getBackupCodes();
  // `false` is the first-activation flag, not success (§11.3): it also comes, with no cookie and nothing
  // enrolled, when the app policy was switched off or no longer applies. Only backup codes prove enrolment.
  if (!result.value && !codes.ok) {
    logEvent('enrolment-not-applied', { origin });
    return err({ kind: 'notAvailable', origin, message: 'Nothing was set up', reason: 'notApplied' });
  }
  logEvent('enrolment-finished', { origin, firstActivation: result.value });
  return ok({ enrolled: result.value, backupCodes: codes.ok ? codes.value : [] });
}

async function validateFailed(origin: string, error: AppError, counted: Attempts): HandlerResult<'validateCode'> {
  switch (error.kind) {
    case 'wrongCode':
      return err({ ...error, attemptsLeft: Math.max(0, MAX_ATTEMPTS - counted.count) });
    case 'tooManyAttempts': {
      // Our count may lag (attempts on the portal page count too): hold the lock from now.
      await storage.setItem(attemptsKey(origin), { count: MAX_ATTEMPTS, lastAt: counted.lastAt });
      return err({ ...error, retryAt: counted.lastAt + ATTEMPT_WINDOW_MS });
    }
    case 'signedOut':
      // The confirm key expired (valid 1 hour) or was replaced: the enrolment must restart.
      await setToken(origin, undefined);
      return err(error);
    default:
      return err(error);
  }
}

/** Forgets the confirm token of an enrolment in progress. */
export async function cancelEnrolment(c: CommandOf<'cancelEnrolment'>): HandlerResult<'cancelEnrolment'> {
  await setToken(c.origin, undefined);
  return ok(true);
}

/** My backup codes, used ones included. notAvailable when not enrolled or TFA is off. */
export async function getBackupCodes(c: CommandOf<'getBackupCodes'>): HandlerResult<'getBackupCodes'> {
  const client = await clientFor(c.origin);
  return client.ok ? client.value.getBackupCodes() : client;
}

/** A new set of backup codes; the old ones stop working. */
export async function regenerateBackupCodes(c: CommandOf<'regenerateBackupCodes'>): HandlerResult<'regenerateBackupCodes'> {
  const client = await clientFor(c.origin);
  if (!client.ok) return client;
  const codes = await client.value.regenerateBackupCodes();
  if (codes.ok) {
    await forgetStatus(c.origin);
    logEvent('backup-codes-regenerated', { origin: c.origin, count: codes.value.length });
  }
  return codes;
}

/**
 * Resets my own authenticator (always with my real id, §2.9), then continues straight
 * into enrolment with the activation link it returns. All my other sessions end.
 */
export async function resetMyApp(c: CommandOf<'resetMyApp'>): HandlerResult<'resetMyApp'> {
  const client = await clientFor(c.origin);
  if (!client.ok) return client;
  const me = await client.value.getSelf();
  if (!me.ok) return me;
  const link = await client.value.resetTfaApp(me.value.id);
  if (!link.ok) return link;
  logEvent('authenticator-reset', { origin: c.origin, self: true });
  await clearAttempts(c.origin);
  await forgetStatus(c.origin);
  const { auth } = await getSession(c.origin);
  const fromLink = link.value && auth.kind === 'cookie';
  const token = fromLink ? tokenFromLink(link.value, c.origin, null) : await tokenFromConfirmEndpoint(client.value, c.origin);
  if (!token.ok) return token;
  return beginWith(client.value, c.origin, token.value, fromLink ? 'link' : 'endpoint');
}

/** Owner only: resets another user's authenticator. ownerOnly for anyone else, without asking the portal. */
export async function resetUserApp(c: CommandOf<'resetUserApp'>): HandlerResult<'resetUserApp'> {
  const client = await clientFor(c.origin);
  if (!client.ok) return client;
  const me = await client.value.getSelf();
  if (!me.ok) return me;
  if (me.value.role !== 'owner') return err({ kind: 'ownerOnly', origin: c.origin });
  if (me.value.id.toLowerCase() === c.userId.toLowerCase()) {
    return err({ kind: 'invalidInput', origin: c.origin, message: 'Use “Reset my authenticator” for your own account' });
  }
  const reset = await client.value.resetTfaApp(c.userId);
  if (!reset.ok) return reset;
  logEvent('authenticator-reset', { origin: c.origin, self: false });
  return ok(true);
}

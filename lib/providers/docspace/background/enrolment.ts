import { storage } from '../../../storage';
import { err, ok, type Result } from '../../../result';
import type { AppError } from '../../../errors';
import type { CommandOf, EnrolmentStart, Replies } from '../protocol';
import { confirmTokenFromUrl, isSmsConfirmUrl, type ConfirmToken, type DocspaceClient } from '../client';
import { checkPortalUrl } from '../../../portal/origin';
import { ATTEMPT_WINDOW_MS, otpauthUri } from '../tfa/otpauth';
import { logEvent } from '../../../log';
import { accessTicket, clientFor, getRecord, getSession, updateSession, type AccessTicket, type PortalClient, type StoredEnrolment } from './session';
import type { PortalAuth } from '../http';
import { API_KEY_ENROLMENT_SINCE, isAtLeast } from '../version';
import { reachableOrigin, supportedOrigin } from './guard';
import { coverageAfterReset } from './coverage';

/**
 * Enrolment, backup codes and resets (fact sheet §2.4–2.9, §5.3). The confirm token
 * is the only enrolment secret kept, in `storage.session`, so a worker restart does
 * not lose an enrolment in progress; the setup key and backup codes only travel in replies.
 */
type HandlerResult<K extends keyof Replies> = Promise<Result<Replies[K], AppError>>;

/**
 * The portal counts code attempts per user (TfaManager, §11.3): one number that expires a minute after the
 * last counted attempt, so attempts under a minute apart keep adding up; the limit is the portal's
 * LoginSettings.AttemptCount (default 5, admin-configurable). Only admins can read the limit, so for everyone
 * else it is unknown and no "N attempts left" is promised. A call refused while locked is not counted by the
 * portal and does not extend the lock.
 */
interface Attempts {
  count: number;
  lastAt: number;
  /** Set when the portal refused a code as locked: no request is sent before then. */
  lockedUntil?: number;
}
/** Confirm keys are valid for an hour (§5.3); a stored one is reused a little less long. */
const TOKEN_REUSE_MS = 55 * 60_000;
const attemptsKey = (origin: string, uid: string) => `session:enrolmentAttempts:${origin}:${uid.toLowerCase()}` as const;

async function readAttempts(origin: string, uid: string, now: number): Promise<Attempts> {
  const stored = await storage.getItem<Attempts>(attemptsKey(origin, uid));
  if (stored?.lockedUntil !== undefined && now < stored.lockedUntil) return stored;
  return stored && now - stored.lastAt < ATTEMPT_WINDOW_MS ? { count: stored.count, lastAt: stored.lastAt } : { count: 0, lastAt: 0 };
}

/** Attempts left before the portal locks validation; null when the portal's limit is not known to us. */
export async function attemptsLeft(origin: string, uid: string, limit: number | null, now = Date.now()): Promise<number | null> {
  return limit === null ? null : Math.max(0, limit - (await readAttempts(origin, uid, now)).count);
}

const clearAttempts = (origin: string, uid: string) => storage.removeItem(attemptsKey(origin, uid));

/** The portal's code limit, readable by admins only (`settings/security/loginSettings`); null otherwise. */
async function attemptLimitFor(client: DocspaceClient, origin: string): Promise<number | null> {
  const { me } = await getSession(origin);
  // Asked only of someone we know can read it: anyone else would get a 403 for nothing.
  if (me?.role !== 'owner' && me?.role !== 'admin') return null;
  const settings = await client.getLoginSettings();
  return settings.ok ? settings.value.attemptCount : null;
}

/**
 * Keeps (or with `undefined`, forgets) the confirm token. `since`: the access ticket of the request that brought it;
 * `outlivesSignOut` for a signed-out enrolment (the portal's activation page), see StoredEnrolment.
 */
const setToken = (origin: string, since: AccessTicket, token: ConfirmToken | undefined, more: Pick<StoredEnrolment, 'attemptLimit' | 'outlivesSignOut'> = {}) =>
  updateSession(origin, (s) => ({ ...s, enrolment: token ? { token, startedAt: Date.now(), attemptLimit: null, ...more } : undefined }), since);

/** The popup's cached status says "not enrolled" or counts codes: make it read again. */
const forgetStatus = (origin: string, since: AccessTicket) => updateSession(origin, (s) => ({ ...s, lastStatus: undefined }), since);

/** A confirm token from a portal activation link; only `TfaActivation` links start an enrolment. */
function tokenFromLink(raw: string, origin: string, key: string | null): Result<ConfirmToken, AppError> {
  const url = checkPortalUrl(raw, origin);
  if (!url.ok) return url;
  // TFA here is by SMS: the portal's own pages set it up, not this extension.
  if (isSmsConfirmUrl(url.value)) return err({ kind: 'notAvailable', origin, message: 'SMS', reason: 'sms' });
  const token = confirmTokenFromUrl(url.value);
  if (!token) return err({ kind: 'unsafeUrl', origin, url: raw.slice(0, 200) });
  if (token.type !== 'TfaActivation') return err({ kind: 'notAvailable', origin, message: 'Already enrolled' });
  return ok(key ? { ...token, key } : token);
}

const needsBrowserSignIn = (origin: string, version: string | null, afterReset = false) =>
  err<AppError>({ kind: 'notAvailable', origin, message: 'API key enrolment needs DocSpace 3.7.1', reason: 'needsBrowserSignIn', version, ...(afterReset ? { afterReset } : {}) });

/**
 * With an API key an enrolment can only be carried through on 3.7.1 and later (§12.3): before it the confirm key comes
 * only as an HttpOnly cookie, which a key's requests neither send nor keep. Asked before anything is started or reset,
 * from the portal's own version read now (the remembered one if the portal does not answer); an unknown version is
 * refused too, as `tfaappnewapp` would wipe the app before anything a key could not do. Null: the key may go on.
 */
async function apiKeyCannotEnrol(client: DocspaceClient, origin: string, auth: PortalAuth['kind']): Promise<Result<never, AppError> | null> {
  if (auth !== 'apiKey') return null;
  const settings = await client.getPortalSettings();
  const version = (settings.ok ? settings.value.version : (await getRecord(origin))?.version) || null;
  return isAtLeast(version, API_KEY_ENROLMENT_SINCE) ? null : needsBrowserSignIn(origin, version);
}

/**
 * `GET settings/tfaapp/confirm`: 3.6 answers the link (key in the HttpOnly cookie it sets), 3.7 adds the key.
 * With an API key no cookie is sent or kept, so a link without a key cannot be used (a 3.6 portal whose version
 * was not known in advance).
 */
async function tokenFromConfirmEndpoint(client: DocspaceClient, origin: string, auth: PortalAuth['kind'], afterReset = false): Promise<Result<ConfirmToken, AppError>> {
  const confirm = await client.getTfaConfirm();
  if (!confirm.ok) return confirm;
  if (!confirm.value) return err({ kind: 'notAvailable', origin, message: 'Two-factor authentication does not apply to you' });
  const token = tokenFromLink(confirm.value.url, origin, confirm.value.key);
  if (token.ok && !token.value.key && auth === 'apiKey') return needsBrowserSignIn(origin, (await getRecord(origin))?.version || null, afterReset);
  return token;
}

/**
 * Stores the token, fetches the setup key, and builds what the setup screen shows. `signedOut`: the token came from the
 * portal's activation page (the enrolment of someone not signed in), and outlives a sign-out.
 */
async function beginWith(client: PortalClient, origin: string, token: ConfirmToken, source: 'link' | 'endpoint' | 'stored', signedOut = false): HandlerResult<'startEnrolment'> {
  const [setup, limit] = await Promise.all([client.getTfaSetup(token), attemptLimitFor(client, origin)]);
  if (!setup.ok) {
    await setToken(origin, client.access, undefined);
    return setup;
  }
  // A resumed setup keeps its start time (the key's hour runs from when the portal issued it).
  if (source === 'stored') await updateSession(origin, (s) => (s.enrolment ? { ...s, enrolment: { ...s.enrolment, attemptLimit: limit } } : s), client.access);
  else await setToken(origin, client.access, token, { attemptLimit: limit, ...(signedOut ? { outlivesSignOut: true } : {}) });
  // The label of the entry in the authenticator app; codes do not depend on it. The portal's own QR says the tenant
  // domain (TfaManager.cs `GetTenantDomain`: "localhost" on a single-tenant standalone server, a mapped domain where
  // one is set, §12.4), which the API does not hand out whole (no mapped domain in `GET settings`). The extension uses
  // the host the portal is opened at, the name the user knows it by; it differs from the portal's QR on standalone servers.
  const issuer = new URL(origin).hostname;
  const session = await getSession(origin);
  logEvent('enrolment-started', { origin, source });
  const start: EnrolmentStart = {
    account: setup.value.account,
    issuer,
    setupKey: setup.value.setupKey,
    otpauthUri: otpauthUri(issuer, setup.value.account, setup.value.setupKey),
    qrImage: setup.value.qrImage,
    serverClockOffsetMs: session.clockOffsetMs ?? null,
    attemptsLeft: await attemptsLeft(origin, token.uid, limit),
    attemptLimit: limit,
  };
  return ok(start);
}

/**
 * A stored token is reused only while fresh, and never for someone other than who is signed in now: the portal
 * is asked (what we remember of "me" may be from before another person signed in in this browser). Signed out
 * is fine only for a signed-out enrolment: someone who came from the activation page, or an admin whom enabling TFA
 * just signed out. A token asked for while signed in is not resumed once that sign-in ended (and was deleted then:
 * clearSignedIn), so the next person in this browser is not handed the previous one's setup.
 */
async function canResume(client: PortalClient, enrolment: StoredEnrolment | undefined): Promise<boolean> {
  if (!enrolment || Date.now() - enrolment.startedAt >= TOKEN_REUSE_MS) return false;
  const me = await client.getSelf();
  if (!me.ok) return me.error.kind !== 'signedOut' || enrolment.outlivesSignOut === true;
  return me.value.id.toLowerCase() === enrolment.token.uid.toLowerCase();
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
    const started = await beginWith(client.value, c.origin, fromLink.value, 'link', true);
    // The link's cookie expired (1 hour) or was never set here: a signed-in user can still get a fresh key.
    if (started.ok || started.error.kind !== 'signedOut') return started;
  } else if (!c.confirmUrl && session.enrolment && (await canResume(client.value, session.enrolment))) {
    // The page was reloaded or reopened mid-setup, or the popup or a policy save handed over the link's token.
    const resumed = await beginWith(client.value, c.origin, session.enrolment.token, 'stored');
    if (resumed.ok) return resumed;
  }
  const refused = await apiKeyCannotEnrol(client.value, c.origin, session.auth.kind);
  if (refused) return refused;
  const token = await tokenFromConfirmEndpoint(client.value, c.origin, session.auth.kind);
  if (!token.ok) return token;
  return beginWith(client.value, c.origin, token.value, 'endpoint');
}

/**
 * Sends a code with the stored confirm token. wrongCode carries attemptsLeft; a lock is
 * tooManyAttempts with retryAt and is answered locally, without another request, until it expires.
 */
export async function validateCode(c: CommandOf<'validateCode'>): HandlerResult<'validateCode'> {
  const { origin } = c;
  const enrolment = (await getSession(origin)).enrolment;
  if (!enrolment) return err({ kind: 'notAvailable', origin, message: 'No setup in progress', reason: 'noSetup' });
  const { token } = enrolment;
  const limit = enrolment.attemptLimit ?? null;
  const now = Date.now();
  const before = await readAttempts(origin, token.uid, now);
  // Answered here while locked: the portal would refuse too, and a request adds nothing.
  if (before.lockedUntil !== undefined) return err({ kind: 'tooManyAttempts', origin, retryAt: before.lockedUntil });
  if (limit !== null && before.count >= limit) return err({ kind: 'tooManyAttempts', origin, retryAt: before.lastAt + ATTEMPT_WINDOW_MS });
  const client = await clientFor(origin);
  if (!client.ok) return client;
  const counted: Attempts = { count: before.count + 1, lastAt: now };
  await storage.setItem(attemptsKey(origin, token.uid), counted);
  const result = await client.value.validateTfaCode(token, c.code);
  if (!result.ok) return validateFailed(client.value, origin, token.uid, result.error, before, counted, limit);
  await setToken(origin, client.value.access, undefined);
  await clearAttempts(origin, token.uid);
  await forgetStatus(origin, client.value.access);
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

async function validateFailed(client: PortalClient, origin: string, uid: string, error: AppError, before: Attempts, counted: Attempts, limit: number | null): HandlerResult<'validateCode'> {
  switch (error.kind) {
    case 'wrongCode':
      return err(limit === null ? error : { ...error, attemptsLeft: Math.max(0, limit - counted.count) });
    case 'tooManyAttempts': {
      // The refused call was not counted and did not extend the lock: it ends a minute after the last counted
      // attempt. Ours is the best we know (an attempt on the portal page since would end it later: the next try
      // is then refused again, harmlessly); with none of ours in the minute, at most a minute from now.
      const retryAt = (before.count > 0 ? before.lastAt : counted.lastAt) + ATTEMPT_WINDOW_MS;
      await storage.setItem(attemptsKey(origin, uid), { ...before, lockedUntil: retryAt });
      return err({ ...error, retryAt });
    }
    case 'signedOut':
      // The confirm key expired (valid 1 hour) or was replaced: the enrolment must restart.
      await setToken(origin, client.access, undefined);
      return err(error);
    default:
      return err(error);
  }
}

/**
 * Keeps the confirm token of the portal's activation page the popup was opened on, so the options page starts
 * from it with nothing but the portal in its URL: the link (which may carry a key) never enters a page address
 * or the browser history. The key itself stays in the portal's HttpOnly cookie.
 */
export async function prepareEnrolment(c: CommandOf<'prepareEnrolment'>): HandlerResult<'prepareEnrolment'> {
  const access = await accessTicket(c.origin);
  // Nothing is kept for a site the user has not granted (or that is not https), as for every other enrolment step.
  const reachable = await reachableOrigin(c.origin);
  if (!reachable.ok) return reachable;
  const token = tokenFromLink(c.confirmUrl, c.origin, null);
  if (!token.ok) return token;
  // The activation page is where someone not signed in enrols: the token outlives a sign-out.
  await setToken(c.origin, access, token.value, { outlivesSignOut: true });
  return ok(true);
}

/** Forgets the confirm token of an enrolment in progress. */
export async function cancelEnrolment(c: CommandOf<'cancelEnrolment'>): HandlerResult<'cancelEnrolment'> {
  // Nothing is ever held for such an origin; writing would create a session record for it.
  const supported = supportedOrigin(c.origin);
  if (!supported.ok) return supported;
  await setToken(c.origin, await accessTicket(c.origin), undefined);
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
    await forgetStatus(c.origin, client.value.access);
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
  const { auth } = await getSession(c.origin);
  // Checked before the reset: afterwards the old app is gone and a new one could not be set up here.
  const refused = await apiKeyCannotEnrol(client.value, c.origin, auth.kind);
  if (refused) return refused;
  const me = await client.value.getSelf();
  if (!me.ok) return me;
  const link = await client.value.resetTfaApp(me.value.id);
  if (!link.ok) return link;
  logEvent('authenticator-reset', { origin: c.origin, self: true });
  await forgetStatus(c.origin, client.value.access);
  const fromLink = link.value && auth.kind === 'cookie';
  const token = fromLink ? tokenFromLink(link.value, c.origin, null) : await tokenFromConfirmEndpoint(client.value, c.origin, auth.kind, true);
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
  if (!reset.ok) return reset.error.kind === 'notAvailable' ? whyNotReset(client.value, c.origin, c.userId, reset.error) : reset;
  logEvent('authenticator-reset', { origin: c.origin, self: false });
  // The last coverage report and its counts say so at once (issue 26).
  await coverageAfterReset(c.origin, c.userId, client.value.access);
  return ok(true);
}

/** EmployeeStatus.Terminated (ASC.Core.Users): a disabled account. */
const TERMINATED = 2;

/**
 * The portal refused to reset someone's app as "not available": UnlinkTfaApp checks TfaAppNotAvailable (no app) and
 * then `Status == Terminated` ("Not available.", §12.4), both InvalidOperationException, told apart only by their
 * (translated) words. The account's status says which, without reading them.
 */
async function whyNotReset(client: DocspaceClient, origin: string, userId: string, error: AppError): HandlerResult<'resetUserApp'> {
  const user = await client.getUser(userId);
  if (user.ok && user.value.status === TERMINATED) return err({ kind: 'notAvailable', origin, message: 'Account disabled', reason: 'userDisabled' });
  return err(error);
}

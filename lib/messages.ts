import type { AppError } from './errors';
import { assertNever } from './result';
import { hostOf } from './portal/origin';

export interface ErrorText {
  /** One sentence that names the portal and, where there is one, the HTTP status. */
  message: string;
  /** What to do next. */
  next: string;
  /** Whether "Retry" makes sense. */
  canRetry: boolean;
}

function minutesSeconds(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Maps every error kind to one sentence and one next step (exhaustive). */
export function describeError(error: AppError, now = Date.now()): ErrorText {
  const host = 'origin' in error ? hostOf(error.origin) : '';
  switch (error.kind) {
    case 'network':
      return { message: `Could not reach ${host}.`, next: 'Check your connection and that the portal is up, then retry.', canRetry: true };
    case 'offline':
      return { message: `You are offline, so ${host} cannot be reached.`, next: 'Reconnect to the internet, then retry.', canRetry: true };
    case 'timeout':
      return { message: `${host} did not answer within ${Math.round(error.ms / 1000)} s.`, next: 'The portal may be busy; retry in a moment.', canRetry: true };
    case 'notPortal':
      return { message: `${host || 'This page'} is not an ONLYOFFICE DocSpace portal.`, next: 'Open your DocSpace portal in this tab and click the button again.', canRetry: false };
    case 'noPermission':
      return { message: `The extension has no access to ${host} yet.`, next: `Allow access to ${host} to see its TFA settings.`, canRetry: false };
    case 'signedOut':
      return { message: `You are signed out of ${host} (HTTP 401).`, next: `Sign in to ${host} in this browser, then retry.`, canRetry: true };
    case 'forbidden':
      return { message: `${host} refused this action (HTTP 403: ${error.message}).`, next: 'Ask a portal admin if you need this.', canRetry: false };
    case 'notAvailable':
      return { message: `${host} says this is not available (HTTP 403: ${error.message}).`, next: 'Two-factor authentication may be off, or you are not enrolled.', canRetry: true };
    case 'ownerOnly':
      return { message: `Only the owner of ${host} can do this (HTTP 403).`, next: 'Ask the portal owner.', canRetry: false };
    case 'wrongCode':
      return { message: `${host} did not accept the code (HTTP 400: incorrect code).`, next: 'Wait for a new code in your app and enter it.', canRetry: false };
    case 'tooManyAttempts':
      return { message: `Too many attempts on ${host} (HTTP 403).`, next: `Wait ${minutesSeconds(error.retryAt - now)} before trying again.`, canRetry: false };
    case 'rateLimited':
      return { message: `${host} is limiting requests (HTTP 429).`, next: `Retry in ${minutesSeconds(error.retryAt - now)}.`, canRetry: true };
    case 'paymentRequired':
      return { message: `${host} is suspended or unpaid (HTTP 402).`, next: 'Contact the portal owner.', canRetry: false };
    case 'notFound':
      return { message: `${host} could not find it (HTTP 404: ${error.message}).`, next: 'It may have been removed; reload and retry.', canRetry: true };
    case 'invalidInput':
      return { message: `${host} rejected the request (HTTP 400: ${error.message}).`, next: 'Check what you entered and try again.', canRetry: false };
    case 'server':
      return { message: `${host} had an internal error (HTTP ${error.status}).`, next: 'Retry in a moment; if it persists, tell the portal admin.', canRetry: true };
    case 'badResponse':
      return { message: `${host} sent an answer the extension does not understand${error.status ? ` (HTTP ${error.status})` : ''}.`, next: 'The portal may be a different version or behind a proxy; retry later.', canRetry: true };
    case 'unsafeUrl':
      return { message: `${host} returned a link that is not a secure address on ${host}, so it was not followed.`, next: 'Open the portal yourself and continue there.', canRetry: false };
    case 'badRequest':
      return { message: `The extension could not process this request (${error.message}).`, next: 'Reload the page and try again.', canRetry: true };
    case 'noReply':
      return { message: 'The extension background did not answer.', next: 'Close and reopen this window.', canRetry: true };
    default:
      return assertNever(error);
  }
}

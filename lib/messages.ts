import type { AppError, ProviderError } from './errors';
import { hostOf } from './portal/origin';
import { formatWait, t } from './i18n/t';
import { isolate } from './i18n/bidi';

export interface ErrorText {
  /** One sentence that names the portal and, where there is one, the HTTP status. */
  message: string;
  /** What to do next. */
  next: string;
  /** Whether "Retry" makes sense. */
  canRetry: boolean;
}

/** Maps every error kind to one sentence and one next step (exhaustive), in the UI language. */
export function describeError(error: AppError, now = Date.now()): ErrorText {
  const host = 'origin' in error ? hostOf(error.origin) : '';
  const wait = (retryAt: number) => formatWait((retryAt - now) / 1000);
  switch (error.kind) {
    case 'network':
      return { message: t('errors.network.message', host), next: t('errors.network.next'), canRetry: true };
    case 'offline':
      return { message: t('errors.offline.message', host), next: t('errors.offline.next'), canRetry: true };
    case 'timeout':
      return { message: t('errors.timeout.message', host, formatWait(Math.round(error.ms / 1000))), next: t('errors.timeout.next'), canRetry: true };
    case 'notPortal':
      return { message: host ? t('errors.notPortal.message', host) : t('errors.notPortal.thisPage'), next: t('errors.notPortal.next'), canRetry: false };
    case 'noPermission':
      return { message: t('errors.noPermission.message', host), next: t('errors.noPermission.next', host), canRetry: false };
    case 'signedOut':
      if (error.apiKeyRefused) return { message: t('errors.apiKeyRefused.message', host), next: t('errors.apiKeyRefused.next', host), canRetry: false };
      return { message: t('errors.signedOut.message', host), next: t('errors.signedOut.next', host), canRetry: true };
    case 'forbidden':
      if (error.missingScope) {
        const own = detailText.get(error.missingScope);
        if (own) return own(error);
        return { message: t('errors.apiKeyScope.message', host, error.missingScope), next: t('errors.apiKeyScope.next', host), canRetry: false };
      }
      return { message: t('errors.forbidden.message', host, isolate(error.message)), next: t('errors.forbidden.next'), canRetry: false };
    case 'notAvailable': {
      // A provider's own reasons (DocSpace's SMS policy, an API key that cannot enrol) are worded by its pages that meet them.
      const own = detailText.get(error.reason ?? '');
      if (own) return own(error);
      return { message: t('errors.notAvailable.message', host, isolate(error.message)), next: t('errors.notAvailable.next'), canRetry: true };
    }
    case 'ownerOnly':
      return { message: t('errors.ownerOnly.message', host), next: t('errors.ownerOnly.next'), canRetry: false };
    case 'wrongCode':
      return { message: t('errors.wrongCode.message', host), next: t('errors.wrongCode.next'), canRetry: false };
    case 'tooManyAttempts':
      return { message: t('errors.tooManyAttempts.message', host), next: t('errors.tooManyAttempts.next', wait(error.retryAt)), canRetry: false };
    case 'rateLimited':
      return { message: t('errors.rateLimited.message', host), next: t('errors.rateLimited.next', wait(error.retryAt)), canRetry: true };
    case 'paymentRequired':
      return { message: t('errors.paymentRequired.message', host), next: t('errors.paymentRequired.next'), canRetry: false };
    case 'notFound':
      return { message: t('errors.notFound.message', host, isolate(error.message)), next: t('errors.notFound.next'), canRetry: true };
    case 'invalidInput':
      return { message: t('errors.invalidInput.message', host, isolate(error.message)), next: t('errors.invalidInput.next'), canRetry: false };
    case 'server':
      return { message: t('errors.server.message', host, String(error.status)), next: t('errors.server.next'), canRetry: true };
    case 'badResponse':
      return {
        message: error.tooLarge
          ? t('errors.badResponse.tooLarge', host)
          : error.status ? t('errors.badResponse.messageStatus', host, String(error.status)) : t('errors.badResponse.message', host),
        next: t('errors.badResponse.next'),
        canRetry: true,
      };
    case 'unsafeUrl':
      return { message: t('errors.unsafeUrl.message', host), next: t('errors.unsafeUrl.next'), canRetry: false };
    case 'badRequest':
      return { message: t('errors.badRequest.message', isolate(error.message)), next: t('errors.badRequest.next'), canRetry: true };
    case 'noReply':
      return { message: t('errors.noReply.message'), next: t('errors.noReply.next'), canRetry: true };
    default: {
      // Every core kind is handled above: only a provider's own kinds get here (a compile error otherwise).
      const own: ProviderError = error;
      const describe = providerText.get(own.kind);
      if (describe) return describe(own, now);
      const site = 'origin' in own && typeof own.origin === 'string' ? hostOf(own.origin) : '';
      return { message: t('errors.provider.message', site), next: t('errors.provider.next'), canRetry: true };
    }
  }
}

type Describe<E extends ProviderError = ProviderError> = (error: E, now: number) => ErrorText;
const providerText = new Map<string, Describe>();

type NotAvailable = Extract<AppError, { kind: 'notAvailable' }>;
type Forbidden = Extract<AppError, { kind: 'forbidden' }>;
const detailText = new Map<string, (error: AppError) => ErrorText>();

/**
 * A provider words a detail of its own (called once, from the pages that can meet it, so the popup does not carry
 * the sentences): a `notAvailable` reason, or a `forbidden` API-key scope.
 */
export function registerDetailText(detail: NonNullable<NotAvailable['reason']>, describe: (error: NotAvailable) => ErrorText): void;
export function registerDetailText(detail: `${string}:${string}`, describe: (error: Forbidden) => ErrorText): void;
export function registerDetailText(detail: string, describe: (error: never) => ErrorText): void {
  detailText.set(detail, describe as (error: AppError) => ErrorText);
}

/** A provider puts its own error kind into words (called once, from the provider's page entry). */
export function registerErrorText<K extends ProviderError['kind']>(kind: K, describe: Describe<Extract<ProviderError, { kind: K }>>): void {
  providerText.set(kind, describe as Describe);
}

/**
 * Every failure the UI must tell apart. Each screen maps a kind to one sentence
 * and one next step through an exhaustive switch (lib/messages.ts).
 * `origin` names the portal so messages can say which one.
 */
export type CoreError =
  | { kind: 'network'; origin: string }
  | { kind: 'timeout'; origin: string; ms: number }
  | { kind: 'offline'; origin: string }
  | { kind: 'notPortal'; origin: string }
  | { kind: 'noPermission'; origin: string }
  /** `apiKeyRefused`: the request carried an API key and the portal refused the key itself (expired, revoked or deleted, §12.3). */
  | { kind: 'signedOut'; origin: string; apiKeyRefused?: boolean }
  | { kind: 'forbidden'; origin: string; message: string; /** An API key that lacks this scope (§11.3). */ missingScope?: string }
  /**
   * `noSetup`: the extension holds no enrolment in progress (its own finding, not the portal's).
   * `notApplied`: the portal answered a code with `false` and nothing is enrolled (policy off meanwhile, §11.3).
   * `separateCookies`: sent from a page in a private window or a Firefox container, for a portal on the browser's sign-in.
   */
  | { kind: 'notAvailable'; origin: string; message: string; reason?: 'noSetup' | 'notApplied' | 'sms' | 'needsBrowserSignIn' | 'method' | 'userDisabled' | 'separateCookies';
      /** needsBrowserSignIn: the version the portal gave (null: it did not say), and whether an app was reset before it was found out. */
      version?: string | null; afterReset?: boolean }
  | { kind: 'ownerOnly'; origin: string }
  | { kind: 'wrongCode'; origin: string; attemptsLeft?: number }
  | { kind: 'tooManyAttempts'; origin: string; retryAt: number }
  | { kind: 'rateLimited'; origin: string; retryAt: number }
  | { kind: 'paymentRequired'; origin: string }
  /** `itemNotFound`: the portal's own ItemNotFoundException (no such record), not a 404 of no route or of a proxy. */
  | { kind: 'notFound'; origin: string; message: string; itemNotFound?: boolean }
  | { kind: 'invalidInput'; origin: string; message: string }
  /** `callerExempt`: 3.7's `tfaappwithlink` 500 after saving a policy that does not ask the caller for a code (§12.4). */
  | { kind: 'server'; origin: string; status: number; message?: string; callerExempt?: boolean }
  | { kind: 'badResponse'; origin: string; where: string; status?: number; tooLarge?: boolean }
  | { kind: 'unsafeUrl'; origin: string; url: string }
  | { kind: 'badRequest'; message: string }
  | { kind: 'noReply' };

/**
 * Error kinds a provider adds, by declaration merging from its own folder, so the core never
 * imports a provider: `declare module '…/errors' { interface ProviderErrors { navixy: PanelError } }`.
 * Their sentences come from the provider too (`registerErrorText` in lib/messages.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProviderErrors {}
export type ProviderError = ProviderErrors[keyof ProviderErrors];

export type AppError = CoreError | ProviderError;

export type AppErrorKind = AppError['kind'];

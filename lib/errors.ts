import type { PanelReason } from './navixy/errors';

/**
 * Every failure the UI must tell apart. Each screen maps a kind to one sentence
 * and one next step through an exhaustive switch (lib/messages.ts).
 * `origin` names the portal so messages can say which one.
 */
export type AppError =
  | { kind: 'network'; origin: string }
  | { kind: 'timeout'; origin: string; ms: number }
  | { kind: 'offline'; origin: string }
  | { kind: 'notPortal'; origin: string }
  | { kind: 'noPermission'; origin: string }
  | { kind: 'signedOut'; origin: string }
  | { kind: 'forbidden'; origin: string; message: string; /** An API key that lacks this scope (§11.3). */ missingScope?: string }
  /**
   * `noSetup`: the extension holds no enrolment in progress (its own finding, not the portal's).
   * `notApplied`: the portal answered a code with `false` and nothing is enrolled (policy off meanwhile, §11.3).
   */
  | { kind: 'notAvailable'; origin: string; message: string; reason?: 'noSetup' | 'notApplied' | 'sms' | 'needsBrowserSignIn' }
  | { kind: 'ownerOnly'; origin: string }
  | { kind: 'wrongCode'; origin: string; attemptsLeft?: number }
  | { kind: 'tooManyAttempts'; origin: string; retryAt: number }
  | { kind: 'rateLimited'; origin: string; retryAt: number }
  | { kind: 'paymentRequired'; origin: string }
  | { kind: 'notFound'; origin: string; message: string }
  | { kind: 'invalidInput'; origin: string; message: string }
  | { kind: 'server'; origin: string; status: number; message?: string }
  | { kind: 'badResponse'; origin: string; where: string; status?: number }
  | { kind: 'unsafeUrl'; origin: string; url: string }
  /** A Navixy Admin Panel's error envelope (`status.code`), or a local refusal (code 0); `origin` is the panel's. */
  | {
      kind: 'panel'; origin: string; code: number; reason: PanelReason; description?: string;
      /** Code 13: the permission the session lacks, e.g. `users: update`. */ permission?: string;
      /** Code 7: the parameters the panel named. */ parameters?: string[];
    }
  | { kind: 'badRequest'; message: string }
  | { kind: 'noReply' };

export type AppErrorKind = AppError['kind'];

import { describe, expect, it } from 'vitest';
import '../../lib/providers/docspace/error-text';
import { describeError } from '../../lib/messages';
import type { AppError } from '../../lib/errors';

const origin = 'https://docs.example.com';
const all: AppError[] = [
  { kind: 'network', origin }, { kind: 'timeout', origin, ms: 10_000 }, { kind: 'offline', origin }, { kind: 'notPortal', origin },
  { kind: 'noPermission', origin }, { kind: 'signedOut', origin }, { kind: 'forbidden', origin, message: 'Access denied' },
  { kind: 'notAvailable', origin, message: 'Not available.' }, { kind: 'ownerOnly', origin }, { kind: 'wrongCode', origin },
  { kind: 'tooManyAttempts', origin, retryAt: 1_000_000 + 42_000 }, { kind: 'rateLimited', origin, retryAt: 1_000_000 + 90_000 },
  { kind: 'paymentRequired', origin }, { kind: 'notFound', origin, message: 'The user could not be found' },
  { kind: 'invalidInput', origin, message: 'bad' }, { kind: 'server', origin, status: 502 },
  { kind: 'badResponse', origin, where: 'GET x', status: 200 }, { kind: 'unsafeUrl', origin, url: 'https://evil.example' },
];

describe('every portal error becomes one sentence naming the portal', () => {
  it.each(all.map((e) => [e.kind, e] as const))('%s', (_kind, error) => {
    const text = describeError(error, 1_000_000);
    expect(text.message).toContain('docs.example.com');
    expect(text.next.length).toBeGreaterThan(5);
  });

  it('names HTTP statuses where there is one', () => {
    expect(describeError({ kind: 'server', origin, status: 502 }).message).toContain('HTTP 502');
    expect(describeError({ kind: 'signedOut', origin }).message).toContain('HTTP 401');
  });

  it('says how long to wait when locked or rate-limited', () => {
    expect(describeError({ kind: 'tooManyAttempts', origin, retryAt: 1_042_000 }, 1_000_000).next).toContain('42 s');
    expect(describeError({ kind: 'rateLimited', origin, retryAt: 1_090_000 }, 1_000_000).next).toContain('1 min 30 s');
  });

  it('names what only the portal can fix: a missing API-key scope, an SMS policy, 3.6 with an API key', () => {
    const scope = describeError({ kind: 'forbidden', origin, message: 'Access denied', missingScope: '*:read' });
    expect(scope.message).toContain('“*:read”');
    expect(scope.canRetry).toBe(false);
    expect(describeError({ kind: 'notAvailable', origin, message: 'x', reason: 'sms' }).message).toContain('is by SMS');
    expect(describeError({ kind: 'notAvailable', origin, message: 'x', reason: 'needsBrowserSignIn', version: '3.6.1.100' }).message).toContain('DocSpace 3.6.1.100');
  });

  it('does not offer Retry where it cannot help', () => {
    expect(describeError({ kind: 'ownerOnly', origin }).canRetry).toBe(false);
    expect(describeError({ kind: 'network', origin }).canRetry).toBe(true);
  });
});

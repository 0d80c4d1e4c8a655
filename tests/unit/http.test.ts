import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import fc from 'fast-check';
import { RETRY_POLICY, errorFromResponse, request, type Endpoint, type Transport } from '../../lib/providers/docspace/http';
import { retryAfterMs } from '../../lib/http';

const origin = 'https://portal.example';

function transport(status: number, body: string, headers: Record<string, string> = {}): Transport & { calls: RequestInit[] } {
  const calls: RequestInit[] = [];
  return {
    origin, auth: { kind: 'cookie' }, timeoutMs: 200, calls,
    fetch: async (_url, init) => {
      calls.push(init ?? {});
      return new Response(body, { status, headers });
    },
  };
}

const get = (t: Transport) => request(t, { method: 'GET', path: 'settings/tfaapp', schema: z.array(z.unknown()) });

describe('request() maps every failure to a typed error', () => {
  it.each([
    [401, '', 'signedOut'],
    [402, '', 'paymentRequired'],
    [403, '', 'forbidden'],
    [403, JSON.stringify({ error: { message: 'TFA application settings are not available', type: 'System.InvalidOperationException' }, status: 1, statusCode: 403 }), 'notAvailable'],
    [400, JSON.stringify({ response: { title: 'One or more validation errors' }, status: 1, statusCode: 400 }), 'invalidInput'],
    [404, '', 'notFound'],
    [429, '', 'rateLimited'],
    [500, '{"error":{"message":"boom"}}', 'server'],
    [502, '<html><body>Bad gateway</body></html>', 'server'],
    [200, '', 'badResponse'],
    [200, '{"response": [1', 'badResponse'],
    [200, '<html>', 'badResponse'],
    [200, JSON.stringify({ response: { weird: 1 }, status: 0, statusCode: 200 }), 'badResponse'],
    [200, JSON.stringify({ response: [], status: 1, statusCode: 200 }), 'badResponse'],
  ])('HTTP %i %s → %s', async (status, body, kind) => {
    const r = await get(transport(status, body));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe(kind);
  });

  it('keeps only the message of an error body, never the stack', async () => {
    const r = await get(transport(403, JSON.stringify({ error: { message: 'Access denied', type: 'Sec', stack: 'SECRET STACK' } })));
    expect(r).toEqual({ ok: false, error: { kind: 'forbidden', origin, message: 'Access denied' } });
  });

  it('returns the parsed response on success and null for an omitted response', async () => {
    expect(await get(transport(200, JSON.stringify({ response: [1, 2], count: 2, status: 0, statusCode: 200 })))).toEqual({ ok: true, value: [1, 2] });
    const nullable = await request(transport(200, JSON.stringify({ count: 0, status: 0, statusCode: 200 })), { method: 'GET', path: 'x', schema: z.null() });
    expect(nullable).toEqual({ ok: true, value: null });
  });

  it('times out a stalled request', async () => {
    const t: Transport = {
      origin, auth: { kind: 'cookie' }, timeoutMs: 50,
      fetch: (_u, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    };
    expect(await get(t)).toEqual({ ok: false, error: { kind: 'timeout', origin, ms: 50 } });
  });

  it('reports a failed fetch as a network error', async () => {
    const t: Transport = { origin, auth: { kind: 'cookie' }, fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    const r = await get(t);
    expect(r.ok ? null : r.error.kind).toMatch(/network|offline/);
  });

  it('sends the API key as a bearer token without cookies, and cookies otherwise', async () => {
    const withKey = { ...transport(200, '{"response":[],"status":0}'), auth: { kind: 'apiKey', key: 'sk-abc12345' } as const };
    await get(withKey);
    expect(withKey.calls[0]!.headers).toMatchObject({ Authorization: 'Bearer sk-abc12345' });
    expect(withKey.calls[0]!.credentials).toBe('omit');
    const cookie = transport(200, '{"response":[],"status":0}');
    await get(cookie);
    expect(cookie.calls[0]!.credentials).toBe('include');
    expect(cookie.calls[0]!.headers).not.toHaveProperty('Authorization');
  });

  it('parses Retry-After seconds and dates, bounded', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(null)).toBe(30_000);
    expect(retryAfterMs('99999')).toBe(600_000);
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    expect(retryAfterMs(inTwoSeconds)).toBeGreaterThan(0);
    expect(retryAfterMs(inTwoSeconds)).toBeLessThanOrEqual(2000);
  });
});

describe('retries: GETs only, bounded, honouring Retry-After', () => {
  function sequence(replies: (() => Response | Promise<Response>)[]) {
    const waits: number[] = [];
    const methods: string[] = [];
    const t: Transport = {
      origin, auth: { kind: 'cookie' }, timeoutMs: 200,
      sleep: async (ms) => {
        waits.push(ms);
      },
      fetch: async (_url, init) => {
        methods.push(init?.method ?? 'GET');
        const next = replies.shift();
        if (!next) throw new Error('more requests than expected');
        return next();
      },
    };
    return { t, waits, methods };
  }
  const okBody = () => new Response('{"response":[],"status":0}', { status: 200 });

  it('waits the HTTP-date form of Retry-After (within the cap), then succeeds', async () => {
    const { t, waits, methods } = sequence([() => new Response('', { status: 503, headers: { 'Retry-After': new Date(Date.now() + 3000).toUTCString() } }), okBody]);
    expect(await get(t)).toEqual({ ok: true, value: [] });
    expect(methods).toEqual(['GET', 'GET']);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
  });

  it('a 429 without Retry-After is not retried (the default wait is beyond the cap)', async () => {
    const { t, methods } = sequence([() => new Response('', { status: 429 })]);
    expect((await get(t)).ok).toBe(false);
    expect(methods).toEqual(['GET']);
  });

  it('a refused connection is retried with the back-off, at most maxAttempts times in all', async () => {
    const refuse = () => Promise.reject(new TypeError('fetch failed'));
    const { t, waits, methods } = sequence([refuse, refuse, refuse]);
    expect(await get(t)).toEqual({ ok: false, error: { kind: 'network', origin } });
    expect(methods).toHaveLength(RETRY_POLICY.maxAttempts);
    expect(waits).toEqual(RETRY_POLICY.backoffMs.slice(0, RETRY_POLICY.maxAttempts - 1));
  });

  it('a policy of one attempt never retries', async () => {
    const { t, methods } = sequence([() => new Response('', { status: 502 })]);
    expect((await get({ ...t, retry: { ...RETRY_POLICY, maxAttempts: 1 } })).ok).toBe(false);
    expect(methods).toEqual(['GET']);
  });

  it.each(['PUT', 'POST', 'DELETE'] as const)('%s is sent once whatever the answer', async (method) => {
    for (const reply of [() => new Response('', { status: 502 }), () => new Response('', { status: 429, headers: { 'Retry-After': '1' } }), () => Promise.reject(new TypeError('reset'))]) {
      const { t, methods, waits } = sequence([reply]);
      expect((await request(t, { method, path: 'settings/tfaappnewcodes', schema: z.unknown() })).ok).toBe(false);
      expect(methods).toEqual([method]);
      expect(waits).toEqual([]);
    }
  });

  it('4xx answers other than 429, and 500, are final', async () => {
    for (const status of [400, 401, 403, 404, 500]) {
      const { t, methods } = sequence([() => new Response('', { status })]);
      expect((await get(t)).ok).toBe(false);
      expect(methods).toEqual(['GET']);
    }
  });
});

/**
 * Fact sheet §11.1: the portal translates error messages into the caller's language (32 of them), so errors are
 * classified by endpoint, status and the untranslated `error.type`. Each row is checked with the English text,
 * the real Russian and German texts, and text in no language at all.
 */
describe('errors are classified by endpoint, status and type, never by their words', () => {
  const VALIDATE: Endpoint = { method: 'POST', path: 'settings/tfaapp/validate' };
  const SETUP: Endpoint = { method: 'GET', path: 'settings/tfaapp/setup' };
  const CODES: Endpoint = { method: 'GET', path: 'settings/tfaappcodes' };
  const NEW_CODES: Endpoint = { method: 'PUT', path: 'settings/tfaappnewcodes' };
  const RESET: Endpoint = { method: 'PUT', path: 'settings/tfaappnewapp' };
  const SAVE: Endpoint = { method: 'PUT', path: 'settings/tfaapp' };
  const SAVE_LINK: Endpoint = { method: 'PUT', path: 'settings/tfaappwithlink' };
  const SIGN_IN: Endpoint = { method: 'POST', path: 'authentication' };
  const SELF: Endpoint = { method: 'GET', path: 'people/@self' };
  // Without a type: the BruteForce body as ResponseWrapper.cs writes it, type, stack and hresult null, null, 0 (§12.4).
  const body = (message: string, type?: string) =>
    JSON.stringify({ error: type ? { message, type, stack: '   at …', hresult: -1 } : { message, type: null, stack: null, hresult: 0 }, status: 1, statusCode: 0 });
  const classify = (e: Endpoint, status: number, text: string) => errorFromResponse(origin, { status, headers: new Headers() }, text, e);

  const WORDS = {
    // Resource.resx, Resource.ru.resx, Resource.de.resx (DocSpace-server), then no language at all.
    wrongCode: ['Incorrect code', 'Неправильный код', 'Falscher Code', '???'],
    tooMany: [
      'You have sent too many text messages. Please try again later.',
      'Вы отправили слишком много текстовых сообщений. Повторите попытку позже.',
      'Sie haben zu viele Kurzmitteilungen gesendet. Bitte versuchen Sie es später erneut.',
      'x',
    ],
    notAvailable: ['TFA application settings are not available', 'Настройки приложения для аутентификации недоступны', 'TFA-Anwendungseinstellungen sind nicht verfügbar', 'Not available.'],
    noPermissions: ['No permissions to perform this action', 'Недостаточно прав для выполнения данной операции', 'Keine Berechtigung zum Durchführen dieser Aktion', '—'],
    smsNotAvailable: ['SMS settings are not available', 'Настройки SMS недоступны', 'SMS-Einstellungen sind nicht verfügbar', 'Operation is not valid due to the current state of the object.'],
  };
  const ARG = 'System.ArgumentException';
  const INVALID = 'System.InvalidOperationException';

  it.each([
    ['validate 400 ArgumentException', VALIDATE, 400, WORDS.wrongCode, ARG, 'wrongCode'],
    ['validate 403 without type (BruteForce)', VALIDATE, 403, WORDS.tooMany, undefined, 'tooManyAttempts'],
    ['sign-in 403 without type (BruteForce)', SIGN_IN, 403, WORDS.tooMany, undefined, 'tooManyAttempts'],
    ['setup 403 InvalidOperation', SETUP, 403, WORDS.notAvailable, INVALID, 'notAvailable'],
    ['backup codes 403 InvalidOperation', CODES, 403, WORDS.notAvailable, INVALID, 'notAvailable'],
    ['new codes 403 InvalidOperation', NEW_CODES, 403, WORDS.notAvailable, INVALID, 'notAvailable'],
    ['validate 403 InvalidOperation', VALIDATE, 403, WORDS.notAvailable, INVALID, 'notAvailable'],
    ['reset 403 InvalidOperation (not available, or no permission)', RESET, 403, [...WORDS.notAvailable, ...WORDS.noPermissions], INVALID, 'notAvailable'],
    // The method not offered (SmsNotAvailable, no SMS provider, the app hidden); the owner guard throws the same
    // type but never meets our bodies, which carry the caller's own id (§11.3).
    ['policy save 403 InvalidOperation (method not offered)', SAVE, 403, [...WORDS.smsNotAvailable, ...WORDS.notAvailable], INVALID, 'notAvailable'],
    ['policy save with link 403 InvalidOperation', SAVE_LINK, 403, [...WORDS.smsNotAvailable, ...WORDS.noPermissions], INVALID, 'notAvailable'],
    ['any 403 SecurityException', SETUP, 403, ['Access denied'], 'System.Security.SecurityException', 'forbidden'],
    ['any 403 AuthorizingException', SAVE, 403, ['Access denied'], 'ASC.Common.Security.Authorizing.AuthorizingException', 'forbidden'],
    ['a 400 elsewhere with ArgumentException', SAVE, 400, WORDS.wrongCode, ARG, 'invalidInput'],
    ['validate 400 of another type', VALIDATE, 400, WORDS.wrongCode, 'System.FormatException', 'invalidInput'],
    ['a 403 without type off the TFA and sign-in routes', SELF, 403, WORDS.tooMany, undefined, 'forbidden'],
    ['InvalidOperation off the TFA routes', SELF, 403, WORDS.notAvailable, INVALID, 'forbidden'],
  ] as const)('%s → %s in every language', (_name, endpoint, status, words, type, kind) => {
    for (const message of words) {
      const error = classify(endpoint, status, body(message, type));
      expect(error.kind, message).toBe(kind);
      // The words are kept only to be shown, as sent.
      if ('message' in error && message) expect(error.message).toBe(message);
    }
  });

  it('an empty 401 or 403 (no session; scope or role missing) is signedOut or forbidden, whatever the endpoint', () => {
    for (const e of [VALIDATE, SETUP, SAVE, RESET, SIGN_IN, SELF]) {
      expect(classify(e, 401, '').kind).toBe('signedOut');
      expect(classify(e, 403, '').kind).toBe('forbidden');
    }
  });

  it('the query string does not change the endpoint', () => {
    expect(classify({ method: 'POST', path: '/settings/tfaapp/validate?x=1' }, 400, body('?', ARG)).kind).toBe('wrongCode');
  });

  it('property: the message text never changes the kind', () => {
    const endpoints = [VALIDATE, SETUP, CODES, NEW_CODES, RESET, SAVE, SAVE_LINK, SIGN_IN, SELF];
    fc.assert(fc.property(
      fc.constantFrom(...endpoints), fc.constantFrom(400, 401, 403, 404, 500), fc.option(fc.constantFrom(ARG, INVALID, 'System.Security.SecurityException'), { nil: undefined }),
      fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom(...Object.values(WORDS).flat()),
      (endpoint, status, type, a, b) => {
        expect(classify(endpoint, status, body(a, type)).kind).toBe(classify(endpoint, status, body(b, type)).kind);
      },
    ));
  });
});

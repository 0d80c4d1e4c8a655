import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RETRY_POLICY, request, retryAfterMs, type Transport } from '../../lib/docspace/http';

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
    [403, JSON.stringify({ error: { message: 'TFA application settings are not available' }, status: 1, statusCode: 403 }), 'notAvailable'],
    [403, JSON.stringify({ error: { message: 'You have sent too many text messages. Please try again later.' }, status: 1, statusCode: 403 }), 'tooManyAttempts'],
    [403, JSON.stringify({ error: { message: 'No permissions to perform this action' }, status: 1, statusCode: 403 }), 'ownerOnly'],
    [400, JSON.stringify({ error: { message: 'Incorrect code', type: 'System.ArgumentException', stack: 'at …' }, status: 1, statusCode: 400 }), 'wrongCode'],
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

import { describe, expect } from 'vitest';
import { startPortal } from '../portal/server';
import { call } from '../portal/test-client';
import { integrationTest as test } from './fixtures';

test.beforeEach(({ portal }) => portal.setLatency(0));

describe('faults', () => {
  test('html502 answers an nginx-style HTML page', async ({ portal }) => {
    portal.injectFault({ kind: 'html502' });
    const r = await call(portal.origin, 'GET', 'settings');
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('502 Bad Gateway');
  });

  test('truncated runs the request but cuts the JSON in half', async ({ portal }) => {
    portal.injectFault({ kind: 'truncated', path: 'settings/version/build' });
    const r = await call(portal.origin, 'GET', 'settings/version/build');
    expect(r.status).toBe(200);
    expect(r.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.text)).toThrow();
    expect((await call(portal.origin, 'GET', 'settings')).json.response.docSpace).toBe(true);
  });

  test('empty200, status500 and garbage', async ({ portal }) => {
    portal.injectFault({ kind: 'empty200' });
    const e = await call(portal.origin, 'GET', 'settings');
    expect([e.status, e.text]).toEqual([200, '']);
    portal.injectFault({ kind: 'status500' });
    const s = await call(portal.origin, 'GET', 'settings');
    expect(s.status).toBe(500);
    expect(s.json.status).toBe(1);
    portal.injectFault({ kind: 'garbage' });
    const g = await call(portal.origin, 'GET', 'settings/tfaapp');
    expect(g.json).toEqual({ response: { weird: 1 }, status: 0, statusCode: 200 });
  });

  test('status429 carries Retry-After; times limits how often; a RegExp path filters', async ({ portal }) => {
    portal.injectFault({ kind: 'status429', retryAfterSec: 7, times: 2, path: /tfaapp$/ });
    expect((await call(portal.origin, 'GET', 'settings')).status).toBe(200);
    const first = await call(portal.origin, 'GET', 'settings/tfaapp');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await call(portal.origin, 'GET', 'settings/tfaapp')).status).toBe(429);
    expect((await call(portal.origin, 'GET', 'settings/tfaapp')).status).toBe(401);
  });

  test('stall never answers (until aborted or closed)', async ({ portal }) => {
    portal.injectFault({ kind: 'stall', times: 1 });
    const ctrl = new AbortController();
    const pending = fetch(`${portal.origin}/api/2.0/settings`, { signal: ctrl.signal });
    const winner = await Promise.race([pending.then(() => 'answered'), new Promise((r) => setTimeout(() => r('stalled'), 150))]);
    expect(winner).toBe('stalled');
    ctrl.abort();
    await expect(pending).rejects.toThrow();
    expect((await call(portal.origin, 'GET', 'settings')).status).toBe(200);
  });

  test('injectFault(null) clears', async ({ portal }) => {
    portal.injectFault({ kind: 'html502' });
    portal.injectFault(null);
    expect((await call(portal.origin, 'GET', 'settings')).status).toBe(200);
  });

  test('a closing portal ends stalled requests', async () => {
    const other = await startPortal();
    other.injectFault({ kind: 'stall' });
    const pending = fetch(`${other.origin}/api/2.0/settings`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect(await pending).toBe('failed');
  });
});

describe('latency', () => {
  test('delays every response by latencyMs', async ({ portal }) => {
    portal.setLatency(200);
    const t0 = Date.now();
    await call(portal.origin, 'GET', 'settings');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    portal.setLatency(0);
    const t1 = Date.now();
    await call(portal.origin, 'GET', 'settings');
    expect(Date.now() - t1).toBeLessThan(150);
  });
});

describe('request log', () => {
  test('records method, path, query, status, auth and a redacted body', async ({ portal }) => {
    const token = await portal.signIn('user');
    await call(portal.origin, 'GET', 'people/filter?count=1', { headers: { Cookie: `asc_auth_key=${token}` } });
    await call(portal.origin, 'POST', 'authentication', { body: { userName: 'user@demo.test', password: 'demo-password' } });
    await call(portal.origin, 'GET', 'settings', { headers: { Authorization: token } });
    const [filter, signIn, settings] = portal.requests;
    expect(filter).toMatchObject({ method: 'GET', path: '/api/2.0/people/filter', query: 'count=1', status: 403, auth: 'cookie' });
    expect(signIn).toMatchObject({ method: 'POST', status: 200, auth: 'none', body: { userName: 'user@demo.test', password: '***' } });
    expect(settings?.auth).toBe('token');
    expect(JSON.stringify(portal.requests)).not.toContain('demo-password');
    portal.clearLog();
    expect(portal.requests).toEqual([]);
  });
});

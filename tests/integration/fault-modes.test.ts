import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../portal/server';
import { FAULT_KINDS, type Fault, type FaultKind } from '../portal/faults';
import { createDocspaceClient } from '../../lib/providers/docspace/client';
import { RETRY_POLICY, request, type Transport } from '../../lib/providers/docspace/http';
import { z } from '../../lib/zod-config';
import { describeError } from '../../lib/messages';
import { hostOf } from '../../lib/portal/origin';
import type { AppError } from '../../lib/errors';
import { jarFetch } from './jar-fetch';

/**
 * Every fault mode of the emulated portal, through the real client over real HTTP: each
 * becomes the right typed error and one sentence naming the portal; only GETs are retried,
 * bounded, honouring Retry-After, as the portal's request log shows.
 * Waits between attempts are recorded instead of slept, so nothing here depends on timing.
 */
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal.close());

let waits: number[];
beforeEach(() => {
  portal.reset();
  portal.setVersion('3.7');
  waits = [];
});

const STALL_TIMEOUT_MS = 1000;

function anonymousClient() {
  const t: Transport = {
    origin: portal.origin, auth: { kind: 'cookie' }, fetch: jarFetch(), timeoutMs: STALL_TIMEOUT_MS,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
  // `settings/version/build` (a small anonymous GET with a required field) is asked here only: the extension
  // reads the version from `GET settings`, so the client has no function for it.
  const getBuildVersion = () =>
    request(t, { method: 'GET', path: 'settings/version/build', schema: z.object({ docSpace: z.string() }), anonymous: true });
  return { ...createDocspaceClient(t), getBuildVersion };
}

/** A signed-in, enrolled user (API key), so PUT tfaappnewcodes and POST validate reach the portal. */
function enrolledUserClient() {
  portal.setPolicy({ enabled: true });
  portal.enrol('user@demo.test');
  return createDocspaceClient({
    origin: portal.origin, auth: { kind: 'apiKey', key: portal.apiKeyOf('user@demo.test') }, fetch: jarFetch(),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}

const hits = (method: string, path: string) => portal.requests.filter((r) => r.method === method && r.path === `/api/2.0/${path}`).length;

function failure<T>(r: { ok: true; value: T } | { ok: false; error: AppError }): AppError {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

interface FaultCase {
  fault: Fault;
  error: Record<string, unknown>;
  /** The sentence the UI shows, with HOST standing for the portal's host. */
  sentence: string;
  /** GET requests the portal saw for one client call. */
  requests: number;
  waits: number[];
}

const CASES: Record<FaultKind, FaultCase> = {
  html502: { fault: { kind: 'html502' }, error: { kind: 'server', status: 502 }, sentence: 'HOST had an internal error (HTTP 502).', requests: 3, waits: [300, 1000] },
  truncated: { fault: { kind: 'truncated' }, error: { kind: 'badResponse', status: 200, where: 'GET settings/version/build' }, sentence: 'HOST sent an answer the extension does not understand (HTTP 200).', requests: 1, waits: [] },
  empty200: { fault: { kind: 'empty200' }, error: { kind: 'badResponse', status: 200 }, sentence: 'HOST sent an answer the extension does not understand (HTTP 200).', requests: 1, waits: [] },
  stall: { fault: { kind: 'stall' }, error: { kind: 'timeout', ms: STALL_TIMEOUT_MS }, sentence: 'HOST did not answer within 1 sec.', requests: 1, waits: [] },
  status429: { fault: { kind: 'status429', retryAfterSec: 2 }, error: { kind: 'rateLimited' }, sentence: 'HOST is limiting requests (HTTP 429).', requests: 3, waits: [2000, 2000] },
  status500: { fault: { kind: 'status500' }, error: { kind: 'server', status: 500, message: 'Internal Server Error' }, sentence: 'HOST had an internal error (HTTP 500).', requests: 1, waits: [] },
  garbage: { fault: { kind: 'garbage' }, error: { kind: 'badResponse', status: 200 }, sentence: 'HOST sent an answer the extension does not understand (HTTP 200).', requests: 1, waits: [] },
  stallBody: { fault: { kind: 'stallBody' }, error: { kind: 'timeout', ms: STALL_TIMEOUT_MS }, sentence: 'HOST did not answer within 1 sec.', requests: 1, waits: [] },
  reset: { fault: { kind: 'reset' }, error: { kind: 'network' }, sentence: 'Could not reach HOST.', requests: 3, waits: [300, 1000] },
};

describe('every fault mode becomes a typed error and one sentence naming the portal', () => {
  it('the table covers every fault the emulator knows', () => {
    expect(Object.keys(CASES).sort()).toEqual([...FAULT_KINDS].sort());
  });

  it.each(FAULT_KINDS)('%s on GET settings/version/build', async (kind) => {
    const c = CASES[kind];
    portal.injectFault({ ...c.fault, path: 'settings/version/build' });
    const error = failure(await anonymousClient().getBuildVersion());
    expect(error).toMatchObject({ ...c.error, origin: portal.origin });
    const text = describeError(error);
    expect(text.message).toBe(c.sentence.replace('HOST', hostOf(portal.origin)));
    expect(text.next.length).toBeGreaterThan(0);
    expect(hits('GET', 'settings/version/build')).toBe(c.requests);
    expect(waits).toEqual(c.waits);
  });

  it('a rate limit says when to retry, from Retry-After', async () => {
    portal.injectFault({ kind: 'status429', retryAfterSec: 2, path: 'settings' });
    const before = Date.now();
    const error = failure(await anonymousClient().getPortalSettings());
    if (error.kind !== 'rateLimited') throw new Error(error.kind);
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 2000);
    expect(describeError(error, error.retryAt - 2000).next).toBe('Retry in 2 sec.');
  });
});

describe('retries: GETs only, bounded, honouring Retry-After', () => {
  it('a GET recovers after one 502 page (two requests, one short back-off)', async () => {
    portal.injectFault({ kind: 'html502', path: 'settings', times: 1 });
    const r = await anonymousClient().getPortalSettings();
    expect(r.ok && r.value.isDocSpace).toBe(true);
    expect(hits('GET', 'settings')).toBe(2);
    expect(waits).toEqual([300]);
  });

  it('a GET recovers after two dropped connections (three requests, never more)', async () => {
    portal.injectFault({ kind: 'reset', path: 'settings', times: 2 });
    const r = await anonymousClient().getPortalSettings();
    expect(r.ok).toBe(true);
    expect(hits('GET', 'settings')).toBe(RETRY_POLICY.maxAttempts);
  });

  it('a GET waits exactly the Retry-After the portal asked for, then succeeds', async () => {
    portal.injectFault({ kind: 'status429', retryAfterSec: 1, path: 'settings/version/build', times: 1 });
    const r = await anonymousClient().getBuildVersion();
    expect(r.ok && r.value.docSpace).toMatch(/^3\.7/);
    expect(waits).toEqual([1000]);
    expect(hits('GET', 'settings/version/build')).toBe(2);
  });

  it('a Retry-After beyond the cap is not waited for: one request, the error at once', async () => {
    portal.injectFault({ kind: 'status429', retryAfterSec: 60, path: 'settings' });
    const error = failure(await anonymousClient().getPortalSettings());
    expect(error.kind).toBe('rateLimited');
    expect(hits('GET', 'settings')).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a stalled GET is not retried (its time budget is spent)', async () => {
    portal.injectFault({ kind: 'stall', path: 'settings', times: 1 });
    const error = failure(await anonymousClient().getPortalSettings());
    expect(error.kind).toBe('timeout');
    expect(hits('GET', 'settings')).toBe(1);
  });

  it.each([
    ['html502', { kind: 'html502' }, 'server'],
    ['reset', { kind: 'reset' }, 'network'],
    ['status429 with a short Retry-After', { kind: 'status429', retryAfterSec: 1 }, 'rateLimited'],
    ['status500', { kind: 'status500' }, 'server'],
  ] as const)('PUT tfaappnewcodes is sent once under %s', async (_name, fault, kind) => {
    const client = enrolledUserClient();
    const before = portal.backupCodes('user@demo.test').map((c) => c.code);
    portal.injectFault({ ...fault, path: 'settings/tfaappnewcodes' });
    expect(failure(await client.regenerateBackupCodes()).kind).toBe(kind);
    expect(hits('PUT', 'settings/tfaappnewcodes')).toBe(1);
    expect(waits).toEqual([]);
    // None of these faults ran the request: the codes are untouched.
    expect(portal.backupCodes('user@demo.test').map((c) => c.code)).toEqual(before);
  });

  it('a PUT whose answer is cut off was applied once and is not repeated', async () => {
    const client = enrolledUserClient();
    const before = portal.backupCodes('user@demo.test').map((c) => c.code);
    portal.injectFault({ kind: 'truncated', path: 'settings/tfaappnewcodes' });
    expect(failure(await client.regenerateBackupCodes())).toMatchObject({ kind: 'badResponse', where: 'PUT settings/tfaappnewcodes' });
    expect(hits('PUT', 'settings/tfaappnewcodes')).toBe(1);
    expect(portal.backupCodes('user@demo.test').map((c) => c.code)).not.toEqual(before);
  });

  it('POST validate is sent once under a 429 (a code attempt is never spent twice)', async () => {
    portal.setPolicy({ enabled: true });
    const client = createDocspaceClient({
      origin: portal.origin, auth: { kind: 'apiKey', key: portal.apiKeyOf('user@demo.test') }, fetch: jarFetch(),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    portal.injectFault({ kind: 'status429', retryAfterSec: 1, path: 'settings/tfaapp/validate' });
    const error = failure(await client.validateTfaCode({ type: 'TfaActivation', uid: portal.user('user@demo.test').id }, '123456'));
    expect(error.kind).toBe('rateLimited');
    expect(hits('POST', 'settings/tfaapp/validate')).toBe(1);
    expect(waits).toEqual([]);
  });
});

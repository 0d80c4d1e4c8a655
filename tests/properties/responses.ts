// Property-based checks of the DocSpace client against hostile and broken portal responses.
// Each entry is one property; tests/unit/hostile-responses.test.ts runs them and the README
// states how many there are (tests/unit/testing-counts.test.ts keeps the two in step).
import fc from 'fast-check';
import { expect } from 'vitest';
import * as z from 'zod/mini';
import * as schemas from '../../lib/providers/docspace/schemas';
import { createDocspaceClient, type DocspaceClient } from '../../lib/providers/docspace/client';
import { RETRY_POLICY } from '../../lib/providers/docspace/http';
import type { AppError, AppErrorKind } from '../../lib/errors';
import { describeError } from '../../lib/messages';
import type { Result } from '../../lib/result';

export const ORIGIN = 'https://portal.example.com';
const HOST = 'portal.example.com';
const GUID = '11111111-2222-4333-8444-555555555555';
const TOKEN = { type: 'TfaActivation', uid: GUID } as const;
const POLICY = { type: 'App', id: GUID, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] } as const;

/** Bounded so the unit suite stays quick; a failure prints its seed and shrunk counterexample. */
const RUNS = 120;

/** Every client function, called with fixed arguments. */
export const CALLS: Record<string, (c: DocspaceClient) => Promise<Result<unknown, AppError>>> = {
  getPortalSettings: (c) => c.getPortalSettings(),
  getSignedInSettings: (c) => c.getSignedInSettings(),
  getLoginSettings: (c) => c.getLoginSettings(),
  getSelf: (c) => c.getSelf(),
  getTfaPolicy: (c) => c.getTfaPolicy(),
  setTfaPolicy: (c) => c.setTfaPolicy({ ...POLICY, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] }),
  setTfaPolicyWithLink: (c) => c.setTfaPolicyWithLink({ ...POLICY, trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] }),
  getTfaConfirm: (c) => c.getTfaConfirm(),
  getTfaSetup: (c) => c.getTfaSetup(TOKEN),
  validateTfaCode: (c) => c.validateTfaCode(TOKEN, '123456'),
  getBackupCodes: (c) => c.getBackupCodes(),
  regenerateBackupCodes: (c) => c.regenerateBackupCodes(),
  resetTfaApp: (c) => c.resetTfaApp(GUID),
  getUser: (c) => c.getUser(GUID),
  searchPeople: (c) => c.searchPeople('a'),
  coveragePage: (c) => c.coveragePage(0),
  getGroup: (c) => c.getGroup(GUID),
  listGroups: (c) => c.listGroups(),
};
const CALL_NAMES = Object.keys(CALLS);

const KINDS: readonly AppErrorKind[] = [
  'network', 'timeout', 'offline', 'notPortal', 'noPermission', 'signedOut', 'forbidden', 'notAvailable', 'ownerOnly', 'wrongCode',
  'tooManyAttempts', 'rateLimited', 'paymentRequired', 'notFound', 'invalidInput', 'server', 'badResponse', 'unsafeUrl', 'badRequest', 'noReply',
];

/** A client whose every request gets this answer; retries are not slept. */
function clientAnswering(status: number, body: string, headers: Record<string, string> = {}) {
  let requests = 0;
  const waits: number[] = [];
  const client = createDocspaceClient({
    origin: ORIGIN, auth: { kind: 'cookie' },
    sleep: async (ms) => {
      waits.push(ms);
    },
    fetch: async () => {
      requests += 1;
      return new Response(body, { status, headers });
    },
  });
  return { client, requests: () => requests, waits };
}

const envelope = (response: unknown) => JSON.stringify({ response, count: 1, links: [{ href: `${ORIGIN}/api/2.0/x`, action: 'GET' }], status: 0, statusCode: 200 });

/** Resolves (never rejects) to a Result; an error has a known kind, names the portal, and reads as one sentence. */
async function expectTypedResult(run: () => Promise<Result<unknown, AppError>>): Promise<Result<unknown, AppError>> {
  const r = await run();
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(KINDS).toContain(r.error.kind);
    expect(r.error).toHaveProperty('origin', ORIGIN);
    const text = describeError(r.error);
    expect(text.message).toContain(HOST);
    expect(text.message.length).toBeLessThan(800);
  }
  return r;
}

// Statuses a Response may carry with a body (204/205/304 may not).
const statusArb = fc.oneof(
  fc.constantFrom(200, 400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504),
  fc.integer({ min: 200, max: 599 }).filter((s) => ![204, 205, 304].includes(s)),
);
const textArb = fc.string({ unit: 'grapheme', maxLength: 300 });
const jsonArb = fc.jsonValue({ maxDepth: 4 });

// Valid wire values per endpoint (fact sheet §2–§10), generated rather than hand-picked.
const guidArb = fc.uuid();
const profileArb = fc.record(
  {
    id: guidArb, displayName: fc.string({ maxLength: 60 }), email: fc.string({ maxLength: 60 }), userName: fc.string({ maxLength: 20 }),
    isOwner: fc.boolean(), isAdmin: fc.boolean(), isRoomAdmin: fc.boolean(), isVisitor: fc.boolean(), isCollaborator: fc.boolean(),
    tfaAppEnabled: fc.boolean(), status: fc.constantFrom(1, 2, 4),
    groups: fc.array(fc.record({ id: guidArb, name: fc.string({ maxLength: 30 }) }), { maxLength: 4 }),
  },
  { requiredKeys: ['id'] },
);
const groupArb = fc.record({ id: guidArb, name: fc.string({ maxLength: 60 }), isSystem: fc.boolean(), membersCount: fc.nat() }, { requiredKeys: ['id', 'name'] });
const tfaEntryArb = fc.record(
  {
    id: fc.constantFrom('sms', 'app'), title: fc.string({ maxLength: 30 }), enabled: fc.boolean(), available: fc.boolean(),
    trustedIps: fc.array(fc.ipV4(), { maxLength: 4 }), mandatoryUsers: fc.array(guidArb, { maxLength: 3 }), mandatoryGroups: fc.array(guidArb, { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'enabled'] },
);
const base32Arb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 16, maxLength: 16 });
const setupArb = fc.record({
  account: fc.emailAddress(), manualEntryKey: base32Arb,
  qrCodeSetupImageUrl: fc.base64String({ minLength: 4, maxLength: 40 }).map((b) => `data:image/png;base64,${b}`),
});
const codeArb = fc.record({ isUsed: fc.boolean(), code: fc.string({ unit: fc.constantFrom(...'abcXYZ019-_'), minLength: 6, maxLength: 6 }) });
const settingsArb = fc.record(
  { docSpace: fc.boolean(), version: fc.string({ maxLength: 20 }), tenantAlias: fc.string({ maxLength: 20 }), tenantStatus: fc.nat(), ownerId: guidArb, culture: fc.constantFrom('en-US', 'de-DE') },
  { requiredKeys: [] },
);

interface Endpoint {
  call: string;
  valid: fc.Arbitrary<unknown>;
  /** For object DTOs (or lists of them): the keys that must be present. */
  required?: string[];
  isList?: boolean;
}

export const ENDPOINTS: Endpoint[] = [
  { call: 'getPortalSettings', valid: settingsArb, required: [] },
  { call: 'getSignedInSettings', valid: settingsArb, required: [] },
  {
    call: 'getLoginSettings',
    // Only the field the schema reads (blockTime, checkPeriod, isDefault are the password lock's, not ours).
    valid: fc.record({ attemptCount: fc.integer({ min: 0, max: 10_000 }) }),
    required: ['attemptCount'],
  },
  { call: 'getSelf', valid: profileArb, required: ['id'] },
  { call: 'getTfaPolicy', valid: fc.array(tfaEntryArb, { maxLength: 3 }), required: ['id', 'enabled'], isList: true },
  { call: 'setTfaPolicy', valid: fc.boolean() },
  { call: 'setTfaPolicyWithLink', valid: fc.oneof(fc.webUrl(), fc.constant('')) },
  { call: 'getTfaConfirm', valid: fc.oneof(fc.webUrl(), fc.record({ url: fc.webUrl(), cookieName: fc.string(), cookieValue: fc.string() })) },
  { call: 'getTfaSetup', valid: setupArb, required: ['account', 'manualEntryKey'] },
  { call: 'validateTfaCode', valid: fc.boolean() },
  { call: 'getBackupCodes', valid: fc.array(codeArb, { maxLength: 10 }), required: ['isUsed', 'code'], isList: true },
  { call: 'regenerateBackupCodes', valid: fc.array(codeArb, { maxLength: 10 }), required: ['isUsed', 'code'], isList: true },
  { call: 'resetTfaApp', valid: fc.oneof(fc.webUrl(), fc.constant('')) },
  { call: 'getUser', valid: profileArb, required: ['id'] },
  { call: 'searchPeople', valid: fc.array(profileArb, { maxLength: 5 }), required: ['id'], isList: true },
  { call: 'getGroup', valid: groupArb, required: ['id', 'name'] },
  { call: 'listGroups', valid: fc.array(groupArb, { maxLength: 5 }), required: ['id', 'name'], isList: true },
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const endpointArb = fc.constantFrom(...ENDPOINTS);
const objectEndpoints = ENDPOINTS.filter((e) => e.required);
/** A valid value together with its endpoint. */
const validCaseArb = endpointArb.chain((e) => e.valid.map((value) => ({ e, value })));
/** A valid object DTO (for lists: a non-empty list; the first element is the one mutated). */
const objectCaseArb = fc.constantFrom(...objectEndpoints).chain((e) =>
  (e.isList ? fc.array(e.valid, { minLength: 1, maxLength: 1 }).map((l) => l.flat()) : e.valid)
    .filter((v) => (Array.isArray(v) ? isRecord(v[0]) : isRecord(v)))
    .map((value) => ({ e, value })),
);
function target(value: unknown): Record<string, unknown> {
  return (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
}
export type ObjectCase = { e: Endpoint; value: unknown };

/**
 * For one valid object DTO: a known field present in it, with a value of another type.
 * `null` when the DTO has no field to break: endpoints whose fields are all optional (settings,
 * capabilities, sign-in) validly answer `{}`, and fc.constantFrom() of no keys throws, which made
 * 'any known field of the wrong type' fail about 3 runs in 20. Such cases are left out, never drawn.
 */
export function wrongFieldArb(c: ObjectCase): fc.Arbitrary<ObjectCase & { key: string; bad: unknown }> | null {
  const fields = target(c.value);
  const keys = Object.keys(fields);
  if (keys.length === 0) return null;
  return fc.constantFrom(...keys).chain((key) => wrongTypeArb(fields[key]).map((bad) => ({ ...c, key, bad })));
}
/** Every object case that has a field, each with one field broken. */
export const wrongFieldCaseArb = objectCaseArb.filter((c) => Object.keys(target(c.value)).length > 0).chain((c) => wrongFieldArb(c)!);
/** The object cases themselves, for tests of the generators. */
export const OBJECT_CASES = objectCaseArb;

const knownKeys = new Set(['id', 'displayName', 'email', 'userName', 'isOwner', 'isAdmin', 'isRoomAdmin', 'isVisitor', 'isCollaborator', 'tfaAppEnabled', 'status',
  'groups', 'name', 'isSystem', 'membersCount', 'title', 'enabled', 'available', 'avaliable', 'trustedIps', 'mandatoryUsers', 'mandatoryGroups', 'account',
  'manualEntryKey', 'qrCodeSetupImageUrl', 'isUsed', 'code', 'docSpace', 'version', 'tenantAlias', 'tenantStatus', 'ownerId', 'timezone', 'culture',
  'documentServer', 'ldapEnabled', 'oauthEnabled', 'ssoUrl', 'ssoLabel', 'providers', 'token', 'expires', 'sms', 'tfa', 'tfaKey', 'confirmUrl', 'result',
  'url', 'cookieName', 'cookieValue', '__proto__', 'constructor']);
const extrasArb = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !knownKeys.has(k)), jsonArb, { minKeys: 1, maxKeys: 5 });

function withExtras(value: unknown, extras: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => withExtras(v, extras));
  return isRecord(value) ? { ...extras, ...value } : value;
}

/**
 * A JSON value whose type differs from `original`'s (null and absent are legitimate for many fields, so never those).
 * Finite numbers only: JSON.stringify writes ±Infinity as null, which made the property fail on a correct "absent".
 */
function wrongTypeArb(original: unknown): fc.Arbitrary<unknown> {
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  return fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.nat(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.nat(), { maxKeys: 2 }))
    .filter((v) => typeOf(v) !== typeOf(original) && !(typeOf(original) === 'number' && typeof v === 'number'));
}

export interface ResponseProperty {
  name: string;
  check: () => Promise<void>;
}

export const RESPONSE_PROPERTIES: ResponseProperty[] = [
  {
    name: 'every client function, any status, any JSON body: a typed Result, never a throw',
    check: () => fc.assert(fc.asyncProperty(fc.constantFrom(...CALL_NAMES), statusArb, jsonArb, async (name, status, body) => {
      const { client } = clientAnswering(status, JSON.stringify(body));
      await expectTypedResult(() => CALLS[name]!(client));
    }), { numRuns: RUNS * 2 }),
  },
  {
    name: 'every client function, any text body (HTML, cut-off JSON, binary): a typed Result, never a throw',
    check: () => fc.assert(fc.asyncProperty(fc.constantFrom(...CALL_NAMES), statusArb, fc.oneof(textArb, jsonArb.map((j) => JSON.stringify(j).slice(0, -1)), fc.constant('<html><body>502</body></html>')), async (name, status, body) => {
      const { client } = clientAnswering(status, body, { 'Content-Type': 'text/html' });
      const r = await expectTypedResult(() => CALLS[name]!(client));
      if (status >= 200 && status < 300 && body.trim() === '') expect(r).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    }), { numRuns: RUNS * 2 }),
  },
  {
    name: 'a success envelope around a value of any type: a typed Result; wrong types are badResponse, not a crash',
    check: () => fc.assert(fc.asyncProperty(fc.constantFrom(...CALL_NAMES), fc.anything({ maxDepth: 3, values: [jsonArb] }), async (name, response) => {
      const { client } = clientAnswering(200, envelope(response));
      await expectTypedResult(() => CALLS[name]!(client));
    }), { numRuns: RUNS * 2 }),
  },
  {
    name: 'a valid response of every endpoint parses',
    check: () => fc.assert(fc.asyncProperty(validCaseArb, async ({ e, value }) => {
      const { client } = clientAnswering(200, envelope(value));
      const r = await expectTypedResult(() => CALLS[e.call]!(client));
      expect(r.ok).toBe(true);
    }), { numRuns: RUNS }),
  },
  {
    name: 'extra, unknown fields in a valid response are ignored: same value as without them',
    check: () => fc.assert(fc.asyncProperty(validCaseArb, extrasArb, async ({ e, value }, extras) => {
      const plain = await CALLS[e.call]!(clientAnswering(200, envelope(value)).client);
      const extra = await CALLS[e.call]!(clientAnswering(200, envelope(withExtras(value, extras))).client);
      expect(extra.ok).toBe(true);
      expect(extra).toEqual(plain);
    }), { numRuns: RUNS }),
  },
  {
    name: 'a required field missing: badResponse naming the endpoint',
    check: () => fc.assert(fc.asyncProperty(objectCaseArb.filter(({ e }) => (e.required ?? []).length > 0).chain((c) => fc.constantFrom(...c.e.required!).map((key) => ({ ...c, key }))), async ({ e, value, key }) => {
      const broken = structuredClone(value);
      delete target(broken)[key];
      const r = await expectTypedResult(() => CALLS[e.call]!(clientAnswering(200, envelope(broken)).client));
      expect(r).toMatchObject({ ok: false, error: { kind: 'badResponse', status: 200, where: expect.stringMatching(/^(GET|PUT|POST) /) } });
    }), { numRuns: RUNS }),
  },
  {
    name: 'any optional field missing: still a typed Result (parsed, or badResponse), never a throw',
    check: () => fc.assert(fc.asyncProperty(objectCaseArb.chain((c) => fc.subarray(Object.keys(target(c.value))).map((keys) => ({ ...c, keys }))), async ({ e, value, keys }) => {
      const broken = structuredClone(value);
      for (const k of keys) delete target(broken)[k];
      const r = await expectTypedResult(() => CALLS[e.call]!(clientAnswering(200, envelope(broken)).client));
      if (!keys.some((k) => e.required!.includes(k))) expect(r.ok).toBe(true);
    }), { numRuns: RUNS }),
  },
  {
    name: 'any known field of the wrong type: badResponse, never a value of the wrong type',
    check: () => fc.assert(fc.asyncProperty(
      wrongFieldCaseArb,
      async ({ e, value, key, bad }) => {
        const broken = structuredClone(value);
        target(broken)[key] = bad;
        const r = await expectTypedResult(() => CALLS[e.call]!(clientAnswering(200, envelope(broken)).client));
        expect(r).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
      },
    ), { numRuns: RUNS }),
  },
  {
    name: 'huge lists (beyond the bounds a portal can send) are badResponse, not a frozen popup',
    check: () => fc.assert(fc.asyncProperty(fc.constantFrom('searchPeople', 'listGroups', 'getBackupCodes', 'getTfaPolicy'), fc.integer({ min: 1001, max: 20_000 }), async (name, n) => {
      const item = name === 'searchPeople' ? { id: GUID } : name === 'listGroups' ? { id: GUID, name: 'g' } : name === 'getBackupCodes' ? { isUsed: false, code: 'abcdef' } : { id: 'app', enabled: true };
      const r = await expectTypedResult(() => CALLS[name]!(clientAnswering(200, envelope(Array.from({ length: n }, () => item))).client));
      expect(r).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    }), { numRuns: 12 }),
  },
  {
    name: 'huge strings in names, e-mails, keys and versions are badResponse; a body over 2 MB is never parsed',
    check: () => fc.assert(fc.asyncProperty(fc.constantFrom(
      ['getSelf', (s: string) => ({ id: GUID, email: s })],
      ['getGroup', (s: string) => ({ id: GUID, name: s })],
      ['getPortalSettings', (s: string) => ({ docSpace: true, version: s })],
      ['getTfaSetup', (s: string) => ({ account: 'a@b.c', manualEntryKey: s.replace(/./g, 'A') })],
      ['resetTfaApp', (s: string) => s],
      ['getBackupCodes', (s: string) => [{ isUsed: false, code: s }]],
    ) as fc.Arbitrary<[string, (s: string) => unknown]>, fc.integer({ min: 5000, max: 3_000_000 }), fc.string({ minLength: 1, maxLength: 1 }), async ([name, make], n, ch) => {
      const r = await expectTypedResult(() => CALLS[name]!(clientAnswering(200, envelope(make(ch.repeat(n)))).client));
      expect(r).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    }), { numRuns: 12 }),
  },
  {
    name: 'a display name of any length or encoding: the profile still parses, showing at most 1000 characters, decoded once',
    check: () => fc.assert(fc.asyncProperty(fc.string({ unit: fc.constantFrom('"', '<', '>', '&', "'", 'a', '😀'), minLength: 0, maxLength: 1000 }), fc.integer({ min: 1, max: 200_000 }), async (name, pad) => {
      const encode = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const ok = await CALLS.getSelf!(clientAnswering(200, envelope({ id: GUID, displayName: encode(name) })).client);
      expect(ok).toMatchObject({ ok: true, value: { displayName: name || GUID } });
      const long = await expectTypedResult(() => CALLS.getSelf!(clientAnswering(200, envelope({ id: GUID, displayName: 'x'.repeat(pad) })).client));
      if (long.ok) expect((long.value as schemas.Profile).displayName.length).toBeLessThanOrEqual(1000);
      else expect(long.error.kind).toBe('badResponse');
    }), { numRuns: RUNS }),
  },
  {
    name: 'error bodies of any shape: the kind follows the status, only a bounded message is kept, never stack or type',
    check: () => fc.assert(fc.asyncProperty(fc.constantFrom(401, 402, 403, 404, 400, 429, 500, 502), fc.oneof(jsonArb, fc.record({ error: fc.record({ message: textArb, type: fc.constant('System.SECRET_TYPE'), stack: fc.constant('SECRET_STACK at line') }) })), async (status, body) => {
      const { client } = clientAnswering(status, JSON.stringify(body));
      const r = await expectTypedResult(() => client.getSelf());
      if (r.ok) throw new Error(`HTTP ${status} parsed as success`);
      const expected: Record<number, AppErrorKind[]> = {
        401: ['signedOut'], 402: ['paymentRequired'], 403: ['forbidden', 'notAvailable', 'ownerOnly', 'tooManyAttempts'], 404: ['notFound'],
        400: ['wrongCode', 'invalidInput'], 429: ['rateLimited'], 500: ['server'], 502: ['server'],
      };
      expect(expected[status]).toContain(r.error.kind);
      const shown = JSON.stringify(r.error) + describeError(r.error).message;
      expect(shown).not.toMatch(/SECRET_STACK|SECRET_TYPE/);
      if ('message' in r.error && r.error.message !== undefined) expect(r.error.message.length).toBeLessThanOrEqual(500);
    }), { numRuns: RUNS }),
  },
  {
    name: 'any Retry-After on a 429 or 503: GETs wait at most the cap, at most twice; PUTs never; retryAt stays within 10 minutes',
    check: () => fc.assert(fc.asyncProperty(
      fc.constantFrom(429, 503),
      fc.oneof(
        fc.string({ unit: 'binary-ascii', maxLength: 40 }).filter((h) => /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(h)),
        fc.integer({ min: -1000, max: 10_000_000 }).map(String),
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String),
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)) }).map((d) => d.toUTCString()),
      ),
      fc.constantFrom('getSelf', 'regenerateBackupCodes'),
      async (status, header, name) => {
        const { client, requests, waits } = clientAnswering(status, '', { 'Retry-After': header });
        const before = Date.now();
        const r = await expectTypedResult(() => CALLS[name]!(client));
        if (r.ok) throw new Error('a 429/503 parsed as success');
        expect(requests()).toBeLessThanOrEqual(name === 'getSelf' ? RETRY_POLICY.maxAttempts : 1);
        expect(waits.length).toBe(requests() - 1);
        for (const w of waits) expect(w >= 0 && w <= RETRY_POLICY.maxWaitMs).toBe(true);
        if (r.error.kind === 'rateLimited') {
          expect(r.error.retryAt).toBeGreaterThanOrEqual(before);
          expect(r.error.retryAt).toBeLessThanOrEqual(Date.now() + 600_000);
        }
      },
    ), { numRuns: RUNS }),
  },
  {
    name: 'what a setup response yields is safe to render: a Base32 key and only a data: image',
    check: () => fc.assert(fc.asyncProperty(fc.record({ account: textArb, manualEntryKey: fc.oneof(base32Arb, textArb), qrCodeSetupImageUrl: fc.oneof(fc.webUrl(), textArb, setupArb.map((s) => s.qrCodeSetupImageUrl), fc.constant('javascript:alert(1)')) }), async (setup) => {
      const r = await expectTypedResult(() => CALLS.getTfaSetup!(clientAnswering(200, envelope(setup)).client));
      if (!r.ok) return;
      const v = r.value as schemas.SetupCode;
      expect(v.setupKey).toMatch(/^[A-Z2-7]+$/);
      if (v.qrImage !== null) expect(v.qrImage).toMatch(/^data:image\/(png|bmp|gif|jpeg);base64,[A-Za-z0-9+/=]+$/);
    }), { numRuns: RUNS }),
  },
  {
    name: 'every exported schema, any input at all: safeParse answers and never throws',
    check: () => {
      const all = (Object.entries(schemas) as [string, unknown][]).filter((entry): entry is [string, z.ZodMiniType] => entry[1] instanceof z.ZodMiniType);
      expect(all.length).toBeGreaterThan(15);
      fc.assert(fc.property(fc.constantFrom(...all), fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true }), ([, schema], input) => {
        expect(typeof schema.safeParse(input).success).toBe('boolean');
      }), { numRuns: RUNS * 2 });
      return Promise.resolve();
    },
  },
];

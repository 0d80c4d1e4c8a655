import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPolicyBody } from '../../lib/providers/docspace/client';
import { savePolicy } from '../../lib/providers/docspace/background/policy';
import type { TfaMethod } from '../../lib/providers/docspace/schemas';

const ORIGIN = 'https://portal.example.com';
const ME = '11111111-2222-4333-8444-555555555555';
const OWNER = '99999999-2222-4333-8444-555555555555';
const guid = fc.uuid({ version: 4 });
const method = fc.constantFrom<TfaMethod>('none', 'app', 'sms');
const lists = fc.record({
  trustedIps: fc.array(fc.ipV4(), { maxLength: 5 }),
  mandatoryUsers: fc.array(guid, { maxLength: 5 }),
  mandatoryGroups: fc.array(guid, { maxLength: 5 }),
});

describe('buildPolicyBody', () => {
  it('always carries type, the caller id and all three lists', () => {
    fc.assert(
      fc.property(method, guid, lists, (m, id, l) => {
        const body = buildPolicyBody(m, id, l);
        expect(Object.keys(body).sort()).toEqual(['id', 'mandatoryGroups', 'mandatoryUsers', 'trustedIps', 'type']);
        expect(body.type).toBe({ none: 'None', app: 'App', sms: 'Sms' }[m]);
        expect(body).toMatchObject({ id, ...l });
      }),
    );
  });
});

/** A canned portal for the save path: every PUT body is recorded. */
function cannedPortal(opts: { smsAvailable: boolean }) {
  const puts: { path: string; body: Record<string, unknown> }[] = [];
  const env = (response: unknown, status = 200) =>
    new Response(JSON.stringify(response === undefined ? { count: 0, status: 0, statusCode: status } : { response, count: 1, status: 0, statusCode: status }), { status });
  let held = { method: 'none', trustedIps: [] as string[], mandatoryUsers: [] as string[], mandatoryGroups: [] as string[] };
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const path = url.pathname.replace('/api/2.0/', '');
    if (init.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      puts.push({ path, body });
      const type = String(body.type ?? 'None').toLowerCase();
      held = type === 'none' ? { method: 'none', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] } : { ...(body as typeof held), method: type };
      if (type === 'none') return env(path.endsWith('withlink') ? '' : false);
      return env(path.endsWith('withlink') ? `${ORIGIN}/confirm/TfaActivation?type=TfaActivation&uid=${ME}` : true);
    }
    if (path === 'settings/tfaapp') {
      const lists = held.method === 'none' ? {} : { trustedIps: held.trustedIps, mandatoryUsers: held.mandatoryUsers, mandatoryGroups: held.mandatoryGroups };
      return env([
        { id: 'sms', title: 'By SMS', enabled: held.method === 'sms', available: opts.smsAvailable, ...(held.method === 'sms' ? lists : {}) },
        { id: 'app', title: 'By authenticator app', enabled: held.method === 'app', available: true, ...(held.method === 'app' ? lists : {}) },
      ]);
    }
    if (path === 'people/@self') return env({ id: ME, displayName: 'Admin', email: 'admin@example.com', isAdmin: true });
    if (path === 'settings') return env({ docSpace: true, ownerId: OWNER });
    if (path === 'settings/tfaapp/confirm') return env(undefined);
    return new Response('', { status: 404 });
  });
  return { fetchFn, puts };
}

describe('savePolicy: no path sends a body without type', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.permissions.contains = vi.fn(async () => true);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('for any command, every PUT to the policy endpoints carries type, own id and all lists', async () => {
    await fc.assert(
      fc.asyncProperty(method, lists, fc.boolean(), async (m, l, smsAvailable) => {
        fakeBrowser.reset();
        fakeBrowser.permissions.contains = vi.fn(async () => true);
        const portal = cannedPortal({ smsAvailable });
        vi.stubGlobal('fetch', portal.fetchFn);
        const r = await savePolicy({ type: 'savePolicy', origin: ORIGIN, method: m, ...l });
        if (m === 'sms' && !smsAvailable) {
          expect(r.ok ? null : r.error.kind).toBe('notAvailable');
          expect(portal.puts).toEqual([]);
          return;
        }
        expect(r.ok).toBe(true);
        expect(portal.puts).toHaveLength(1);
        for (const put of portal.puts) {
          expect(put.path).toMatch(/^settings\/tfaapp(withlink)?$/);
          expect(put.body.type).toBe({ none: 'None', app: 'App', sms: 'Sms' }[m]);
          expect(put.body.id).toBe(ME);
          expect(put.body).toHaveProperty('trustedIps');
          expect(put.body).toHaveProperty('mandatoryUsers');
          expect(put.body).toHaveProperty('mandatoryGroups');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('invalid trusted IPs never reach the portal', async () => {
    const portal = cannedPortal({ smsAvailable: false });
    vi.stubGlobal('fetch', portal.fetchFn);
    const r = await savePolicy({ type: 'savePolicy', origin: ORIGIN, method: 'app', trustedIps: ['10.0.0.1', '10.0.0.300'], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalidInput', message: expect.stringContaining('10.0.0.300') });
    expect(portal.puts).toEqual([]);
  });

  it('a non-owner admin may make the owner mandatory, as the portal allows (§11.3): sent once, with the caller\'s own id', async () => {
    const portal = cannedPortal({ smsAvailable: false });
    vi.stubGlobal('fetch', portal.fetchFn);
    await savePolicy({ type: 'savePolicy', origin: ORIGIN, method: 'app', trustedIps: ['10.0.0.1'], mandatoryUsers: [OWNER], mandatoryGroups: [] });
    expect(portal.puts).toHaveLength(1);
    expect(portal.puts[0]?.body).toMatchObject({ mandatoryUsers: [OWNER.toLowerCase()] });
    expect(portal.puts[0]?.body.id).not.toBe(OWNER);
  });
});

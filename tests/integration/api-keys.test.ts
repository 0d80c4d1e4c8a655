import { describe, expect, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { call } from '../portal/test-client';
import { getStatus, setApiKey } from '../../lib/providers/docspace/background/status';
import { regenerateBackupCodes, resetMyApp, resetUserApp, startEnrolment, validateCode } from '../../lib/providers/docspace/background/enrolment';
import { savePolicy } from '../../lib/providers/docspace/background/policy';
import { getRecord, getSession, updateSession } from '../../lib/providers/docspace/background/session';
import { describeError } from '../../lib/messages';
import '../../lib/providers/docspace/error-text';
import { backgroundTest } from './fixtures';

/**
 * Issue 23 §3 and §4 against the emulated portal over real HTTP: API keys the portal stops accepting, versions an
 * API key cannot enrol on, read-only keys, a disabled account's reset, 3.7's 500 for an exempt caller, and backup
 * codes of the server's configured length and count.
 */
const it = backgroundTest
  .extend('origin', ({ portal }) => () => portal.origin)
  .extend('paths', ({ portal }) => () => portal.requests.map((r) => `${r.method} ${r.path}`))
  .extend('status', ({ origin }) => () => getStatus({ type: 'getStatus', origin: origin(), refresh: true }))
  .extend('useKey', ({ origin }) => (key: string, remember = false) => setApiKey({ type: 'setApiKey', origin: origin(), key, remember }))
  .extend('signInAs', ({ portal, fetchWithJar }) => async (email: string) => {
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn(email));
  })
  .extend('keyed', ({ portal, origin }) => async (email: string) => {
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf(email) } }));
  })
  .extend('terminated', ({ portal }) => () => portal.users.find((u) => u.terminated)!)
  .extend('exemptSave', ({ origin }) => () => savePolicy({ type: 'savePolicy', origin: origin(), method: 'app', trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [], hugeConfirmed: true }));
const everythingStored = async () => JSON.stringify([await browser.storage.local.get(null), await browser.storage.session.get(null)]);

describe('emulator: API keys as ApiKeyBearerAuthHandler checks them (§12.3)', () => {
  it.for(['expired', 'deactivated', 'deleted'] as const)('a key that was %s gets 401 with an empty body, on every route', async (how, { portal, origin }) => {
    const key = portal.apiKeyOf('admin@demo.test');
    const headers = { Authorization: `Bearer ${key}` };
    expect((await call(origin(), 'GET', 'people/@self', { headers })).status).toBe(200);
    portal.killApiKey(key, how);
    for (const [method, path] of [['GET', 'people/@self'], ['GET', 'settings/tfaapp'], ['PUT', 'settings/tfaappnewcodes']] as const) {
      const r = await call(origin(), method, path, { headers });
      expect({ status: r.status, text: r.text }).toEqual({ status: 401, text: '' });
    }
    // Another key of the same person still works: the key is refused, not the account.
    expect((await call(origin(), 'GET', 'people/@self', { headers: { Authorization: `Bearer ${portal.scopedApiKeyOf('admin@demo.test', ['*:write'])}` } })).status).toBe(200);
  });

  it('a *:read key reads settings and gets an empty-body 403 on every write (AuthorizationExtension)', async ({ portal, origin }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('admin@demo.test');
    const headers = { Authorization: `Bearer ${portal.scopedApiKeyOf('admin@demo.test', ['*:read'])}` };
    expect((await call(origin(), 'GET', 'settings/tfaapp', { headers })).status).toBe(200);
    for (const [path, body] of [['settings/tfaapp', { type: 'none' }], ['settings/tfaappnewcodes', undefined]] as const) {
      const r = await call(origin(), 'PUT', path, { headers, body });
      expect({ status: r.status, text: r.text }).toEqual({ status: 403, text: '' });
    }
    expect(portal.getPolicy().enabled).toBe(true);
  });
});

describe('a dead API key (issue 23 §3)', () => {
  it.for(['expired', 'deactivated', 'deleted'] as const)('%s: the popup says the key was refused, the key is forgotten (session and remembered copy), and the browser sign-in works', async (how, { portal, origin, status, useKey, signInAs }) => {
    const key = portal.apiKeyOf('admin@demo.test');
    const pasted = await useKey(key, true);
    expect(pasted.ok && pasted.value).toMatchObject({ state: 'ready', auth: 'apiKey' });
    expect(await everythingStored()).toContain(key);

    portal.killApiKey(key, how);
    const r = await status();
    expect(r.ok && r.value).toMatchObject({ state: 'signedOut', keyRefused: true, auth: 'cookie' });
    expect((await getSession(origin())).auth).toEqual({ kind: 'cookie' });
    expect((await getRecord(origin()))?.rememberedKey).toBeUndefined();
    expect((await getRecord(origin()))?.isPortal).toBe(true);
    expect(await everythingStored()).not.toContain(key);

    // The key is not sent again: the next read goes with the browser's sign-in, which now works.
    await signInAs('admin@demo.test');
    portal.clearLog();
    const after = await status();
    expect(after.ok && after.value).toMatchObject({ state: 'ready', auth: 'cookie', me: { role: 'admin' } });
    expect(after.ok && after.value.keyRefused).toBeUndefined();
    expect(portal.requests.filter((q) => q.auth === 'apiKey')).toEqual([]);
  });

  it('an options-page action with the dead key: the error says the key was refused, not "signed out", and a new key can be pasted', async ({ portal, origin, useKey }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('admin@demo.test');
    const key = portal.apiKeyOf('admin@demo.test');
    await useKey(key);
    portal.killApiKey(key, 'expired');
    const r = await regenerateBackupCodes({ type: 'regenerateBackupCodes', origin: origin() });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'signedOut', apiKeyRefused: true });
    if (r.ok) return;
    expect(describeError(r.error).message).toMatch(/refused the API key/);
    expect((await getSession(origin())).auth.kind).toBe('cookie');
    const fresh = await useKey(portal.scopedApiKeyOf('admin@demo.test', ['*:write']));
    expect(fresh.ok && fresh.value).toMatchObject({ state: 'ready', auth: 'apiKey' });
  });

  it('pasting a key the portal refuses: said as a refused key, and nothing is kept', async ({ portal, useKey }) => {
    const key = portal.apiKeyOf('user@demo.test');
    portal.killApiKey(key, 'deleted');
    const r = await useKey(key, true);
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'signedOut', apiKeyRefused: true });
    expect(await everythingStored()).not.toContain(key);
  });

  it('a signed-out cookie is still "signed out", not a refused key', async ({ status }) => {
    const r = await status();
    expect(r.ok && r.value).toMatchObject({ state: 'signedOut', auth: 'cookie' });
    expect(r.ok && r.value.keyRefused).toBeUndefined();
  });
});

describe('API keys and versions: enrolment needs DocSpace 3.7.1+ (issue 23 §3, §12.3)', () => {
  it('emulator: 3.5 reports its own version and answers tfaapp/confirm with a bare URL', async ({ portal, origin }) => {
    portal.setVersion('3.5');
    portal.setPolicy({ enabled: true });
    const headers = { Authorization: `Bearer ${portal.apiKeyOf('user@demo.test')}` };
    expect((await call(origin(), 'GET', 'settings/version/build')).json.response.docSpace).toBe('3.5.0.1418');
    expect((await call(origin(), 'GET', 'settings')).json.response.version).toBe('3.5.0.1418');
    const confirm = await call(origin(), 'GET', 'settings/tfaapp/confirm', { headers });
    expect(confirm.json.response).toBe(`${origin()}/confirm/TfaActivation?type=TfaActivation&uid=${portal.user('user').id}`);
  });

  it('3.5 with an API key: "reset my app" is refused before any change, in words naming 3.5', async ({ portal, origin, paths, keyed }) => {
    portal.setVersion('3.5');
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    const { secret, backupCodes } = portal.enrol(user.email);
    await keyed(user.email);
    portal.clearLog();
    const r = await resetMyApp({ type: 'resetMyApp', origin: origin() });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', reason: 'needsBrowserSignIn', version: '3.5.0.1418' });
    expect(paths().filter((p) => p.startsWith('PUT'))).toEqual([]);
    expect(portal.secretOf(user.email)).toBe(secret);
    expect(portal.backupCodes(user.email).map((c) => c.code)).toEqual(backupCodes);
    if (r.ok) return;
    const text = describeError(r.error);
    expect(text.message).toContain('DocSpace 3.5.0.1418');
    expect(text.message).not.toContain('3.6');
    expect(text.next).toContain('Nothing was changed');
  });

  it('3.5 with an API key: enrolment is refused before anything is asked of the portal', async ({ portal, origin, paths, keyed }) => {
    portal.setVersion('3.5');
    portal.setPolicy({ enabled: true });
    await keyed('user@demo.test');
    portal.clearLog();
    const r = await startEnrolment({ type: 'startEnrolment', origin: origin() });
    expect(r.ok ? null : r.error).toMatchObject({ reason: 'needsBrowserSignIn', version: '3.5.0.1418' });
    expect(paths()).not.toContain('GET /api/2.0/settings/tfaapp/confirm');
  });

  it.for([
    ['3.7.0.999', false],
    ['3.6.1.100', false],
    ['', false],
    ['3.7.1', true],
    ['3.10.0', true],
  ])('version %j: an API key may reset and enrol = %s (compared numerically; unknown is refused)', async ([version, allowed], { portal, fetchWithJar, origin, keyed }) => {
    const user = portal.user('user');
    portal.setPolicy({ enabled: true });
    portal.enrol(user.email);
    portal.state.version = '3.7';
    // Only the reported version changes: the answers stay 3.7's, so an allowed reset goes through.
    const real = fetchWithJar;
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await real(input, init);
      if (!String(input).endsWith('/api/2.0/settings')) return response;
      const body = (await response.json()) as { response: Record<string, unknown> };
      return new Response(JSON.stringify({ ...body, response: { ...body.response, version } }), { status: 200, headers: response.headers });
    }) as typeof fetch);
    await keyed(user.email);
    const r = await resetMyApp({ type: 'resetMyApp', origin: origin() });
    expect(r.ok).toBe(allowed);
    expect(portal.backupCodes(user.email).length === 0).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ reason: 'needsBrowserSignIn', version: version || null });
  });
});

describe('a read-only API key (issue 23 §3)', () => {
  it('*:read passes the paste check; a change then names the missing *:write scope instead of "ask an admin"', async ({ portal, origin, useKey }) => {
    portal.setPolicy({ enabled: true });
    portal.enrol('admin@demo.test');
    const key = portal.scopedApiKeyOf('admin@demo.test', ['*:read']);
    const pasted = await useKey(key);
    expect(pasted.ok && pasted.value).toMatchObject({ state: 'ready', auth: 'apiKey' });
    const r = await regenerateBackupCodes({ type: 'regenerateBackupCodes', origin: origin() });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'forbidden', missingScope: '*:write' });
    const save = await savePolicy({ type: 'savePolicy', origin: origin(), method: 'none', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(save.ok ? null : save.error).toMatchObject({ kind: 'forbidden', missingScope: '*:write' });
    expect(portal.getPolicy().enabled).toBe(true);
    if (r.ok) return;
    const text = describeError(r.error);
    expect(text.message).toContain('*:write');
    expect(text.message).not.toMatch(/ask a portal admin/i);
    expect(text.next).toContain('Read and write');
  });

  it('a key without *:read is still refused at paste time, naming *:read', async ({ portal, useKey }) => {
    const r = await useKey(portal.scopedApiKeyOf('admin@demo.test', ['accounts.self:read']));
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'forbidden', missingScope: '*:read' });
  });

  it('an access denial with an error body (a role, not a scope) stays "access denied"', async ({ portal, origin }) => {
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf('user@demo.test') } }));
    const r = await savePolicy({ type: 'savePolicy', origin: origin(), method: 'app', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'forbidden' });
    expect(r.ok ? null : (r.error as { missingScope?: string }).missingScope).toBeUndefined();
  });
});

describe('the owner resets a disabled account\'s app (issue 23 §4, §12.4)', () => {
  it('emulator: UnlinkTfaApp\'s order, TfaAppNotAvailable first, then "Not available." for a disabled account', async ({ portal, origin, terminated }) => {
    portal.setPolicy({ enabled: true });
    const owner = { Authorization: `Bearer ${portal.apiKeyOf('owner@demo.test')}` };
    const target = terminated();
    const notEnrolled = await call(origin(), 'PUT', 'settings/tfaappnewapp', { headers: owner, body: { id: target.id } });
    expect([notEnrolled.status, notEnrolled.json.error.type, notEnrolled.json.error.message]).toEqual([403, 'System.InvalidOperationException', 'TFA application settings are not available']);
    portal.enrol(target.email);
    const enrolled = await call(origin(), 'PUT', 'settings/tfaappnewapp', { headers: owner, body: { id: target.id } });
    expect([enrolled.status, enrolled.json.error.type, enrolled.json.error.message]).toEqual([403, 'System.InvalidOperationException', 'Not available.']);
    expect(portal.backupCodes(target.email).length).toBeGreaterThan(0);
    // A non-owner: InvalidOperationException(ErrorAccessDenied) before anything else, admin or not.
    for (const who of ['admin@demo.test', 'alice@demo.test']) {
      const r = await call(origin(), 'PUT', 'settings/tfaappnewapp', { headers: { Authorization: `Bearer ${portal.apiKeyOf(who)}` }, body: { id: target.id } });
      expect([r.status, r.json.error.type, r.json.error.message]).toEqual([403, 'System.InvalidOperationException', 'No permissions to perform this action']);
    }
  });

  it('the extension says the account is disabled, not that it has no authenticator', async ({ portal, origin, signInAs, terminated }) => {
    portal.setPolicy({ enabled: true });
    const target = terminated();
    portal.enrol(target.email);
    portal.setUserCulture('owner@demo.test', 'ru-RU');
    await signInAs('owner@demo.test');
    const r = await resetUserApp({ type: 'resetUserApp', origin: origin(), userId: target.id });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable', reason: 'userDisabled' });
    expect(portal.backupCodes(target.email).length).toBeGreaterThan(0);
  });

  it('an active account without an app is still "nothing to reset"', async ({ portal, origin, signInAs }) => {
    portal.setPolicy({ enabled: true });
    await signInAs('owner@demo.test');
    const r = await resetUserApp({ type: 'resetUserApp', origin: origin(), userId: portal.user('user').id });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'notAvailable' });
    expect(r.ok ? null : (r.error as { reason?: string }).reason).toBeUndefined();
  });
});

describe('3.7: a save that leaves the caller exempt answers 500 NullReferenceException (issue 23 §4, §12.4)', () => {
  it('emulator: 3.7 saves, signs everyone out, then answers the 500; 3.6 and 3.5 answer ""', async ({ portal, origin }) => {
    portal.setClientIp('10.1.2.3');
    for (const version of ['3.7', '3.6', '3.5'] as const) {
      portal.reset();
      portal.setClientIp('10.1.2.3');
      portal.setVersion(version);
      const headers = { Authorization: `Bearer ${portal.apiKeyOf('admin@demo.test')}` };
      const r = await call(origin(), 'PUT', 'settings/tfaappwithlink', { headers, body: { type: 'app', trustedIps: ['10.0.0.0/8'] } });
      expect(portal.getPolicy().enabled).toBe(true);
      if (version === '3.7') expect([r.status, r.json.error.type]).toEqual([500, 'System.NullReferenceException']);
      else expect([r.status, r.json.response ?? '']).toEqual([200, '']);
    }
  });

  it('cookie sign-in: said as saved with the caller exempt, never "the answer did not arrive in time"', async ({ portal, signInAs, exemptSave }) => {
    portal.setClientIp('10.1.2.3');
    await signInAs('admin@demo.test');
    const r = await exemptSave();
    if (!r.ok) throw new Error(r.error.kind);
    expect(r.value).toMatchObject({ callerExempt: true, enrolNext: false, signedOut: true });
    expect(r.value.linkLost).toBeUndefined();
    expect(portal.getPolicy()).toMatchObject({ enabled: true, trustedIps: ['10.0.0.0/8'] });
  });

  it('API key: still signed in, so the re-read shows what the portal holds', async ({ portal, origin, exemptSave }) => {
    portal.setClientIp('10.1.2.3');
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf('admin@demo.test') } }));
    const r = await exemptSave();
    expect(r.ok && r.value).toMatchObject({ callerExempt: true, signedOut: false, mismatches: [], policy: { method: 'app', trustedIps: ['10.0.0.0/8'] } });
  });

  it('another 500 from tfaappwithlink is not taken for "exempt"', async ({ portal, origin, exemptSave }) => {
    await updateSession(origin(), (s) => ({ ...s, auth: { kind: 'apiKey', key: portal.apiKeyOf('admin@demo.test') } }));
    portal.injectFault({ path: 'settings/tfaappwithlink', kind: 'status500', times: 1 });
    const r = await exemptSave();
    expect(r.ok ? null : r.error.kind).toBe('server');
  });
});

describe('backup codes of the server\'s length and count (issue 23 §4)', () => {
  it('10 codes of 8 characters: all listed, and an 8-character code is accepted for sending', async ({ portal, origin, status, signInAs }) => {
    portal.setBackupCodeSettings({ count: 10, length: 8 });
    portal.setPolicy({ enabled: true });
    const { backupCodes } = portal.enrol('user@demo.test');
    expect(backupCodes).toHaveLength(10);
    expect(backupCodes.every((c) => c.length === 8)).toBe(true);
    await signInAs('user@demo.test');
    const s = await status();
    expect(s.ok && s.value.enrolment).toEqual({ state: 'enrolled', unusedCodes: 10, totalCodes: 10 });
    const fresh = await regenerateBackupCodes({ type: 'regenerateBackupCodes', origin: origin() });
    expect(fresh.ok && fresh.value.map((c) => c.code.length)).toEqual(Array(10).fill(8));
  });

  it('a 120-code list is read whole', async ({ portal, status, signInAs }) => {
    portal.setBackupCodeSettings({ count: 120 });
    portal.setPolicy({ enabled: true });
    portal.enrol('user@demo.test');
    await signInAs('user@demo.test');
    const s = await status();
    expect(s.ok && s.value.enrolment).toEqual({ state: 'enrolled', unusedCodes: 120, totalCodes: 120 });
  });

  it('the router lets an 8-character backup code through to validation', async ({ origin }) => {
    const { DOCSPACE_COMMANDS } = await import('../../lib/providers/docspace/protocol');
    const validate = DOCSPACE_COMMANDS.find((c) => c.safeParse({ type: 'validateCode', origin: origin(), code: '123456' }).success)!;
    expect(validate.safeParse({ type: 'validateCode', origin: origin(), code: 'aZ3-_q9K' }).success).toBe(true);
    expect(validate.safeParse({ type: 'validateCode', origin: origin(), code: 'a b' }).success).toBe(false);
    // The handler itself: no setup in progress, so the extension's own answer (not a refusal of the code's shape).
    const r = await validateCode({ type: 'validateCode', origin: origin(), code: 'aZ3-_q9K' });
    expect(r.ok ? null : r.error).toMatchObject({ reason: 'noSetup' });
  });
});

// Issue 25 §5 against the emulated panel (and a stand-in API for panels the emulator is not): the codes by meaning,
// adding a panel, factor types by any name, and permissions read again on refresh.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_LOGINS, startNavixyPanel, type ErrorCode, type RunningNavixyPanel } from '../navixy/server';
import { envelopeAnswer, startFakeApi, type FakeApi } from '../support/fake-api';
import { route } from '../../lib/providers/background';
import { getNavixySession } from '../../lib/providers/navixy/session';
import { describeError } from '../../lib/messages';
import '../../lib/providers/navixy/error-text';

let panel: RunningNavixyPanel;
let fake: FakeApi;
beforeAll(async () => {
  [panel, fake] = await Promise.all([startNavixyPanel(), startFakeApi()]);
});
afterAll(async () => {
  await Promise.all([panel.close(), fake.close()]);
});

beforeEach(() => {
  fakeBrowser.reset();
  panel.reset();
  fakeBrowser.permissions.contains = async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => o === 'http://127.0.0.1/*');
  fakeBrowser.permissions.remove = vi.fn(async () => true);
});

const sender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = (cmd: object) => route(cmd, sender()) as Promise<{ ok: boolean; value?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
const add = (apiBase = panel.apiBase) => send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase });
const signIn = (login = DEMO_LOGINS.admin) => send({ type: 'navixySignIn', panel: panel.panelOrigin, apiBase: panel.apiBase, login, password: 'demo-password' });
const status = (refresh = true) => send({ type: 'getNavixyStatus', panel: panel.panelOrigin, refresh });
const host = () => new URL(panel.panelOrigin).host;
const stored = () => getNavixySession(panel.panelOrigin);

async function signedIn(login = DEMO_LOGINS.admin): Promise<void> {
  expect((await add()).ok).toBe(true);
  expect((await signIn(login)).ok).toBe(true);
}

describe('codes by meaning', () => {
  it.for([
    [2, 'serviceAuth', `The Navixy panel ${'HOST'} refused the session (error 2: service authentication error).`],
    [103, 'notActivated', `The Navixy panel ${'HOST'} says this panel account is not activated (error 103).`],
  ] as [ErrorCode, string, string][])('%i ends the session: it is forgotten, the next status asks to sign in, with its own sentence', async ([code, reason, words]) => {
    await signedIn();
    panel.forceError({ code, action: 'panel/user/list', times: 1 });
    const r = await status();
    expect(r.error).toMatchObject({ kind: 'panel', code, reason });
    expect(describeError(r.error).message).toBe(words.replace('HOST', host()));
    expect(await stored()).toBeNull();
    expect((await status(false)).value.state).toBe('signedOut');
  });

  it.for([
    [5, 'wrongFormat', 'panel/user/mfa/settings/update', '(error 5: wrong request format)'],
    [9, 'tooLarge', 'panel/user/mfa/settings/update', 'refused the request as too large (error 9)'],
    [101, 'demoMode', 'panel/user/mfa/settings/update', 'is in demo mode, where this function is disabled (error 101)'],
    [111, 'noMfaApi', 'panel/user/mfa/settings/default/read', 'has no such action (error 111): this panel’s version has no MFA API.'],
    [112, 'noMfaApi', 'panel/user/mfa/settings/default/read', 'has no such action (error 112): this panel’s version has no MFA API.'],
    [212, 'limitTooBig', 'panel/user/list', 'says the requested limit is too big (error 212)'],
  ] as [ErrorCode, string, string, string][])('%i keeps the session and is not retryable, with its own sentence', async ([code, reason, action, words]) => {
    await signedIn();
    panel.forceError({ code, action, times: 1 });
    const r = action === 'panel/user/mfa/settings/update'
      ? await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'selected', ids: [2] }, settings: { type: 'disallowed' } })
      : await status();
    expect(r.error).toMatchObject({ kind: 'panel', code, reason });
    const text = describeError(r.error);
    expect(text.message).toContain(`Navixy panel ${host()}`);
    expect(text.message).toContain(words);
    expect(text.canRetry).toBe(false);
    expect(text.next).not.toMatch(/retry in a moment/i);
    expect((await stored())?.hash).toMatch(/^[0-9a-f]{32}$/);
    expect((await status()).value.state).toBe('ready');
  });

  it.for([1, 6, 8, 14] as ErrorCode[])('%i stays a server error (retry later); the session is kept', async (code) => {
    await signedIn();
    panel.forceError({ code, action: 'panel/user/mfa/settings/default/read', times: 1 });
    expect((await status()).error).toMatchObject({ kind: 'server' });
    expect(await stored()).not.toBeNull();
  });

  it('15 stays the rate limit; the session is kept', async () => {
    await signedIn();
    panel.forceError({ code: 15, action: 'panel/user/mfa/settings/default/read', times: 1 });
    expect((await status()).error).toMatchObject({ kind: 'rateLimited' });
    expect(await stored()).not.toBeNull();
  });
});

describe('adding a panel', () => {
  const addFake = () => send({ type: 'addNavixyPanel', panel: panel.panelOrigin, apiBase: fake.apiBase });
  const kept = async () => Object.keys(await fakeBrowser.storage.local.get(null));

  it.for([111, 112])('an API answering %i has no MFA API: refused with that sentence, nothing kept', async (code) => {
    fake.answer(envelopeAnswer(code));
    const r = await addFake();
    expect(r.error).toMatchObject({ kind: 'panel', code, reason: 'noMfaApi' });
    expect(describeError(r.error).message).toBe(`The API of the Navixy panel ${host()} has no such action (error ${code}): this panel’s version has no MFA API.`);
    expect(await kept()).toEqual([]);
  });

  it('an emulated panel asked under an unknown path answers 111: no MFA API, not "not a Navixy API"', async () => {
    const r = await add(`${panel.apiOrigin}/v2/panel/legacy`);
    expect(r.error).toMatchObject({ kind: 'panel', code: 111, reason: 'noMfaApi' });
  });

  it.for([
    ['15 (HTTP 429)', envelopeAnswer(15, 429), 'rateLimited'],
    ['1 (HTTP 500)', envelopeAnswer(1, 500), 'server'],
    ['8 (HTTP 503)', envelopeAnswer(8, 503), 'server'],
    ['a bare HTTP 500', { status: 500, body: '<h1>Internal Server Error</h1>' }, 'server'],
    ['a bare HTTP 502', { status: 502, body: 'Bad gateway' }, 'server'],
  ] as const)('%s is retryable, never "not a Navixy API"; nothing kept', async ([, answer, kind]) => {
    fake.answer(answer);
    const r = await addFake();
    expect(r.error).toMatchObject({ kind });
    expect(describeError(r.error).canRetry).toBe(true);
    expect(await kept()).toEqual([]);
  });

  it.for([
    ['an unknown code', envelopeAnswer(4242)],
    ['code 7 with errors[]', { status: 400, body: { success: false, status: { code: 7, description: 'Invalid parameters' }, errors: [{ parameter: 'x', error: 'y' }] } }],
    ['code 13 (HTTP 403)', envelopeAnswer(13, 403)],
  ] as const)('an envelope with %s proves a Navixy API: the panel is added', async ([, answer]) => {
    fake.answer(answer);
    const r = await addFake();
    expect(r.value).toMatchObject({ panel: panel.panelOrigin, apiBase: fake.apiBase });
  });

  it.for([
    ['a page', { status: 200, body: '<html>Fleet</html>' }],
    ['JSON that is not the envelope', { status: 400, body: { error: 'nope' } }],
    ['a 404', { status: 404, body: 'Not found' }],
  ] as const)('%s is "not a Navixy API"', async ([, answer]) => {
    fake.answer(answer);
    expect((await addFake()).error).toMatchObject({ kind: 'panel', reason: 'notNavixy' });
  });
});

describe('factor types', () => {
  it('a default with "Authenticator-App" reads; allowing writes it back with e-mail', async () => {
    panel.setDefault({ type: 'allowed', factor_types: ['email', 'Authenticator-App'] });
    await signedIn();
    const s = await status();
    expect(s.value.defaultSettings).toEqual({ type: 'allowed', factor_types: ['email', 'Authenticator-App'] });
    const w = await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'selected', ids: [2] }, settings: s.value.defaultSettings });
    expect(w.ok).toBe(true);
    expect(panel.userSettings(2)).toEqual({ type: 'allowed', factor_types: ['email', 'Authenticator-App'] });
  });

  it.for([['an empty name', ''], ['a 51-character name', 'x'.repeat(51)]])('%s does not fail the status: the default reads as partly unreadable', async ([, name]) => {
    panel.setDefault({ type: 'allowed', factor_types: ['email', name!] });
    await signedIn();
    const s = await status();
    expect(s.value).toMatchObject({ state: 'ready', usersTotal: 250, defaultSettings: { type: 'allowed', factor_types: ['email'], unreadable: true } });
  });
});

describe('permissions read again on refresh', () => {
  const permissionReads = () => panel.requests.filter((r) => r.action === 'panel/account/get_permissions');

  it('update granted mid-session shows after a refresh, read in the same round trip as the default and the list', async () => {
    await signedIn(DEMO_LOGINS.viewer);
    expect((await status()).value).toMatchObject({ canRead: true, canUpdate: false });
    panel.setPermissions(DEMO_LOGINS.viewer, { users: ['read', 'update'] });
    panel.clearLog();
    expect((await status(false)).value.canUpdate).toBe(false);
    expect(permissionReads()).toEqual([]);
    panel.setLatency(300);
    const fresh = await status();
    panel.setLatency(0);
    expect(fresh.value).toMatchObject({ canRead: true, canUpdate: true });
    expect(permissionReads()).toHaveLength(1);
    const arrived = panel.requests.map((r) => r.at);
    expect(panel.requests.map((r) => r.action).sort()).toEqual(['panel/account/get_permissions', 'panel/user/list', 'panel/user/mfa/settings/default/read']);
    expect(Math.max(...arrived) - Math.min(...arrived)).toBeLessThan(150);
    // Kept with the session: the next page asks nothing again, and a write is no longer refused before sending.
    expect((await stored())?.permissions).toEqual({ users: ['read', 'update'] });
    const w = await send({ type: 'updateNavixyMfa', panel: panel.panelOrigin, target: { type: 'selected', ids: [2] }, settings: { type: 'disallowed' } });
    expect(w.ok).toBe(true);
  });

  it('read granted mid-session to an operator without it: the refresh then reads the default and the list', async () => {
    await signedIn(DEMO_LOGINS.support);
    expect((await status()).value).toMatchObject({ canRead: false, defaultSettings: null });
    panel.setPermissions(DEMO_LOGINS.support, { users: ['read'] });
    expect((await status()).value).toMatchObject({ canRead: true, canUpdate: false, usersTotal: 250, defaultSettings: { type: 'disallowed' } });
  });

  it('a permission taken away mid-session shows after a refresh', async () => {
    await signedIn();
    panel.setPermissions(DEMO_LOGINS.admin, { users: ['read'] });
    expect((await status()).value).toMatchObject({ canRead: true, canUpdate: false });
  });

  it('a 13 on get_permissions keeps what the session knew', async () => {
    await signedIn(DEMO_LOGINS.viewer);
    panel.forceError({ code: 13, action: 'panel/account/get_permissions', times: 1 });
    expect((await status()).value).toMatchObject({ state: 'ready', canRead: true, canUpdate: false, usersTotal: 250 });
  });
});

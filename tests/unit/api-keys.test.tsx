// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { CommandOf, CommandType, PortalStatus, SaveReply } from '../../lib/providers/docspace/protocol';
import { errorFromResponse, request, type Transport } from '../../lib/providers/docspace/http';
import { isAtLeast, parseVersion, API_KEY_ENROLMENT_SINCE } from '../../lib/providers/docspace/version';
import { describeError } from '../../lib/messages';
import '../../lib/providers/docspace/error-text';
import { z } from '../../lib/zod-config';
import { answerCalls, type Handlers } from '../support/call-backend';

/** Issue 23 §3 and §4, the pure and rendered halves: versions, how a key's refusal is classified and shown. */
vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/docspace/call');
const { App: Popup } = await import('../../lib/providers/docspace/views/Popup');
const { OwnerView } = await import('../../lib/providers/docspace/views/OwnerView');
const { PolicySaved } = await import('../../lib/providers/docspace/components/PolicySaved');

const ORIGIN = 'https://portal.example.com';
let sent: CommandOf<CommandType>[] = [];
const backend = (handlers: Handlers) => void (sent = answerCalls(call, handlers));
afterEach(() => cleanup());

describe('versions compared numerically', () => {
  it.each([
    ['3.7.2.1234', [3, 7, 2, 1234]],
    ['3.5.0', [3, 5, 0]],
    [' 3.10 ', [3, 10]],
    ['', null],
    ['3.7-beta', null],
    ['v3.7.1', null],
    [null, null],
  ])('parseVersion(%j) = %j', (text, parts) => {
    expect(parseVersion(text)).toEqual(parts);
  });

  it.each([
    ['3.7.1', true], ['3.7.1.0', true], ['3.7.2.1234', true], ['3.10.0', true], ['4.0', true],
    ['3.7.0.999', false], ['3.7', false], ['3.6.1.100', false], ['3.5.0.1418', false], ['3.1.0', false],
  ])('%s is 3.7.1 or later: %s', (version, expected) => {
    expect(isAtLeast(version, API_KEY_ENROLMENT_SINCE)).toBe(expected);
  });

  it('an unknown version is neither before nor after', () => {
    expect(isAtLeast('', API_KEY_ENROLMENT_SINCE)).toBeNull();
    expect(isAtLeast(null, API_KEY_ENROLMENT_SINCE)).toBeNull();
  });
});

describe('what an API key\'s refusal means (http.ts)', () => {
  const transport = (status: number, body: string, auth: Transport['auth']): Transport => ({
    origin: ORIGIN, auth, retry: { maxAttempts: 1, backoffMs: [], maxWaitMs: 0 },
    fetch: (async () => new Response(body, { status })) as typeof fetch,
  });
  const key = { kind: 'apiKey', key: 'sk-0123456789abcdef' } as const;
  const send = (t: Transport, method: 'GET' | 'PUT', headers?: Record<string, string>) =>
    request(t, { method, path: 'settings/tfaappnewcodes', schema: z.unknown(), ...(headers ? { headers } : {}) });

  it('a 401 with a key is the key refused; with a cookie, signed out', async () => {
    expect(await send(transport(401, '', key), 'GET')).toEqual({ ok: false, error: { kind: 'signedOut', origin: ORIGIN, apiKeyRefused: true } });
    expect(await send(transport(401, '', { kind: 'cookie' }), 'GET')).toEqual({ ok: false, error: { kind: 'signedOut', origin: ORIGIN } });
  });

  it('a 401 on a confirm-scheme request is the confirm key, not the API key', async () => {
    const r = await send(transport(401, '', key), 'GET', { confirm: 'type=TfaActivation&uid=x' });
    expect(r.ok ? null : r.error).toEqual({ kind: 'signedOut', origin: ORIGIN });
  });

  it('an empty-body 403 with a key names the scope by method; one with an error body does not', async () => {
    const write = await send(transport(403, '', key), 'PUT');
    expect(write.ok ? null : write.error).toMatchObject({ kind: 'forbidden', missingScope: '*:write' });
    const read = await send(transport(403, '', key), 'GET');
    expect(read.ok ? null : read.error).toMatchObject({ kind: 'forbidden', missingScope: '*:read' });
    const body = JSON.stringify({ error: { message: 'Access denied', type: 'System.Security.SecurityException' }, status: 1, statusCode: 403 });
    const denied = await send(transport(403, body, key), 'PUT');
    expect(denied.ok ? null : denied.error).toEqual({ kind: 'forbidden', origin: ORIGIN, message: 'Access denied' });
    const cookie = await send(transport(403, '', { kind: 'cookie' }), 'PUT');
    expect(cookie.ok ? null : (cookie.error as { missingScope?: string }).missingScope).toBeUndefined();
  });

  it('3.7\'s NullReferenceException 500 from tfaappwithlink is "saved, caller exempt"; by endpoint, status and type only', () => {
    const nre = (message: string) => JSON.stringify({ error: { message, type: 'System.NullReferenceException', stack: '', hresult: -2147467261 }, status: 1, statusCode: 500 });
    const headers = new Headers();
    expect(errorFromResponse(ORIGIN, { status: 500, headers }, nre('Object reference not set to an instance of an object.'), { method: 'PUT', path: 'settings/tfaappwithlink' }))
      .toMatchObject({ kind: 'server', callerExempt: true });
    // Translated message, same meaning.
    expect(errorFromResponse(ORIGIN, { status: 500, headers }, nre('Ссылка на объект не указывает на экземпляр объекта.'), { method: 'PUT', path: 'settings/tfaappwithlink' }))
      .toMatchObject({ callerExempt: true });
    expect(errorFromResponse(ORIGIN, { status: 500, headers }, nre('x'), { method: 'PUT', path: 'settings/tfaapp' })).not.toHaveProperty('callerExempt');
    const other = JSON.stringify({ error: { message: 'x', type: 'System.Exception' }, status: 1, statusCode: 500 });
    expect(errorFromResponse(ORIGIN, { status: 500, headers }, other, { method: 'PUT', path: 'settings/tfaappwithlink' })).not.toHaveProperty('callerExempt');
  });

  it('the sentences: a refused key, a missing *:write, and enrolment refused by the real version', () => {
    const refused = describeError({ kind: 'signedOut', origin: ORIGIN, apiKeyRefused: true });
    expect(refused.message).toBe('portal.example.com refused the API key: it has expired, or was revoked or deleted (HTTP 401).');
    expect(refused.next).toMatch(/Paste a new key .* or sign in to portal\.example\.com/);
    const write = describeError({ kind: 'forbidden', origin: ORIGIN, message: 'Access denied', missingScope: '*:write' });
    expect(write.message).toContain('“*:write”');
    expect(write.message).toContain('Read and write');
    expect(describeError({ kind: 'notAvailable', origin: ORIGIN, message: 'x', reason: 'needsBrowserSignIn', version: '3.5.0.1418' }).message)
      .toContain('runs DocSpace 3.5.0.1418');
    expect(describeError({ kind: 'notAvailable', origin: ORIGIN, message: 'x', reason: 'needsBrowserSignIn', version: null }).message)
      .toContain('does not say which DocSpace version');
    const afterReset = describeError({ kind: 'notAvailable', origin: ORIGIN, message: 'x', reason: 'needsBrowserSignIn', version: '3.7.2', afterReset: true });
    expect(afterReset.next).not.toContain('Nothing was changed');
  });
});

describe('the popup after a refused key', () => {
  const refused: PortalStatus = {
    origin: ORIGIN, host: 'portal.example.com', state: 'signedOut', version: '3.7.2.1234', auth: 'cookie', checkedAt: 0, me: null, policy: null,
    applies: { kind: 'unknown' }, enrolment: { state: 'unknown' }, enrolmentInProgress: false, signInUrl: `${ORIGIN}/login`, keyRefused: true,
  };
  const found = { origin: ORIGIN, tabId: 1, url: `${ORIGIN}/`, isBrowserPage: false };

  it('says the key was refused and offers both ways on: the key form open, and the portal\'s sign-in', async () => {
    backend({ getStatus: () => ({ ok: true, value: refused }), setApiKey: () => ({ ok: true, value: { ...refused, state: 'ready', auth: 'apiKey', keyRefused: undefined } }) });
    render(<Popup found={found} addSite={[]} />);
    expect((await screen.findByRole('heading', { name: 'The portal refused the API key' }))).toBeTruthy();
    expect(screen.getByText(/The key has expired, or was revoked or deleted \(HTTP 401\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open the sign-in page' })).toBeTruthy();
    const details = document.querySelector('details.api-key');
    expect(details instanceof HTMLDetailsElement && details.open).toBe(true);
    fireEvent.input(screen.getByLabelText('API key (starts with sk-)'), { target: { value: 'sk-abcdef0123456789' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    });
    expect(sent.find((c) => c.type === 'setApiKey')).toMatchObject({ key: 'sk-abcdef0123456789', remember: false });
  });

  it('a plain sign-out keeps its own words and the key form closed', async () => {
    backend({ getStatus: () => ({ ok: true, value: { ...refused, keyRefused: undefined } }) });
    render(<Popup found={found} addSite={[]} />);
    expect(await screen.findByRole('heading', { name: 'Signed out of portal.example.com' })).toBeTruthy();
    const details = document.querySelector('details.api-key');
    expect(details instanceof HTMLDetailsElement && details.open).toBe(false);
  });
});

describe('the owner resetting a disabled account', () => {
  it('is told the account is disabled, not that it has no authenticator', async () => {
    const bob = { id: '22222222-2222-2222-2222-222222222222', name: 'Bob Stone', email: 'bob@x' };
    backend({
      getStatus: () => ({
        ok: true,
        value: {
          origin: ORIGIN, host: 'portal.example.com', state: 'ready', version: '3.7', auth: 'cookie', checkedAt: 0,
          me: { id: '11111111-1111-1111-1111-111111111111', displayName: 'Me', email: 'me@x', role: 'owner' }, policy: null,
          applies: { kind: 'everyone' }, enrolment: { state: 'unknown' }, enrolmentInProgress: false, signInUrl: `${ORIGIN}/login`,
        },
      }),
      searchPeople: () => ({ ok: true, value: [bob] }),
      resetUserApp: () => ({ ok: false, error: { kind: 'notAvailable', origin: ORIGIN, message: 'Not available.', reason: 'userDisabled' } }),
    });
    render(<OwnerView origin={ORIGIN} navigate={vi.fn()} params={new URLSearchParams()} />);
    fireEvent.input(await screen.findByLabelText('Find a user by name or email'), { target: { value: 'bob' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator of Bob Stone…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator' }));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('account is disabled');
    expect(alert.textContent).not.toContain('no authenticator');
  });
});

describe('a save the portal answered with 3.7\'s 500 for an exempt caller', () => {
  it('says saved, why the error, and that the password is enough; never "did not arrive in time"', () => {
    const reply: SaveReply = {
      policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [], mandatoryGroups: [] },
      mismatches: [], enrolNext: false, callerExempt: true, signedOut: true,
    };
    render(<PolicySaved reply={reply} names={{}} signInUrl={`${ORIGIN}/login`} onEditAgain={vi.fn()} />);
    expect(screen.getByText(/saved the policy, then answered with an internal error \(HTTP 500/)).toBeTruthy();
    expect(screen.getByText(/your password is enough/)).toBeTruthy();
    expect(screen.queryByText(/did not arrive in time/)).toBeNull();
  });
});

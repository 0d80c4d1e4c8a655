import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type RunningPortal, startPortal } from '../portal/server';
import { CookieJar, call, passwordSignIn } from '../portal/test-client';
import { savePolicy } from '../../lib/providers/docspace/background/policy';
import { jarFetch } from './jar-fetch';

/**
 * Trusted IPs over real HTTP, as the server parses and matches them (fact sheet §12.1): an entry .NET cannot
 * parse makes every request that reaches it answer HTTP 500; the request's address may come from the
 * `request-x-real-ip` query parameter; and the extension never sends an entry the server cannot parse.
 */
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal.close();
});

let fetchWithJar: ReturnType<typeof jarFetch>;
beforeEach(() => {
  portal.reset();
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = async () => true;
});

const id = (email: string) => portal.user(email).id;
const jarFor = async (email: string): Promise<CookieJar> => {
  const jar = new CookieJar();
  jar.cookies.set('asc_auth_key', await portal.signIn(email));
  return jar;
};
const signIn = (email: string, query = '') =>
  call(portal.origin, 'POST', `authentication${query}`, { body: { userName: email, password: 'demo-password' }, jar: new CookieJar() });

const FORMAT_EXCEPTION = { status: 1, statusCode: 500, error: expect.objectContaining({ type: 'System.FormatException', hresult: -2146233033 }) };

describe('an entry .NET cannot parse breaks password sign-in for everyone it reaches', () => {
  it('a host-bit CIDR: HTTP 500 FormatException for a user who is not mandatory; a mandatory user is still asked for a code', async () => {
    portal.setPolicy({ enabled: true, trustedIps: ['192.168.1.5/24'], mandatoryUsers: [id('dave@demo.test')] });
    const user = await signIn('user@demo.test');
    expect(user.status).toBe(500);
    expect(user.json).toEqual(FORMAT_EXCEPTION);
    expect((user.json as { error: { message: string } }).error.message).toBe('An invalid IP network was specified.');
    expect(user.setCookies).toEqual([]);
    const mandatory = await passwordSignIn(portal.origin, 'dave@demo.test');
    expect(mandatory.reply.status).toBe(200);
    expect(mandatory.reply.json).toMatchObject({ response: { tfa: true } });
  });

  it.each([
    ['a range with an unparseable side', '10.0.0.1-10.0.0.x', 'An invalid IP address was specified.'],
    ['a prefix over 32', '10.0.0.0/33', 'An invalid IP network was specified.'],
    ['a space before the prefix', '10.0.0.0 /24', 'An invalid IP network was specified.'],
    ['a word with a dash', 'not-an-ip', 'An invalid IP address was specified.'],
  ])('%s (%j)', async (_name, entry, message) => {
    portal.setPolicy({ enabled: true, trustedIps: [entry] });
    const r = await signIn('user@demo.test');
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ ...FORMAT_EXCEPTION, error: expect.objectContaining({ message, type: 'System.FormatException' }) });
  });

  it('entries are tried in order: an earlier match exempts before the broken entry is reached', async () => {
    portal.setPolicy({ enabled: true, trustedIps: ['127.0.0.1', '192.168.1.5/24'] });
    expect((await signIn('user@demo.test')).json).toMatchObject({ response: { tfa: false } });
    portal.setClientIp('127.0.0.2');
    expect((await signIn('user@demo.test')).status).toBe(500);
  });

  it('tfaapp/confirm and tfaappwithlink answer 500 too; the save itself was applied', async () => {
    portal.setPolicy({ enabled: true, trustedIps: ['192.168.1.5/24'] });
    const confirm = await call(portal.origin, 'GET', 'settings/tfaapp/confirm', { jar: await jarFor('user@demo.test') });
    expect(confirm.status).toBe(500);
    expect(confirm.json).toEqual(FORMAT_EXCEPTION);
    const withLink = await call(portal.origin, 'PUT', 'settings/tfaappwithlink', {
      jar: await jarFor('admin@demo.test'),
      body: { type: 'App', id: id('admin@demo.test'), trustedIps: ['10.0.0.0/8', '10.1.2.3/8'] },
    });
    expect(withLink.status).toBe(500);
    expect(withLink.json).toEqual(FORMAT_EXCEPTION);
    expect(portal.getPolicy().trustedIps).toEqual(['10.0.0.0/8', '10.1.2.3/8']);
  });

  it('a plain entry is compared untrimmed: " 127.0.0.1" never matches (and never throws)', async () => {
    portal.setPolicy({ enabled: true, trustedIps: [' 127.0.0.1', '2001:DB8::1'] });
    expect((await signIn('user@demo.test')).json).toMatchObject({ response: { tfa: true } });
    portal.setPolicy({ enabled: true, trustedIps: ['127.0.0.1'] });
    expect((await signIn('user@demo.test')).json).toMatchObject({ response: { tfa: false } });
  });
});

describe('request-x-real-ip: the request names its own address (MessageSettings.GetIP)', () => {
  beforeEach(() => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.1.2.0/24'], mandatoryUsers: [id('dave@demo.test')] });
  });

  it('claiming a trusted address skips the second factor; the connection address alone does not', async () => {
    expect((await signIn('user@demo.test')).json).toMatchObject({ response: { tfa: true } });
    const claimed = await signIn('user@demo.test', '?request-x-real-ip=10.1.2.3');
    expect(claimed.json).toMatchObject({ response: { tfa: false } });
    expect(claimed.setCookies.some((c) => c.startsWith('asc_auth_key='))).toBe(true);
    // Any case of the name (ASP.NET's query collection ignores case); an empty value falls back to the connection.
    expect((await signIn('user@demo.test', '?Request-X-Real-IP=10.1.2.200')).json).toMatchObject({ response: { tfa: false } });
    expect((await signIn('user@demo.test', '?request-x-real-ip=')).json).toMatchObject({ response: { tfa: true } });
  });

  it('mandatory users are asked whatever address they claim', async () => {
    expect((await signIn('dave@demo.test', '?request-x-real-ip=10.1.2.3')).json).toMatchObject({ response: { tfa: true } });
  });

  it('an address .NET cannot parse, claimed against a block, is a 500 as well', async () => {
    expect((await signIn('user@demo.test', '?request-x-real-ip=somewhere')).status).toBe(500);
  });

  it('tfaapp/confirm takes the claimed address too', async () => {
    const jar = await jarFor('user@demo.test');
    const plain = await call(portal.origin, 'GET', 'settings/tfaapp/confirm', { jar });
    expect(plain.json).toMatchObject({ response: { url: expect.stringContaining('/confirm/TfaActivation') } });
    const claimed = await call(portal.origin, 'GET', 'settings/tfaapp/confirm?request-x-real-ip=10.1.2.3', { jar });
    expect(claimed.status).toBe(200);
    expect(claimed.json).not.toHaveProperty('response');
  });
});

describe('the extension never sends an entry the server cannot parse', () => {
  beforeEach(() => {
    fetchWithJar = jarFetch();
    vi.stubGlobal('fetch', fetchWithJar);
  });

  it('192.168.1.5/24 is saved as 192.168.1.0/24, and password sign-in keeps working', async () => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.1'] });
    portal.enrol('admin@demo.test');
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn('admin@demo.test'));
    const r = await savePolicy({ type: 'savePolicy', origin: portal.origin, method: 'app', trustedIps: ['10.0.0.1', '192.168.1.5/24'], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r.ok).toBe(true);
    const put = portal.requests.find((q) => q.method === 'PUT' && q.path.includes('settings/tfaapp'));
    expect((put?.body as { trustedIps: string[] }).trustedIps).toEqual(['10.0.0.1', '192.168.1.0/24']);
    expect(portal.getPolicy().trustedIps).toEqual(['10.0.0.1', '192.168.1.0/24']);
    vi.unstubAllGlobals();
    expect((await signIn('user@demo.test')).status).toBe(200);
    portal.setClientIp('192.168.1.77');
    expect((await signIn('user@demo.test')).json).toMatchObject({ response: { tfa: false } });
  });

  it('an entry the server cannot parse, sent by another client of the extension protocol, is refused before anything is sent', async () => {
    portal.setPolicy({ enabled: true, trustedIps: ['10.0.0.1'] });
    fetchWithJar.jar.cookies.set('asc_auth_key', await portal.signIn('admin@demo.test'));
    const r = await savePolicy({ type: 'savePolicy', origin: portal.origin, method: 'app', trustedIps: ['10.0.0.1-10.0.0.x'], mandatoryUsers: [], mandatoryGroups: [] });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(portal.requests.filter((q) => q.method === 'PUT')).toEqual([]);
  });
});

// The emulated portal over https (tests/portal/tls.ts): a real TLS server with a throwaway certificate, whose
// cookies carry Secure, HttpOnly and SameSite=Strict as a real portal's do on https (fact sheet §11.4);
// over plain http the same cookies carry no Secure.
import { createHash } from 'node:crypto';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPortal, type ThrowawayCertificate, makeThrowawayCertificate, startPortal } from '../portal/server';
import { call } from '../portal/test-client';

interface TlsReply {
  status: number;
  setCookies: string[];
  json: unknown;
  /** Base64 SHA-256 of the served certificate's SubjectPublicKeyInfo. */
  servedSpki: string;
}

/** One https request that trusts only `ca` (no system roots, full verification of name and chain). */
function httpsCall(origin: string, method: string, path: string, ca: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<TlsReply> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/api/2.0/${path}`, {
      method,
      ca,
      headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
    }, (res) => {
      const served = (res.socket as TLSSocket).getPeerX509Certificate();
      const spki = served?.publicKey.export({ type: 'spki', format: 'der' });
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        setCookies: res.headers['set-cookie'] ?? [],
        json: text ? JSON.parse(text) : undefined,
        servedSpki: spki ? createHash('sha256').update(spki).digest('base64') : '',
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The attributes of one Set-Cookie line, lower-cased, without the name=value pair and the date. */
function attributesOf(line: string | undefined): string[] {
  return (line ?? '').split(';').slice(1).map((a) => a.trim().toLowerCase()).filter((a) => !a.startsWith('expires='));
}

const lineFor = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}=`));
const valueOf = (line: string | undefined) => line?.split(';')[0]?.split('=')[1];

describe('emulated portal over https', () => {
  let cert: ThrowawayCertificate;
  let portal: RunningPortal;

  beforeAll(async () => {
    cert = await makeThrowawayCertificate();
    portal = await startPortal({ tls: cert });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('serves TLS on https://127.0.0.1 with the throwaway certificate, which an untrusting client refuses', async () => {
    expect(portal.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await httpsCall(portal.origin, 'GET', 'settings/version/build', cert.cert);
    expect(r.status).toBe(200);
    expect(r.servedSpki).toBe(cert.spkiSha256);
    // Node's fetch trusts only the system's roots: a self-signed certificate is refused.
    await expect(fetch(`${portal.origin}/api/2.0/settings/version/build`)).rejects.toThrow();
  });

  it('the sign-in cookie is Secure, HttpOnly, SameSite=Strict, Path=/ and signs the next request in', async () => {
    portal.reset();
    const user = portal.user('user');
    const login = await httpsCall(portal.origin, 'POST', 'authentication', cert.cert, { body: { userName: user.email, password: user.password } });
    expect(login.status).toBe(200);
    const line = lineFor(login.setCookies, 'asc_auth_key');
    expect(attributesOf(line)).toEqual(['path=/', 'secure', 'samesite=strict', 'httponly']);
    // The log keeps what was sent, and what the next request carried.
    expect(portal.requests.at(-1)?.setCookies).toEqual(login.setCookies);
    const token = valueOf(line);
    const self = await httpsCall(portal.origin, 'GET', 'people/@self', cert.cert, { headers: { Cookie: `asc_auth_key=${token}` } });
    expect(self.status).toBe(200);
    expect(portal.requests.at(-1)).toMatchObject({ path: '/api/2.0/people/@self', auth: 'cookie', status: 200, cookies: { asc_auth_key: token } });
  });

  it('the confirm cookie and its clearing after validate carry Secure too; links point at the https origin', async () => {
    portal.reset();
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    const cookie = `asc_auth_key=${await portal.signIn(user.email)}`;
    const confirm = await httpsCall(portal.origin, 'GET', 'settings/tfaapp/confirm', cert.cert, { headers: { Cookie: cookie } });
    expect(confirm.status).toBe(200);
    expect(confirm.json).toMatchObject({ response: { url: `${portal.origin}/confirm/TfaActivation?type=TfaActivation&uid=${user.id}` } });
    const keyLine = lineFor(confirm.setCookies, 'asc_confirm_key_TfaActivation');
    expect(attributesOf(keyLine)).toEqual(['path=/', 'secure', 'samesite=strict', 'httponly']);

    const byCookie = { confirm: `type=TfaActivation&uid=${user.id}`, Cookie: `asc_confirm_key_TfaActivation=${valueOf(keyLine)}` };
    const setup = await httpsCall(portal.origin, 'GET', 'settings/tfaapp/setup', cert.cert, { headers: byCookie });
    expect(setup.status).toBe(200);
    expect(portal.requests.at(-1)).toMatchObject({ auth: 'confirm', cookies: { asc_confirm_key_TfaActivation: valueOf(keyLine) } });
    const validate = await httpsCall(portal.origin, 'POST', 'settings/tfaapp/validate', cert.cert, {
      body: { code: await portal.totp(user.email) },
      headers: byCookie,
    });
    expect(validate.status).toBe(200);
    expect(attributesOf(lineFor(validate.setCookies, 'asc_auth_key'))).toEqual(['path=/', 'secure', 'samesite=strict', 'httponly']);
    const cleared = lineFor(validate.setCookies, 'asc_confirm_key_TfaActivation');
    expect(cleared).toMatch(/^asc_confirm_key_TfaActivation=; expires=Thu, 01 Jan 1970 00:00:00 GMT;/);
    expect(attributesOf(cleared)).toEqual(['path=/', 'secure', 'samesite=strict', 'httponly']);
  });
});

describe('emulated portal over https under a host name (the screenshots: acme.onlyoffice.io mapped to it)', () => {
  let cert: ThrowawayCertificate;
  let portal: RunningPortal;

  beforeAll(async () => {
    cert = await makeThrowawayCertificate(['acme.onlyoffice.io']);
    portal = await startPortal({ tls: cert });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('the certificate holds the name (full verification passes), another name is refused; links use the name, no port', async () => {
    portal.setPolicy({ enabled: true });
    const user = portal.user('user');
    // Node checks the certificate against the Host header's name (its SNI), as a browser checks the address bar's.
    const headers = { Host: 'acme.onlyoffice.io', Cookie: `asc_auth_key=${await portal.signIn(user.email)}` };
    const confirm = await httpsCall(portal.origin, 'GET', 'settings/tfaapp/confirm', cert.cert, { headers });
    expect(confirm.status).toBe(200);
    expect(confirm.json).toMatchObject({ response: { url: `https://acme.onlyoffice.io/confirm/TfaActivation?type=TfaActivation&uid=${user.id}` } });
    await expect(httpsCall(portal.origin, 'GET', 'settings/tfaapp/confirm', cert.cert, { headers: { ...headers, Host: 'other.onlyoffice.io' } }))
      .rejects.toThrow(/altnames/);
  });

  it('takes host names only', async () => {
    await expect(makeThrowawayCertificate(['acme.onlyoffice.io,IP:10.0.0.1'])).rejects.toThrow(/not a host name/);
  });
});

describe('emulated portal over plain http', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('sets the same cookies without Secure', async () => {
    expect(portal.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const user = portal.user('user');
    const login = await call(portal.origin, 'POST', 'authentication', { body: { userName: user.email, password: user.password } });
    expect(login.status).toBe(200);
    expect(attributesOf(lineFor(login.setCookies, 'asc_auth_key'))).toEqual(['path=/', 'samesite=strict', 'httponly']);
    expect(portal.requests.at(-1)?.setCookies).toEqual(login.setCookies);
  });
});

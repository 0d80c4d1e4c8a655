// A throwaway TLS certificate for serving the emulated portal over https, made at test time with the
// system's openssl (Debian: apt-get install openssl) and never written anywhere but a temporary directory.
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface TlsCredentials {
  /** PEM certificate. */
  cert: string;
  /** PEM private key. */
  key: string;
}

export interface ThrowawayCertificate extends TlsCredentials {
  /**
   * Base64 SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium's
   * `--ignore-certificate-errors-spki-list` takes to trust this one certificate and no other.
   */
  spkiSha256: string;
}

const OPENSSL = process.env.OPENSSL_BIN ?? 'openssl';

/**
 * A self-signed P-256 certificate for 127.0.0.1 and localhost, valid from now for two days; `dnsNames` adds host
 * names (e.g. `acme.onlyoffice.io`, which the screenshots map to the emulator with Chromium's host resolver rules).
 */
export async function makeThrowawayCertificate(dnsNames: readonly string[] = []): Promise<ThrowawayCertificate> {
  const bad = dnsNames.find((n) => !/^[a-z0-9.-]+$/i.test(n));
  if (bad !== undefined) throw new Error(`makeThrowawayCertificate: not a host name: ${JSON.stringify(bad)}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    await promisify(execFile)(OPENSSL, [
      'req', '-x509', '-nodes', '-days', '2',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256',
      '-keyout', keyFile, '-out', certFile,
      '-subj', '/CN=127.0.0.1',
      '-addext', `subjectAltName=${['IP:127.0.0.1', 'DNS:localhost', ...dnsNames.map((n) => `DNS:${n}`)].join(',')}`,
      '-addext', 'basicConstraints=critical,CA:FALSE',
      '-addext', 'keyUsage=critical,digitalSignature',
      '-addext', 'extendedKeyUsage=serverAuth',
    ], { timeout: 30_000 }).catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`Cannot make a throwaway certificate with ${OPENSSL} (install it: apt-get install openssl, or point OPENSSL_BIN at one): ${why}`);
    });
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
    const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return { cert, key, spkiSha256: createHash('sha256').update(spki).digest('base64') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

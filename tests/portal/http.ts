// HTTP plumbing for the emulated portal: response shape, body reading, request-log redaction.
import type { IncomingMessage } from 'node:http';

export interface Out {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
/** Kestrel's default MaxRequestBodySize (30,000,000 bytes); past it the server answers 413. */
const MAX_BODY = 30_000_000;
const REDACT = /^(password|passwordhash|code)$/i;

function redact(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.map(redact);
  }
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, REDACT.test(k) ? '***' : redact(x)]));
  }
  return v;
}

export function logBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) {
    return undefined;
  }
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    return redact(Object.fromEntries(new URLSearchParams(raw)));
  }
  try {
    return redact(JSON.parse(raw));
  } catch {
    return '(unparseable body)';
  }
}

export const json = (status: number, value: unknown): Out => ({ status, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(value) });

export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) {
        chunks.push(c);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));


// Reading a request of the emulated Navixy Admin Panel: the body (JSON, form or query string, with the
// codes 5 and 9 for what cannot be read) and the parameters the implemented actions take.
import type { IncomingMessage } from 'node:http';
import { invalid, PanelFail, type ParameterError } from './errors';
import type { MfaSettings } from './demo';

/**
 * The largest request body read (assumption: no source names Navixy's limit; 1 MiB is far above any request
 * of the MFA API, whose largest is a 100-id batch of about 1 KB). A larger body answers code 9 (HTTP 412).
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Reads the body; null when it is larger than `max` bytes (the rest is drained, not kept). */
export function readLimitedBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form or query parameters: values that look like JSON objects or arrays are parsed (how nested params travel). */
export function formParams(raw: string): Record<string, unknown> {
  return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => {
    if (/^\s*[[{]/.test(v)) {
      try {
        return [k, JSON.parse(v) as unknown];
      } catch {
        return [k, v];
      }
    }
    return [k, v];
  }));
}

/**
 * The parameters of a request: the query string, then the body over it (JSON when the content type says so or
 * it starts with `{` or `[`, else form-encoded). `fail`: code 9 for a body over the limit, code 5 for JSON
 * that does not parse or is not an object (assumption: [DOCS] names code 5 "Wrong request format" without
 * saying when; an unreadable body is the plain reading).
 */
export function requestParams(search: string, raw: string | null, contentType: string | undefined): { body: Record<string, unknown>; fail: PanelFail | null } {
  const query = formParams(search);
  if (raw === null) return { body: query, fail: new PanelFail(9) };
  if (!raw.trim()) return { body: query, fail: null };
  if (/json/i.test(contentType ?? '') || /^\s*[[{]/.test(raw)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { body: query, fail: new PanelFail(5) };
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { body: query, fail: new PanelFail(5) };
    return { body: { ...query, ...(parsed as Record<string, unknown>) }, fail: null };
  }
  return { body: { ...query, ...formParams(raw) }, fail: null };
}

/** Reads `settings`; the reasons it is refused (code 7), or the settings as the panel stores them. */
export function parseSettings(v: unknown, known: readonly string[]): MfaSettings | ParameterError {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { parameter: 'settings', error: 'Required object' };
  const s = v as { type?: unknown; factor_types?: unknown };
  if (s.type === 'disallowed') return { type: 'disallowed' };
  if (s.type !== 'allowed') return { parameter: 'settings.type', error: 'Should be one of [allowed, disallowed]' };
  if (!Array.isArray(s.factor_types) || s.factor_types.length === 0) return { parameter: 'settings.factor_types', error: 'Must be a non-empty array' };
  if (!s.factor_types.every((f) => typeof f === 'string' && known.includes(f))) return { parameter: 'settings.factor_types', error: `Should be one of [${known.join(', ')}]` };
  return { type: 'allowed', factor_types: [...new Set(s.factor_types as string[])] };
}

export type Target = { type: 'all' } | { type: 'selected'; ids: number[] };

/** Reads `target`; the reason it is refused, or the target. */
export function parseTarget(v: unknown): Target | ParameterError {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { parameter: 'target', error: 'Required object' };
  const t = v as { type?: unknown; ids?: unknown };
  if (t.type === 'all') return { type: 'all' };
  if (t.type !== 'selected') return { parameter: 'target.type', error: 'Should be one of [all, selected]' };
  const ids = t.ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) return { parameter: 'target.ids', error: 'Must hold 1 to 100 ids' };
  if (!ids.every((i) => Number.isInteger(i) && (i as number) >= 1)) return { parameter: 'target.ids', error: 'Must be positive integers' };
  return { type: 'selected', ids: ids as number[] };
}

export const isParameterError = (x: object): x is ParameterError => 'parameter' in x;

/** An integer parameter (JSON number or, from a form or query string, digits). */
export function intParam(body: Record<string, unknown>, name: string, min: number): number | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw invalid(name, `Must be an integer not less than ${min}`);
  return n;
}

export function boolParam(body: Record<string, unknown>, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw invalid(name, 'Must be a boolean');
}

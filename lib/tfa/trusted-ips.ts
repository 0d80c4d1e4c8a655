import ipaddr from 'ipaddr.js';

/**
 * Trusted-IP entries as the portal matches them (fact sheet §2: exact address,
 * `a-b` range or CIDR; common/ASC.Core.Common/Core/IPAddressRange.cs). The portal
 * does not validate entries on save, so a typo would only surface at sign-in time:
 * we validate here, strictly, and send a canonical spelling.
 */
export type TrustedIpKind = 'ipv4' | 'ipv6' | 'range' | 'cidr';

export type TrustedIpProblem =
  | 'notAnAddress'   // neither IPv4 (four decimal parts) nor IPv6
  | 'zoneId'         // fe80::1%eth0: a request address never carries one
  | 'mixedFamilies'  // 10.0.0.1-::1
  | 'reversedRange'  // end before start
  | 'badPrefix'      // /33 on IPv4, /129 on IPv6, /abc
  | 'tooLong';

export interface TrustedIp {
  kind: TrustedIpKind;
  family: 4 | 6;
  /** Canonical spelling: lower-case compressed IPv6, no spaces, `a-b`, `addr/bits`. */
  value: string;
}

export type TrustedIpResult = { ok: true; entry: TrustedIp } | { ok: false; problem: TrustedIpProblem };

type Addr = ipaddr.IPv4 | ipaddr.IPv6;
const MAX_ENTRY = 100;
const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** Parses one address strictly: IPv4 only as four decimal parts (no octal/hex/short forms). */
function parseAddress(raw: string): { addr: Addr } | { problem: TrustedIpProblem } {
  if (ipaddr.IPv4.isValidFourPartDecimal(raw)) {
    return { addr: ipaddr.IPv4.parse(raw) };
  }
  if (!raw.includes(':') || !ipaddr.IPv6.isValid(raw)) {
    return { problem: 'notAnAddress' };
  }
  if (raw.includes('%')) {
    return { problem: 'zoneId' };
  }
  // An embedded dotted quad is only accepted in the IPv4-mapped form (::ffff:a.b.c.d).
  if (raw.includes('.')) {
    const mapped = MAPPED_V4.exec(raw);
    if (!mapped?.[1] || !ipaddr.IPv4.isValidFourPartDecimal(mapped[1])) {
      return { problem: 'notAnAddress' };
    }
  }
  return { addr: ipaddr.IPv6.parse(raw) };
}

function familyOf(addr: Addr): 4 | 6 {
  return addr.kind() === 'ipv4' ? 4 : 6;
}

/** Canonical text of an address; IPv4-mapped IPv6 keeps the dotted form, as .NET prints it. */
export function formatAddress(addr: Addr): string {
  if (addr.kind() === 'ipv4') {
    return addr.toString();
  }
  const v6 = addr as ipaddr.IPv6;
  return v6.isIPv4MappedAddress() ? `::ffff:${v6.toIPv4Address().toString()}` : v6.toRFC5952String();
}

function compareBytes(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}

function parseRange(raw: string): TrustedIpResult {
  const parts = raw.split('-').map((p) => p.trim());
  if (parts.length !== 2) {
    return { ok: false, problem: 'notAnAddress' };
  }
  const [left = '', right = ''] = parts;
  const a = parseAddress(left);
  const b = parseAddress(right);
  if ('problem' in a) {
    return { ok: false, problem: a.problem };
  }
  if ('problem' in b) {
    return { ok: false, problem: b.problem };
  }
  if (familyOf(a.addr) !== familyOf(b.addr)) {
    return { ok: false, problem: 'mixedFamilies' };
  }
  if (compareBytes(a.addr.toByteArray(), b.addr.toByteArray()) > 0) {
    return { ok: false, problem: 'reversedRange' };
  }
  const value = `${formatAddress(a.addr)}-${formatAddress(b.addr)}`;
  return { ok: true, entry: { kind: 'range', family: familyOf(a.addr), value } };
}

function parseCidr(raw: string): TrustedIpResult {
  const slash = raw.lastIndexOf('/');
  const base = parseAddress(raw.slice(0, slash).trim());
  const bitsText = raw.slice(slash + 1).trim();
  if ('problem' in base) {
    return { ok: false, problem: base.problem };
  }
  const family = familyOf(base.addr);
  const bits = /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (!Number.isInteger(bits) || bits > (family === 4 ? 32 : 128)) {
    return { ok: false, problem: 'badPrefix' };
  }
  return { ok: true, entry: { kind: 'cidr', family, value: `${formatAddress(base.addr)}/${bits}` } };
}

/** Validates one trusted-IP entry (IPv4, IPv6, `a-b` of one family with a ≤ b, or CIDR). */
export function parseTrustedIp(input: string): TrustedIpResult {
  const raw = input.trim();
  if (raw.length > MAX_ENTRY) {
    return { ok: false, problem: 'tooLong' };
  }
  if (raw.includes('/')) {
    return parseCidr(raw);
  }
  if (raw.includes('-')) {
    return parseRange(raw);
  }
  const single = parseAddress(raw);
  if ('problem' in single) {
    return { ok: false, problem: single.problem };
  }
  const family = familyOf(single.addr);
  return { ok: true, entry: { kind: family === 4 ? 'ipv4' : 'ipv6', family, value: formatAddress(single.addr) } };
}

export interface TrustedIpLine {
  /** 1-based line number in the editor. */
  line: number;
  input: string;
  result: TrustedIpResult;
  /** A valid entry equal (after canonicalisation) to an earlier one. */
  duplicateOf: number | null;
}

export interface TrustedIpList {
  lines: TrustedIpLine[];
  /** Canonical, de-duplicated entries in first-seen order; what would be sent. */
  values: string[];
  invalid: TrustedIpLine[];
  duplicates: TrustedIpLine[];
}

/** Splits editor text (one entry per line; commas also accepted) and validates every entry. */
export function parseTrustedIpList(text: string): TrustedIpList {
  const lines: TrustedIpLine[] = [];
  const firstSeen = new Map<string, number>();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    for (const part of rawLine.split(',')) {
      if (!part.trim()) {
        continue;
      }
      const result = parseTrustedIp(part);
      const key = result.ok ? result.entry.value : null;
      const earlier = key === null ? undefined : firstSeen.get(key);
      if (key !== null && earlier === undefined) {
        firstSeen.set(key, index + 1);
      }
      lines.push({ line: index + 1, input: part.trim(), result, duplicateOf: earlier ?? null });
    }
  });
  return {
    lines,
    values: [...firstSeen.keys()],
    invalid: lines.filter((l) => !l.result.ok),
    duplicates: lines.filter((l) => l.duplicateOf !== null),
  };
}

/** Canonicalises a list the portal already holds; entries we cannot parse are kept verbatim. */
export function canonicalTrustedIps(list: string[]): string[] {
  const out: string[] = [];
  for (const item of list) {
    const r = parseTrustedIp(item);
    const value = r.ok ? r.entry.value : item.trim();
    if (value && !out.includes(value)) {
      out.push(value);
    }
  }
  return out;
}

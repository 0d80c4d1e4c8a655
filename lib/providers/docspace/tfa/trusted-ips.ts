import ipaddr from 'ipaddr.js';
import { serverFormatAddress, serverParseAddress } from './server-ip';
import { classifyStoredTrustedIp } from './stored-ips';
import { type Bounds, coversHugeBlock, isPrivateBlock, rangeIsHuge, toBig } from './ip-blocks';

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
  /** Canonical spelling: lower-case compressed IPv6, no spaces, `a-b`, `addr/bits`. What is sent. */
  value: string;
  /**
   * A CIDR block the portal would match wrongly, sent instead as the `first-last` range it means
   * (§11.2): every IPv6 CIDR, and IPv4 `/0`; or one with host bits set (`192.168.1.5/24`), which .NET's
   * IPNetwork.Parse refuses (§12.1), sent as its network. Holds the block as typed (canonical), for the editor.
   */
  fromCidr?: string;
  /** The block had host bits set: `value` is its network (or the range of it). */
  hostBits?: true;
  /** Trusts at least 2^24 IPv4 or 2^96 IPv6 addresses (an IPv4 /8, an IPv6 /32): a large part of the Internet. */
  huge?: boolean;
}

export type TrustedIpResult = { ok: true; entry: TrustedIp } | { ok: false; problem: TrustedIpProblem };

type Addr = ipaddr.IPv4 | ipaddr.IPv6;
const MAX_ENTRY = 100;

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
  // An embedded dotted quad (::ffff:a.b.c.d, ::a.b.c.d, …) only as four decimal parts, like IPv4 alone.
  // ipaddr.js reads ::a.b.c.d as ::ffff:a.b.c.d; .NET's parser (server-ip.ts) gives the bytes.
  if (raw.includes('.')) {
    const parsed = ipaddr.IPv4.isValidFourPartDecimal(raw.slice(raw.lastIndexOf(':') + 1)) ? serverParseAddress(raw) : null;
    return parsed ? { addr: ipaddr.fromByteArray(parsed.bytes) } : { problem: 'notAnAddress' };
  }
  return { addr: ipaddr.IPv6.parse(raw) };
}

function familyOf(addr: Addr): 4 | 6 {
  return addr.kind() === 'ipv4' ? 4 : 6;
}

/**
 * Canonical text of an address, exactly as .NET's IPAddress.ToString() prints it (RFC 5952, with its own IPv4
 * tails): the portal compares a single address as a string with the request's (§11.2), so any other spelling
 * of the same address would never match.
 */
export function formatAddress(addr: Addr): string {
  return serverFormatAddress({ bytes: addr.toByteArray(), scopeId: 0 });
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
  const family = familyOf(a.addr);
  const huge = rangeIsHuge(a.addr.toByteArray(), b.addr.toByteArray());
  return { ok: true, entry: { kind: 'range', family, value, ...(huge ? { huge } : {}) } };
}

/** The first and last address of `base/bits`. */
function cidrBounds(base: Addr, bits: number): [Addr, Addr] {
  const bytes = base.toByteArray();
  const first = bytes.map((byte, i) => {
    const keep = Math.min(Math.max(bits - i * 8, 0), 8);
    return byte & (0xff << (8 - keep)) & 0xff;
  });
  const last = first.map((byte, i) => {
    const keep = Math.min(Math.max(bits - i * 8, 0), 8);
    return byte | (0xff >> keep);
  });
  return [ipaddr.fromByteArray(first), ipaddr.fromByteArray(last)];
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
  const cidr = `${formatAddress(base.addr)}/${bits}`;
  const [first, last] = cidrBounds(base.addr, bits);
  const huge = rangeIsHuge(first.toByteArray(), last.toByteArray());
  // .NET's IPNetwork.Parse throws on host bits (192.168.1.5/24), and the portal does not catch it: password
  // sign-in would fail for everyone not mandatory (§12.1). The block goes as its network.
  const hostBits = formatAddress(first) !== formatAddress(base.addr);
  const marks = { ...(huge ? { huge } : {}), ...(hostBits ? { hostBits: true as const } : {}) };
  // The portal compares only the first 4 bytes of a CIDR, with the shift count taken mod 32 (§11.2): an IPv6
  // /64 is matched as /32, and IPv4 /0 as the base address alone. Those go as the range they mean, which it
  // compares byte by byte over the whole address.
  if (family === 6 && bits === 128) {
    return { ok: true, entry: { kind: 'ipv6', family, value: formatAddress(base.addr), fromCidr: cidr } };
  }
  if (family === 6 || bits === 0) {
    return { ok: true, entry: { kind: 'range', family, value: `${formatAddress(first)}-${formatAddress(last)}`, fromCidr: cidr, ...marks } };
  }
  const network = `${formatAddress(first)}/${bits}`;
  return { ok: true, entry: { kind: 'cidr', family, value: network, ...(hostBits ? { fromCidr: cidr } : {}), ...marks } };
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
  /** Valid CIDR blocks that will be sent as the range they mean (§11.2). */
  converted: TrustedIpLine[];
  /** Valid entries that trust a large part of the Internet: saving them needs the admin's confirmation. */
  huge: TrustedIpLine[];
  /** No entry is huge alone, but together the entries cover a huge block (e.g. 256 adjacent /16s). */
  hugeTogether: boolean;
}

/** The addresses an entry, as it will be sent, trusts on the portal. */
export function boundsOf(entry: TrustedIp): Bounds {
  const [from = '', to] = entry.value.split(entry.kind === 'cidr' ? '/' : '-');
  const a = ipaddr.parse(from);
  if (entry.kind === 'cidr') {
    const [first, last] = cidrBounds(a, Number(to));
    return { family: entry.family, lo: toBig(first.toByteArray()), hi: toBig(last.toByteArray()) };
  }
  const b = to === undefined ? a : ipaddr.parse(to);
  return { family: entry.family, lo: toBig(a.toByteArray()), hi: toBig(b.toByteArray()) };
}

/**
 * Whether an entry trusts only private, loopback or unique-local addresses (ip-blocks.ts isPrivateBlock). A huge
 * one (10.0.0.0/8) still needs the review's confirmation, but the editor notes it calmly: it matters only for a
 * self-hosted portal inside that network, not for the Internet at large.
 */
export const isPrivateEntry = (entry: TrustedIp): boolean => isPrivateBlock(boundsOf(entry));

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
  const unique = lines.flatMap((l) => (l.duplicateOf === null && l.result.ok ? [l.result.entry] : []));
  const huge = lines.filter((l) => l.duplicateOf === null && l.result.ok && l.result.entry.huge === true);
  return {
    lines,
    values: [...firstSeen.keys()],
    invalid: lines.filter((l) => !l.result.ok),
    duplicates: lines.filter((l) => l.duplicateOf !== null),
    converted: lines.filter((l) => l.duplicateOf === null && l.result.ok && l.result.entry.fromCidr !== undefined),
    huge,
    hugeTogether: huge.length === 0 && coversHugeBlock(unique.map(boundsOf)),
  };
}

/**
 * Canonicalises a list the portal already holds, as it holds it: a stored CIDR block stays a block (only its
 * spelling is canonical), so a block that saving would turn into a range shows up as a change. Entries we
 * cannot parse are kept trimmed; entries that break sign-in (stored-ips.ts) verbatim, so that saving them
 * fixed (`10.0.0.0/24 ` as `10.0.0.0/24`, `192.168.1.5/24` as `192.168.1.0/24`) is a change.
 */
export function canonicalTrustedIps(list: string[]): string[] {
  const out = new Set<string>();
  for (const item of list) {
    if (classifyStoredTrustedIp(item).kind === 'breaksSignIn') {
      out.add(item);
      continue;
    }
    const r = parseTrustedIp(item);
    const value = r.ok ? (r.entry.fromCidr ?? r.entry.value) : item.trim();
    if (value) {
      out.add(value);
    }
  }
  return [...out];
}

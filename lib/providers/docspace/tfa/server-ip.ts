/**
 * What the portal's .NET code makes of a trusted-IP entry (fact sheet §11.2, §12.1), written from its sources:
 * DocSpace-server common/ASC.Core.Common/Core/IPAddressRange.cs (MatchIPs) and, from dotnet/runtime,
 * IPAddressParser.cs, IPNetwork.cs, IPv4AddressHelper.Common.cs, IPv6AddressHelper.Common.cs. A grammar, not a
 * port: the emulator (tests/portal/dotnet-ip.ts) has the line-by-line port, and tests hold the two together.
 */

/** char.IsWhiteSpace, as String.Trim() uses it (U+0085 yes, U+FEFF no: not JavaScript's trim()). */
const WHITE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
export const serverTrim = (s: string): string => s.replace(WHITE, '');

export interface ServerAddress {
  /** 4 or 16 bytes, network order. */
  bytes: number[];
  /** The numeric scope id (`%2`); 0 for none or a name (an unknown interface name parses as scope 0). */
  scopeId: number;
}

const HEX_DIGITS = /^[0-9a-fA-F]{1,4}$/;

/** One IPv4 part as ParseNonCanonical reads it: 0x… hex, 0… octal, else decimal; null if not a number. */
function v4Part(p: string): number | null {
  const m = /^0[xX]([0-9a-fA-F]+)$/.exec(p);
  const n = m ? parseInt(m[1] ?? '', 16) : /^0[0-7]*$/.test(p) ? parseInt(p, 8) : /^[1-9][0-9]*$/.test(p) ? Number(p) : NaN;
  return Number.isFinite(n) && n <= 0xffffffff ? n : null;
}

/** IPv4 without a colon: 1 to 4 parts, every part but the last at most 255, the last filling the rest. */
function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const values = parts.map(v4Part);
  if (values.some((v) => v === null)) return null;
  const nums = values as number[];
  const last = nums[nums.length - 1] ?? 0;
  if (nums.slice(0, -1).some((v) => v > 255) || last >= 2 ** (8 * (5 - nums.length))) return null;
  const value = nums.slice(0, -1).reduce((acc, v, i) => acc + v * 2 ** (24 - 8 * i), 0) + last;
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/**
 * The dotted IPv4 tail of an IPv6 address (IsValidCanonical): decimal, no "00" prefix, no leading zero before
 * a dot. The source checks a leading zero only when a dot follows, so the last part may be written 04.
 */
function parseV4Tail(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const ok = parts.every((p, i) => /^[0-9]+$/.test(p) && !p.startsWith('00') && Number(p) <= 255 && (i === 3 || !(p.length > 1 && p.startsWith('0'))));
  return ok ? parts.map(Number) : null;
}

/** The address part of an IPv6 text (no brackets, port or scope): 16 bytes, or null. */
function parseV6Body(body: string): number[] | null {
  if (body.startsWith(':') && !body.startsWith('::')) return null;
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): string[] | null => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const all = [...head, ...tail];
  const lastText = all[all.length - 1] ?? '';
  // A dotted IPv4 part is only read as the very last part, after a ':' (IsValidCanonical stops at no ':').
  const v4 = lastText.includes('.') && (halves.length === 1 || tail.length > 0) ? parseV4Tail(lastText) : null;
  if (lastText.includes('.') && !v4) return null;
  const dropV4 = (groups: string[], holdsV4: boolean) => (v4 && holdsV4 ? groups.slice(0, -1) : groups);
  const headGroups = dropV4(head, halves.length === 1);
  const tailGroups = dropV4(tail, halves.length === 2);
  if (![...headGroups, ...tailGroups].every((g) => HEX_DIGITS.test(g))) return null;
  const count = all.length + (v4 ? 1 : 0);
  if (halves.length === 2 ? count >= 8 : count !== 8) return null;
  const v4Words = v4 ? [((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0)] : [];
  const hex = (groups: string[]) => groups.map((g) => parseInt(g, 16));
  const fill = halves.length === 2 ? 8 - count : 0;
  const numbers = [...hex(headGroups), ...Array<number>(fill).fill(0), ...hex(tailGroups), ...v4Words];
  return numbers.flatMap((n) => [n >> 8, n & 0xff]);
}

/** A port after `]` as IsValidStrict accepts it: nothing, `:`, `:digits` or `:0x` hex digits. */
const PORT = /^(?::(?:0[xX][0-9a-fA-F]*|[0-9]*))?$/;

function parseV6(text: string): ServerAddress | null {
  let inner = text;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || !PORT.test(text.slice(close + 1))) return null;
    inner = text.slice(1, close);
  } else if (text.includes(']')) {
    return null;
  }
  const pct = inner.indexOf('%');
  const body = pct < 0 ? inner : inner.slice(0, pct);
  const scope = pct < 0 ? '' : inner.slice(pct + 1);
  if (body.includes('/') || scope.includes('/')) return null;
  const bytes = parseV6Body(body);
  if (!bytes) return null;
  const scopeId = /^[0-9]+$/.test(scope) && Number(scope) <= 0xffffffff ? Number(scope) : 0;
  return { bytes, scopeId };
}

/** IPAddress.Parse (no trimming): null where it throws FormatException. */
export function serverParseAddress(text: string): ServerAddress | null {
  if (text.includes(':')) return parseV6(text);
  const bytes = parseV4(text);
  return bytes ? { bytes, scopeId: 0 } : null;
}

/** The base address of `bytes/prefix` (host bits cleared). */
export function networkOf(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => b & (0xff << (8 - Math.min(Math.max(prefix - i * 8, 0), 8))) & 0xff);
}

/** IPNetwork.Parse: address before the last '/', a prefix of digits only, at most 32/128, no host bits. */
export function serverParseNetwork(text: string): { bytes: number[]; prefix: number } | null {
  const slash = text.lastIndexOf('/');
  const address = slash < 0 ? null : serverParseAddress(text.slice(0, slash));
  const digits = text.slice(slash + 1);
  if (!address || !/^[0-9]+$/.test(digits) || Number(digits) > address.bytes.length * 8) return null;
  const prefix = Number(digits);
  const base = networkOf(address.bytes, prefix);
  return base.every((b, i) => b === address.bytes[i]) ? { bytes: base, prefix } : null;
}

/** IPAddress.ToString(): dotted IPv4; IPv6 per IPAddressParser.FormatIPv6Address (RFC 5952, .NET's IPv4 tails). */
export function serverFormatAddress({ bytes, scopeId }: ServerAddress): string {
  if (bytes.length === 4) return bytes.join('.');
  const n = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  const zero4 = n[0] === 0 && n[1] === 0 && n[2] === 0 && n[3] === 0 && n[6] !== 0;
  const embedded = (zero4 && ((n[4] === 0 && (n[5] === 0 || n[5] === 0xffff)) || (n[4] === 0xffff && n[5] === 0))) || (n[4] === 0 && n[5] === 0x5efe);
  const sections = (words: number[]): string => {
    let best = -1;
    let bestLen = 1;
    for (let i = 0, run = 0; i < words.length; i++) {
      run = words[i] === 0 ? run + 1 : 0;
      if (run > bestLen) [best, bestLen] = [i - run + 1, run];
    }
    const hex = (w: number[]) => w.map((x) => x.toString(16)).join(':');
    return best < 0 ? hex(words) : `${hex(words.slice(0, best))}::${hex(words.slice(best + bestLen))}`;
  };
  let out: string;
  if (embedded) {
    const head = sections(n.slice(0, 6));
    out = `${head}${head.endsWith(':') ? '' : ':'}${bytes.slice(12).join('.')}`;
  } else {
    out = sections(n);
  }
  return scopeId ? `${out}%${scopeId}` : out;
}

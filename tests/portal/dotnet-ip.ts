// The portal's trusted-IP check, ported line by line from its C# sources so that the emulator fails where the
// server fails (fact sheet §11.2, §12.1). Sources:
// - ONLYOFFICE/DocSpace-server master ed2994e7: common/ASC.Core.Common/Core/IPAddressRange.cs (MatchIPs,
//   IsInRange, GetIpWithoutPort), web/ASC.Web.Core/Sms/TfaSettingsBase.cs (TfaEnabledForUserAsync),
//   common/ASC.MessagingSystem/Core/MessageSettings.cs (GetIP).
// - dotnet/runtime (the server targets net10.0): System.Net.Primitives/src/System/Net/IPAddressParser.cs
//   (Parse, TryParseIpv4, TryParseIPv6), IPNetwork.cs (TryParse, HasNonZeroBitsAfterNetworkPrefix),
//   Common/src/System/Net/IPv4AddressHelper.Common.cs (ParseNonCanonical, IsValidCanonical, ParseHostNumber),
//   Common/src/System/Net/IPv6AddressHelper.Common.cs (IsValidStrict, Parse; the generic TChar version).
// This is the emulator's own port; lib/ has a separate implementation, so each checks the other.
import { ApiError } from './wire';

/** An exception the server does not catch on the way to ResponseWrapper.cs: HTTP 500 with type and HResult. */
const formatException = (message: string): ApiError => new ApiError(500, message, 'System.FormatException', -2146233033);
/** SR.dns_bad_ip_address, thrown by IPAddress.Parse. */
export const BAD_ADDRESS = 'An invalid IP address was specified.';
/** SR.net_bad_ip_network, thrown by IPNetwork.Parse. */
export const BAD_NETWORK = 'An invalid IP network was specified.';

/**
 * char.IsWhiteSpace, which String.Trim() uses: Latin-1 \t\n\v\f\r, space, U+0085, U+00A0, and the Unicode
 * space/line/paragraph separators. JavaScript's trim() differs (it trims U+FEFF, not U+0085).
 */
const WHITE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export function dotnetTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && WHITE.has(s.charCodeAt(a))) a++;
  while (b > a && WHITE.has(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** HexConverter.FromChar: the digit's value, 0xFF for anything else. */
function fromHex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return 0xff;
}

const at = (s: string, i: number): number => (i < s.length ? s.charCodeAt(i) : -1);
const C = (ch: string): number => ch.charCodeAt(0);

/** IPv4AddressHelper.ParseNonCanonical: decimal, octal (0…), hex (0x…), 1 to 4 parts; null for Invalid. */
function parseNonCanonical(s: string, start: number, end: number, notImplicitFile: boolean): { value: number; end: number } | null {
  const parts = [0, 0, 0, 0];
  let currentValue = 0;
  let atLeastOneChar = false;
  let dotCount = 0;
  let current: number;
  for (current = start; current < end; current++) {
    let ch = at(s, current);
    let maxCharacterValue = C('9');
    currentValue = 0;
    let numberBase = 10;
    if (ch === C('0')) {
      current++;
      atLeastOneChar = true;
      if (current < end) {
        ch = at(s, current);
        if (ch === C('x') || ch === C('X')) {
          numberBase = 16;
          current++;
          atLeastOneChar = false;
        } else {
          numberBase = 8;
          maxCharacterValue = C('7');
        }
      }
    }
    for (; current < end; current++) {
      ch = at(s, current);
      let digit: number;
      if (ch >= C('0') && ch <= maxCharacterValue) {
        digit = ch - C('0');
      } else if (numberBase === 16) {
        digit = fromHex(ch);
        if (digit === 0xff) break;
      } else {
        break;
      }
      currentValue = currentValue * numberBase + digit;
      if (currentValue > 0xffffffff) return null;
      atLeastOneChar = true;
    }
    if (ch === C('.')) {
      if (dotCount >= 3 || !atLeastOneChar || currentValue > 0xff) return null;
      parts[dotCount] = currentValue;
      dotCount++;
      atLeastOneChar = false;
      continue;
    }
    break;
  }
  if (!atLeastOneChar) return null;
  if (current < end) {
    const t = at(s, current);
    const terminator = t === C('/') || t === C('\\') || (notImplicitFile && (t === C(':') || t === C('?') || t === C('#')));
    if (!terminator) return null;
  }
  parts[dotCount] = currentValue;
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0] = parts;
  const limits = [0xffffffff, 0xffffff, 0xffff, 0xff];
  if ((parts[dotCount] ?? 0) > (limits[dotCount] ?? 0)) return null;
  const values = [p0, p0 * 2 ** 24 + p1, p0 * 2 ** 24 + p1 * 2 ** 16 + p2, p0 * 2 ** 24 + p1 * 2 ** 16 + p2 * 2 ** 8 + p3];
  return { value: values[dotCount] ?? 0, end: current };
}

/** IPv4AddressHelper.IsValidCanonical (dotted decimal, as embedded in IPv6); the end of the IPv4 part, or null. */
function isValidCanonical(s: string, start: number, end: number, allowIPv6: boolean, notImplicitFile: boolean): number | null {
  let dots = 0;
  let number = 0;
  let haveNumber = false;
  let firstCharIsZero = false;
  while (start < end) {
    const ch = at(s, start);
    if (allowIPv6) {
      if (ch === C('%') || ch === C('/') || ch === C(']')) break;
    } else if (ch === C('/') || ch === C('\\') || (notImplicitFile && (ch === C(':') || ch === C('?') || ch === C('#')))) {
      break;
    }
    const digit = ch - C('0');
    if (digit >= 0 && digit <= 9) {
      if (!haveNumber && digit === 0) {
        if (start + 1 < end && at(s, start + 1) === C('0')) return null;
        firstCharIsZero = true;
      }
      haveNumber = true;
      number = number * 10 + digit;
      if (number > 255) return null;
    } else if (ch === C('.')) {
      if (!haveNumber || (number > 0 && firstCharIsZero)) return null;
      ++dots;
      haveNumber = false;
      number = 0;
      firstCharIsZero = false;
    } else {
      return null;
    }
    ++start;
  }
  return dots === 3 && haveNumber ? start : null;
}

/**
 * IPv6AddressHelper.IsValidStrict (generic TChar version): groups, one `::`, an embedded dotted IPv4 at the end,
 * a `%scope` of any characters, optional brackets with an optional decimal or 0x-hex port after them.
 * `| 0x20` is the source's own hex test (it also lets U+0010–U+0019 through; kept as written).
 */
function isValidStrict(s: string): boolean {
  const end = s.length;
  let start = 0;
  let sequenceCount = 0;
  let sequenceLength = 0;
  let haveCompressor = false;
  let haveIPv4Address = false;
  let expectingNumber = true;
  let lastSequence = 1;
  let needsClosingBracket = false;
  if (start < end && at(s, start) === C('[')) {
    start++;
    needsClosingBracket = true;
  }
  if (at(s, start) === C(':') && (start + 1 >= end || at(s, start + 1) !== C(':'))) return false;
  for (let i = start; i < end; ++i) {
    const hexCh = at(s, i) | 0x20;
    if ((hexCh >= C('0') && hexCh <= C('9')) || (hexCh >= C('a') && hexCh <= C('f'))) {
      ++sequenceLength;
      expectingNumber = false;
      continue;
    }
    if (sequenceLength > 4) return false;
    if (sequenceLength !== 0) {
      ++sequenceCount;
      lastSequence = i - sequenceLength;
      sequenceLength = 0;
    }
    if (at(s, i) === C('%')) {
      let moveToNextCharacter = true;
      while (i + 1 < end) {
        i++;
        if (at(s, i) === C(']') || at(s, i) === C('/')) {
          moveToNextCharacter = false;
          break;
        }
      }
      if (moveToNextCharacter) continue;
    }
    const ch = at(s, i);
    if (ch === C(']')) {
      if (!needsClosingBracket) return false;
      needsClosingBracket = false;
      if (i + 1 < end && at(s, i + 1) !== C(':')) return false;
      i += 2;
      if (i + 1 < end && at(s, i) === C('0') && (at(s, i + 1) | 0x20) === C('x')) {
        for (i += 2; i < end; i++) if (fromHex(at(s, i)) === 0xff) return false;
      } else {
        for (; i < end; i++) if (at(s, i) < C('0') || at(s, i) > C('9')) return false;
      }
      continue;
    }
    if (ch === C('/')) return false;
    if (ch === C(':')) {
      if (i > 0 && at(s, i - 1) === C(':')) {
        if (haveCompressor) return false;
        haveCompressor = true;
        expectingNumber = false;
      } else {
        expectingNumber = true;
      }
      sequenceLength = 0;
      continue;
    }
    if (ch === C('.')) {
      if (haveIPv4Address) return false;
      const v4end = isValidCanonical(s, lastSequence, end, true, false);
      if (v4end === null) return false;
      i = v4end;
      ++sequenceCount;
      lastSequence = i - sequenceLength;
      sequenceLength = 0;
      haveIPv4Address = true;
      --i;
      continue;
    }
    return false;
  }
  if (sequenceLength !== 0) {
    if (sequenceLength > 4) return false;
    ++sequenceCount;
  }
  return !expectingNumber && (haveCompressor ? sequenceCount < 8 : sequenceCount === 8) && !needsClosingBracket;
}

/** IPv4AddressHelper.ParseHostNumber: the canonical dotted quad embedded in IPv6, as a 32-bit number. */
function parseHostNumber(s: string): number {
  const bytes = [0, 0, 0, 0];
  let start = 0;
  for (let i = 0; i < 4; ++i) {
    let b = 0;
    for (; start < s.length && at(s, start) !== C('.') && at(s, start) !== C(':'); ++start) b = b * 10 + at(s, start) - C('0');
    bytes[i] = b & 0xff;
    ++start;
  }
  return (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
}

/** IPv6AddressHelper.Parse: the 8 groups of a validated address (brackets, port, scope and prefix ignored). */
function parseIPv6Numbers(s: string): { numbers: number[]; scope: string } {
  const numbers = [0, 0, 0, 0, 0, 0, 0, 0];
  let number = 0;
  let index = 0;
  let compressorIndex = -1;
  let numberIsValid = true;
  const terminator = s.indexOf(']');
  const end = terminator < 0 ? s.length : terminator;
  const containsIPv4Separator = s.includes('.');
  let scope = '';
  for (let i = at(s, 0) === C('[') ? 1 : 0; i < end; ) {
    const ch = at(s, i);
    if (ch === C('%') || ch === C('/')) {
      if (numberIsValid) {
        numbers[index++] = number;
        numberIsValid = false;
      }
      if (ch === C('%')) {
        const scopeStart = i;
        for (++i; i < s.length && at(s, i) !== C(']') && at(s, i) !== C('/'); ++i);
        scope = s.slice(scopeStart, i);
      }
      for (; i < s.length && at(s, i) !== C(']'); ++i);
    } else if (ch === C(':')) {
      numbers[index++] = number;
      number = 0;
      ++i;
      if (i < s.length && at(s, i) === C(':')) {
        compressorIndex = index;
        ++i;
      } else if (compressorIndex < 0 && index < 6) {
        continue;
      } else if (!containsIPv4Separator) {
        continue;
      }
      for (let j = i; j < s.length && at(s, j) !== C(']') && at(s, j) !== C(':') && at(s, j) !== C('%') && at(s, j) !== C('/') && j < i + 4; ++j) {
        if (at(s, j) === C('.')) {
          while (j < s.length && at(s, j) !== C(']') && at(s, j) !== C('/') && at(s, j) !== C('%')) ++j;
          const v4 = parseHostNumber(s.slice(i, j));
          numbers[index++] = (v4 >>> 16) & 0xffff;
          numbers[index++] = v4 & 0xffff;
          i = j;
          number = 0;
          numberIsValid = false;
          break;
        }
      }
    } else {
      i++;
      number = (number * 16 + fromHex(ch)) & 0xffff;
    }
  }
  if (numberIsValid) numbers[index++] = number;
  if (compressorIndex > 0 && index !== 8) {
    let toIndex = 7;
    let fromIndex = index - 1;
    for (let k = index - compressorIndex; k > 0; --k) {
      numbers[toIndex--] = numbers[fromIndex] ?? 0;
      numbers[fromIndex--] = 0;
    }
  }
  return { numbers: numbers.slice(0, 8), scope };
}

/** A parsed address: its bytes (4 or 16, network order) and, for IPv6, the scope id (0 when none or unknown). */
export interface DotnetAddress {
  bytes: number[];
  scopeId: number;
}

/**
 * IPAddressParser.Parse(tryParse: true): IPv6 iff the text contains ':'; otherwise IPv4 in any of the forms
 * ParseNonCanonical reads (1.2.3.4, 1.2.772, 16909060, 0x01.02.03.04, 01.2.3.4 octal), the whole text consumed.
 * No trimming. ASSUMPTION: a non-numeric scope id (`%eth0`) names no interface of the server (scope 0), as
 * InterfaceInfoPal.InterfaceNameToIndex answers for an unknown name; it does not change the bytes either way.
 */
export function dotnetParseAddress(text: string): DotnetAddress | null {
  if (text.includes(':')) {
    if (!isValidStrict(text)) return null;
    const { numbers, scope } = parseIPv6Numbers(text);
    const digits = scope.slice(1);
    const scopeId = scope.length > 1 && /^[0-9]+$/.test(digits) && Number(digits) <= 0xffffffff ? Number(digits) : 0;
    return { bytes: numbers.flatMap((n) => [n >> 8, n & 0xff]), scopeId };
  }
  const v4 = parseNonCanonical(text, 0, text.length, true);
  if (!v4 || v4.end !== text.length) return null;
  return { bytes: [v4.value >>> 24, (v4.value >>> 16) & 0xff, (v4.value >>> 8) & 0xff, v4.value & 0xff], scopeId: 0 };
}

/** IPAddress.Parse: throws FormatException (HTTP 500 on the portal) where the server's parser does. */
function parseOrThrow(text: string): number[] {
  const a = dotnetParseAddress(text);
  if (!a) throw formatException(BAD_ADDRESS);
  return a.bytes;
}

/**
 * IPNetwork.TryParse (.NET 10): the address before the LAST '/', a prefix of ASCII digits only (int.TryParse
 * with NumberStyles.None: no sign, no spaces, leading zeros allowed, at most int.MaxValue), at most 32/128, and
 * no bit set after the prefix.
 */
export function dotnetParseNetwork(text: string): { bytes: number[]; prefixLength: number } | null {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return null;
  const address = dotnetParseAddress(text.slice(0, slash));
  const digits = text.slice(slash + 1);
  if (!address || !/^[0-9]+$/.test(digits) || Number(digits) > 2147483647) return null;
  const prefixLength = Number(digits);
  const bits = address.bytes.length * 8;
  if (prefixLength > bits) return null;
  const hostBits = address.bytes.some((byte, i) => {
    const keep = Math.min(Math.max(prefixLength - i * 8, 0), 8);
    return (byte & (0xff >> keep)) !== 0;
  });
  return hostBits ? null : { bytes: address.bytes, prefixLength };
}

/** IPAddressRange.GetIpWithoutPort: `[v6]:port` → v6; exactly one ':' → the part before it. */
function ipWithoutPort(ip: string): string {
  if (ip.startsWith('[')) {
    const end = ip.indexOf(']');
    return end > 0 ? ip.slice(1, end) : ip;
  }
  return [...ip].filter((c) => c === ':').length === 1 ? (ip.split(':')[0] ?? '') : ip;
}

/**
 * IPAddressRange.IsInRange(IPAddress): byte by byte over the lower bound's length. A lower IPv6 bound with an
 * upper IPv4 one reads past the upper's 4 bytes: IndexOutOfRangeException (HTTP 500) for the addresses that
 * get that far.
 */
function inRange(lower: number[], upper: number[], address: number[]): boolean {
  if (address.length !== lower.length) return false;
  let lowerBoundary = true;
  let upperBoundary = true;
  for (let i = 0; i < lower.length && (lowerBoundary || upperBoundary); i++) {
    const addressByte = address[i] ?? 0;
    const upperByte = upper[i];
    if (upperByte === undefined) {
      throw new ApiError(500, 'Index was outside the bounds of the array.', 'System.IndexOutOfRangeException', -2146233080);
    }
    const lowerByte = lower[i] ?? 0;
    if ((lowerBoundary && addressByte < lowerByte) || (upperBoundary && addressByte > upperByte)) return false;
    lowerBoundary &&= addressByte === lowerByte;
    upperBoundary &&= addressByte === upperByte;
  }
  return true;
}

/**
 * IPAddressRange.IsInRange(string, string): IPNetwork.Parse on the entry as stored (untrimmed), then the first
 * 4 bytes only, mask `HostToNetworkOrder(-1 << (32 - prefix))` with C#'s shift count taken mod 32 (§11.2).
 */
function inNetwork(ip: string, entry: string): boolean {
  const network = dotnetParseNetwork(entry);
  if (!network) throw formatException(BAD_NETWORK);
  const request = parseOrThrow(ip);
  if (request.length !== network.bytes.length) return false;
  const mask = (-1 << ((32 - network.prefixLength) & 31)) >>> 0;
  const maskBytes = [mask >>> 24, (mask >>> 16) & 0xff, (mask >>> 8) & 0xff, mask & 0xff];
  return maskBytes.every((m, i) => ((request[i] ?? 0) & m) === ((network.bytes[i] ?? 0) & m));
}

/**
 * IPAddressRange.MatchIPs(requestIp, restrictionIp). Throws the server's exceptions (as ApiError 500):
 * FormatException for an entry side or the request address .NET cannot parse, IndexOutOfRangeException above.
 */
export function matchIPs(requestIp: string, restrictionIp: string): boolean {
  const ip = ipWithoutPort(requestIp);
  const divider = restrictionIp.indexOf('-');
  if (divider > 0) {
    const lower = parseOrThrow(dotnetTrim(restrictionIp.slice(0, divider)));
    const upper = parseOrThrow(dotnetTrim(restrictionIp.slice(divider + 1)));
    return inRange(lower, upper, parseOrThrow(ip));
  }
  if (restrictionIp.indexOf('/') > 0) {
    return inNetwork(ip, restrictionIp);
  }
  return ip === restrictionIp;
}

/**
 * The trusted-IP part of TfaSettingsBase.TfaEnabledForUserAsync: no check for an empty or white-space request
 * address; otherwise `TrustedIps.Any(MatchIPs)`, in list order, stopping at the first match (so an entry that
 * throws only hurts the requests that reach it). True when the request is exempt.
 */
export function trustedIpExempts(requestIp: string | null, entries: string[]): boolean {
  if (requestIp === null || dotnetTrim(requestIp) === '') return false;
  return entries.some((entry) => matchIPs(requestIp, entry));
}

/**
 * MessageSettings.GetIP: `Query["request-x-real-ip"]` when not empty, else Connection.RemoteIpAddress.
 * ASP.NET Core's QueryCollection matches the name case-insensitively and converts several values to one string
 * joined by ','; values are URL-decoded.
 */
export function requestIpOf(query: URLSearchParams, connectionIp: string): string {
  const values: string[] = [];
  for (const [k, v] of query) {
    if (k.toLowerCase() === 'request-x-real-ip') values.push(v);
  }
  const claimed = values.join(',');
  return claimed ? claimed : connectionIp;
}

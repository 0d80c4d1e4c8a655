import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAD_ADDRESS, BAD_NETWORK, dotnetParseAddress, dotnetParseNetwork, dotnetTrim, matchIPs, requestIpOf, trustedIpExempts } from '../portal/dotnet-ip';
import { serverFormatAddress, serverParseAddress, serverParseNetwork } from '../../lib/providers/docspace/tfa/server-ip';
import { classifyStoredTrustedIp } from '../../lib/providers/docspace/tfa/stored-ips';
import { parseTrustedIpList } from '../../lib/providers/docspace/tfa/trusted-ips';

/**
 * The emulator's port of .NET's address parsing and of IPAddressRange.MatchIPs (tests/portal/dotnet-ip.ts),
 * checked against what the sources say (fact sheet §11.2, §12.1), against lib's separate grammar
 * (server-ip.ts), and against everything the editor would send.
 */
const text = (a: { bytes: number[] } | null) => (a === null ? null : a.bytes.length === 4 ? a.bytes.join('.') : a.bytes.map((b) => b.toString(16).padStart(2, '0')).join(''));

describe('IPAddress.Parse as .NET reads it', () => {
  it.each([
    ['192.168.1.1', '192.168.1.1'],
    ['1.2.3', '1.2.0.3'], // the last part fills what is left
    ['1', '0.0.0.1'],
    ['16909060', '1.2.3.4'],
    ['0x7f.1', '127.0.0.1'],
    ['010.0.0.1', '8.0.0.1'], // octal
    ['00.0.0.1', '0.0.0.1'],
    ['4294967295', '255.255.255.255'],
    ['::1', '00000000000000000000000000000001'],
    ['[::1]', '00000000000000000000000000000001'],
    ['[::1]:443', '00000000000000000000000000000001'],
    ['[::1]:0x1bb', '00000000000000000000000000000001'],
    ['fe80::1%eth0', 'fe800000000000000000000000000001'],
    ['::1%', '00000000000000000000000000000001'],
    ['::ffff:1.2.3.4', '00000000000000000000ffff01020304'],
    ['::ffff:1.2.3.04', '00000000000000000000ffff01020304'], // a leading zero is only refused before a dot
    ['::1.2.3.4', '00000000000000000000000001020304'],
    ['64:ff9b::1.2.3.4', '0064ff9b000000000000000001020304'],
    ['1:2:3:4:5:6:7::', '00010002000300040005000600070000'],
  ])('%j → %s', (input, bytes) => {
    expect(text(dotnetParseAddress(input))).toBe(bytes);
  });

  it.each([
    '', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.4.', '1.2.3.256', '08.0.0.1', '0x', '4294967296', '1.2.3.4:80', '1.2.3.4/32',
    '::ffff:01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', ':1::', '1:', '12345::', '2001:db8::1 ', '[::1', '[::1]x', '::1]', '::1/128',
  ])('%j throws FormatException', (input) => {
    expect(dotnetParseAddress(input)).toBeNull();
  });
});

describe('IPNetwork.Parse as .NET reads it', () => {
  it.each([
    ['192.168.1.0/24', true], ['192.168.1.5/24', false], ['10.0.0.0/33', false], ['10.0.0.0/ 24', false],
    ['10.0.0.0 /24', false], ['10.0.0.0/24 ', false], ['10.0.0.0/024', true], ['10.0.0.0/+24', false], ['0.0.0.0/0', true],
    ['1.0.0.0/0', false], ['2001:db8::/32', true], ['2001:db8::1/32', false], ['[2001:db8::]/32', true], ['::/129', false],
    ['10.0.0.0/99999999999', false], ['10.0.0.0', false],
  ])('%j parses: %s', (input, ok) => {
    expect(dotnetParseNetwork(input) !== null).toBe(ok);
  });
});

describe('IPAddressRange.MatchIPs', () => {
  const match = (ip: string, entry: string) => {
    try {
      return matchIPs(ip, entry);
    } catch (e) {
      return `${(e as { type: string }).type}: ${(e as Error).message}`;
    }
  };

  it.each<[string, string, boolean | string]>([
    ['10.0.0.5', '10.0.0.1-10.0.0.9', true],
    ['10.0.0.5', ' 10.0.0.1 - 10.0.0.9 ', true], // both sides trimmed
    ['10.0.0.5', '10.0.0.9-10.0.0.1', false], // reversed: never
    ['10.0.0.5', '10.0.0.1-10.0.0.x', `System.FormatException: ${BAD_ADDRESS}`],
    ['10.0.0.5', 'not-an-ip', `System.FormatException: ${BAD_ADDRESS}`],
    ['10.0.0.5', '-10.0.0.5', false], // a leading '-' is no range: a plain string
    ['10.0.0.5', '192.168.1.5/24', `System.FormatException: ${BAD_NETWORK}`],
    ['10.0.0.5', '10.0.0.0/24 ', `System.FormatException: ${BAD_NETWORK}`],
    ['10.0.0.5', '/24', false],
    ['10.0.0.1', ' 10.0.0.1', false], // plain entries untrimmed
    ['10.0.0.1:5000', '10.0.0.1', true], // the request's port is dropped
    ['[2001:db8::1]:443', '2001:db8::1', true],
    ['2001:db8::1', '2001:DB8::1', false],
    ['2001:db8:ffff::1', '2001:db8::/64', true], // §11.2: first 32 bits only
    ['198.51.100.7', '0.0.0.0/0', false], // §11.2: /0 matches its base only
    ['::5', '::1-1.2.3.4', 'System.IndexOutOfRangeException: Index was outside the bounds of the array.'],
    ['somewhere', '10.0.0.1-10.0.0.2', `System.FormatException: ${BAD_ADDRESS}`],
  ])('%j against %j → %s', (ip, entry, expected) => {
    expect(match(ip, entry)).toBe(expected);
  });

  it('Any(): the first match wins, so a broken entry only hurts the requests that reach it; no address, no check', () => {
    expect(trustedIpExempts('10.0.0.1', ['10.0.0.1', '192.168.1.5/24'])).toBe(true);
    expect(() => trustedIpExempts('10.0.0.2', ['10.0.0.1', '192.168.1.5/24'])).toThrow(BAD_NETWORK);
    expect(trustedIpExempts(' ', ['192.168.1.5/24'])).toBe(false);
  });

  it('request-x-real-ip before the connection address, any case, several values joined by a comma, empty ignored', () => {
    expect(requestIpOf(new URLSearchParams(''), '127.0.0.1')).toBe('127.0.0.1');
    expect(requestIpOf(new URLSearchParams('request-x-real-ip=10.1.2.3'), '127.0.0.1')).toBe('10.1.2.3');
    expect(requestIpOf(new URLSearchParams('REQUEST-X-REAL-IP=10.1.2.3'), '127.0.0.1')).toBe('10.1.2.3');
    expect(requestIpOf(new URLSearchParams('request-x-real-ip=a&request-x-real-ip=b'), '127.0.0.1')).toBe('a,b');
    expect(requestIpOf(new URLSearchParams('request-x-real-ip='), '127.0.0.1')).toBe('127.0.0.1');
  });

  it('String.Trim() trims what char.IsWhiteSpace says: U+0085 yes, U+FEFF no', () => {
    expect(dotnetTrim('\u0085\u3000 10.0.0.1\u00a0')).toBe('10.0.0.1');
    expect(dotnetTrim('\ufeff10.0.0.1')).toBe('\ufeff10.0.0.1');
  });
});

// Tokens that make up addresses, broken ones included, so that generated text is often valid.
const token = fc.constantFrom(
  '0', '1', '00', '01', '7', '08', '255', '256', 'ff', 'FFFF', '12345', 'abcd', '0x', '0x1f', '0X', '.', ':', '::', '[', ']',
  '%', 'eth0', '%2', '/', '24', '/64', ' ', '4294967295', '1.2.3.4', '010', '04', '::ffff:', '64:ff9b::', '1:2:3:4:5:6:', '[::1]:80', '-',
);
const addressText = fc.array(token, { maxLength: 14 }).map((a) => a.join(''));

describe('the emulator and lib read addresses alike (two implementations from the same sources)', () => {
  it('property: same bytes, same scope, same refusals; same networks', () => {
    fc.assert(
      fc.property(addressText, (s) => {
        const emu = dotnetParseAddress(s);
        const lib = serverParseAddress(s);
        expect(lib === null ? null : { bytes: lib.bytes, scopeId: lib.scopeId }, JSON.stringify(s)).toEqual(emu);
        expect(serverParseNetwork(s) !== null, JSON.stringify(s)).toBe(dotnetParseNetwork(s) !== null);
      }),
      { numRuns: 4_000 },
    );
  });

  it('property: lib\'s classification agrees with what the emulator does with the entry', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const request = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
    fc.assert(
      fc.property(addressText, request, (entry, ip) => {
        const kind = classifyStoredTrustedIp(entry).kind;
        let outcome: 'throws' | boolean;
        try {
          outcome = matchIPs(ip, entry);
        } catch {
          outcome = 'throws';
        }
        if (kind === 'breaksSignIn') {
          // An IPv6 start with an IPv4 end throws only for some IPv6 requests; every other breaker throws for all.
          if (!/^.*:.*-[^:]*$/.test(entry)) expect(outcome, JSON.stringify(entry)).toBe('throws');
        } else {
          expect(outcome, JSON.stringify(entry)).not.toBe('throws');
          if (kind === 'neverMatches') expect(outcome, JSON.stringify(entry)).toBe(false);
        }
        // A plain entry that works is the server's own spelling: it matches that very address.
        if (kind === 'works' && !entry.includes('/') && !(entry.indexOf('-') > 0)) {
          expect(matchIPs(entry, entry)).toBe(true);
          expect(serverFormatAddress(serverParseAddress(entry)!)).toBe(entry);
        }
      }),
      { numRuns: 4_000 },
    );
  });
});

describe('every value the editor would send is accepted by the server', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
  const v6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((g) => g.map((x) => x.toString(16)).join(':'));
  const prefix = (max: number) => fc.integer({ min: 0, max });
  const typed = fc.oneof(
    v4,
    v6,
    fc.tuple(v4, prefix(32)).map(([a, p]) => `${a}/${p}`),
    fc.tuple(v6, prefix(128)).map(([a, p]) => `${a}/${p}`),
    fc.tuple(v4, v4).map(([a, b]) => `${a} - ${b}`),
    fc.tuple(v6, v6).map(([a, b]) => `${a}-${b}`),
    v4.map((a) => `::ffff:${a}`),
    fc.tuple(v4, prefix(32)).map(([a, p]) => `::ffff:${a}/${96 + Math.floor(p)}`),
    fc.stringMatching(/^[0-9a-fA-F:.\-/ ]{1,40}$/),
  );

  it('property: no value sent throws on the portal, and each is judged to work there', () => {
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 6 }), v4, (lines, ip) => {
        const list = parseTrustedIpList(lines.join('\n'));
        for (const value of list.values) {
          expect(classifyStoredTrustedIp(value), value).toEqual({ kind: 'works' });
          expect(() => matchIPs(ip, value), value).not.toThrow();
        }
        expect(() => trustedIpExempts(ip, list.values)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('a single address is sent as .NET prints the request address, so the plain comparison can match', () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6, v4.map((a) => `::ffff:${a}`)), (typedAddress) => {
        const [value] = parseTrustedIpList(typedAddress).values;
        expect(value).toBeDefined();
        const connection = serverFormatAddress(dotnetParseAddress(typedAddress)!);
        expect(trustedIpExempts(connection, [value!])).toBe(true);
      }),
    );
  });
});

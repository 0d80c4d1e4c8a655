import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BlockList, isIP } from 'node:net';
import { canonicalTrustedIps, parseTrustedIp, parseTrustedIpList } from '../../lib/providers/docspace/tfa/trusted-ips';
import { ipTrusted } from '../portal/state';

describe('parseTrustedIp: accepted entries and their canonical spelling', () => {
  it.each([
    ['192.0.2.1', 'ipv4', '192.0.2.1'],
    ['  192.0.2.1  ', 'ipv4', '192.0.2.1'],
    ['0.0.0.0', 'ipv4', '0.0.0.0'],
    ['255.255.255.255', 'ipv4', '255.255.255.255'],
    ['::1', 'ipv6', '::1'],
    ['2001:DB8:0:0:0:0:0:1', 'ipv6', '2001:db8::1'],
    ['2001:db8::', 'ipv6', '2001:db8::'],
    ['::ffff:192.0.2.7', 'ipv6', '::ffff:192.0.2.7'],
    ['10.0.0.1-10.0.0.50', 'range', '10.0.0.1-10.0.0.50'],
    ['10.0.0.1 - 10.0.0.1', 'range', '10.0.0.1-10.0.0.1'],
    ['2001:db8::1-2001:db8::ff', 'range', '2001:db8::1-2001:db8::ff'],
    ['203.0.113.0/24', 'cidr', '203.0.113.0/24'],
    ['10.1.2.3/32', 'cidr', '10.1.2.3/32'],
    ['128.0.0.0/1', 'cidr', '128.0.0.0/1'],
    // Host bits set: .NET's IPNetwork.Parse throws on them (§12.1), so the block goes as its network.
    ['192.168.1.5/24', 'cidr', '192.168.1.0/24'],
    ['10.0.0.0/1', 'cidr', '0.0.0.0/1'],
    ['10.1.2.3/8', 'cidr', '10.0.0.0/8'],
    // An IPv4 tail is read in the forms .NET itself prints (IPv4-compatible, NAT64); spelled as .NET prints them.
    ['::1.2.3.4', 'ipv6', '::1.2.3.4'],
    ['64:ff9b::1.2.3.4', 'ipv6', '64:ff9b::102:304'],
    ['::ffff:0.0.0.1', 'ipv6', '::ffff:0:1'],
    // Fact sheet §11.2: what the portal would match wrongly goes as the range (or address) it means.
    ['0.0.0.0/0', 'range', '0.0.0.0-255.255.255.255'],
    ['2001:DB8::/32', 'range', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:db8:aa:bb::/64', 'range', '2001:db8:aa:bb::-2001:db8:aa:bb:ffff:ffff:ffff:ffff'],
    ['2001:db8::1/48', 'range', '2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff'],
    ['::/128', 'ipv6', '::'],
  ])('%j is %s, sent as %j', (input, kind, value) => {
    const r = parseTrustedIp(input);
    expect(r).toEqual({ ok: true, entry: expect.objectContaining({ kind, value }) });
  });
});

describe('parseTrustedIp: rejected entries say why', () => {
  it.each([
    ['', 'notAnAddress'],
    ['hello', 'notAnAddress'],
    ['192.0.2', 'notAnAddress'],
    ['192.0.2.256', 'notAnAddress'],
    ['01.2.3.4', 'notAnAddress'], // octal-looking, ambiguous
    ['0x7f.0.0.1', 'notAnAddress'],
    ['1.2.3.4.5', 'notAnAddress'],
    ['2001:db8::1::2', 'notAnAddress'],
    ['[::1]', 'notAnAddress'],
    ['::ffff:01.2.3.4', 'notAnAddress'], // octal-looking, ambiguous
    ['fe80::1%eth0', 'zoneId'],
    ['10.0.0.1-::1', 'mixedFamilies'],
    ['10.0.0.50-10.0.0.1', 'reversedRange'],
    ['2001:db8::2-2001:db8::1', 'reversedRange'],
    ['10.0.0.1-', 'notAnAddress'],
    ['10.0.0.1-10.0.0.2-10.0.0.3', 'notAnAddress'],
    ['10.0.0.0/33', 'badPrefix'],
    ['10.0.0.0/-1', 'badPrefix'],
    ['10.0.0.0/', 'badPrefix'],
    ['10.0.0.0/8x', 'badPrefix'],
    ['2001:db8::/129', 'badPrefix'],
    ['10.0.0.0/24/8', 'notAnAddress'],
    ['example.com/24', 'notAnAddress'],
    [`1.2.3.4${'0'.repeat(100)}`, 'tooLong'],
  ])('%j → %s', (input, problem) => {
    expect(parseTrustedIp(input)).toEqual({ ok: false, problem });
  });
});

describe('parseTrustedIpList', () => {
  it('validates every line, removes duplicates after canonicalisation, keeps first-seen order', () => {
    const list = parseTrustedIpList('10.0.0.1\n\n2001:DB8::1\nnope\n10.0.0.1, 2001:db8::1\n  \n192.0.2.0/24\r\n10.0.0.9-10.0.0.2');
    expect(list.values).toEqual(['10.0.0.1', '2001:db8::1', '192.0.2.0/24']);
    expect(list.invalid.map((l) => [l.line, l.input])).toEqual([[4, 'nope'], [8, '10.0.0.9-10.0.0.2']]);
    expect(list.duplicates.map((l) => [l.line, l.duplicateOf])).toEqual([[5, 1], [5, 3]]);
  });

  it('an empty editor means no trusted IPs', () => {
    expect(parseTrustedIpList('  \n\n').values).toEqual([]);
  });

  it('canonicalTrustedIps keeps unparseable portal entries verbatim and drops duplicates', () => {
    expect(canonicalTrustedIps(['2001:DB8::1', '2001:db8::1', 'garbage '])).toEqual(['2001:db8::1', 'garbage']);
  });
});

// Property tests: generated valid entries are accepted and round-trip; Node's own parser agrees.
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((p) => p.map((x) => x.toString(16)).join(':'));
const toNumber = (v4: string) => v4.split('.').reduce((n, o) => n * 256 + Number(o), 0);

describe('properties', () => {
  it('every IPv4 address is accepted, and its canonical form parses to itself', () => {
    fc.assert(
      fc.property(ipv4, (ip) => {
        const r = parseTrustedIp(ip);
        expect(r.ok && r.entry).toEqual({ kind: 'ipv4', family: 4, value: ip });
      }),
    );
  });

  it('every IPv6 address is accepted; the canonical form is valid for Node and stable', () => {
    fc.assert(
      fc.property(ipv6, (ip) => {
        const r = parseTrustedIp(ip);
        if (!r.ok) throw new Error(`rejected ${ip}`);
        expect(isIP(r.entry.value)).toBe(6);
        expect(parseTrustedIp(r.entry.value)).toEqual(r);
        expect(parseTrustedIp(ip.toUpperCase())).toEqual(r);
      }),
    );
  });

  it('every CIDR block is accepted and round-trips; Node matches its base address against it', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 1, max: 32 }), (ip, bits) => {
        const r = parseTrustedIp(`${ip}/${bits}`);
        if (!r.ok) throw new Error(`rejected ${ip}/${bits}`);
        const list = new BlockList();
        list.addSubnet(ip, bits, 'ipv4');
        expect(list.check(ip, 'ipv4')).toBe(true);
        // Sent as the network (host bits cleared): Node agrees it is the same block.
        const [network = ''] = r.entry.value.split('/');
        expect(r.entry.value).toBe(`${network}/${bits}`);
        expect(list.check(network, 'ipv4')).toBe(true);
        expect(toNumber(network) % 2 ** (32 - bits)).toBe(0);
        expect(r.entry.fromCidr).toBe(network === ip ? undefined : `${ip}/${bits}`);
        expect(r.entry.huge).toBe(bits <= 8 ? true : undefined);
      }),
    );
  });

  it('a range is accepted exactly when start ≤ end', () => {
    fc.assert(
      fc.property(ipv4, ipv4, (a, b) => {
        const r = parseTrustedIp(`${a}-${b}`);
        if (toNumber(a) <= toNumber(b)) {
          expect(r).toEqual({ ok: true, entry: expect.objectContaining({ kind: 'range', family: 4, value: `${a}-${b}` }) });
        } else {
          expect(r).toEqual({ ok: false, problem: 'reversedRange' });
        }
      }),
    );
  });

  it('a prefix longer than the family allows is rejected', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 33, max: 999 }), (ip, bits) => {
        expect(parseTrustedIp(`${ip}/${bits}`)).toEqual({ ok: false, problem: 'badPrefix' });
      }),
    );
  });

  it('garbage without digits-and-separators structure is rejected', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => /[g-zG-Z!?@#$ _]/.test(s.trim()) && !s.includes('%')), (s) => {
        expect(parseTrustedIp(s).ok).toBe(false);
      }),
    );
  });

  it('anything accepted is a valid address, range or block for Node too', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6, fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9a-f:.\-/]{1,30}$/)), (s) => {
        const r = parseTrustedIp(s);
        if (!r.ok) return;
        const parts = r.entry.value.split(/[-/]/);
        const addrs = r.entry.kind === 'cidr' ? parts.slice(0, 1) : parts;
        for (const a of addrs) expect(isIP(a)).toBe(r.entry.family);
      }),
    );
  });
});

/**
 * Fact sheet §11.2: the portal matches a CIDR on its first 4 bytes only, so an IPv6 /64 trusts a whole /32.
 * The editor sends every IPv6 CIDR (and IPv4 /0) as the range it means; the emulated portal matches like the
 * real one, quirk included, so these check what the portal would actually trust.
 */
describe('CIDR blocks the portal would match wrongly are sent as the range they mean', () => {
  const hex = fc.integer({ min: 0, max: 0xffff });
  const v6 = fc.array(hex, { minLength: 8, maxLength: 8 });
  const text6 = (groups: number[]) => groups.map((g) => g.toString(16)).join(':');

  it('property: the range sent trusts exactly the addresses of the block typed (Node decides), on the emulated portal', () => {
    fc.assert(
      fc.property(v6, fc.integer({ min: 0, max: 128 }), v6, fc.integer({ min: 0, max: 127 }), (base, bits, other, flip) => {
        const typed = `${text6(base)}/${bits}`;
        const r = parseTrustedIp(typed);
        if (!r.ok) throw new Error(`rejected ${typed}`);
        expect(r.entry.kind).not.toBe('cidr');
        expect(r.entry.fromCidr).toBeDefined();
        const block = new BlockList();
        block.addSubnet(text6(base), bits, 'ipv6');
        // An address inside the block (the base with one host bit flipped) and an arbitrary one.
        const inside = [...base];
        if (flip >= bits) inside[Math.floor(flip / 16)]! ^= 1 << (15 - (flip % 16));
        for (const candidate of [text6(inside), text6(other)]) {
          const canonical = parseTrustedIp(candidate);
          if (!canonical.ok) throw new Error(candidate);
          expect(ipTrusted(canonical.entry.value, [r.entry.value]), `${candidate} against ${typed}`).toBe(block.check(candidate, 'ipv6'));
        }
      }),
    );
  });

  it('the quirk itself, on the emulated portal: a /64 sent as typed trusts an address outside it; the range does not', () => {
    const outside = '2001:db8:ffff::1';
    expect(ipTrusted(outside, ['2001:db8::/64'])).toBe(true);
    const sent = parseTrustedIp('2001:db8::/64');
    expect(sent.ok && ipTrusted(outside, [sent.entry.value])).toBe(false);
    expect(sent.ok && ipTrusted('2001:db8::abcd', [sent.entry.value])).toBe(true);
  });

  it('IPv4 /0 as typed trusts only its base address on the portal; sent as a range it trusts what it says (and is flagged huge)', () => {
    expect(ipTrusted('198.51.100.7', ['0.0.0.0/0'])).toBe(false);
    const r = parseTrustedIp('0.0.0.0/0');
    expect(r).toEqual({ ok: true, entry: { kind: 'range', family: 4, value: '0.0.0.0-255.255.255.255', fromCidr: '0.0.0.0/0', huge: true } });
    expect(r.ok && ipTrusted('198.51.100.7', [r.entry.value])).toBe(true);
  });

  it('IPv4 /1 to /32 are matched right by the portal and go as typed', () => {
    for (const bits of [1, 8, 16, 24, 31, 32]) {
      const r = parseTrustedIp(`${bits === 1 ? '128' : '10'}.0.0.0/${bits}`);
      expect(r.ok && r.entry.kind).toBe('cidr');
      expect(r.ok && r.entry.fromCidr).toBeUndefined();
    }
  });

  it('the list names what will be converted, with the line', () => {
    const list = parseTrustedIpList('10.0.0.1\n2001:db8::/64\n2001:db8::/64\n192.0.2.0/24');
    expect(list.converted.map((l) => [l.line, l.input])).toEqual([[2, '2001:db8::/64']]);
    expect(list.values).toEqual(['10.0.0.1', '2001:db8::-2001:db8::ffff:ffff:ffff:ffff', '192.0.2.0/24']);
  });
});

describe('entries that trust a large part of the Internet are flagged', () => {
  it.each([
    ['0.0.0.0/0', true], ['10.0.0.0/8', true], ['10.0.0.0/9', false], ['0.0.0.0-255.255.255.255', true],
    ['10.0.0.0-10.255.255.255', true], ['10.0.0.0-10.255.255.254', false], ['1.0.0.0-200.0.0.0', true],
    ['::/0', true], ['2001:db8::/32', true], ['2001:db8::/33', false], ['2001::-2002::', true], ['2001:db8::-2001:db8::ffff', false],
    ['192.0.2.1', false], ['2001:db8::1', false],
  ])('%s: %s', (input, huge) => {
    const r = parseTrustedIp(input);
    expect(r.ok && (r.entry.huge ?? false)).toBe(huge);
  });

  it('the list collects them, once each', () => {
    const list = parseTrustedIpList('0.0.0.0/0\n10.0.0.0/8\n10.0.0.0/8\n192.0.2.0/24');
    expect(list.huge.map((l) => l.input)).toEqual(['0.0.0.0/0', '10.0.0.0/8']);
  });
});

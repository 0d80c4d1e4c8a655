import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BlockList, isIP } from 'node:net';
import { canonicalTrustedIps, parseTrustedIp, parseTrustedIpList } from '../../lib/tfa/trusted-ips';

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
    ['0.0.0.0/0', 'cidr', '0.0.0.0/0'],
    ['10.1.2.3/32', 'cidr', '10.1.2.3/32'],
    ['2001:DB8::/32', 'cidr', '2001:db8::/32'],
    ['::/128', 'cidr', '::/128'],
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
    ['::1.2.3.4', 'notAnAddress'], // deprecated IPv4-compatible form
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
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (ip, bits) => {
        const r = parseTrustedIp(`${ip}/${bits}`);
        if (!r.ok) throw new Error(`rejected ${ip}/${bits}`);
        expect(r.entry).toEqual({ kind: 'cidr', family: 4, value: `${ip}/${bits}` });
        const list = new BlockList();
        list.addSubnet(ip, bits, 'ipv4');
        expect(list.check(ip, 'ipv4')).toBe(true);
      }),
    );
  });

  it('a range is accepted exactly when start ≤ end', () => {
    fc.assert(
      fc.property(ipv4, ipv4, (a, b) => {
        const r = parseTrustedIp(`${a}-${b}`);
        if (toNumber(a) <= toNumber(b)) {
          expect(r).toEqual({ ok: true, entry: { kind: 'range', family: 4, value: `${a}-${b}` } });
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

import { describe, expect, it } from 'vitest';
import { isPrivateEntry, parseTrustedIp, parseTrustedIpList } from '../../lib/providers/docspace/tfa/trusted-ips';

/** Private, loopback and unique-local blocks are told apart from public ones (the editor's calm note, issue 27). */
describe('isPrivateEntry', () => {
  it.each([
    ['10.0.0.0/8', true], ['172.16.0.0/12', true], ['192.168.0.0/16', true], ['127.0.0.0/8', true],
    ['10.1.2.3', true], ['192.168.1.10-192.168.1.20', true], ['fc00::/7', true], ['fd12:3456::/32', true], ['::1', true],
    ['::ffff:10.0.0.0/104', true],
    ['11.0.0.0/8', false], ['0.0.0.0/0', false], ['172.16.0.0/11', false], ['9.255.255.255-10.0.0.5', false],
    ['2001:db8::/32', false], ['::/0', false], ['fe00::/7', false], ['::ffff:11.0.0.0/104', false], ['192.0.2.1', false],
  ])('%s: %s', (input, isPrivate) => {
    const r = parseTrustedIp(input);
    expect(r.ok).toBe(true);
    expect(r.ok && isPrivateEntry(r.entry)).toBe(isPrivate);
  });

  it('a huge private block is still huge (the review still asks), but private; a huge public one is not private', () => {
    const list = parseTrustedIpList('10.0.0.0/8\n1.0.0.0/8');
    expect(list.huge.map((l) => [l.input, l.result.ok && isPrivateEntry(l.result.entry)])).toEqual([['10.0.0.0/8', true], ['1.0.0.0/8', false]]);
  });
});

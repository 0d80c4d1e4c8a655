import { networkOf, serverFormatAddress, serverParseAddress, serverParseNetwork, serverTrim } from './server-ip';

/**
 * A trusted-IP entry the portal holds, judged as the server judges it (IPAddressRange.MatchIPs, fact sheet
 * §12.1), not by our editor's stricter rules:
 * - `works`: the server reads it and it can match (a CIDR still only on its first 32 bits, §11.2);
 * - `neverMatches`: plain text (no `-`/`/` after the first character) that is not an address exactly as the
 *   server prints a connection's (`2001:DB8::1`, ` 10.0.0.1`, `office`), or a reversed range: harmless, useless;
 * - `breaksSignIn`: a `-` or `/` entry .NET cannot parse (host bits, a prefix over 32/128, spaces around the
 *   prefix, a malformed side): it throws, and password sign-in answers HTTP 500 for everyone who is not
 *   mandatory and not matched by an earlier entry. `fix` is its network when that is what it means, else null
 *   (remove it).
 */
export type StoredTrustedIp = { kind: 'works' } | { kind: 'neverMatches' } | { kind: 'breaksSignIn'; fix: string | null };

const compare = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** The network a malformed CIDR means: spaces dropped, host bits cleared; null when it means nothing. */
function networkFix(entry: string): string | null {
  const slash = entry.lastIndexOf('/');
  const address = serverParseAddress(serverTrim(entry.slice(0, slash)));
  const digits = serverTrim(entry.slice(slash + 1));
  if (!address || !/^[0-9]{1,3}$/.test(digits) || Number(digits) > address.bytes.length * 8) return null;
  const prefix = Number(digits);
  return `${serverFormatAddress({ bytes: networkOf(address.bytes, prefix), scopeId: 0 })}/${prefix}`;
}

/** How the portal treats one stored entry, as stored (untrimmed). */
export function classifyStoredTrustedIp(entry: string): StoredTrustedIp {
  const dash = entry.indexOf('-');
  if (dash > 0) {
    const lower = serverParseAddress(serverTrim(entry.slice(0, dash)));
    const upper = serverParseAddress(serverTrim(entry.slice(dash + 1)));
    // An IPv6 start with an IPv4 end reads past the end's 4 bytes: IndexOutOfRangeException, HTTP 500 as well.
    if (!lower || !upper || (lower.bytes.length === 16 && upper.bytes.length === 4)) return { kind: 'breaksSignIn', fix: null };
    return lower.bytes.length === upper.bytes.length && compare(lower.bytes, upper.bytes) > 0 ? { kind: 'neverMatches' } : { kind: 'works' };
  }
  if (entry.indexOf('/') > 0) {
    return serverParseNetwork(entry) ? { kind: 'works' } : { kind: 'breaksSignIn', fix: networkFix(entry) };
  }
  const address = serverParseAddress(entry);
  return address && serverFormatAddress(address) === entry ? { kind: 'works' } : { kind: 'neverMatches' };
}

/** The stored entries that make password sign-in fail, in list order, with their fixes. */
export function signInBreakers(entries: string[]): { entry: string; fix: string | null }[] {
  return entries.flatMap((entry) => {
    const c = classifyStoredTrustedIp(entry);
    return c.kind === 'breaksSignIn' ? [{ entry, fix: c.fix }] : [];
  });
}

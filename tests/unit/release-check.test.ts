// The release check's loopback door (scripts/release-check.ts): a loopback host used as one is a door; the word
// "localhost" in a library's list of special-use names (tldts, the Navixy sign-in form's Public Suffix List) is not.
import { describe, expect, it } from 'vitest';
import { testDoorsIn } from '../../scripts/release-check';

const loopback = (text: string) => testDoorsIn(new Map([['chunks/a.js', text]])).filter((f) => f.door.id === 'loopback').length === 1;

describe('release check: loopback', () => {
  it.each([
    ['a comparison, as the test build minifies origin.ts', 'e.protocol==="http:"&&(e.hostname==="127.0.0.1"||e.hostname==="localhost")'],
    ['localhost compared alone', 'if(h==="localhost")return!0'],
    ['localhost compared the other way round', 'if("localhost"!==h)return!1'],
    ['a URL', 'fetch("http://localhost/api")'],
    ['a port pattern in a CSP', "connect-src https: http://localhost:*"],
    ['IPv6 loopback', 'h==="[::1]"'],
  ])('finds %s', (_what, text) => {
    expect(loopback(text)).toBe(true);
  });

  it.each([
    ['tldts\'s special-use names', 'const x0=["test","localhost","invalid","example","example.com","example.net","example.org","local","onion"]'],
    ['a word in a sentence', '"Add the panel: localhost is never a portal in this build"'],
    ['a longer name', 'mylocalhost.example.com'],
  ])('does not count %s', (_what, text) => {
    expect(loopback(text)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { checkPortalUrl, hostOf, isSupportedOrigin, originPattern, portalOriginOf } from '../../lib/portal/origin';
import { confirmTokenFromUrl } from '../../lib/providers/docspace/client';
import { describeError } from '../../lib/messages';
import { hostileLinks } from '../fixtures/hostile';

describe('portal origins', () => {
  it.each([
    ['https://docs.example.com', true],
    ['http://127.0.0.1:8092', true],
    ['http://localhost:3000', true],
    ['http://docs.example.com', false],
    ['chrome://extensions', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s supported: %s', (origin, expected) => {
    expect(isSupportedOrigin(origin)).toBe(expected);
  });

  it('derives the origin of a tab and ignores browser pages', () => {
    expect(portalOriginOf('https://docs.example.com/rooms/shared?x=1')).toBe('https://docs.example.com');
    expect(portalOriginOf('about:blank')).toBeNull();
    expect(portalOriginOf(undefined)).toBeNull();
  });

  it('asks for one site only', () => {
    expect(originPattern('https://docs.example.com')).toBe('https://docs.example.com/*');
    expect(originPattern('http://127.0.0.1:8092')).toBe('http://127.0.0.1/*');
  });
});

describe('URLs returned by the portal', () => {
  const origin = 'https://docs.example.com';
  it.each([
    ['https://docs.example.com/confirm/TfaActivation?type=TfaActivation&uid=1', true],
    ['/confirm/TfaActivation?type=TfaActivation', true],
    ['https://evil.example/confirm/TfaActivation', false],
    ['http://docs.example.com/confirm/TfaActivation', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@docs.example.com/confirm', false],
    ['//evil.example/x', false],
  ])('%s acted on: %s', (url, expected) => {
    expect(checkPortalUrl(url, origin).ok).toBe(expected);
  });
});

describe.each(['https://docs.example.com', 'http://127.0.0.1:8092'])('hostile links for a portal at %s', (origin) => {
  const good = `${origin}/confirm/TfaActivation?type=TfaActivation&uid=0b1e4f3a-2f6c-4c55-9b1d-4f3c2b1a0e9d`;

  it('the real confirm link is followed', () => {
    const url = checkPortalUrl(good, origin);
    expect(url.ok && confirmTokenFromUrl(url.value)).toMatchObject({ type: 'TfaActivation' });
  });

  it.each(hostileLinks(origin, good))('refuses %s, with a message naming the portal', (why, link) => {
    const url = checkPortalUrl(link, origin);
    if (url.ok) {
      expect(why).toBe('a same-origin page that is not a confirm link');
      // Only a same-origin page may pass the origin check, and it is still not a confirm link.
      expect(url.value.origin).toBe(origin);
      expect(confirmTokenFromUrl(url.value)).toBeNull();
      return;
    }
    expect(url.error).toMatchObject({ kind: 'unsafeUrl', origin });
    expect(describeError(url.error).message).toBe(`${hostOf(origin)} returned a link that is not a secure address on ${hostOf(origin)}, so it was not followed.`);
  });
});

import { describe, expect, it } from 'vitest';
import { checkPortalUrl, isSupportedOrigin, originPattern, portalOriginOf } from '../../lib/portal/origin';

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

import { CookieJar } from '../portal/test-client';

/** Node's own fetch, captured before any test replaces the global. */
const realFetch = globalThis.fetch;

/**
 * A fetch for Node that behaves like the browser's for one portal: it keeps the
 * cookies the portal sets (HttpOnly included) and sends them back, so the real
 * client can run with its default cookie authentication.
 */
export function jarFetch(jar = new CookieJar()): typeof fetch & { jar: CookieJar } {
  const f = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const cookie = jar.header();
    if (cookie && init.credentials !== 'omit') headers.set('Cookie', cookie);
    const response = await realFetch(input, { ...init, headers });
    jar.absorb(response.headers.getSetCookie());
    return response;
  }) as typeof fetch & { jar: CookieJar };
  f.jar = jar;
  return f;
}

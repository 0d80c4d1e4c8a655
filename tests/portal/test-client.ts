// A tiny fetch wrapper with a cookie jar, for integration tests against the emulated portal.

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined for an empty/non-JSON body. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  setCookies: string[];
}

export class CookieJar {
  readonly cookies = new Map<string, string>();

  absorb(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }

  header(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export interface CallOptions {
  body?: unknown;
  form?: Record<string, string>;
  jar?: CookieJar;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
}

export async function call(origin: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | undefined;
  if (opts.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  }
  const cookie = opts.jar?.header();
  if (cookie && !headers.Cookie) {
    headers.Cookie = cookie;
  }
  const res = await fetch(`${origin}${path.startsWith('/') ? path : `/api/2.0/${path}`}`, {
    method,
    headers,
    body,
    redirect: opts.redirect ?? 'manual',
  });
  const text = await res.text();
  const setCookies = res.headers.getSetCookie();
  opts.jar?.absorb(setCookies);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json, setCookies };
}

/** Signs in with a password over HTTP; returns the jar and the reply. */
export async function passwordSignIn(origin: string, email: string, password = 'demo-password'): Promise<{ jar: CookieJar; reply: Reply }> {
  const jar = new CookieJar();
  const reply = await call(origin, 'POST', 'authentication', { body: { userName: email, password }, jar });
  return { jar, reply };
}
